// The claim checker: finds the passages of a text that state a known misconception in the writer's own voice.
// Patterns come from data/misconceptions.yaml (each record's phrasings, in four languages); what turns a claim
// around (negation, correction, attribution, quotation) comes from cues.ts and each record's exceptions.
import worldCountriesModule from 'world-countries'
import type { Misconception, ClaimCheckResult, ClaimFinding } from '../../schemas/misconception.js'
import { LANGUAGES } from '../../schemas/common.js'
import type { Language } from '../http/language.js'
import type { Dataset } from '../data/dataset.js'
import { ATTRIBUTIONS, CORRECTIONS, NEGATIONS } from './cues.js'
import { htmlToText, plain, type MappedText } from './html.js'
import { compilePattern, foldWord, matchPattern, slotOf, type Pattern, type PatternMatch, type Slots } from './patterns.js'
import { quotedRanges, sentences, type Sentence } from './text.js'
import { checkFacts, type FactContext } from './facts.js'

export const CLAIMS_DISCLAIMER = 'This flags wording that matches misconceptions recorded in the dataset, with the ' +
  'sources behind each correction. It reads words, not meaning: check each flag against the context, and do not take ' +
  'the absence of a flag as confirmation that a text is accurate.'

type Skip = ClaimCheckResult['skipped'][number]

interface Compiled { record: Misconception; phrasings: Array<{ lang: Language; pattern: Pattern }>; exceptions: Map<Language, Pattern[]> }

// The package is CommonJS: Node hands its array over as the default export, which its types do not describe.
const worldCountries = worldCountriesModule as unknown as typeof worldCountriesModule.default

/** Country names and demonyms in the four languages, for `<country>`; two-letter spellings ("US") are left out. */
function countryNames (): string[] {
  const names: string[] = []
  for (const country of worldCountries) {
    names.push(country.name.common, country.name.official)
    for (const code of ['fra', 'spa', 'ara'] as const) {
      const translation = (country.translations as Record<string, { common: string; official: string } | undefined>)[code]
      if (translation) names.push(translation.common)
    }
    const demonyms = country.demonyms as Record<string, { m: string; f: string } | undefined>
    for (const code of ['eng', 'fra']) if (demonyms?.[code]) names.push(demonyms[code].m, demonyms[code].f)
    for (const spelling of country.altSpellings) if (spelling.length > 3) names.push(spelling)
  }
  return [...names.filter((name) => name && name.length > 2), ...EXONYMS]
}

// Names the package has replaced or leaves out but newsrooms still write (it says Türkiye and Czechia).
const EXONYMS = ['Turkey', 'Czech Republic', 'Britain', 'America', 'Holland', 'USA', 'UK', 'U.S.A.']

let sharedSlots: Slots | undefined
const slots = (): Slots => (sharedSlots ??= { country: slotOf(countryNames()) })

const compileCues = (lists: Record<Language, string[]>) =>
  Object.fromEntries(LANGUAGES.map((lang) => [lang, lists[lang].map((source) => compilePattern(source, slots()))])) as Record<Language, Pattern[]>

const negationWords = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set(NEGATIONS[lang].map(foldWord))])) as Record<Language, Set<string>>

export interface CheckOptions { format?: 'text' | 'html'; lang?: Language }

export interface ClaimChecker {
  check (text: string, options?: CheckOptions): Omit<ClaimCheckResult, 'datasetVersion' | 'disclaimer'>
}

/** Compiles every record's phrasings once; throws PatternError naming a pattern that cannot compile. */
export function buildClaimChecker (misconceptions: readonly Misconception[], facts?: FactContext): ClaimChecker {
  const compiled: Compiled[] = misconceptions.map((record) => ({
    record,
    phrasings: LANGUAGES.flatMap((lang) => (record.phrasings[lang] ?? []).map((source) => ({ lang, pattern: compilePattern(source, slots()) }))),
    exceptions: new Map(LANGUAGES.map((lang) => [lang, (record.exceptions?.[lang] ?? []).map((source) => compilePattern(source, slots()))]))
  }))
  const corrections = compileCues(CORRECTIONS)
  const attributions = compileCues(ATTRIBUTIONS)

  function reasonToSkip (entry: Compiled, lang: Language, sentence: Sentence, match: PatternMatch, mapped: MappedText, quotes: Array<[number, number]>): Skip['reason'] | undefined {
    const { tokens } = sentence
    if (entry.exceptions.get(lang)!.some((pattern) => matchPattern(pattern, tokens, slots()))) return 'exception'
    if (corrections[lang].some((pattern) => matchPattern(pattern, tokens, slots()))) return 'corrected'
    // Negation counts from the start of the passage's clause to its end, except words the pattern itself names.
    let clauseStart = match.first
    while (clauseStart > 0 && !/[,;:()–—]/.test(mapped.text.slice(tokens[clauseStart - 1].end, tokens[clauseStart].start))) clauseStart--
    for (let i = clauseStart; i <= match.last; i++) {
      if (!match.literal.has(i) && negationWords[lang].has(tokens[i].norm)) return 'negated'
    }
    const start = tokens[match.first].start
    const end = tokens[match.last].end
    if (quotes.some(([from, to]) => from <= start && end <= to)) return 'quoted'
    const before = tokens.slice(0, match.first)
    if (attributions[lang].some((pattern) => matchPattern(pattern, before, slots()))) return 'attributed'
    const after = tokens.slice(match.last + 1)
    for (const pattern of attributions[lang]) {
      const found = matchPattern(pattern, after, slots())
      if (found && mapped.text.slice(end, after[found.first].start).includes(',')) return 'attributed'
    }
    return undefined
  }

  return {
    check (text, options = {}) {
      const format = options.format ?? 'text'
      const mapped = format === 'html' ? htmlToText(text) : plain(text)
      const languages = options.lang ? [options.lang] : [...LANGUAGES]
      const quotes = quotedRanges(mapped.text)
      const span = (from: number, to: number) => {
        const start = mapped.starts[from]
        const end = mapped.ends[to - 1]
        return { start, end, text: text.slice(start, end) }
      }
      const findings: ClaimFinding[] = []
      const skipped: Skip[] = []
      const all = sentences(mapped.text)
      for (const sentence of all) {
        for (const entry of compiled) {
          let skip: Skip | undefined
          let found = false
          for (const { lang, pattern } of entry.phrasings) {
            if (!languages.includes(lang)) continue
            const match = matchPattern(pattern, sentence.tokens, slots())
            if (!match) continue
            const passage = span(sentence.tokens[match.first].start, sentence.tokens[match.last].end)
            const reason = reasonToSkip(entry, lang, sentence, match, mapped, quotes)
            if (reason) { skip ??= { span: passage, misconception: entry.record.id, reason }; continue }
            const { record } = entry
            findings.push({
              span: passage,
              sentence: span(sentence.start, sentence.end),
              verdict: 'misconception',
              misconception: record.id,
              claim: record.claim,
              correction: record.correction,
              severity: record.severity,
              lang,
              phrasing: pattern.source,
              records: record.related,
              sources: record.sources,
              confidence: record.confidence
            })
            found = true
            break
          }
          if (!found && skip) skipped.push(skip)
        }
        if (facts) findings.push(...checkFacts(mapped.text, sentence, languages, facts, span))
      }
      findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end)
      return { format, languages, length: text.length, sentences: all.length, findings, skipped }
    }
  }
}

/** Each pattern of a record that cannot compile, named by its field (for src/data/integrity.ts). */
export function phrasingProblems (record: Misconception): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = []
  for (const key of ['phrasings', 'exceptions'] as const) {
    for (const lang of LANGUAGES) {
      (record[key]?.[lang] ?? []).forEach((source, index) => {
        try { compilePattern(source, slots()) } catch (error) {
          problems.push({ field: `${key}.${lang}[${index}]`, message: error instanceof Error ? error.message : String(error) })
        }
      })
    }
  }
  return problems
}

const checkers = new WeakMap<object, ClaimChecker>()

/**
 * What the dataset says about the facts the checker can verify. The member count's evidence is the membership
 * list's (countries.yaml `members`), which every member without a curated record carries.
 */
export function factsOf (dataset: Dataset): FactContext {
  const members = dataset.countries.all.filter((country) => country.interpolMember)
  const plain = members.find((country) => !country.notes && !country.ncb && !country.admitted) ?? members[0]
  return { memberCount: members.length, sources: plain.sources, confidence: plain.confidence as FactContext['confidence'], released: dataset.release.released }
}

/** The checker for a dataset, compiled on first use and kept as long as the dataset is. */
export function checkerFor (dataset: Dataset): ClaimChecker {
  let checker = checkers.get(dataset)
  if (!checker) { checker = buildClaimChecker(dataset.misconceptions.all, factsOf(dataset)); checkers.set(dataset, checker) }
  return checker
}

/** The whole answer of POST /v1/claims/check (also the MCP tool's and the embed's). */
export function checkClaims (dataset: Dataset, text: string, options: CheckOptions = {}): ClaimCheckResult {
  return { ...checkerFor(dataset).check(text, options), datasetVersion: dataset.version, disclaimer: CLAIMS_DISCLAIMER }
}
