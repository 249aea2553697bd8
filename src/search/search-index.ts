// Ranked search across every resource, built once per dataset: tolerant of case, accents, plurals and small typos,
// and matching the aliases people actually use ("wanted notice" → red). The ranking is MiniSearch's, computed by a
// compact index of our own (./inverted-index.ts; ./README.md says why).
import type { Translations } from '../../schemas/common.js'
import type { Dataset } from '../data/dataset.js'
import { type InvertedIndex, InvertedIndexBuilder, MINISEARCH_DEFAULTS, type ScoringOptions } from './inverted-index.js'
import { PhraseIndex } from './phrase-index.js'
import { bestFirst } from './top-k.js'

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
export const TYPE_BOOST: Record<SearchType, number> = {
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
function exactNameScore (type: SearchType, score: number, bestScore: number): number {
  return bestScore * EXACT_NAME_BOOST * TYPE_BOOST[type] + score
}

/** The fields searched, in this order, with their boosts: a word in a name counts three times one in the text. */
export const SEARCH_FIELDS = ['id', 'title', 'names', 'text'] as const
const FIELD_BOOSTS: Record<typeof SEARCH_FIELDS[number], number> = { id: 3, title: 2, names: 3, text: 1 }

/**
 * What MiniSearch was configured with before this index replaced it (test/search-equivalence.test.ts keeps that
 * configuration and compares): prefix matches for words of four letters or more, one typo allowed from four
 * letters and one in five from five, MiniSearch's default weights and BM25+ parameters.
 */
export const SEARCH_SCORING: ScoringOptions = {
  fieldBoosts: SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field]),
  processTerm: normaliseTerm,
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : 0),
  ...MINISEARCH_DEFAULTS
}

/** A page of an answer: `offset` hits skipped, at most `limit` returned. */
export interface SearchPage { offset: number; limit: number }

/** Every match is counted in `total`; `hits` is the page asked for, best first (every hit when no page is given). */
export interface SearchAnswer { total: number; hits: SearchHit[] }

export interface SearchIndex {
  search (query: string, types?: readonly SearchType[], page?: SearchPage): SearchAnswer
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

const REGROUP_PER_RECORD = 10

export function incrementalSearchIndex (dataset: Dataset): IncrementalSearchIndex {
  let documents = documentsOf(dataset)
  const total = documents.length
  let builder: InvertedIndexBuilder | undefined = new InvertedIndexBuilder(total, SEARCH_FIELDS.length, SEARCH_SCORING)
  let index: InvertedIndex | undefined
  // What a hit shows, by document number (the order of documentsOf): the strings are the dataset's own.
  const typeCodes = new Uint8Array(total)
  const ids: string[] = new Array<string>(total)
  const titles: string[] = new Array<string>(total)
  // Which records each exact phrase names, the other way round from the records: one lookup per query instead of
  // one per matching record (a common word matches thousands at 100×).
  const exactNames = new PhraseIndex()

  let added = 0
  const step = (count: number) => {
    if (builder === undefined) return false
    const end = Math.min(total, added + count)
    for (; added < end; added++) {
      const doc = documents[added]
      const number = builder.add(SEARCH_FIELDS.map((field) => doc[field]), TYPE_BOOST[doc.type])
      typeCodes[number] = SEARCH_TYPES.indexOf(doc.type)
      ids[number] = doc.id
      titles[number] = doc.title
      for (const phrase of new Set([doc.id, doc.title, ...doc.names.split(' | ')].map(normalisePhrase))) {
        exactNames.add(phrase, number)
      }
    }
    if (added < total) return true
    // The documents' joined texts are only needed to index them: let them go (tens of MB at 100×).
    documents = []
    // Then the postings are regrouped by term, a slice per step too; regrouping a record's postings costs about
    // a tenth of indexing it.
    if (builder.regroup(count * REGROUP_PER_RECORD)) return true
    index = builder.finish()
    // The builder's postings in document order were only needed to build the index.
    builder = undefined
    return false
  }
  const complete = () => { while (step(total)) { /* until the index is built */ } }

  const search = (query: string, types?: readonly SearchType[], page?: SearchPage): SearchAnswer => {
    complete()
    const scored = index!.score(query)
    const allowed = new Uint8Array(SEARCH_TYPES.length).fill(types && types.length > 0 ? 0 : 1)
    for (const type of types ?? []) allowed[SEARCH_TYPES.indexOf(type)] = 1
    // Every word must match when possible; otherwise the best partial matches are still worth showing. (The scores
    // are the same either way: a document's score sums the words it matches.)
    let needed = scored.termCount
    const isResult = (doc: number) => allowed[typeCodes[doc]] === 1 && scored.matchedTerms(doc) >= needed
    let results = scored.docs.filter(isResult)
    if (results.length === 0) {
      needed = 1
      results = scored.docs.filter(isResult)
    }
    const { scores } = scored
    const exact = exactNames.get(normalisePhrase(query))
    if (exact !== undefined) {
      let best = 0
      for (const doc of results) if (scores[doc] > best) best = scores[doc]
      // The scores are the index's scratch space for this query, ours to change until the next one.
      for (const doc of exact) if (isResult(doc)) scores[doc] = exactNameScore(SEARCH_TYPES[typeCodes[doc]], scores[doc], best)
    }
    const offset = page?.offset ?? 0
    const ordered = bestFirst(results, scores, page ? offset + page.limit : results.length)
    const hits: SearchHit[] = []
    for (let i = offset; i < ordered.length; i++) {
      const doc = ordered[i]
      hits.push({ type: SEARCH_TYPES[typeCodes[doc]], id: ids[doc], title: titles[doc], score: Math.round(scores[doc] * 1000) / 1000 })
    }
    return { total: results.length, hits }
  }

  return { step, complete, search }
}
