// Ranked search across every resource, built once per dataset with MiniSearch: tolerant of case, accents,
// plurals and small typos, and matching the aliases people actually use ("wanted notice" → red).
import type { Translations } from '../../schemas/common.js'
import MiniSearch, { type SearchResult } from 'minisearch'
import type { Dataset } from '../data/dataset.js'

export const SEARCH_TYPES = [
  'notice-types', 'terms', 'grounds', 'provisions', 'instruments', 'cases', 'countries', 'requesting-entities', 'misconceptions'
] as const
export type SearchType = typeof SEARCH_TYPES[number]

export interface SearchDocument {
  key: string
  type: SearchType
  id: string
  title: string
  names: string
  text: string
}

export interface SearchHit { type: SearchType; id: string; title: string; score: number }

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'to', 'is', 'by', 'de', 'la', 'le', 'el'])

// Indexing folds every word of every record, most of them many times over (Unicode normalisation and a regular
// expression each time: a quarter of the index build); a word's folded form never changes, so it is kept. Bounded,
// because queries bring arbitrary words.
const folded = new Map<string, string | null>()
const FOLDED_MAX = 200_000

/** Lower-case, strip accents, and fold simple English plurals, so "Notices" and "notice" and "notícé" meet. */
export function normaliseTerm (term: string): string | null {
  let result = folded.get(term)
  if (result !== undefined) return result
  result = foldTerm(term)
  if (folded.size >= FOLDED_MAX) folded.clear()
  folded.set(term, result)
  return result
}

function foldTerm (term: string): string | null {
  const folded = term.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()
  if (folded.length === 0 || STOP_WORDS.has(folded)) return null
  if (folded.length > 4 && folded.endsWith('ies')) return `${folded.slice(0, -3)}y`
  if (folded.length > 3 && folded.endsWith('s') && !folded.endsWith('ss') && !folded.endsWith('us')) return folded.slice(0, -1)
  return folded
}

// Reference pages a reader most likely means come first when the words fit equally well.
const TYPE_BOOST: Record<SearchType, number> = {
  'notice-types': 1.6, terms: 1.4, grounds: 1.3, 'requesting-entities': 1.1, instruments: 1.1, provisions: 1, countries: 1, cases: 0.9, misconceptions: 0.8
}

export function documentsOf (dataset: Dataset): SearchDocument[] {
  const docs: SearchDocument[] = []
  const add = (type: SearchType, id: string, title: string, names: Array<string | undefined>, text: Array<string | undefined>) =>
    docs.push({ key: `${type}/${id}`, type, id, title, names: names.filter(Boolean).join(' | '), text: text.filter(Boolean).join(' ') })

  // Names in French, Spanish and Arabic live in `translations` (one place for every translation), so "notificación
  // roja" still finds the Red Notice.
  const translatedNames = (record: { translations?: Translations }) =>
    Object.values(record.translations ?? {}).map((texts) => texts?.name?.text)
  for (const n of dataset.noticeTypes.all) {
    add('notice-types', n.id, n.labels.en, [n.id, ...Object.values(n.labels), ...translatedNames(n), ...n.aliases], [n.purpose, n.subjects])
  }
  for (const t of dataset.terms.all) add('terms', t.id, t.labels.en, [t.id, ...Object.values(t.labels), ...translatedNames(t), ...t.aliases], [t.definition])
  for (const g of dataset.grounds.all) add('grounds', g.id, g.title, [g.id, g.title, ...g.aliases], [g.description, ...g.indicators])
  for (const p of dataset.provisions.all) {
    const instrument = dataset.instruments.byId.get(p.instrument)
    const cite = p.article ? `${instrument?.shortTitle ?? p.instrument} Article ${p.article}` : undefined
    add('provisions', p.id, cite ? `${cite}: ${p.title}` : p.title, [p.id, p.title, cite], [p.summary])
  }
  for (const i of dataset.instruments.all) add('instruments', i.id, i.title, [i.id, i.title, i.shortTitle, i.reference, ...i.aliases], [i.summary])
  for (const c of dataset.cases.all) add('cases', c.id, c.title, [c.id, c.title, c.reference, c.subject.name, ...c.aliases], [c.summary])
  for (const c of dataset.countries.all) add('countries', c.iso2, c.name, [c.iso2, c.iso3, c.name], [c.notes])
  for (const e of dataset.requestingEntities.all) add('requesting-entities', e.id, e.name, [e.id, e.name, ...e.aliases], [e.scope])
  for (const m of dataset.misconceptions.all) add('misconceptions', m.id, m.claim, [m.id, m.claim], [m.correction, m.explanation])
  return docs
}

/** A whole phrase folded the way terms are, so that "CCF" or "Wanted Notices" can be compared with a name. */
export function normalisePhrase (phrase: string): string {
  return phrase.split(/[\s\-_/,.;:()'"]+/).map(normaliseTerm).filter(Boolean).join(' ')
}

// A query that is exactly a record's id, name or alias is almost certainly a request for that record: it outranks
// every partial match, and where several records share the name ("Red Notice" is a notice type and a glossary
// term) the type a reader most likely means comes first. Scores stay in the order of the answer.
const EXACT_NAME_BOOST = 3
function exactNameScore (result: SearchResult, bestScore: number): number {
  return bestScore * EXACT_NAME_BOOST * TYPE_BOOST[result.type as SearchType] + result.score
}

export interface SearchIndex {
  search (query: string, types?: readonly SearchType[]): SearchHit[]
}

/** The whole index, built at once (tests, tools). */
export function buildSearchIndex (dataset: Dataset): SearchIndex {
  const built = incrementalSearchIndex(dataset)
  built.complete()
  return built
}

/**
 * An index filled a few records at a time, so that a server can listen first and index between requests: on a
 * large dataset indexing is the largest part of the start (docs/performance.md, "Growth"). A search that arrives
 * before the index is complete completes it first, so no answer ever comes from a partial index.
 */
export interface IncrementalSearchIndex extends SearchIndex {
  /** Indexes up to `count` more records; true while some are left. */
  step (count: number): boolean
  complete (): void
}

export function incrementalSearchIndex (dataset: Dataset): IncrementalSearchIndex {
  const index = new MiniSearch<SearchDocument>({
    idField: 'key',
    fields: ['id', 'title', 'names', 'text'],
    storeFields: ['type', 'id', 'title'],
    processTerm: normaliseTerm,
    searchOptions: {
      boost: { id: 3, names: 3, title: 2, text: 1 },
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : 0),
      boostDocument: (_key, _term, stored) => TYPE_BOOST[(stored?.type as SearchType) ?? 'cases']
    }
  })
  let documents = documentsOf(dataset)
  const total = documents.length
  // Which records each exact phrase names, the other way round from the records: one lookup per query instead of
  // one per matching record (a common word matches thousands at 100×), and one map instead of a set per record.
  const exactNames = new Map<string, Set<string>>()
  let added = 0
  const step = (count: number) => {
    const batch = documents.slice(added, added + count)
    index.addAll(batch)
    for (const doc of batch) {
      for (const phrase of new Set([doc.id, doc.title, ...doc.names.split(' | ')].map(normalisePhrase))) {
        let keys = exactNames.get(phrase)
        if (keys === undefined) exactNames.set(phrase, keys = new Set())
        keys.add(doc.key)
      }
    }
    added += batch.length
    // The documents' joined texts are only needed to index them: let them go (tens of MB at 100×).
    if (added >= total) documents = []
    return added < total
  }
  const complete = () => { if (added < total) step(total - added) }

  const toHit = (result: SearchResult): SearchHit => ({
    type: result.type as SearchType, id: result.id as string, title: result.title as string, score: Math.round(result.score * 1000) / 1000
  })

  return {
    step,
    complete,
    search (query, types) {
      complete()
      const filter = types && types.length > 0 ? (result: SearchResult) => types.includes(result.type as SearchType) : undefined
      // Every word must match when possible; otherwise the best partial matches are still worth showing.
      let results = index.search(query, { combineWith: 'AND', filter })
      if (results.length === 0) results = index.search(query, { combineWith: 'OR', filter })
      // MiniSearch answers in score order; only an exact-name boost can change it, so only then score and sort again
      // (a common word matches thousands of records on a large dataset).
      const exact = exactNames.get(normalisePhrase(query))
      if (exact === undefined) return results.map(toHit)
      let best = 0
      for (const result of results) if (result.score > best) best = result.score
      let boosted = false
      for (const result of results) {
        // The results are MiniSearch's fresh objects, ours to change.
        if (exact.has(`${result.type as string}/${result.id as string}`)) { result.score = exactNameScore(result, best); boosted = true }
      }
      if (boosted) results.sort((a, b) => b.score - a.score)
      return results.map(toHit)
    }
  }
}
