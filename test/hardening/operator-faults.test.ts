// Issue 14, item 5: an operator's mistake in PORT, HOST or TRUST_PROXY stops the start with one line naming it.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { projectRoot } from '../../src/paths.js'

function start (env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: projectRoot,
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }
    })
    let output = ''
    child.stdout.on('data', (chunk) => { output += chunk })
    child.stderr.on('data', (chunk) => { output += chunk })
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, output }) })
  })
}

const oneLine = (t: Test, output: string, pattern: RegExp) => {
  const lines = output.trim().split('\n').filter((line) => line.trim() !== '')
  t.equal(lines.length, 1, `one line: ${output}`)
  t.match(lines[0], pattern)
  t.notMatch(output, /^\s+at /m, 'no stack trace')
}

t.test('PORT already in use', async (t) => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  t.teardown(() => blocker.close())
  const port = (blocker.address() as { port: number }).port
  const { code, output } = await start({ PORT: String(port) })
  t.equal(code, 1)
  oneLine(t, output, new RegExp(`PORT ${port} is already in use .*EADDRINUSE`))
})

t.test('a HOST that does not resolve', async (t) => {
  const { code, output } = await start({ PORT: '0', HOST: 'no-such-host.invalid' })
  t.equal(code, 1)
  oneLine(t, output, /HOST no-such-host\.invalid cannot be resolved/)
})

t.test('TRUST_PROXY that is not an address, and a bad CIDR', async (t) => {
  for (const value of ['foo', '10.0.0.0/99']) {
    const { code, output } = await start({ PORT: '0', TRUST_PROXY: value })
    t.equal(code, 2, value)
    oneLine(t, output, /^Invalid configuration: TRUST_PROXY/)
  }
})
