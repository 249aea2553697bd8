// The representations a list or record can take besides JSON (api-conventions.md, "formats"): CSV for
// spreadsheets and schema.org JSON-LD for the records that are defined terms.
import { stringify } from 'csv-stringify/sync'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'

export const JSON_TYPE = 'application/json'
export const CSV_TYPE = 'text/csv'
export const JSON_LD_TYPE = 'application/ld+json'

/** `?format=` names, for clients that cannot set `Accept` (a spreadsheet's "import from URL"). */
export const FORMAT_NAMES: Record<string, string> = { json: JSON_TYPE, csv: CSV_TYPE, jsonld: JSON_LD_TYPE }

export const formatQuery = (produces: readonly string[]) => {
  const names = Object.entries(FORMAT_NAMES).filter(([, type]) => produces.includes(type)).map(([name]) => name)
  return Type.String({
    enum: names,
    description: `Response format, instead of an \`Accept\` header: ${names.join(', ')}. Wins over \`Accept\`.`
  })
}

/** The media type `?format=` asks for, when the route can produce it. */
export function formatFromQuery (query: unknown, produces: readonly string[]): string | undefined {
  const name = (query as { format?: unknown } | undefined)?.format
  const type = typeof name === 'string' ? FORMAT_NAMES[name] : undefined
  return type && produces.includes(type) ? type : undefined
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

// Spreadsheets evaluate a cell that starts with one of these as a formula (CSV injection); a leading apostrophe
// makes them show the text instead, and is what OWASP recommends.
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula (cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

const SUMMARY_KEYS = ['url', 'title', 'name', 'text', 'claim', 'event', 'id'] as const

/** An object inside an array becomes one readable phrase: a source by its URL, a misconception by its claim. */
function summarise (value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return String(value)
  const record = value as Record<string, unknown>
  if (typeof record.date === 'string' && typeof record.event === 'string') return `${record.date}: ${record.event}`
  if (record.value !== undefined && record.metric !== undefined) {
    // A statistic: its year, or the period an average or total covers, so a five-year average never reads as one year.
    const period = record.period as { from?: number; to?: number } | undefined
    const when = typeof record.year === 'number' ? String(record.year) : period ? `${period.from}-${period.to} ${String(record.kind)}` : ''
    const scope = typeof record.scope === 'string' && record.scope !== 'notice-type' ? ` (${record.scope})` : ''
    return `${when} ${String(record.metric)}${scope}: ${String(record.value)}`.trim()
  }
  for (const key of SUMMARY_KEYS) if (typeof record[key] === 'string') return record[key] as string
  return JSON.stringify(value)
}

/** Nested objects become dotted columns (`labels.fr`, `publicExtract.rule`); arrays one cell joined by "; ". */
export function flatten (record: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (record === null || record === undefined) return out
  if (Array.isArray(record)) {
    out[prefix] = neutraliseFormula(record.map(summarise).join('; '))
  } else if (typeof record === 'object') {
    for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out)
    }
  } else {
    out[prefix] = typeof record === 'string' ? neutraliseFormula(record) : String(record)
  }
  return out
}

/** One row per record under a header row; columns in order of first appearance, RFC 4180 quoting and CRLF. */
export function toCsv (records: readonly unknown[]): string {
  const rows = records.map((record) => flatten(record))
  const columns: string[] = []
  const seen = new Set<string>()
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.has(key)) { seen.add(key); columns.push(key) }
  if (columns.length === 0) columns.push('id')
  // Text cells were neutralised in flatten(); numbers and booleans stay as they are, so `-5` is still a number.
  const body = rows.map((row) => columns.map((column) => row[column] ?? ''))
  // csv-stringify quotes a lone LF only when it is the record delimiter; RFC 4180 wants any CR or LF quoted.
  return stringify([columns, ...body], { record_delimiter: 'windows', quoted_match: /[\r\n]/ })
}

/** A list as a CSV download named after the resource. */
export function sendCsv (reply: FastifyReply, name: string, records: readonly unknown[]) {
  return reply.type(`${CSV_TYPE}; charset=utf-8; header=present`)
    .header('content-disposition', `attachment; filename="${name}.csv"`).send(toCsv(records))
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-LD (schema.org DefinedTerm / DefinedTermSet)

export interface TermLike {
  id: string
  aliases?: readonly string[]
  localized?: { lang: string; name: string; summary: string }
  labels: { en: string }
}

export interface TermSetInfo { origin: string; resource: string; name: string; lang: string; licence?: string }

const setUrl = (info: TermSetInfo) => `${info.origin}/v1/${info.resource}`

export function definedTerm (record: TermLike, info: TermSetInfo, withContext: boolean) {
  const url = `${setUrl(info)}/${record.id}`
  return {
    ...(withContext ? { '@context': 'https://schema.org' } : {}),
    '@type': 'DefinedTerm',
    '@id': url,
    url,
    termCode: record.id,
    name: record.localized?.name ?? record.labels.en,
    ...(record.localized ? { description: record.localized.summary } : {}),
    ...(record.aliases && record.aliases.length > 0 ? { alternateName: [...record.aliases] } : {}),
    inDefinedTermSet: withContext ? { '@type': 'DefinedTermSet', '@id': setUrl(info), name: info.name } : setUrl(info)
  }
}

export function definedTermSet (records: readonly TermLike[], info: TermSetInfo) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    '@id': setUrl(info),
    url: setUrl(info),
    name: info.name,
    inLanguage: info.lang,
    ...(info.licence ? { license: info.licence } : {}),
    hasDefinedTerm: records.map((record) => definedTerm(record, info, false))
  }
}
