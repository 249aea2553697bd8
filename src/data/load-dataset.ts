// Reads data/, validates every record against the schemas, checks integrity and builds the in-memory dataset.
// Any problem stops here, naming the file, the record and the field, so a broken release never serves.
import { createHash, type Hash } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import jsYaml from 'js-yaml'
import { Value } from 'typebox/value'
import { Compile, type Validator } from 'typebox/compile'
import type { TSchema } from 'typebox'
import {
  schemaContext, NoticeType, Instrument, Provision, GroundRecord, RequestingEntity, Case, Term, CountriesFile
} from '../../schemas/index.js'
import { Release } from '../../schemas/release.js'
import { Misconception } from '../../schemas/misconception.js'
import { Changelog } from '../../schemas/changelog.js'
import { checkIntegrity } from './integrity.js'
import { buildDataset, type Dataset, type RawDataset } from './dataset.js'

export interface DataProblem { file: string; record: string; field: string; message: string }

export class DatasetError extends Error {
  constructor (readonly problems: DataProblem[]) {
    super(`The dataset is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
      problems.map(formatProblem).join('\n'))
    this.name = 'DatasetError'
  }
}

export const formatProblem = (p: DataProblem) => `  ${p.file}: record ${p.record}, field ${p.field}: ${p.message}`

interface ListResource { key: keyof RawDataset; name: string; schema: TSchema; list: true }
interface DocumentResource { key: keyof RawDataset; name: string; schema: TSchema; list: false }

/** Where each resource lives (`data/<name>.yaml` and/or `data/<name>/*.yaml`) and what it must match. */
const RESOURCES: Array<ListResource | DocumentResource> = [
  { key: 'release', name: 'release', schema: Release, list: false },
  { key: 'noticeTypes', name: 'notice-types', schema: NoticeType, list: true },
  { key: 'instruments', name: 'instruments', schema: Instrument, list: true },
  { key: 'provisions', name: 'provisions', schema: Provision, list: true },
  { key: 'grounds', name: 'grounds', schema: GroundRecord, list: true },
  { key: 'requestingEntities', name: 'requesting-entities', schema: RequestingEntity, list: true },
  { key: 'countries', name: 'countries', schema: CountriesFile, list: false },
  { key: 'cases', name: 'cases', schema: Case, list: true },
  { key: 'terms', name: 'terms', schema: Term, list: true },
  { key: 'misconceptions', name: 'misconceptions', schema: Misconception, list: true },
  { key: 'changelog', name: 'changelog', schema: Changelog, list: false }
]

/** A record as read, remembering its file so that integrity problems can name it. */
export interface Located<T = unknown> { file: string; value: T }

function filesOf (dataDir: string, name: string): string[] {
  const files: string[] = []
  const single = join(dataDir, `${name}.yaml`)
  if (existsSync(single)) files.push(single)
  const folder = join(dataDir, name)
  if (existsSync(folder)) {
    for (const entry of readdirSync(folder).sort()) {
      if (entry.endsWith('.yaml') || entry.endsWith('.yml')) files.push(join(folder, entry))
    }
  }
  return files
}

export function recordLabel (value: unknown, index: number): string {
  if (value && typeof value === 'object') {
    const { id, iso2 } = value as { id?: unknown; iso2?: unknown }
    if (typeof id === 'string') return id
    if (typeof iso2 === 'string') return iso2
  }
  return `#${index + 1}`
}

/** `/sources/0/url` → `sources[0].url`; a missing or unknown property is named as the field itself. */
export function fieldOf (error: { instancePath: string; keyword: string; params: Record<string, unknown> }): string[] {
  const base = error.instancePath.split('/').slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '')
  const join = (name: string) => (base ? `${base}.${name}` : name)
  if (error.keyword === 'required' && Array.isArray(error.params.requiredProperties)) {
    return (error.params.requiredProperties as string[]).map(join)
  }
  if (error.keyword === 'additionalProperties' && Array.isArray(error.params.additionalProperties)) {
    return (error.params.additionalProperties as string[]).map(join)
  }
  return [base || '(record)']
}

function messageOf (error: { keyword: string; message: string }): string {
  if (error.keyword === 'required') return 'is required but missing'
  if (error.keyword === 'additionalProperties') return 'is not a known field'
  return error.message
}

// Almost every record is valid, and start-up time matters (readiness, autoscaling): a compiled check is about 30
// times faster than TypeBox's interpreter, which then runs only on invalid records to name their fields.
const validators = new Map<TSchema, Validator<typeof schemaContext, TSchema>>()
function validatorOf (schema: TSchema) {
  let validator = validators.get(schema)
  if (!validator) { validator = Compile(schemaContext, schema); validators.set(schema, validator) }
  return validator
}

/** Schema problems of one value; additionalProperties reports twice in TypeBox, so keep one of each. */
function schemaProblems (schema: TSchema, value: unknown, file: string, record: string): DataProblem[] {
  if (validatorOf(schema).Check(value)) return []
  const seen = new Set<string>()
  const problems: DataProblem[] = []
  for (const error of Value.Errors(schemaContext, schema, value)) {
    if (error.keyword === 'boolean') continue
    for (const field of fieldOf(error as never)) {
      const problem = { file, record, field, message: messageOf(error as never) }
      const key = `${field} ${problem.message}`
      if (!seen.has(key)) { seen.add(key); problems.push(problem) }
    }
  }
  return problems
}

// js-yaml with its core schema: dates stay strings (as YAML 1.2 reads them), a duplicate key is an error, and it
// parses the dataset about ten times faster than the `yaml` package, which was most of the cold start.
function readYaml (text: string, file: string, problems: DataProblem[]): unknown {
  try {
    return jsYaml.load(text, { filename: file, schema: jsYaml.CORE_SCHEMA })
  } catch (error) {
    if (!(error instanceof jsYaml.YAMLException)) throw error
    const line = error.mark ? error.mark.line + 1 : undefined
    problems.push({ file, record: line ? `at line ${line}` : '-', field: '-', message: `YAML: ${error.reason}` })
    return undefined
  }
}

/** Why a file could not be read, in words an operator acts on (an unreadable file or a folder in its place). */
const READ_FAULTS: Record<string, string> = {
  EACCES: 'cannot be read: permission denied (EACCES)',
  EPERM: 'cannot be read: operation not permitted (EPERM)',
  EISDIR: 'is a folder, not a file (EISDIR)',
  ENOENT: 'file is missing'
}

/** The file's bytes, or undefined after recording why they could not be read; other errors are not ours to name. */
function readFile (path: string, file: string, problems: DataProblem[]): Buffer | undefined {
  try {
    return readFileSync(path)
  } catch (error) {
    const fault = READ_FAULTS[(error as NodeJS.ErrnoException).code ?? '']
    if (!fault) throw error
    problems.push({ file, record: '-', field: '-', message: fault })
    return undefined
  }
}

/** A DATA_DIR that is not a folder is one problem naming it, not one "file is missing" per resource. */
function dataDirProblem (dataDir: string): DataProblem | undefined {
  try {
    if (statSync(dataDir).isDirectory()) return undefined
    return { file: dataDir, record: '-', field: '-', message: 'DATA_DIR is not a folder' }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { file: dataDir, record: '-', field: '-', message: code === 'ENOENT' ? 'DATA_DIR does not exist' : `DATA_DIR cannot be read (${code})` }
  }
}

/** One data file as read from disk, before parsing. */
export interface DataFile { resource: ListResource | DocumentResource; file: string; bytes: Buffer }

/**
 * Every data file's bytes, the problems met reading them, and the dataset's fingerprint: a SHA-256 of each file's
 * name and bytes, in a fixed order. The fingerprint decides whether a compiled dataset still describes data/ (its
 * first 16 hex digits are the dataset version in ETags and /v1/meta).
 */
export interface DataFiles { files: DataFile[]; names: string[]; problems: DataProblem[]; fingerprint: string }

export function readDataFiles (dataDir: string): DataFiles {
  const dirProblem = dataDirProblem(dataDir)
  if (dirProblem) throw new DatasetError([dirProblem])
  const problems: DataProblem[] = []
  const files: DataFile[] = []
  const names: string[] = []
  const hash = createHash('sha256')
  for (const { resource, paths } of dataFilesOf(dataDir)) {
    if (paths.length === 0) {
      problems.push({ file: `${resource.name}.yaml`, record: '-', field: '-', message: 'file is missing' })
      continue
    }
    for (const { path, file } of paths) {
      names.push(file)
      const bytes = readFile(path, file, problems)
      if (bytes === undefined) continue
      hashFile(hash, file, [bytes])
      files.push({ resource, file, bytes })
    }
  }
  return { files, names, problems, fingerprint: hash.digest('hex') }
}

/** Every resource's data files (path, and name relative to data/), in the order the fingerprint hashes them. */
function dataFilesOf (dataDir: string): Array<{ resource: ListResource | DocumentResource; paths: Array<{ path: string; file: string }> }> {
  return RESOURCES.map((resource) => ({
    resource,
    paths: filesOf(dataDir, resource.name).map((path) => ({ path, file: relative(dataDir, path) }))
  }))
}

/** One file's part of the fingerprint, the same for both readers: its name and its bytes, each closed by a NUL. */
function hashFile (hash: Hash, file: string, chunks: Iterable<Buffer>): void {
  hash.update(file).update('\0')
  for (const chunk of chunks) hash.update(chunk)
  hash.update('\0')
}

/** A file's bytes through one reused buffer: each chunk is valid only until the next is read. */
function * chunksOf (fd: number, buffer: Buffer): Generator<Buffer> {
  for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield buffer.subarray(0, read)
}

const FINGERPRINT_CHUNK = 1 << 20

/**
 * The fingerprint readDataFiles computes, without keeping the files: read through one reused 1 MB buffer, because on
 * a large dataset allocating a buffer per file (tens of MB at 100×, touched page by page) cost more than hashing.
 * Undefined when a file is missing or cannot be read: the full load then names the problem.
 */
export function fingerprintOf (dataDir: string): { fingerprint: string; files: string[] } | undefined {
  if (dataDirProblem(dataDir)) return undefined
  const resources = dataFilesOf(dataDir)
  if (resources.some(({ paths }) => paths.length === 0)) return undefined
  const hash = createHash('sha256')
  const buffer = Buffer.allocUnsafe(FINGERPRINT_CHUNK)
  const files: string[] = []
  for (const { path, file } of resources.flatMap(({ paths }) => paths)) {
    let fd: number
    try { fd = openSync(path, 'r') } catch { return undefined }
    try {
      hashFile(hash, file, chunksOf(fd, buffer))
    } catch {
      return undefined
    } finally {
      closeSync(fd)
    }
    files.push(file)
  }
  return { fingerprint: hash.digest('hex'), files }
}

/** Parses, checks every record against its schema and the integrity rules; throws DatasetError listing every problem. */
export function checkDataFiles (read: DataFiles): RawDataset {
  const problems = [...read.problems]
  const located = new Map<keyof RawDataset, Located[]>()
  for (const { resource, file, bytes } of read.files) {
    const records = located.get(resource.key) ?? []
    located.set(resource.key, records)
    const text = bytes.toString('utf8')
    // An empty file (a failed copy, a truncated write) would otherwise load as no records at all, or crash later
    // on a document that is not there; a file holding only comments is one too.
    if (text.trim() === '') {
      problems.push({ file, record: '-', field: '-', message: 'file is empty' })
      continue
    }
    const parsed = readYaml(text, file, problems)
    if (parsed === undefined) continue
    if (parsed === null) {
      problems.push({ file, record: '-', field: '-', message: 'file holds no data (only comments)' })
      continue
    }
    if (resource.list) {
      if (!Array.isArray(parsed)) {
        problems.push({ file, record: '-', field: '-', message: 'must be a YAML list of records' })
        continue
      }
      parsed.forEach((value, index) => {
        problems.push(...schemaProblems(resource.schema, value, file, recordLabel(value, index)))
        records.push({ file, value })
      })
    } else {
      problems.push(...schemaProblems(resource.schema, parsed, file, resource.name))
      records.push({ file, value: parsed })
    }
  }
  const raw: Partial<Record<keyof RawDataset, Located[] | Located>> = {}
  for (const resource of RESOURCES) {
    const records = located.get(resource.key)
    if (records) raw[resource.key] = resource.list ? records : records[0]
  }

  // Integrity needs well-formed records; report schema problems first, as one list.
  if (problems.length > 0) throw new DatasetError(problems)
  const rawDataset = raw as unknown as RawDataset
  problems.push(...checkIntegrity(rawDataset))
  if (problems.length > 0) throw new DatasetError(problems)
  return rawDataset
}

/** The dataset version: what ETags and /v1/meta carry, the start of the fingerprint of data/. */
export const versionOf = (fingerprint: string) => fingerprint.slice(0, 16)

export interface LoadResult {
  dataset: Dataset
  files: string[]
  /** The records as checked, for a compiled dataset (src/data/compiled-dataset.ts). */
  raw: RawDataset
  fingerprint: string
}

/** Loads and checks the whole dataset from its YAML files; throws DatasetError listing every problem found. */
export function loadDataset (dataDir: string): LoadResult {
  const read = readDataFiles(dataDir)
  const raw = checkDataFiles(read)
  return { dataset: buildDataset(raw, versionOf(read.fingerprint)), files: read.names, raw, fingerprint: read.fingerprint }
}
