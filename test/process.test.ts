// The real process, as the README starts it: `npm start` serves, and a broken dataset stops it naming the problem.
import t from 'tap'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'
import { copyOfData, editDataFile } from './helpers.js'
import { freePort } from '../scripts/free-port.js'


function start (env: Record<string, string>, command = ['npm', 'start', '--silent']) {
  // Own process group, so that npm, its shell and node are stopped together.
  const child = spawn(command[0], command.slice(1), { cwd: projectRoot, env: { ...process.env, ...env }, detached: true })
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


/** Polls until the server answers /readyz, or gives up after a minute. */
async function readyOn (port: number) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try { return await fetch(`http://127.0.0.1:${port}/readyz`) } catch { await new Promise((resolve) => setTimeout(resolve, 250)) }
  }
  return undefined
}

t.test('the built server compiles a dataset once, reads it on the next start, and still refuses a broken one', async (t) => {
  // dist/ is the build `npm start` made in the first test; the server is run directly so that no new build (with a
  // new build id) comes between the two starts.
  const dir = copyOfData()
  const folder = mkdtempSync(join(tmpdir(), 'compiled-process-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }); rmSync(folder, { recursive: true, force: true }) })
  const env = { DATA_DIR: dir, COMPILED_DATASET: join(folder, 'dataset.compiled.json'), LOG_LEVEL: 'info' }
  const node = ['node', 'dist/src/server.js']

  const versions: string[] = []
  for (const expected of ['files', 'compiled']) {
    const port = await freePort()
    const server = start({ ...env, PORT: String(port) }, node)
    t.teardown(server.stop)
    t.equal((await readyOn(port))?.status, 200, `the ${expected} start serves; output: ${server.output().slice(0, 2000)}`)
    versions.push(((await (await fetch(`http://127.0.0.1:${port}/v1/meta`)).json()) as { version: string }).version)
    // The compiled file is written just after listening.
    for (let i = 0; i < 100 && expected === 'files' && !server.output().includes('compiled dataset written'); i++) await new Promise((resolve) => setTimeout(resolve, 100))
    t.match(server.output(), new RegExp(`"source":"${expected}"[^\n]*"msg":"dataset loaded"`), `the dataset came from ${expected}`)
    if (expected === 'files') t.match(server.output(), /compiled dataset written for the next start/)
    server.stop()
    await server.exited
  }
  t.equal(versions[0], versions[1], 'the same dataset version either way')

  editDataFile(dir, 'notice-types.yaml', /kind: notice\b/, 'kind: warrant')
  const broken = start({ ...env, PORT: String(await freePort()) }, node)
  t.teardown(broken.stop)
  t.not(await broken.exited, 0, 'a broken dataset stops the start although a compiled one exists')
  t.match(broken.output(), /notice-types\.yaml: record [a-z-]+, field kind: /)
})

t.test('a compiled dataset that cannot be written is a warning, not a failed start', async (t) => {
  const port = await freePort()
  // A path under a file cannot be created, as on a read-only root file system.
  const server = start({ PORT: String(port), COMPILED_DATASET: join(projectRoot, 'package.json', 'dataset.compiled.json'), LOG_LEVEL: 'info' }, ['node', 'dist/src/server.js'])
  t.teardown(server.stop)
  t.equal((await readyOn(port))?.status, 200)
  for (let i = 0; i < 100 && !server.output().includes('could not be written'); i++) await new Promise((resolve) => setTimeout(resolve, 100))
  t.match(server.output(), /"level":40[^\n]*"msg":"the compiled dataset could not be written; the next start loads data\/ whole"/)
  t.equal((await fetch(`http://127.0.0.1:${port}/v1/notice-types/red`)).status, 200, 'and it serves')
})
