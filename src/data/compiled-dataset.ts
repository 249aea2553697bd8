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
import { closeSync, mkdirSync, openSync, readFileSync, readSync, rmSync } from 'node:fs'
import { open, rename } from 'node:fs/promises'
import { dirname } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { buildDataset, type RawDataset } from './dataset.js'
import { checkDataFiles, fingerprintOf, readDataFiles, versionOf, type LoadResult } from './load-dataset.js'

/**
 * Bumped whenever the file's layout changes. 2: the body is ASCII, every other character written as a \u escape,
 * so that it is read as Latin-1 into a one-byte string: decoding tens of MB of UTF-8 (the translations make the
 * text two-byte as a whole) took longer than parsing the JSON, and the parsed strings are one-byte where they can be.
 */
const FORMAT = 2

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
 * (which throws DatasetError on a broken dataset, as loadDataset does).
 */
export function loadDatasetCompiled (dataDir: string, options: CompiledDatasetOptions): CompiledLoadResult {
  const found = readCompiled(options.path, dataDir, { format: FORMAT, buildId: options.buildId })
  if ('raw' in found) {
    const { raw, fingerprint, files } = found
    return { dataset: buildDataset(raw, versionOf(fingerprint)), files, raw, fingerprint, source: { kind: 'compiled' } }
  }
  const read = readDataFiles(dataDir)
  const raw = checkDataFiles(read)
  return {
    dataset: buildDataset(raw, versionOf(read.fingerprint)),
    files: read.names,
    raw,
    fingerprint: read.fingerprint,
    source: { kind: 'files', reason: found.reason }
  }
}

type Compiled = { raw: RawDataset; fingerprint: string; files: string[] } | { reason: string }

/**
 * The records in the compiled file if it was made from these files by this build; otherwise why not. Cheapest
 * check first: the header (a few bytes) before data/'s fingerprint (every data file read), and both before the body
 * (tens of MB at 100×), so that a start without a usable file reads data/ only once, for the full load.
 */
function readCompiled (path: string, dataDir: string, expected: Omit<CompiledHeader, 'fingerprint'>): Compiled {
  const headerText = readHeaderText(path)
  if ('reason' in headerText) return headerText
  let header: Partial<CompiledHeader>
  try {
    header = JSON.parse(headerText.text) as Partial<CompiledHeader>
  } catch {
    return { reason: 'the compiled dataset is not in a known format' }
  }
  if (header.format !== expected.format) return { reason: 'the compiled dataset is in another format' }
  if (header.buildId !== expected.buildId) return { reason: 'the compiled dataset was made by another build' }
  const current = fingerprintOf(dataDir)
  if (!current) return { reason: 'data/ has files that are missing or cannot be read' }
  if (header.fingerprint !== current.fingerprint) return { reason: 'data/ changed since the dataset was compiled' }
  let text: string
  try {
    text = readFileSync(path, 'latin1')
  } catch (error) {
    return { reason: cannotRead(error) }
  }
  try {
    return { raw: JSON.parse(text.slice(text.indexOf('\n') + 1)) as RawDataset, ...current }
  } catch {
    return { reason: 'the compiled dataset is damaged (its body is not JSON)' }
  }
}

/** The header is about 150 bytes; a first read this long finds its end. */
const HEADER_BYTES = 4096

/** The file's first line; the whole file when no line ends in its first few KB (then it has no header). */
function readHeaderText (path: string): { text: string } | { reason: string } {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const prefix = Buffer.alloc(HEADER_BYTES)
    const length = readSync(fd, prefix)
    const newline = prefix.subarray(0, length).indexOf(0x0a)
    if (newline !== -1) return { text: prefix.toString('latin1', 0, newline) }
    return { text: length < HEADER_BYTES ? prefix.toString('latin1', 0, length) : readFileSync(path, 'latin1') }
  } catch (error) {
    return { reason: cannotRead(error) }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function cannotRead (error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' ? 'no compiled dataset yet' : `the compiled dataset cannot be read (${code ?? 'error'})`
}

/** JSON text with every non-ASCII character as a \u escape (a character outside the BMP as its two halves). */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)

/** Records written per turn of the event loop: a server writing after it listens keeps answering meanwhile. */
const RECORDS_PER_TURN = 200

/**
 * Writes the compiled dataset for records a full load has just checked, a few records per turn of the event loop
 * (at 100× the whole is about 60 MB of JSON, seconds of work). Written to a temporary file beside it and renamed, so
 * that a reader (another replica, the next start) never sees half a file. Rejects with what the file system throws
 * (a read-only file system, say): the caller decides whether that matters.
 */
export async function writeCompiledDataset (options: CompiledDatasetOptions, fingerprint: string, raw: RawDataset): Promise<void> {
  const header: CompiledHeader = { format: FORMAT, buildId: options.buildId, fingerprint }
  mkdirSync(dirname(options.path), { recursive: true })
  const temporary = `${options.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const file = await open(temporary, 'w')
  try {
    await file.write(`${JSON.stringify(header)}\n{`)
    // As JSON.stringify(raw) would, a collection at a time: undefined members are left out.
    const members = Object.entries(raw).filter(([, value]) => value !== undefined)
    for (const [index, [key, value]] of members.entries()) {
      await file.write(`${index === 0 ? '' : ','}${JSON.stringify(key)}:`)
      if (!Array.isArray(value)) {
        await file.write(asciiJson(value))
        continue
      }
      await file.write('[')
      for (let start = 0; start < value.length; start += RECORDS_PER_TURN) {
        await file.write(`${start === 0 ? '' : ','}${value.slice(start, start + RECORDS_PER_TURN).map(asciiJson).join(',')}`)
        await nextTurn()
      }
      await file.write(']')
    }
    await file.write('}')
    await file.close()
    await rename(temporary, options.path)
  } catch (error) {
    await file.close().catch(() => {})
    throw error
  } finally {
    rmSync(temporary, { force: true })
  }
}
