// The compiled dataset: the records of data/ exactly as a full load checked them, kept in one JSON file, so that a
// start whose data/ and code are unchanged reads JSON instead of parsing YAML and checking every record again.
//
// Why: at start-up the YAML parse and the schema and integrity checks are most of the work that grows with the data
// (at 100× today's data about 3 s of a 4 s start), and the objects js-yaml builds keep their strings as slices of
// the whole file's text, holding about twice the heap of the same records read from JSON (docs/performance.md).
//
// Why it is safe: the file is used only when two things match. The fingerprint of data/ (SHA-256 over every data
// file's name and bytes, the same hash the dataset version comes from) says the files are byte for byte the ones
// that were checked: any edit, a new file, a missing or unreadable one changes it, and then the full load runs and
// a broken dataset stops the start as before. The build id says the code that checked them is this code: a new
// build (new schemas, new integrity rules) never trusts a file an older build wrote. Anything else about the file
// (missing, unreadable, truncated, another format) means a full load, never a failed start.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { buildDataset, type RawDataset } from './dataset.js'
import { checkDataFiles, readDataFiles, versionOf, type LoadResult } from './load-dataset.js'

/** Bumped whenever the file's layout changes. */
const FORMAT = 1

/** The first line of the file: what it was made from, read before the (large) body is parsed. */
interface CompiledHeader { format: number; buildId: string; fingerprint: string }

export interface CompiledDatasetOptions {
  /** Where the compiled dataset is kept. */
  path: string
  /** Identifies the code that checks the data: written into the file, and required to match when reading it. */
  buildId: string
}

/** How the dataset was obtained: from the compiled file, or by a full load of data/ (and why). */
export type LoadSource =
  | { kind: 'compiled' }
  | { kind: 'files'; reason: string }

export interface CompiledLoadResult extends LoadResult { source: LoadSource }

/**
 * The dataset from the compiled file when it matches data/ and this build, otherwise from a full load of data/
 * (which throws DatasetError on a broken dataset, as loadDataset does). Reading data/'s bytes is needed either way:
 * they are the fingerprint.
 */
export function loadDatasetCompiled (dataDir: string, options: CompiledDatasetOptions): CompiledLoadResult {
  const read = readDataFiles(dataDir)
  const found = read.problems.length === 0
    ? readCompiled(options.path, { format: FORMAT, buildId: options.buildId, fingerprint: read.fingerprint })
    : { raw: undefined, reason: 'data/ has files that cannot be read' }
  const version = versionOf(read.fingerprint)
  if (found.raw) {
    return { dataset: buildDataset(found.raw, version), files: read.names, raw: found.raw, fingerprint: read.fingerprint, source: { kind: 'compiled' } }
  }
  const raw = checkDataFiles(read)
  return { dataset: buildDataset(raw, version), files: read.names, raw, fingerprint: read.fingerprint, source: { kind: 'files', reason: found.reason } }
}

/** The records in the compiled file if it was made from these files by this build; otherwise why not. */
function readCompiled (path: string, expected: CompiledHeader): { raw?: RawDataset; reason: string } {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { reason: code === 'ENOENT' ? 'no compiled dataset yet' : `the compiled dataset cannot be read (${code ?? 'error'})` }
  }
  const newline = text.indexOf('\n')
  let header: Partial<CompiledHeader>
  try {
    header = JSON.parse(newline === -1 ? text : text.slice(0, newline)) as Partial<CompiledHeader>
  } catch {
    return { reason: 'the compiled dataset is not in a known format' }
  }
  if (header.format !== expected.format) return { reason: 'the compiled dataset is in another format' }
  if (header.buildId !== expected.buildId) return { reason: 'the compiled dataset was made by another build' }
  if (header.fingerprint !== expected.fingerprint) return { reason: 'data/ changed since the dataset was compiled' }
  try {
    return { raw: JSON.parse(text.slice(newline + 1)) as RawDataset, reason: '' }
  } catch {
    return { reason: 'the compiled dataset is damaged (its body is not JSON)' }
  }
}

/**
 * Writes the compiled dataset for records a full load has just checked. Written to a temporary file beside it and
 * renamed, so that a reader (another replica, the next start) never sees half a file. Throws what the file system
 * throws (a read-only file system, say): the caller decides whether that matters.
 */
export function writeCompiledDataset (options: CompiledDatasetOptions, fingerprint: string, raw: RawDataset): void {
  const header: CompiledHeader = { format: FORMAT, buildId: options.buildId, fingerprint }
  mkdirSync(dirname(options.path), { recursive: true })
  const temporary = `${options.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temporary, `${JSON.stringify(header)}\n${JSON.stringify(raw)}`)
    renameSync(temporary, options.path)
  } finally {
    rmSync(temporary, { force: true })
  }
}
