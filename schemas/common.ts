// The building blocks every resource shares (data-model.md, "Shared building blocks").
// Each piece that the OpenAPI document should name carries an `$id`; records refer to them with `ref()`.
import { Type, type Static, type TSchema } from 'typebox'

/** A `$ref` to a shared schema that keeps its static type (TypeBox 1.x `Type.Ref` carries none). */
export const ref = <T extends TSchema>(schema: T & { $id?: string }) =>
  Type.Unsafe<Static<T>>(Type.Ref(schema.$id as string))

export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
export const Id = Type.String({
  $id: 'Id',
  pattern: ID_PATTERN,
  minLength: 1,
  maxLength: 64,
  description: 'A stable kebab-case slug; never changes once published.',
  examples: ['red', 'rpd-83', 'article-3-political']
})
export type Id = Static<typeof Id>

export const Iso2 = Type.String({
  $id: 'Iso2',
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code, upper-case.',
  examples: ['IR', 'US']
})

export const IsoDate = Type.String({
  $id: 'IsoDate',
  format: 'date',
  description: 'A calendar date, YYYY-MM-DD.',
  examples: ['2021-01-05']
})

/**
 * Many facts are known only to the month or the year ("the 86th General Assembly, September 2017").
 * A partial date records exactly what the sources say instead of inventing a day.
 */
export const PartialDate = Type.String({
  $id: 'PartialDate',
  pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  description: 'A date known to the day (YYYY-MM-DD), the month (YYYY-MM) or the year (YYYY). ' +
    'Compared with `asOf` by the first day of the period it names.',
  examples: ['2023-11-29', '2017-09', '1946']
})

export const Confidence = Type.String({
  $id: 'Confidence',
  enum: ['confirmed', 'reported', 'inferred'],
  description: '`confirmed`: read in a primary source; `reported`: from secondary or news sources only; ' +
    '`inferred`: deduced, e.g. an article number taken from the numbering sequence.'
})
export type Confidence = 'confirmed' | 'reported' | 'inferred'

export const Source = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  publisher: Type.String({ minLength: 1, maxLength: 200 }),
  url: Type.String({ format: 'uri', pattern: '^https://', maxLength: 2000 }),
  kind: Type.String({ enum: ['primary', 'secondary', 'news'], description: '`primary`: INTERPOL, the UN or a court; `secondary`: law firm, NGO, academic; `news`.' }),
  locator: Type.Optional(Type.String({ maxLength: 200, description: 'Where in the source: "Art. 83(1)(b)", "para. 12".' })),
  accessed: Type.Optional(ref(IsoDate))
}, { $id: 'Source', additionalProperties: false })
export type Source = Static<typeof Source>

/** A short verbatim phrase of a legal text, always with its source and never mixed into a summary. */
export const Quote = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 300 }),
  source: ref(Source)
}, { $id: 'Quote', additionalProperties: false })

/** Evidence fields carried by every fact-bearing record (spread into its properties). */
export const evidenceProperties = {
  sources: Type.Array(ref(Source), { minItems: 1, description: 'Where the facts of this record come from.' }),
  confidence: ref(Confidence),
  uncertainty: Type.Optional(Type.String({
    maxLength: 1000,
    description: 'What the sources leave open or contradict; kept, not resolved by guessing.'
  })),
  reviewed: ref(IsoDate)
}

/** INTERPOL's four official languages; English is the fallback wherever a translation is missing. */
export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const

/** One text per official language: English required, the others only where the translation is sure. */
function inOfficialLanguages (maxLength: number, options: { $id: string; description: string }) {
  const text = () => Type.String({ minLength: 1, maxLength })
  return Type.Object({ en: text(), fr: Type.Optional(text()), es: Type.Optional(text()), ar: Type.Optional(text()) },
    { additionalProperties: false, ...options })
}

export const Labels = inOfficialLanguages(200, { $id: 'Labels', description: "Names in INTERPOL's four official languages; English is the fallback." })

/** A one-sentence definition per language, written for cards and tooltips; English is required as the fallback. */
export const ShortDefinition = inOfficialLanguages(300, { $id: 'ShortDefinition', description: 'A one-sentence definition in INTERPOL\'s official languages, only where the translation is sure; English is the fallback.' })

/**
 * One translated text and where it comes from. `official`: INTERPOL's own wording in that language, with the source
 * it was read in; `editorial`: the project's translation, reviewed against the English, never to be taken for
 * INTERPOL's. Integrity requires a source for every `official` text.
 */
export const TranslatedText = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 400 }),
  translation: Type.String({ enum: ['official', 'editorial'], description: "`official`: INTERPOL's own wording, with its source; `editorial`: the project's translation." }),
  source: Type.Optional(ref(Source))
}, { $id: 'TranslatedText', additionalProperties: false })
export type TranslatedText = Static<typeof TranslatedText>

const translatedFields = Type.Object({
  name: Type.Optional(ref(TranslatedText)),
  summary: Type.Optional(ref(TranslatedText))
}, { additionalProperties: false })

/**
 * A record's name and one-line summary in French, Spanish and Arabic. The English stays in the record's own fields
 * (`labels.en` or `title`/`name`, and `shortDefinition.en` or `shortSummary`).
 */
export const Translations = Type.Object({
  fr: Type.Optional(translatedFields),
  es: Type.Optional(translatedFields),
  ar: Type.Optional(translatedFields)
}, { $id: 'Translations', additionalProperties: false, description: "The record's name and one-line summary in French, Spanish and Arabic, each marked official or editorial." })
export type Translations = Static<typeof Translations>

/** The English one-line summary that `translations.*.summary` translates, for records whose main text is longer. */
export const shortSummaryProperty = {
  shortSummary: Type.Optional(Type.String({ minLength: 1, maxLength: 240, description: 'One sentence in English, for cards and lists.' }))
}

const LanguageCode = Type.String({ enum: [...LANGUAGES] })

/** How a localized text came to be in the language it is in. */
export const TRANSLATION_KINDS = ['official', 'editorial', 'original'] as const
const TranslationKind = Type.String({
  enum: [...TRANSLATION_KINDS],
  description: "`original`: the record's own English text; `official`: INTERPOL's wording in that language (see the source); " +
    "`editorial`: the project's translation, reviewed against the English but not INTERPOL's wording."
})

/**
 * Added to each answer, never stored in data/: the record's name and one-line summary in the negotiated language
 * (`?lang=`, then `Accept-Language`), each field falling back to English on its own, and each saying which
 * language it is in and whether it is INTERPOL's wording or the project's translation.
 */
export const Localized = Type.Object({
  lang: { ...LanguageCode, description: 'The language asked for; also sent as `Content-Language`.' },
  name: Type.String(),
  nameLang: { ...LanguageCode, description: 'The language `name` is actually in (English where no translation exists).' },
  nameTranslation: TranslationKind,
  nameSource: Type.Optional(ref(Source)),
  summary: Type.String({ description: 'The one-line summary, or the English text it would summarise where there is none.' }),
  summaryLang: { ...LanguageCode, description: 'The language `summary` is actually in.' },
  summaryTranslation: TranslationKind,
  summarySource: Type.Optional(ref(Source))
}, { $id: 'Localized', additionalProperties: false, description: 'Computed per answer in the negotiated language; not part of the stored record. An `editorial` text is not INTERPOL\'s wording.' })
export type Localized = Static<typeof Localized>

/** When a rule or record applied; both ends are partial dates, the end is exclusive. */
export const effectiveProperties = {
  effectiveFrom: Type.Optional(ref(PartialDate)),
  effectiveTo: Type.Optional(ref(PartialDate))
}

export const FieldError = Type.Object({
  field: Type.String({ description: 'Where the problem is: `query.limit`, `body.offence.categories.0`, `params.id`.' }),
  message: Type.String()
}, { $id: 'FieldError', additionalProperties: false })

export const Problem = Type.Object({
  type: Type.String({ description: 'A URI naming the kind of problem.' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String({ description: 'The request path.' })),
  code: Type.String({ description: 'Stable machine-readable code.', examples: ['not-found', 'invalid-query'] }),
  requestId: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(ref(FieldError))),
  suggestions: Type.Optional(Type.Array(Type.String(), { description: 'The nearest ids, for a 404 on an unknown id.' })),
  supported: Type.Optional(Type.Array(Type.String(), { description: 'Supported media types or methods, for a 405, 406 or 415.' }))
}, {
  $id: 'Problem',
  additionalProperties: false,
  description: 'An RFC 9457 problem document, served as application/problem+json.'
})
export type Problem = Static<typeof Problem>

/** The one list shape every collection answers with. */
export const listOf = <T extends TSchema>(item: T, id: string) => Type.Object({
  data: Type.Array(item),
  total: Type.Integer({ minimum: 0, description: 'Matching records before pagination.' }),
  limit: Type.Integer({ minimum: 1, maximum: 100 }),
  offset: Type.Integer({ minimum: 0 })
}, { $id: id, additionalProperties: false })
