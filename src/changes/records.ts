// The records of a dataset as `<resource>/<id>` → content hash, read from any version of data/ (the working tree,
// or a past release through `git show`). The change feed's check compares a release's snapshot with today's.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import jsYaml from 'js-yaml'

/** Files that are not records: the release itself, the changelog and its snapshots. */
const NOT_RECORDS = /^(release|changelog)\.ya?ml$|^releases\//

/** `notice-types.yaml` → notice-types; `cases/public.yaml` → cases. */
export const resourceOf = (file: string) => file.split('/')[0].replace(/\.ya?ml$/, '')

/** Canonical JSON (keys sorted), so that a hash changes with the content and not with key order. */
function canonical (value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`
  }
  return JSON.stringify(value)
}
export const contentHash = (record: unknown) => createHash('sha256').update(canonical(record)).digest('hex').slice(0, 12)

export type RecordHashes = Record<string, Record<string, string>>

/**
 * Records per resource with their hashes. List files hold records with an `id`; a document (countries.yaml) holds
 * its records in lists of objects with an `iso2`. A notice type's `misconceptions` is left out of its hash: since
 * 2026-12-02 they are records of their own, derived back onto the notice type.
 */
export function recordsOf (files: Array<{ file: string; text: string }>): RecordHashes {
  const out: RecordHashes = {}
  for (const [ref, record] of recordContents(files)) {
    const [resource, id] = ref.split('/') as [string, string]
    ;(out[resource] ??= {})[id] = contentHash(record)
  }
  return out
}

/** Every record by `<resource>/<id>`, as hashed (a notice type without its derived `misconceptions`). */
export function recordContents (files: Array<{ file: string; text: string }>): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>()
  for (const { file, text } of files) {
    if (NOT_RECORDS.test(file) || !/\.ya?ml$/.test(file)) continue
    const resource = resourceOf(file)
    const parsed = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })
    const records: Array<[string, Record<string, unknown>]> = []
    if (Array.isArray(parsed)) {
      for (const record of parsed) if (record && typeof record.id === 'string') records.push([record.id, record])
    } else if (parsed && typeof parsed === 'object') {
      for (const value of Object.values(parsed)) {
        if (!Array.isArray(value)) continue
        for (const record of value) if (record && typeof record === 'object' && typeof record.iso2 === 'string') records.push([record.iso2, record])
      }
    }
    for (const [id, record] of records) {
      const { misconceptions, ...rest } = record
      void misconceptions
      out.set(`${resource}/${id}`, resource === 'notice-types' ? rest : record)
    }
  }
  return out
}

/** The YAML files of a data folder on disk, as paths relative to it. */
export function filesOnDisk (dataDir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = []
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dataDir, relative)).sort()) {
      const path = relative ? `${relative}/${entry}` : entry
      if (statSync(join(dataDir, path)).isDirectory()) walk(path)
      else if (/\.ya?ml$/.test(entry)) out.push({ file: path, text: readFileSync(join(dataDir, path), 'utf8') })
    }
  }
  walk('')
  return out
}

export interface Difference { added: string[]; removed: string[]; changed: string[] }

/** What differs between two snapshots, as sorted `<resource>/<id>` refs. */
export function difference (before: RecordHashes, after: RecordHashes): Difference {
  const flat = (records: RecordHashes) => new Map(Object.entries(records).flatMap(([resource, ids]) =>
    Object.entries(ids).map(([id, hash]) => [`${resource}/${id}`, hash] as const)))
  const a = flat(before)
  const b = flat(after)
  const sorted = (refs: string[]) => refs.sort()
  return {
    added: sorted([...b.keys()].filter((ref) => !a.has(ref))),
    removed: sorted([...a.keys()].filter((ref) => !b.has(ref))),
    changed: sorted([...b.keys()].filter((ref) => a.has(ref) && a.get(ref) !== b.get(ref)))
  }
}

export interface Snapshot { release: string; commit: string; records: RecordHashes }

export const snapshotPath = (dataDir: string, release: string) => join(dataDir, 'releases', `${release}.ids.yaml`)

export function readSnapshot (dataDir: string, release: string): Snapshot {
  return jsYaml.load(readFileSync(snapshotPath(dataDir, release), 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Snapshot
}
