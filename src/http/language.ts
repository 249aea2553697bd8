// Language negotiation (api-conventions.md, "language"): `?lang=` beats `Accept-Language`, English is the
// fallback, and each localized field falls back to English on its own, so a partial translation is still used.
import Negotiator from 'negotiator'
import { Type, type Static } from 'typebox'
import { LANGUAGES, type Localized } from '../../schemas/common.js'

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

export type Translations = { en: string } & Partial<Record<Language, string>>

export interface LocalizedText { text: string; lang: Language }

/** One field in the wanted language, or in English when that translation is missing. */
export function pick (translations: Translations, lang: Language): LocalizedText {
  const text = translations[lang]
  return text ? { text, lang } : { text: translations.en, lang: DEFAULT_LANGUAGE }
}

export const directionOf = (lang: string) => (RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr')

interface Nameable {
  labels: Translations
  shortDefinition?: Translations
}

/**
 * The `localized` block of a notice type or term. The summary is the short definition in the wanted language,
 * else the English short definition, else the full English text (`purpose`, `definition`) it summarises.
 */
export function localize<T extends Nameable> (record: T, lang: Language, longText: string): T & { localized: Static<typeof Localized> } {
  const name = pick(record.labels, lang)
  const summary = record.shortDefinition ? pick(record.shortDefinition, lang) : { text: longText, lang: DEFAULT_LANGUAGE }
  return { ...record, localized: { lang, name: name.text, nameLang: name.lang, summary: summary.text, summaryLang: summary.lang } }
}

export const languageQuery = Type.String({
  enum: [...LANGUAGES],
  description: 'Language of names and short definitions (en, fr, es, ar); wins over `Accept-Language`. Each field ' +
    'falls back to English where no translation exists; `Content-Language` says what was answered.'
})
