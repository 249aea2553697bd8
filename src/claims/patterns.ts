// The phrasing language editors write in data/misconceptions.yaml, compiled once and matched against the words of
// one sentence. Deliberately small (no regular expressions), documented in schemas/misconception.ts (Phrasings):
//   word      the word, folded like the text (case, accents, Arabic variants)
//   word*     any word that starts with `word`
//   a|b       either word
//   [a|b]     an optional word
//   ...       up to MAX_GAP other words
//   <country> a country's name or demonym (several words allowed: "United States")
import { foldWord, tokenize, type Token } from './text.js'

export const MAX_GAP = 6

interface Alternative { text: string; prefix: boolean }
type Element =
  | { kind: 'word'; alternatives: Alternative[]; optional: boolean }
  | { kind: 'gap' }
  | { kind: 'slot'; name: string }

export interface Pattern { source: string; elements: Element[] }

export class PatternError extends Error {}

/** Known slots: each maps to the word sequences it stands for (already folded). */
export type Slots = Record<string, Map<string, string[][]>>

function alternativesOf (raw: string, source: string): Alternative[] {
  return raw.split('|').map((part) => {
    const prefix = part.endsWith('*')
    const word = prefix ? part.slice(0, -1) : part
    const tokens = tokenize(word)
    if (tokens.length !== 1) throw new PatternError(`"${source}": "${part}" must be one word (write several words as separate elements)`)
    return { text: tokens[0].norm, prefix }
  })
}

export function compilePattern (source: string, slots: Slots): Pattern {
  const elements: Element[] = []
  // Words inside an apostrophe form (d'arrêt) become separate elements, as the text's words do.
  for (const raw of source.trim().split(/\s+/)) {
    if (raw === '...') { elements.push({ kind: 'gap' }); continue }
    const slot = /^<([a-z]+)>$/.exec(raw)
    if (slot) {
      if (!slots[slot[1]]) throw new PatternError(`"${source}": unknown slot <${slot[1]}>`)
      elements.push({ kind: 'slot', name: slot[1] })
      continue
    }
    const optional = raw.startsWith('[') && raw.endsWith(']')
    const body = optional ? raw.slice(1, -1) : raw
    if (/[[\]<>()]/.test(body)) throw new PatternError(`"${source}": "${raw}" is not a word, [optional word], ... or <slot>`)
    const parts = body.split(/['’]/)
    if (parts.length > 1 && (optional || body.includes('|'))) throw new PatternError(`"${source}": write "${raw}" without the apostrophe`)
    for (const part of parts) elements.push({ kind: 'word', alternatives: alternativesOf(part, source), optional })
  }
  if (elements.length === 0 || elements[0].kind === 'gap' || elements.at(-1)?.kind === 'gap') {
    throw new PatternError(`"${source}": a pattern starts and ends with a word`)
  }
  if (!elements.some((e) => e.kind !== 'gap' && !(e.kind === 'word' && e.optional))) {
    throw new PatternError(`"${source}": a pattern needs at least one required word`)
  }
  return { source, elements }
}

const wordMatches = (alternatives: Alternative[], norm: string) =>
  alternatives.some((a) => (a.prefix ? norm.startsWith(a.text) : norm === a.text))

export interface PatternMatch {
  /** Token indices of the first and last matched words. */
  first: number
  last: number
  /** Token indices consumed by the pattern's own words (not by a gap), e.g. a "not" the claim itself contains. */
  literal: Set<number>
}

/** The first match of the pattern in the tokens (leftmost start, then the shortest way through). */
export function matchPattern (pattern: Pattern, tokens: Token[], slots: Slots): PatternMatch | undefined {
  const { elements } = pattern
  const literal: number[] = []

  // Returns the index after the last consumed token, or -1.
  function step (e: number, t: number): number {
    if (e === elements.length) return t
    const element = elements[e]
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= MAX_GAP && t + skip <= tokens.length; skip++) {
        const end = step(e + 1, t + skip)
        if (end >= 0) return end
      }
      return -1
    }
    if (element.kind === 'slot') {
      if (t >= tokens.length) return -1
      for (const words of slots[element.name].get(tokens[t].norm) ?? []) {
        if (words.every((word, i) => tokens[t + i]?.norm === word)) {
          const mark = literal.length
          for (let i = 0; i < words.length; i++) literal.push(t + i)
          const end = step(e + 1, t + words.length)
          if (end >= 0) return end
          literal.length = mark
        }
      }
      return -1
    }
    if (t < tokens.length && wordMatches(element.alternatives, tokens[t].norm)) {
      literal.push(t)
      const end = step(e + 1, t + 1)
      if (end >= 0) return end
      literal.pop()
    }
    return element.optional ? step(e + 1, t) : -1
  }

  for (let start = 0; start < tokens.length; start++) {
    literal.length = 0
    // The first element is a word or slot; an optional first word may be absent, but the match starts at a word.
    const end = step(0, start)
    if (end > start && literal.length > 0) {
      return { first: Math.min(...literal), last: end - 1, literal: new Set(literal) }
    }
  }
  return undefined
}

/** Folds a slot's names into word sequences indexed by their first word. */
export function slotOf (names: Iterable<string>): Map<string, string[][]> {
  const index = new Map<string, string[][]>()
  for (const name of names) {
    const words = tokenize(name).map((token) => token.norm)
    if (words.length === 0) continue
    const list = index.get(words[0]) ?? []
    if (!list.some((existing) => existing.join(' ') === words.join(' '))) list.push(words)
    index.set(words[0], list)
  }
  // Longest names first, so that "United States of America" wins over "United States".
  for (const list of index.values()) list.sort((a, b) => b.length - a.length)
  return index
}

export { foldWord }
