// The compiled dataset is used only when it was made from exactly these data files by this build; in every other
// case start-up loads data/ whole, and a broken dataset still stops it.
import t, { type Test } from 'tap'
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadDatasetCompiled, writeCompiledDataset } from '../../src/data/compiled-dataset.js'
import { DatasetError, loadDataset } from '../../src/data/load-dataset.js'
import { copyOfData, editDataFile } from '../helpers.js'

function setUp (t: Test) {
  const dataDir = copyOfData()
  const folder = mkdtempSync(join(tmpdir(), 'compiled-'))
  t.teardown(() => { rmSync(dataDir, { recursive: true, force: true }); rmSync(folder, { recursive: true, force: true }) })
  return { dataDir, options: { path: join(folder, 'dataset.compiled.json'), buildId: 'build-a' } }
}

/** A full load, then its records compiled as the build would write them. */
async function compile (dataDir: string, options: { path: string; buildId: string }) {
  const full = loadDataset(dataDir)
  await writeCompiledDataset(options, full.fingerprint, full.raw)
  return full
}

t.test('a matching compiled dataset gives exactly the dataset a full load gives', async (t) => {
  const { dataDir, options } = setUp(t)
  const full = await compile(dataDir, options)
  const loaded = loadDatasetCompiled(dataDir, options)
  t.same(loaded.source, { kind: 'compiled' })
  t.equal(loaded.dataset.version, full.dataset.version, 'same dataset version (ETags do not change)')
  t.same(loaded.dataset, full.dataset, 'every collection, record and derived field equal')
  t.same(loaded.files, full.files)
})

t.test('the compiled file is ASCII, and every other character comes back as it was', async (t) => {
  const { dataDir, options } = setUp(t)
  const full = await compile(dataDir, options)
  const bytes = readFileSync(options.path)
  t.ok(bytes.every((byte) => byte < 0x80), 'no byte above 0x7f')
  const nonAscii = JSON.stringify(full.raw).match(/[^\u0000-\u007f]+/g) ?? []
  t.ok(nonAscii.length > 0, 'the dataset has non-ASCII text (translations, names) to carry')
  t.same(loadDatasetCompiled(dataDir, options).raw, full.raw, 'the records read back equal the records written')
})

t.test('without a compiled dataset, data/ is loaded whole', async (t) => {
  const { dataDir, options } = setUp(t)
  const loaded = loadDatasetCompiled(dataDir, options)
  t.same(loaded.source, { kind: 'files', reason: 'no compiled dataset yet' })
  t.same(loaded.dataset, loadDataset(dataDir).dataset)
})

t.test('an edited data file is read from data/, not from the stale compiled file', async (t) => {
  const { dataDir, options } = setUp(t)
  const before = await compile(dataDir, options)
  editDataFile(dataDir, 'release.yaml', /released: "?\d{4}-\d{2}-\d{2}"?/, 'released: 2026-12-01')
  const loaded = loadDatasetCompiled(dataDir, options)
  t.same(loaded.source, { kind: 'files', reason: 'data/ changed since the dataset was compiled' })
  t.equal(loaded.dataset.release.released, '2026-12-01', 'the edit is served')
  t.not(loaded.dataset.version, before.dataset.version, 'under a new dataset version')
})

t.test('a broken data file still stops the load, whatever the compiled file says', async (t) => {
  const { dataDir, options } = setUp(t)
  await compile(dataDir, options)
  editDataFile(dataDir, 'notice-types.yaml', /kind: notice\b/, 'kind: warrant')
  t.throws(() => loadDatasetCompiled(dataDir, options), DatasetError)
  t.throws(() => loadDatasetCompiled(dataDir, options), /notice-types\.yaml: record [a-z-]+, field kind: /)
})

t.test('a missing data file stops the load too', async (t) => {
  const { dataDir, options } = setUp(t)
  await compile(dataDir, options)
  unlinkSync(join(dataDir, 'grounds.yaml'))
  t.throws(() => loadDatasetCompiled(dataDir, options), /grounds\.yaml: record -, field -: file is missing/)
})

t.test('a compiled file from another build, format or damaged is not used, and the start goes on', async (t) => {
  const { dataDir, options } = setUp(t)
  await compile(dataDir, options)
  const written = readFileSync(options.path, 'utf8')
  const [header, body] = [written.slice(0, written.indexOf('\n')), written.slice(written.indexOf('\n') + 1)]
  const expected = loadDataset(dataDir).dataset

  const other = loadDatasetCompiled(dataDir, { ...options, buildId: 'build-b' })
  t.same(other.source, { kind: 'files', reason: 'the compiled dataset was made by another build' })
  t.same(other.dataset, expected)

  const cases: Array<[string, string, string]> = [
    ['another format', `${header.replace('"format":2', '"format":99')}\n${body}`, 'the compiled dataset is in another format'],
    ['a truncated body', `${header}\n${body.slice(0, body.length / 2)}`, 'the compiled dataset is damaged (its body is not JSON)'],
    ['no header', body, 'the compiled dataset is in another format'],
    ['garbage', 'not json at all', 'the compiled dataset is not in a known format'],
    ['an empty file', '', 'the compiled dataset is not in a known format']
  ]
  for (const [name, text, reason] of cases) {
    writeFileSync(options.path, text)
    const loaded = loadDatasetCompiled(dataDir, options)
    t.same(loaded.source, { kind: 'files', reason }, name)
    t.same(loaded.dataset, expected, `${name}: the dataset is loaded from data/`)
  }
})

t.test('the compiled file is replaced whole, never left half-written', async (t) => {
  const { dataDir, options } = setUp(t)
  await compile(dataDir, options)
  const first = readFileSync(options.path, 'utf8')
  await compile(dataDir, { ...options, buildId: 'build-b' })
  const second = readFileSync(options.path, 'utf8')
  t.not(first, second)
  t.match(second, /^\{"format":2,"buildId":"build-b","fingerprint":"[0-9a-f]{64}"\}\n\{/)
  t.same(readFileSync(options.path).length, Buffer.byteLength(second), 'one file, no temporary left beside it')
})
