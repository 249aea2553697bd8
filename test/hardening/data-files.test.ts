// Issue 14, items 2 and 5: an empty, missing or unreadable data file, a folder in a file's place and a missing
// DATA_DIR each stop the start (and validate:data) with one line naming the cause, never a TypeError stack.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import fs, { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DatasetError, loadDataset } from '../../src/data/load-dataset.js'
import { projectRoot } from '../../src/paths.js'
import { copyOfData } from '../helpers.js'

function brokenCopy (t: Test, breakIt: (dir: string) => void): string {
  const dir = copyOfData()
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  breakIt(dir)
  return dir
}

const problemsOf = (t: Test, dir: string) => {
  const error = t.throws(() => loadDataset(dir)) as unknown as DatasetError
  t.type(error, DatasetError, 'a DatasetError, not a TypeError')
  return error.problems
}

for (const file of ['terms.yaml', 'cases/public.yaml', 'release.yaml', 'countries.yaml']) {
  t.test(`an empty ${file} is refused, naming it`, async (t) => {
    const dir = brokenCopy(t, (dir) => writeFileSync(join(dir, file), ''))
    t.same(problemsOf(t, dir), [{ file, record: '-', field: '-', message: 'file is empty' }])
  })
}

t.test('a file of blank lines or only comments holds no data', async (t) => {
  t.same(problemsOf(t, brokenCopy(t, (dir) => writeFileSync(join(dir, 'release.yaml'), '\n  \n'))),
    [{ file: 'release.yaml', record: '-', field: '-', message: 'file is empty' }])
  t.same(problemsOf(t, brokenCopy(t, (dir) => writeFileSync(join(dir, 'countries.yaml'), '# nothing yet\n'))),
    [{ file: 'countries.yaml', record: '-', field: '-', message: 'file holds no data (only comments)' }])
})

t.test('a folder where a data file should be is named (EISDIR)', async (t) => {
  const dir = brokenCopy(t, (dir) => { rmSync(join(dir, 'terms.yaml')); mkdirSync(join(dir, 'terms.yaml')) })
  t.same(problemsOf(t, dir), [{ file: 'terms.yaml', record: '-', field: '-', message: 'is a folder, not a file (EISDIR)' }])
})

t.test('a DATA_DIR that does not exist is one problem naming it', async (t) => {
  const missing = join(projectRoot, 'no-such-data-folder')
  t.same(problemsOf(t, missing), [{ file: missing, record: '-', field: '-', message: 'DATA_DIR does not exist' }])
})

/** Runs a command of the project and returns its exit code and output. */
function run (args: string[], env: Record<string, string> = {}, uid?: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    // Without tap's process-info hook, which writes under .tap/ (not writable by another user).
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_OPTIONS' && !/^_?TAP/.test(name)))
    // (tap adds its hook to every child's NODE_OPTIONS; `env -u` takes it out again.)
    const child = spawn('env', ['-u', 'NODE_OPTIONS', process.execPath, '--import', 'tsx', ...args], {
      cwd: projectRoot,
      env: { ...inherited, PORT: '0', LOG_LEVEL: 'warn', ...env },
      ...(uid === undefined ? {} : { uid, gid: uid })
    })
    let output = ''
    child.stdout.on('data', (chunk) => { output += chunk })
    child.stderr.on('data', (chunk) => { output += chunk })
    child.on('exit', (code) => resolve({ code, output }))
  })
}

const noStack = (t: Test, output: string) => {
  t.notMatch(output, /TypeError|^\s+at /m, 'no stack trace')
}

t.test('validate:data and the server stop on an empty file with a line naming it', async (t) => {
  const dir = brokenCopy(t, (dir) => writeFileSync(join(dir, 'countries.yaml'), ''))
  const validate = await run(['src/cli/validate-data.ts', dir])
  t.equal(validate.code, 1)
  t.match(validate.output, /^ {2}countries\.yaml: .*file is empty$/m)
  noStack(t, validate.output)
  const server = await run(['src/server.ts'], { DATA_DIR: dir })
  t.equal(server.code, 1)
  t.match(server.output, /^ {2}countries\.yaml: .*file is empty$/m)
  noStack(t, server.output)
})

t.test('the server names a missing DATA_DIR once', async (t) => {
  const server = await run(['src/server.ts'], { DATA_DIR: '/nonexistent/data' })
  t.equal(server.code, 1)
  t.equal(server.output.match(/\/nonexistent\/data/g)?.length, 1, server.output)
  t.match(server.output, /DATA_DIR does not exist/)
  t.notMatch(server.output, /file is missing/)
  noStack(t, server.output)
})

t.test('an unreadable data file is named (EACCES)', async (t) => {
  // In process, the loader's answer to a read the operating system refuses (root reads any file, so the refusal is
  // made by a mocked node:fs rather than by file permissions).
  const eacces = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
  const mocked = await t.mockImport<typeof import('../../src/data/load-dataset.js')>('../../src/data/load-dataset.js', {
    'node:fs': { ...fs, readFileSync: (path: string, ...rest: []) => { if (String(path).endsWith('terms.yaml')) throw eacces; return fs.readFileSync(path, ...rest) } }
  })
  const error = t.throws(() => mocked.loadDataset(brokenCopy(t, () => {}))) as unknown as DatasetError
  t.type(error, mocked.DatasetError, 'a DatasetError, not the raw EACCES')
  t.match(error.problems, [{ file: 'terms.yaml', message: 'cannot be read: permission denied (EACCES)' }])

  // Through the CLI with real permissions: as root, the check runs as nobody, which needs to reach the project
  // (a clone inside a private temporary folder is out of its reach: then only the in-process check above runs).
  const asRoot = process.getuid?.() === 0
  if (asRoot && !reachableByOthers(projectRoot)) {
    t.comment(`CLI part skipped: user nobody cannot reach ${projectRoot}`)
    return
  }
  const dir = brokenCopy(t, (dir) => { chmodSync(dir, 0o755); chmodSync(join(dir, 'terms.yaml'), 0o000) })
  const validate = await run(['src/cli/validate-data.ts', dir], {}, asRoot ? 65534 : undefined)
  t.equal(validate.code, 1, validate.output)
  t.match(validate.output, /^ {2}terms\.yaml: .*cannot be read: permission denied \(EACCES\)$/m)
  noStack(t, validate.output)
})

/** Whether every folder from the root down to `path` lets other users through (their execute bit). */
function reachableByOthers (path: string): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return false
    if (dirname(dir) === dir) return true
  }
}
