// Misconceptions (data/misconceptions.yaml) and the claim checker's contract (POST /v1/claims/check).
// A misconception is written once: notice-type answers derive their `misconceptions` from the records whose
// `related` names them, and the claim checker matches text against each record's `phrasings`.
import { Type, type Static } from 'typebox'
import { Id, Source, Confidence, IsoDate, LANGUAGES, listOf, ref } from './common.js'

export const SEVERITIES = ['high', 'medium', 'low'] as const

/** `notice-types/red`, `provisions/constitution-3`, `cases/iran-2021-us-officials`: a record, as its REST path under /v1. */
export const RecordRef = Type.String({
  pattern: '^(notice-types|instruments|provisions|grounds|requesting-entities|cases|terms|countries|misconceptions)/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$',
  description: 'A record as `<resource>/<id>`, the path of its page under `/v1/`.',
  examples: ['notice-types/red', 'provisions/constitution-3']
})

const PATTERN_SYNTAX = 'Patterns are words matched in order within one sentence, ignoring case, accents and (in Arabic) ' +
  'letter variants and attached articles: `word*` matches any word that starts with `word`; `a|b` is either word; ' +
  '`[a|b]` is an optional word; `...` allows up to six other words; `<country>` is any country\'s name or demonym.'

const patternList = (description: string) => Type.Array(Type.String({ minLength: 1, maxLength: 400 }), { maxItems: 60, description })

/** Patterns per official language; a language without a list is simply not checked for this misconception. */
export const Phrasings = Type.Object({
  en: Type.Optional(patternList('English patterns.')),
  fr: Type.Optional(patternList('French patterns.')),
  es: Type.Optional(patternList('Spanish patterns.')),
  ar: Type.Optional(patternList('Arabic patterns.'))
}, { $id: 'Phrasings', additionalProperties: false, description: PATTERN_SYNTAX })
export type Phrasings = Static<typeof Phrasings>

export const Misconception = Type.Object({
  id: ref(Id),
  claim: Type.String({ minLength: 1, maxLength: 300, description: 'The false claim, as it is usually made.' }),
  correction: Type.String({ minLength: 1, maxLength: 400, pattern: '^[^\\n]*$', description: 'What is true instead, in one sentence.' }),
  explanation: Type.Optional(Type.String({
    minLength: 1,
    maxLength: 1000,
    description: 'The longer correction shown on the records it concerns (a notice type\'s `misconceptions`); the one-sentence `correction` where absent.'
  })),
  severity: Type.String({ enum: [...SEVERITIES], description: '`high`: changes what a reader believes happened to a person (guilt, arrest, who acted); `medium`: misstates how the system works; `low`: a naming slip.' }),
  related: Type.Array(RecordRef, { minItems: 1, description: 'The records that support the correction or that the claim is about; a notice type listed here shows the misconception.' }),
  phrasings: ref(Phrasings),
  exceptions: Type.Optional(Type.Unsafe<Phrasings>({
    $ref: 'Phrasings',
    description: 'Patterns that, found in the same sentence, mean the sentence does not make the claim (beyond the negation, correction and attribution cues every record shares).'
  })),
  sources: Type.Array(ref(Source), { minItems: 1 }),
  confidence: ref(Confidence),
  uncertainty: Type.Optional(Type.String({ maxLength: 1000 })),
  reviewed: ref(IsoDate)
}, { $id: 'Misconception', additionalProperties: false, description: 'A claim often made about INTERPOL that the sources contradict, with its correction and the phrasings that state it.' })
export type Misconception = Static<typeof Misconception>

export const MisconceptionList = listOf(Type.Ref('Misconception'), 'MisconceptionList')

// ------------------------------------------------------------------------------------------------ claim checker

export const MAX_CLAIM_TEXT = 20_000
export const CLAIM_VERDICTS = ['misconception', 'matches-dataset', 'differs-from-dataset'] as const
export const FACTS = ['member-count'] as const

export const ClaimCheckRequest = Type.Object({
  text: Type.String({ minLength: 1, maxLength: MAX_CLAIM_TEXT, description: 'The copy to check: plain text, or HTML when `format` is `html`; up to 20,000 characters.' }),
  format: Type.Optional(Type.String({ enum: ['text', 'html'], default: 'text', description: '`html`: tags are skipped and entities decoded before matching; offsets still point into `text` as sent.' })),
  lang: Type.Optional(Type.String({ enum: [...LANGUAGES], description: 'Check only this language\'s phrasings; by default all four are tried.' }))
}, {
  $id: 'ClaimCheckRequest',
  additionalProperties: false,
  examples: [{ text: 'Iran issued Red Notices for Donald Trump. Interpol rejected the request, citing murder and terrorism charges.' }]
})
export type ClaimCheckRequest = Static<typeof ClaimCheckRequest>

export const Span = Type.Object({
  start: Type.Integer({ minimum: 0, description: 'Offset of the first character, counted in UTF-16 code units (JavaScript string indices) of `text` as sent, HTML tags included.' }),
  end: Type.Integer({ minimum: 0, description: 'Offset just after the last character (exclusive), counted like `start`.' }),
  text: Type.String({ description: 'The passage quoted from `text`: `text.slice(start, end)`.' })
}, { $id: 'Span', additionalProperties: false })

export const ClaimFinding = Type.Object({
  span: ref(Span),
  sentence: ref(Span),
  verdict: Type.String({
    enum: [...CLAIM_VERDICTS],
    description: '`misconception`: the passage states a known misconception; `matches-dataset` / `differs-from-dataset`: ' +
      'the passage states a checkable fact (`fact`), and it agrees or disagrees with the dataset.'
  }),
  misconception: Type.Optional(ref(Id)),
  fact: Type.Optional(Type.String({ enum: [...FACTS], description: 'The checkable fact stated: `member-count`, the number of INTERPOL member countries.' })),
  claim: Type.String({ description: 'The misconception as it is usually made, or the fact as the passage states it.' }),
  correction: Type.String({ description: 'What is true instead, or what the dataset says, in one sentence.' }),
  severity: Type.String({ enum: [...SEVERITIES] }),
  lang: Type.String({ enum: [...LANGUAGES], description: 'The language whose phrasing matched.' }),
  phrasing: Type.Optional(Type.String({ description: 'The pattern that matched (data/misconceptions.yaml), so an editor can find and change it.' })),
  records: Type.Array(RecordRef, { description: 'The records behind the correction, as paths under /v1/.' }),
  sources: Type.Array(ref(Source)),
  confidence: ref(Confidence)
}, { $id: 'ClaimFinding', additionalProperties: false })
export type ClaimFinding = Static<typeof ClaimFinding>

export const SKIP_REASONS = ['negated', 'corrected', 'attributed', 'quoted', 'exception'] as const

export const ClaimCheckResult = Type.Object({
  format: Type.String({ enum: ['text', 'html'] }),
  languages: Type.Array(Type.String({ enum: [...LANGUAGES] }), { description: 'The languages whose phrasings were tried.' }),
  length: Type.Integer({ minimum: 0, description: 'Length of `text` as sent, in UTF-16 code units.' }),
  sentences: Type.Integer({ minimum: 0, description: 'How many sentences were checked.' }),
  findings: Type.Array(ref(ClaimFinding), { description: 'Each passage that states a misconception in the writer\'s own voice, or a checkable fact, in text order.' }),
  skipped: Type.Array(Type.Object({
    span: ref(Span),
    misconception: ref(Id),
    reason: Type.String({ enum: [...SKIP_REASONS], description: '`negated` ("is not an arrest warrant"), `corrected` ("it is a myth that…"), `attributed` ("Iran said that…"), `quoted` (inside quotation marks) or a record\'s own `exception`.' })
  }, { additionalProperties: false }), { description: 'Passages that use a misconception\'s words without stating it, and why they were not flagged.' }),
  datasetVersion: Type.String(),
  disclaimer: Type.String()
}, { $id: 'ClaimCheckResult', additionalProperties: false })
export type ClaimCheckResult = Static<typeof ClaimCheckResult>
