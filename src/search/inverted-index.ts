// A compact inverted index that scores exactly as MiniSearch 7.2.0 does (BM25+, prefix and fuzzy expansion, the
// "quality" multiplier), built on typed arrays: one array of postings for the whole index instead of one Map per term
// and field, so a large dataset costs megabytes rather than a hundred, and scoring a common word is a loop over
// numbers instead of thousands of result objects. Every formula below is MiniSearch's (node_modules/minisearch/
// dist/es/index.js: add, executeQuerySpec, termResults, calcBM25Score, search); src/search/README.md says why and
// test/search-equivalence.test.ts checks the answers against MiniSearch itself.
import { distance } from 'fastest-levenshtein'

/** MiniSearch's tokenizer: words are separated by runs of Unicode spaces, line breaks and punctuation. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u
export const tokenize = (text: string): string[] => text.split(SPACE_OR_PUNCTUATION)

export interface ScoringOptions {
  /** Boost of each field, in the order fields are given to `add`. */
  fieldBoosts: readonly number[]
  /** Folds a token into an indexed term, or null to skip it; the same at indexing and at query time. */
  processTerm: (token: string) => string | null
  /** Whether a query term also matches the indexed terms it is a prefix of. */
  prefix: (term: string) => boolean
  /** Allowed edit distance of a query term: 0 none, below 1 a fraction of its length (capped by maxFuzzy), else a count. */
  fuzzy: (term: string) => number
  maxFuzzy: number
  weights: { prefix: number; fuzzy: number }
  bm25: { k: number; b: number; d: number }
}

/** MiniSearch's defaults for what today's configuration leaves unset. */
export const MINISEARCH_DEFAULTS = { maxFuzzy: 6, weights: { fuzzy: 0.45, prefix: 0.375 }, bm25: { k: 1.2, b: 0.7, d: 0.5 } }

/**
 * The scores of one query, valid until the next query on the same index (the arrays are the index's scratch space,
 * reused so that a query allocates nothing in proportion to the data).
 */
export interface ScoredQuery {
  /** Query terms after folding (stop words dropped), repeats included: an AND match must match this many. */
  termCount: number
  /** Documents matching at least one term, in no particular order. */
  docs: Int32Array
  /** Indexed by document number: each matching document's score, already multiplied by its "quality". */
  scores: Float64Array
  /** Indexed by document number: how many query terms (repeats included) the document matches; 0 if none. */
  matchedTerms (doc: number): number
}

/** Grows by doubling; the index is filled a record at a time and its final size is not known until the end. */
function grown<T extends Int32Array | Uint16Array> (array: T, needed: number, make: (size: number) => T): T {
  if (needed <= array.length) return array
  const next = make(Math.max(needed, array.length * 2))
  next.set(array)
  return next
}

/**
 * Collects documents one at a time: per document its terms' frequencies per field, as (term, field) keys and counts
 * in two flat arrays (no object per posting), and the field lengths MiniSearch uses. `regroup` and `finish` turn
 * them into the searchable index, and the builder can be dropped.
 */
export class InvertedIndexBuilder {
  private readonly termIds = new Map<string, number>()
  private readonly terms: string[] = []
  /** Per posting, in document order: termId × fieldCount + field, and the term's frequency in that field. */
  private pairKeys = new Int32Array(4096)
  private frequencies = new Uint16Array(4096)
  private postings = 0
  /** Where each document's postings start in the arrays above. */
  private readonly documentStarts: Int32Array
  private readonly fieldLengths: Uint32Array
  private readonly averageFieldLengths: Float64Array
  private readonly documentBoosts: Float64Array
  private documents = 0
  private readonly counts = new Map<number, number>()
  private regrouping: Regrouping | undefined

  constructor (private readonly capacity: number, private readonly fieldCount: number, private readonly options: ScoringOptions) {
    this.documentStarts = new Int32Array(capacity + 1)
    this.fieldLengths = new Uint32Array(capacity * fieldCount)
    this.averageFieldLengths = new Float64Array(fieldCount)
    this.documentBoosts = new Float64Array(capacity)
  }

  get documentCount (): number { return this.documents }

  /** Adds the next document (numbered in the order added); `boost` multiplies every score it gets. */
  add (fieldTexts: readonly string[], boost: number): number {
    const doc = this.documents
    if (doc >= this.capacity) throw new Error(`InvertedIndexBuilder: more than ${this.capacity} documents`)
    if (this.regrouping) throw new Error('InvertedIndexBuilder: a document added after regrouping began')
    this.documentStarts[doc] = this.postings
    this.documentBoosts[doc] = boost
    for (let field = 0; field < this.fieldCount; field++) {
      const tokens = tokenize(fieldTexts[field])
      // MiniSearch counts a field's length as its distinct raw tokens (before folding, stop words and the empty
      // token at either end included), and keeps the average as a running mean: both kept as it does, to the bit.
      const length = new Set(tokens).size
      this.fieldLengths[doc * this.fieldCount + field] = length
      this.averageFieldLengths[field] = (this.averageFieldLengths[field] * doc + length) / (doc + 1)
      const counts = this.counts
      counts.clear()
      for (const token of tokens) {
        const term = this.options.processTerm(token)
        if (!term) continue
        const termId = this.termIdOf(term)
        counts.set(termId, (counts.get(termId) ?? 0) + 1)
      }
      this.pairKeys = grown(this.pairKeys, this.postings + counts.size, (n) => new Int32Array(n))
      this.frequencies = grown(this.frequencies, this.postings + counts.size, (n) => new Uint16Array(n))
      for (const [termId, count] of counts) {
        this.pairKeys[this.postings] = termId * this.fieldCount + field
        // 65,535 repeats of one word in one field of one record would be needed to saturate this.
        this.frequencies[this.postings] = Math.min(count, 0xffff)
        this.postings++
      }
    }
    this.documents = doc + 1
    this.documentStarts[doc + 1] = this.postings
    return doc
  }

  private termIdOf (term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.termIds.set(term, id)
      this.terms.push(term)
    }
    return id
  }

  /**
   * Regroups the postings of up to `count` more documents into lists by (term, field), as the finished index keeps
   * them; true while some are left. The first call sorts the terms and counts the lists (no document can be added
   * after it). At 100× the data regrouping everything at once takes some 50 ms (a million postings written to
   * twelve thousand lists: cache misses), too long to hold up requests, so it is done a slice at a time as well.
   */
  regroup (count: number): boolean {
    const regrouping = this.regrouping ??= this.startRegrouping()
    const end = Math.min(this.documents, regrouping.done + count)
    placePostings(this.pairKeys, this.frequencies, this.documentStarts, regrouping.done, end, regrouping.rankedKeys,
      regrouping.next, regrouping.postingDocs, regrouping.postingFrequencies)
    regrouping.done = end
    return end < this.documents
  }

  /** The searchable index, once every document is regrouped (what is left is regrouped now); the builder can go. */
  finish (): InvertedIndex {
    while (this.regroup(this.documents)) { /* the rest at once */ }
    const { sortedTerms, pairStarts, postingDocs, postingFrequencies } = this.regrouping!
    const documents = this.documents
    return new InvertedIndex({
      options: this.options,
      fieldCount: this.fieldCount,
      sortedTerms,
      pairStarts,
      postingDocs,
      postingFrequencies,
      fieldLengths: this.fieldLengths.slice(0, documents * this.fieldCount),
      averageFieldLengths: this.averageFieldLengths,
      documentBoosts: this.documentBoosts.slice(0, documents)
    })
  }

  /** Terms sorted (for prefix expansion), and where each (term, field) list starts: a counting sort's first half. */
  private startRegrouping (): Regrouping {
    const { fieldCount, terms } = this
    const order = terms.map((_, id) => id).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0))
    const rankOf = new Int32Array(order.length)
    order.forEach((termId, rank) => { rankOf[termId] = rank })
    const pairCount = terms.length * fieldCount
    // (termId, field) → (rank, field), looked up rather than computed for each of the million postings.
    const rankedKeys = new Int32Array(pairCount)
    for (let key = 0; key < pairCount; key++) rankedKeys[key] = rankOf[Math.floor(key / fieldCount)] * fieldCount + (key % fieldCount)
    const pairStarts = countPairs(this.pairKeys, this.postings, rankedKeys)
    return {
      sortedTerms: order.map((termId) => terms[termId]),
      rankedKeys,
      pairStarts,
      next: pairStarts.slice(0, pairCount),
      postingDocs: new Int32Array(this.postings),
      postingFrequencies: new Uint16Array(this.postings),
      done: 0
    }
  }
}

interface Regrouping {
  sortedTerms: string[]
  rankedKeys: Int32Array
  pairStarts: Int32Array
  /** Where the next posting of each (term, field) list goes. */
  next: Int32Array
  postingDocs: Int32Array
  postingFrequencies: Uint16Array
  /** Documents regrouped so far. */
  done: number
}

// The loops over a million postings are plain functions of typed arrays, so that they run optimised (as a method
// reading `this` at each turn the regrouping took half as long again).

/** Where each (term rank, field) list starts in the regrouped postings (the last entry is the total). */
function countPairs (pairKeys: Int32Array, postings: number, rankedKeys: Int32Array): Int32Array {
  const pairCount = rankedKeys.length
  const pairStarts = new Int32Array(pairCount + 1)
  for (let p = 0; p < postings; p++) pairStarts[rankedKeys[pairKeys[p]] + 1]++
  for (let pair = 0; pair < pairCount; pair++) pairStarts[pair + 1] += pairStarts[pair]
  return pairStarts
}

/** Documents `from` to `to` (excluded), in order: each list therefore stays in document order. */
function placePostings (
  pairKeys: Int32Array, frequencies: Uint16Array, documentStarts: Int32Array, from: number, to: number, rankedKeys: Int32Array,
  next: Int32Array, postingDocs: Int32Array, postingFrequencies: Uint16Array
): void {
  for (let doc = from; doc < to; doc++) {
    const end = documentStarts[doc + 1]
    for (let p = documentStarts[doc]; p < end; p++) {
      const at = next[rankedKeys[pairKeys[p]]]++
      postingDocs[at] = doc
      postingFrequencies[at] = frequencies[p]
    }
  }
}

interface IndexParts {
  options: ScoringOptions
  fieldCount: number
  sortedTerms: string[]
  /** Postings of the term ranked r in field f: pairStarts[r × fieldCount + f] up to the next start. */
  pairStarts: Int32Array
  postingDocs: Int32Array
  postingFrequencies: Uint16Array
  fieldLengths: Uint32Array
  averageFieldLengths: Float64Array
  documentBoosts: Float64Array
}

export class InvertedIndex {
  readonly documentCount: number
  private readonly parts: IndexParts
  private readonly termRanks: Map<string, number>
  /** Term ranks grouped by term length, for fuzzy expansion: only terms within the edit distance in length are compared. */
  private readonly ranksByLength: Int32Array[]

  // Scratch space, one slot per document. A stamp marks the slots written by the current term or query, so nothing
  // is cleared between queries.
  private readonly term: TermScratch
  private readonly queryScores: Float64Array
  private readonly queryStamps: Int32Array
  private readonly queryDocs: Int32Array
  private readonly matched: Uint16Array
  private readonly distinctMatched: Uint16Array
  private queryStamp = 0

  constructor (parts: IndexParts) {
    this.parts = parts
    const n = this.documentCount = parts.documentBoosts.length
    this.termRanks = new Map(parts.sortedTerms.map((term, rank) => [term, rank]))
    const byLength: number[][] = []
    parts.sortedTerms.forEach((term, rank) => { (byLength[term.length] ??= []).push(rank) })
    this.ranksByLength = Array.from(byLength, (ranks) => Int32Array.from(ranks ?? []))
    this.term = { scores: new Float64Array(n), stamps: new Int32Array(n), docs: new Int32Array(n), stamp: 0, count: 0 }
    this.queryScores = new Float64Array(n)
    this.queryStamps = new Int32Array(n)
    this.queryDocs = new Int32Array(n)
    this.matched = new Uint16Array(n)
    this.distinctMatched = new Uint16Array(n)
  }

  get termCount (): number { return this.parts.sortedTerms.length }

  /**
   * Scores every document matching any query term, as MiniSearch's `search` does before combining: per query term
   * the sum over its exact, prefix and fuzzy expansions and fields; over terms the sum; then × the number of
   * distinct query terms the document matched. Whether a document matched every term (AND) is left to the caller.
   */
  score (query: string): ScoredQuery {
    const { processTerm } = this.parts.options
    const terms: string[] = []
    for (const token of tokenize(query)) {
      const term = processTerm(token)
      if (term) terms.push(term)
    }
    const stamp = this.nextQueryStamp()
    let docCount = 0
    const seen = new Set<string>()
    for (const term of terms) {
      const repeated = seen.has(term)
      seen.add(term)
      this.scoreTerm(term)
      for (let i = 0; i < this.term.count; i++) {
        const doc = this.term.docs[i]
        if (this.queryStamps[doc] !== stamp) {
          this.queryStamps[doc] = stamp
          this.queryDocs[docCount++] = doc
          this.queryScores[doc] = this.term.scores[doc]
          this.matched[doc] = 1
          this.distinctMatched[doc] = 1
        } else {
          // MiniSearch adds each term's total to the running sum in query order: same order, same rounding.
          this.queryScores[doc] = this.queryScores[doc] + this.term.scores[doc]
          this.matched[doc]++
          // A repeated term matches exactly the documents its first occurrence matched: counted once for quality.
          if (!repeated) this.distinctMatched[doc]++
        }
      }
    }
    for (let i = 0; i < docCount; i++) {
      const doc = this.queryDocs[i]
      this.queryScores[doc] = this.queryScores[doc] * this.distinctMatched[doc]
    }
    return {
      termCount: terms.length,
      docs: this.queryDocs.subarray(0, docCount),
      scores: this.queryScores,
      matchedTerms: (doc) => (this.queryStamps[doc] === stamp ? this.matched[doc] : 0)
    }
  }

  private nextQueryStamp (): number {
    if (this.queryStamp === 0x7fffffff) { this.queryStamps.fill(0); this.queryStamp = 0 }
    return ++this.queryStamp
  }

  /** One query term: its exact match, then its prefix expansions, then its fuzzy ones (MiniSearch's executeQuerySpec). */
  private scoreTerm (term: string): void {
    const { options, sortedTerms } = this.parts
    if (this.term.stamp === 0x7fffffff) { this.term.stamps.fill(0); this.term.stamp = 0 }
    this.term.stamp++
    this.term.count = 0
    const exact = this.termRanks.get(term)
    if (exact !== undefined) this.addPostings(exact, 1)
    const prefix = options.prefix(term)
    if (prefix) {
      for (let rank = this.firstRankFrom(term); rank < sortedTerms.length && sortedTerms[rank].startsWith(term); rank++) {
        const expanded = sortedTerms[rank]
        const extra = expanded.length - term.length
        if (extra === 0) continue
        this.addPostings(rank, options.weights.prefix * expanded.length / (expanded.length + 0.3 * extra))
      }
    }
    const fuzzy = options.fuzzy(term)
    const maxDistance = !fuzzy ? 0 : fuzzy < 1 ? Math.min(options.maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy
    if (maxDistance) {
      const shortest = Math.max(0, term.length - maxDistance)
      const longest = Math.min(this.ranksByLength.length - 1, term.length + maxDistance)
      for (let length = shortest; length <= longest; length++) {
        for (const rank of this.ranksByLength[length] ?? []) {
          const candidate = sortedTerms[rank]
          // A term the query is a prefix of is scored as a prefix match only (MiniSearch drops it from the fuzzy ones).
          if (prefix && candidate.startsWith(term)) continue
          const edits = distance(term, candidate)
          if (edits === 0 || edits > maxDistance) continue
          this.addPostings(rank, options.weights.fuzzy * candidate.length / (candidate.length + edits))
        }
      }
    }
  }

  /** The rank of the first term not sorted before `term` (binary search). */
  private firstRankFrom (term: string): number {
    const { sortedTerms } = this.parts
    let low = 0
    let high = sortedTerms.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (sortedTerms[middle] < term) low = middle + 1
      else high = middle
    }
    return low
  }

  /** One indexed term's postings in every field, weighted (MiniSearch's termResults and calcBM25Score). */
  private addPostings (rank: number, termWeight: number): void {
    const { options, fieldCount, pairStarts } = this.parts
    const total = this.documentCount
    for (let field = 0; field < fieldCount; field++) {
      const start = pairStarts[rank * fieldCount + field]
      const end = pairStarts[rank * fieldCount + field + 1]
      if (start === end) continue
      const matching = end - start
      const inverseDocumentFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5))
      // MiniSearch multiplies termWeight × termBoost × fieldBoost × docBoost × raw, left to right; termBoost is 1.
      this.term.count = accumulate(this.parts, this.term, start, end, field, inverseDocumentFrequency, termWeight * options.fieldBoosts[field])
    }
  }
}

/** The per-term scratch space of a query: scores, which documents have one (stamped), and their list. */
interface TermScratch { scores: Float64Array; stamps: Int32Array; docs: Int32Array; stamp: number; count: number }

/**
 * Adds the weighted BM25+ score of postings `start` to `end` (one term in one field) to each document's score for
 * the current query term; answers how many documents have one now. A function of its own, apart from the class,
 * so that this loop, the one that runs for every posting of a common word, is optimised early.
 */
function accumulate (
  parts: IndexParts, scratch: TermScratch, start: number, end: number, field: number, inverseDocumentFrequency: number, fieldWeight: number
): number {
  const { postingDocs, postingFrequencies, fieldLengths, averageFieldLengths, documentBoosts, fieldCount } = parts
  const { k, b, d } = parts.options.bm25
  const { scores, stamps, docs, stamp } = scratch
  const averageLength = averageFieldLengths[field]
  let count = scratch.count
  for (let p = start; p < end; p++) {
    const doc = postingDocs[p]
    const frequency = postingFrequencies[p]
    const fieldLength = fieldLengths[doc * fieldCount + field]
    const raw = inverseDocumentFrequency * (d + frequency * (k + 1) / (frequency + k * (1 - b + b * fieldLength / averageLength)))
    const weighted = fieldWeight * documentBoosts[doc] * raw
    if (stamps[doc] !== stamp) {
      stamps[doc] = stamp
      scores[doc] = weighted
      docs[count++] = doc
    } else {
      scores[doc] += weighted
    }
  }
  return count
}
