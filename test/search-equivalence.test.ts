// The search index (src/search) replaced MiniSearch 7.2.0 to answer faster on large datasets, with the same answers.
// This test keeps the MiniSearch configuration and answer logic the service had before, and checks for a few
// hundred queries, on the real data and on ten times the data, that both give the same hits with the same scores,
// in the same order except among equal scores.
import t, { type Test } from 'tap'
import { rmSync } from 'node:fs'
import MiniSearch, { type SearchResult } from 'minisearch'
import { scaledData } from '../bench/scale-data.js'
import type { Dataset } from '../src/data/dataset.js'
import { loadDataset } from '../src/data/load-dataset.js'
import { InvertedIndexBuilder } from '../src/search/inverted-index.js'
import { bestFirst } from '../src/search/top-k.js'
import {
  SEARCH_FIELDS, SEARCH_SCORING, SEARCH_TYPES, TYPE_BOOST, buildSearchIndex, documentsOf, normalisePhrase, normaliseTerm,
  type SearchDocument, type SearchHit, type SearchType
} from '../src/search/search-index.js'
import { defaultDataDir } from '../src/paths.js'
import { realDataset } from './helpers.js'

/** The MiniSearch index exactly as src/search/search-index.ts configured it before (commit 011ca01). */
function miniSearchOf (documents: SearchDocument[]) {
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
  index.addAll(documents)
  return index
}

/** The answer logic that went with it: AND, else OR; the exact-name boost; hits rounded to three decimals. */
function legacySearch (documents: SearchDocument[]) {
  const index = miniSearchOf(documents)
  const exactNames = new Map<string, Set<string>>()
  for (const doc of documents) {
    for (const phrase of new Set([doc.id, doc.title, ...doc.names.split(' | ')].map(normalisePhrase))) {
      let keys = exactNames.get(phrase)
      if (keys === undefined) exactNames.set(phrase, keys = new Set())
      keys.add(doc.key)
    }
  }
  const toHit = (result: SearchResult): SearchHit => ({
    type: result.type as SearchType, id: result.id as string, title: result.title as string, score: Math.round(result.score * 1000) / 1000
  })
  const search = (query: string, types?: readonly SearchType[]): SearchHit[] => {
    const filter = types && types.length > 0 ? (result: SearchResult) => types.includes(result.type as SearchType) : undefined
    let results = index.search(query, { combineWith: 'AND', filter })
    if (results.length === 0) results = index.search(query, { combineWith: 'OR', filter })
    const exact = exactNames.get(normalisePhrase(query))
    if (exact === undefined) return results.map(toHit)
    let best = 0
    for (const result of results) if (result.score > best) best = result.score
    let boosted = false
    for (const result of results) {
      if (exact.has(`${result.type as string}/${result.id as string}`)) {
        result.score = best * 3 * TYPE_BOOST[result.type as SearchType] + result.score
        boosted = true
      }
    }
    if (boosted) results.sort((a, b) => b.score - a.score)
    return results.map(toHit)
  }
  return { index, search }
}

/** A typo a reader might make: one letter dropped, or two neighbours swapped. */
function typosOf (word: string): string[] {
  const middle = Math.floor(word.length / 2)
  return [word.slice(0, middle) + word.slice(middle + 1), word.slice(0, middle - 1) + word[middle] + word[middle - 1] + word.slice(middle + 1)]
}

/** A few hundred queries drawn from the records themselves, and the awkward cases. */
function queriesOf (documents: SearchDocument[]): Array<{ query: string; types?: SearchType[] }> {
  const words = [...new Set(documents.flatMap((doc) => doc.title.split(/[\s\-_/,.;:()'"]+/)).filter((word) => word.length > 0))]
  // Every title word would be thousands of queries at 10×; an even sample keeps each kind of word.
  const step = Math.max(1, Math.floor(words.length / 160))
  const sampled = words.filter((_, i) => i % step === 0)
  const queries: string[] = [...sampled]
  for (const word of sampled.filter((w) => w.length >= 5).slice(0, 60)) queries.push(...typosOf(word))
  for (const word of sampled.filter((w) => w.length >= 6).slice(0, 40)) queries.push(word.slice(0, 4), word.slice(0, 5))
  for (let i = 0; i + 1 < sampled.length && i < 80; i += 2) queries.push(`${sampled[i]} ${sampled[i + 1]}`)
  queries.push(...documents.filter((_, i) => i % Math.max(1, Math.floor(documents.length / 30)) === 0).map((doc) => doc.title))
  queries.push(
    'red notice', 'Red Notice', 'wanted notice', 'WANTED NOTICES', 'notice', 'notices', 'article 3', 'article 3 political',
    'ccf', 'CCF', 'soleimani', 'refugee', 'diffussion', 'notic', 'interpol', 'the', 'of the', 'the and of', 'a', '',
    'notificación roja', 'notificacion roja', 'notícé', 'Interpol’s', 'rouge', 'النشرة الحمراء', 'الحمراء', 'النشرة',
    'zzzxqy', 'qwertyuiop', 'red zzzxqy', 'notice notice', 'red red notice', 'x', '3', '|', 'notice-types', 'red-notice',
    'political military religious racial', 'commission for the control of files'
  )
  const typed: Array<{ query: string; types?: SearchType[] }> = queries.map((query) => ({ query }))
  queries.forEach((query, i) => {
    if (i % 4 === 0) typed.push({ query, types: [SEARCH_TYPES[i % SEARCH_TYPES.length]] })
    if (i % 9 === 0) typed.push({ query, types: ['cases', 'terms'] })
  })
  return typed
}

const key = (hit: SearchHit) => `${hit.type}/${hit.id}`

/** Same hits with the same scores; order the same except that hits with equal scores may come in any order. */
function sameAnswer (t: Test, actual: SearchHit[], expected: SearchHit[], what: string): boolean {
  if (actual.length !== expected.length) return t.fail(`${what}: ${actual.length} hits, expected ${expected.length}`)
  for (let i = 0; i < expected.length;) {
    let end = i + 1
    while (end < expected.length && expected[end].score === expected[i].score) end++
    const want = expected.slice(i, end).map(key).sort()
    const got = actual.slice(i, end)
    if (got.some((hit) => hit.score !== expected[i].score)) {
      return t.fail(`${what}: hits ${i}–${end - 1} scored ${got.map((hit) => hit.score).join(', ')}, expected ${expected[i].score}`)
    }
    if (got.map(key).sort().join() !== want.join()) return t.fail(`${what}: hits ${i}–${end - 1} are ${got.map(key).join(', ')}, expected ${want.join(', ')}`)
    i = end
  }
  return true
}

/** MiniSearch's own scores against the index's, before any rounding or boost, for AND and OR alike. */
function sameRawScores (t: Test, documents: SearchDocument[], legacy: MiniSearch<SearchDocument>, queries: string[]) {
  const builder = new InvertedIndexBuilder(documents.length, SEARCH_FIELDS.length, SEARCH_SCORING)
  for (const doc of documents) builder.add(SEARCH_FIELDS.map((field) => doc[field]), TYPE_BOOST[doc.type])
  const index = builder.finish()
  const numberOf = new Map(documents.map((doc, i) => [doc.key, i]))
  let compared = 0
  let worst = 0
  for (const query of queries) {
    const scored = index.score(query)
    for (const combineWith of ['AND', 'OR'] as const) {
      const expected = legacy.search(query, { combineWith })
      const actual = [...scored.docs].filter((doc) => combineWith === 'OR' || scored.matchedTerms(doc) === scored.termCount)
      if (actual.length !== expected.length) return t.fail(`"${query}" ${combineWith}: ${actual.length} matches, expected ${expected.length}`)
      for (const result of expected) {
        // The stored `id` field hides MiniSearch's own id (the key) in its results.
        const resultKey = `${result.type as string}/${result.id as string}`
        const doc = numberOf.get(resultKey)
        if (doc === undefined || scored.matchedTerms(doc) === 0) return t.fail(`"${query}" ${combineWith}: ${resultKey} missing`)
        const error = Math.abs(scored.scores[doc] - result.score) / result.score
        worst = Math.max(worst, error)
        if (!(error <= 1e-9)) return t.fail(`"${query}" ${combineWith}: ${resultKey} scored ${scored.scores[doc]}, expected ${result.score}`)
        compared++
      }
    }
  }
  t.pass(`${compared} scores within 1e-9 (largest relative difference ${worst.toExponential(1)})`)
}

function compare (t: Test, dataset: Dataset) {
  const documents = documentsOf(dataset)
  const legacy = legacySearch(documents)
  const index = buildSearchIndex(dataset)
  const queries = queriesOf(documents)
  t.ok(queries.length >= 300, `${queries.length} queries`)
  sameRawScores(t, documents, legacy.index, [...new Set(queries.map(({ query }) => query))])
  let matched = 0
  let failed = 0
  for (const { query, types } of queries) {
    const what = `"${query}"${types ? ` in ${types.join(',')}` : ''}`
    const expected = legacy.search(query, types)
    const answer = index.search(query, types)
    if (answer.total !== expected.length) { t.fail(`${what}: total ${answer.total}, expected ${expected.length}`); failed++; continue }
    if (!sameAnswer(t, answer.hits, expected, what)) failed++
    if (expected.length > 0) matched++
  }
  t.equal(failed, 0, `${queries.length} answers the same as MiniSearch's`)
  t.ok(matched > queries.length / 2, `${matched} queries found something`)
}

t.test('the same answers as MiniSearch on the real data', async (t) => {
  compare(t, realDataset())
})

t.test('the same answers as MiniSearch on ten times the data', async (t) => {
  const { dir } = scaledData(defaultDataDir, 10)
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  compare(t, loadDataset(dir).dataset)
})

t.test('a page is the same slice of the whole answer, and the total counts every match', async (t) => {
  const index = buildSearchIndex(realDataset())
  for (const query of ['notice', 'red notice', 'article', 'political', 'ccf', 'zzzxqy']) {
    const whole = index.search(query)
    t.equal(whole.total, whole.hits.length, `"${query}": without a page, every hit`)
    for (const [offset, limit] of [[0, 1], [0, 20], [3, 7], [20, 20], [whole.total - 1, 5], [whole.total + 5, 5]]) {
      if (offset < 0) continue
      const page = index.search(query, undefined, { offset, limit })
      t.equal(page.total, whole.total, `"${query}" ${offset}+${limit}: total`)
      t.same(page.hits, whole.hits.slice(offset, offset + limit), `"${query}" ${offset}+${limit}: hits`)
    }
  }
})

t.test('equal scores come in index order; a partial selection orders as a full sort does', async (t) => {
  // Scores with many ties, documents given out of order.
  const scores = Float64Array.from({ length: 200 }, (_, doc) => (doc * 7919) % 13)
  const docs = Int32Array.from({ length: 200 }, (_, i) => (i * 37) % 200)
  const sorted = [...docs].sort((a, b) => scores[b] - scores[a] || a - b)
  t.same([...bestFirst(docs, scores, docs.length)], sorted, 'every document: score, then index order')
  for (const k of [0, 1, 5, 13, 50, 199]) t.same([...bestFirst(docs, scores, k)], sorted.slice(0, k), `the best ${k}`)
})
