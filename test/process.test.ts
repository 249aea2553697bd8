// The real process, as the README starts it: `npm start` serves, and a broken dataset stops it naming the problem.
import t from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { copyOfData, editDataFile } from './helpers.js'
import { freePort } from '../scripts/free-port.js'


function start (env: Record<string, string>) {
  // Own process group, so that npm, its shell and node are stopped together.
  const child = spawn('npm', ['start', '--silent'], { cwd: projectRoot, env: { ...process.env, ...env }, detached: true })
  let output = ''
  child.stdout.on('data', (chunk) => { output += chunk })
  child.stderr.on('data', (chunk) => { output += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output, stop: () => { try { process.kill(-child.pid!, 'SIGTERM') } catch {} } }
}

t.test('npm start serves the bundled dataset and answers /readyz', async (t) => {
  const port = await freePort()
  const server = start({ PORT: String(port), LOG_LEVEL: 'warn' })
  t.teardown(server.stop)
  let ready: Response | undefined
  for (let attempt = 0; attempt < 240 && !ready; attempt++) {
    try { ready = await fetch(`http://127.0.0.1:${port}/readyz`) } catch { await new Promise((r) => setTimeout(r, 250)) }
  }
  t.ok(ready, `the server answered; output: ${server.output()}`)
  t.equal(ready?.status, 200)
  t.equal(((await ready?.json()) as { status: string }).status, 'ready')
  const red = await fetch(`http://127.0.0.1:${port}/v1/notice-types/red`)
  t.equal(red.status, 200)
  // What answered is the bundle `npm run build` (prestart) wrote, not a tsc output (scripts/build.ts).
  t.ok(existsSync(join(projectRoot, 'dist', 'src', 'server.bundle.js')), 'npm start built the bundle')
  t.match(readFileSync(join(projectRoot, 'dist', 'src', 'server.js'), 'utf8'), /import\('\.\/server\.bundle\.js'\)/, 'and serves it')
  t.notOk(existsSync(join(projectRoot, 'dist', 'src', 'app.js')), 'no separately compiled modules beside it')
})

t.test('a broken record stops npm start (the bundled server) with a non-zero exit naming file, record and field', async (t) => {
  const dir = copyOfData()
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  editDataFile(dir, 'notice-types.yaml', /kind: notice\b/, 'kind: warrant')
  const server = start({ PORT: String(await freePort()), DATA_DIR: dir })
  t.teardown(server.stop)
  const code = await server.exited
  t.not(code, 0)
  t.match(server.output(), /notice-types\.yaml: record [a-z-]+, field kind: /)
})

t.test('an invalid environment variable stops the start with a clear error', async (t) => {
  const server = start({ PORT: 'not-a-port' })
  t.teardown(server.stop)
  t.not(await server.exited, 0)
  t.match(server.output(), /Invalid configuration: .*PORT/)
})

