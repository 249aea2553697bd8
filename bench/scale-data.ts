// A dataset N times today's, for `npm run bench -- --scale N`: every case, term and provision is copied N-1 times
// with a new id, so the service loads, validates, indexes and searches N times as many records. Benchmark input
// only: the copies say nothing new (their text is the original's, marked as a copy) and never leave a temp dir.
// Copies keep their references to the original records (notice types, grounds, provisions, countries), which
// therefore still resolve; the result is loaded with the service's own loader before it is used, so a copy the
// schemas or integrity rules would refuse stops the benchmark rather than measuring a broken start.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsYaml from 'js-yaml'
import { loadDataset } from '../src/data/load-dataset.js'

/** The record lists that grow with the project; the reference lists (notice types, countries …) do not. */
const GROWING = ['cases', 'terms', 'provisions']

type Record = { id: string; [field: string]: unknown }

/** The YAML files holding one resource: `data/<name>.yaml` and `data/<name>/*.yaml`. */
function filesOf (dir: string, name: string): string[] {
  const files = readdirSync(dir).filter((f) => f === `${name}.yaml`).map((f) => join(dir, f))
  try {
    files.push(...readdirSync(join(dir, name)).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, name, f)))
  } catch { /* no folder */ }
  return files
}

/**
 * One copy of a record: a new id, and the fields a reader sees as distinct (names, terms, article numbers) made
 * distinct too, since the integrity rules and the search index treat records that look alike as duplicates.
 */
function copyOf (record: Record, copy: number, resource: string): Record {
  const out = structuredClone(record)
  out.id = `${record.id}-copy-${copy}`
  const mark = ` (copy ${copy})`
  for (const field of ['title', 'name', 'term', 'heading']) {
    if (typeof out[field] === 'string') out[field] = `${out[field] as string}${mark}`
  }
  if (resource === 'provisions') {
    // A provision is located by instrument and article; a copy gets its own locator in the same instrument.
    for (const field of ['article', 'locator', 'number']) {
      if (typeof out[field] === 'string') out[field] = `${out[field] as string}-copy-${copy}`
    }
  }
  // Aliases and other names must stay unique across terms; suffix them as the name is.
  for (const field of ['aliases', 'alsoKnownAs', 'synonyms']) {
    if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).map((alias) => typeof alias === 'string' ? `${alias} copy ${copy}` : alias)
  }
  return out
}

export interface ScaledData { dir: string; counts: { [resource: string]: number } }

/** Writes `factor`× today's dataset into a new temp folder and checks it with the service's loader. */
export function scaledData (sourceDir: string, factor: number): ScaledData {
  const dir = mkdtempSync(join(tmpdir(), `notice-data-x${factor}-`))
  cpSync(sourceDir, dir, { recursive: true })
  const counts: ScaledData['counts'] = {}
  for (const resource of GROWING) {
    let count = 0
    for (const file of filesOf(dir, resource)) {
      const records = jsYaml.load(readFileSync(file, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Record[]
      const grown = [...records]
      for (let copy = 1; copy < factor; copy++) grown.push(...records.map((record) => copyOf(record, copy, resource)))
      count += grown.length
      // CORE_SCHEMA both ways: dates stay the strings the loader reads, nothing becomes a YAML timestamp.
      writeFileSync(file, jsYaml.dump(grown, { schema: jsYaml.CORE_SCHEMA, lineWidth: -1, noRefs: true }))
    }
    counts[resource] = count
  }
  loadDataset(dir) // throws DatasetError naming every problem
  return { dir, counts }
}
