// Language negotiation (api-conventions.md, "language"): `?lang=` beats `Accept-Language`, English is the
// fallback, and each localized field falls back to English on its own, so a partial translation is still used.
import Negotiator from 'negotiator'
import { Type } from 'typebox'
import { LANGUAGES, type Localized, type Translations as StoredTranslations } from '../../schemas/common.js'

export { LANGUAGES }
export type Language = typeof LANGUAGES[number]
export const DEFAULT_LANGUAGE: Language = 'en'

/** Right-to-left scripts among the supported languages. */
export const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar'])

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)

/**
 * The language to answer in. An invalid `?lang=` is left to the querystring schema (a 400), so here it simply
 * does not count; Negotiator matches `fr-CA` to `fr` and honours q-values.
 */
export function negotiateLanguage (queryLang: unknown, acceptLanguage: string | string[] | undefined): Language {
  if (isLanguage(queryLang)) return queryLang
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage
  if (!header) return DEFAULT_LANGUAGE
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES])
  return isLanguage(best) ? best : DEFAULT_LANGUAGE
}

export interface LocalizedText { text: string; lang: Language }

export const directionOf = (lang: string) => (RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr')

/** A record's English name and one-line summary: what `translations` translates and what every field falls back to. */
export interface EnglishText { name: string; summary: string }

/** What a record carries for localization: French, Spanish and Arabic, each marked official or editorial. */
export interface Translatable { translations?: StoredTranslations }

type Field = 'name' | 'summary'

/** One field in the wanted language, or the English original where that translation is missing. */
function field (record: Translatable, english: string, lang: Language, which: Field) {
  const translated = lang === DEFAULT_LANGUAGE ? undefined : record.translations?.[lang as Exclude<Language, 'en'>]?.[which]
  if (!translated) return { text: english, lang: DEFAULT_LANGUAGE, translation: 'original' as const, source: undefined }
  return { text: translated.text, lang, translation: translated.translation as 'official' | 'editorial', source: translated.source }
}

/** The `localized` block of a record: name and summary in the wanted language, each falling back to English alone. */
export function localizedBlock (record: Translatable, english: EnglishText, lang: Language): Localized {
  const name = field(record, english.name, lang, 'name')
  const summary = field(record, english.summary, lang, 'summary')
  return {
    lang,
    name: name.text,
    nameLang: name.lang,
    nameTranslation: name.translation,
    ...(name.source ? { nameSource: name.source } : {}),
    summary: summary.text,
    summaryLang: summary.lang,
    summaryTranslation: summary.translation,
    ...(summary.source ? { summarySource: summary.source } : {})
  }
}

/** The record with its `localized` block, for answers. */
export function localize<T extends Translatable> (record: T, lang: Language, english: EnglishText): T & { localized: Localized } {
  return { ...record, localized: localizedBlock(record, english, lang) }
}

/**
 * Where each localized resource keeps its English name and one-line summary. The summary falls back to the
 * record's longer English text (`purpose`, `definition`, `description`, `summary`, `scope`) where no one-liner exists.
 */
export const englishOf = {
  noticeType: (r: { labels: { en: string }; shortDefinition?: { en: string }; purpose: string }): EnglishText =>
    ({ name: r.labels.en, summary: r.shortDefinition?.en ?? r.purpose }),
  term: (r: { labels: { en: string }; shortDefinition?: { en: string }; definition: string }): EnglishText =>
    ({ name: r.labels.en, summary: r.shortDefinition?.en ?? r.definition }),
  ground: (r: { title: string; shortSummary?: string; description: string }): EnglishText =>
    ({ name: r.title, summary: r.shortSummary ?? r.description }),
  case: (r: { title: string; shortSummary?: string; summary: string }): EnglishText =>
    ({ name: r.title, summary: r.shortSummary ?? r.summary }),
  requestingEntity: (r: { name: string; shortSummary?: string; scope: string }): EnglishText =>
    ({ name: r.name, summary: r.shortSummary ?? r.scope })
}

export const languageQuery = Type.String({
  enum: [...LANGUAGES],
  description: 'Language of the `localized` name and one-line summary (en, fr, es, ar); wins over `Accept-Language`. ' +
    'Each field falls back to English where no translation exists and says whether it is INTERPOL\'s wording ' +
    '(`official`) or the project\'s translation (`editorial`); `Content-Language` says what was answered.'
})
