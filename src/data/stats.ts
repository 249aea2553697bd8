// Counts that /v1/meta and `npm run validate:data` both report: records per resource and per confidence level,
// how fresh the records are (their `reviewed` date), and how many carry each language, official or editorial.
import type { Confidence, Translations } from '../../schemas/common.js'
import type { Dataset } from './dataset.js'

export interface DatasetStats {
  counts: Record<string, number>
  confidence: Record<Confidence, number>
}

interface Curated { id: string; confidence: Confidence; reviewed: string; translations?: Translations }

/** The curated resources, by the name they have in URLs; countries are generated from ISO and reviewed as one file. */
export function curatedResources (dataset: Dataset): Record<string, readonly Curated[]> {
  return {
    'notice-types': dataset.noticeTypes.all,
    instruments: dataset.instruments.all,
    provisions: dataset.provisions.all,
    grounds: dataset.grounds.all,
    'requesting-entities': dataset.requestingEntities.all,
    cases: dataset.cases.all,
    terms: dataset.terms.all
  } as Record<string, readonly Curated[]>
}

export function datasetStats (dataset: Dataset): DatasetStats {
  const counts = {
    'notice-types': dataset.noticeTypes.all.length,
    instruments: dataset.instruments.all.length,
    provisions: dataset.provisions.all.length,
    grounds: dataset.grounds.all.length,
    'requesting-entities': dataset.requestingEntities.all.length,
    countries: dataset.countries.all.length,
    'member-countries': dataset.countries.all.filter((country) => country.interpolMember).length,
    cases: dataset.cases.all.length,
    terms: dataset.terms.all.length
  }
  const confidence: Record<Confidence, number> = { confirmed: 0, reported: 0, inferred: 0 }
  for (const record of Object.values(curatedResources(dataset)).flat()) confidence[record.confidence]++
  return { counts, confidence }
}

/** The day `months` calendar months before `today` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore (today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(year, month - 1 - months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(day, lastDay))
  return first.toISOString().slice(0, 10)
}

export interface Freshness {
  asOf: string
  /** Records per resource whose `reviewed` date lies in the 12 months up to `asOf`. */
  reviewedLast12Months: Record<string, number>
  /** Records not reviewed for 24 months or more, for validate:data to warn about. */
  stale: Array<{ resource: string; id: string; reviewed: string }>
}

export function freshness (dataset: Dataset, today: string): Freshness {
  const yearAgo = monthsBefore(today, 12)
  const twoYearsAgo = monthsBefore(today, 24)
  const reviewedLast12Months: Record<string, number> = {}
  const stale: Freshness['stale'] = []
  for (const [resource, records] of Object.entries(curatedResources(dataset))) {
    reviewedLast12Months[resource] = records.filter((record) => record.reviewed > yearAgo && record.reviewed <= today).length
    for (const record of records) if (record.reviewed <= twoYearsAgo) stale.push({ resource, id: record.id, reviewed: record.reviewed })
  }
  return { asOf: today, reviewedLast12Months, stale }
}

export const TRANSLATED_LANGUAGES = ['fr', 'es', 'ar'] as const
/** The resources whose records carry `translations` (names and one-line summaries). */
export const TRANSLATED_RESOURCES = ['notice-types', 'grounds', 'terms', 'requesting-entities', 'cases'] as const

export interface LanguageCoverage {
  resource: string
  lang: typeof TRANSLATED_LANGUAGES[number]
  records: number
  /** Records with both a name and a summary in the language. */
  complete: number
  official: number
  editorial: number
}

/** Per resource and language: how many records are fully translated, and how many texts are official or editorial. */
export function languageCoverage (dataset: Dataset): LanguageCoverage[] {
  const resources = curatedResources(dataset)
  return TRANSLATED_RESOURCES.flatMap((resource) => TRANSLATED_LANGUAGES.map((lang) => {
    const records = resources[resource] ?? []
    const row: LanguageCoverage = { resource, lang, records: records.length, complete: 0, official: 0, editorial: 0 }
    for (const record of records) {
      const texts = record.translations?.[lang]
      if (texts?.name && texts.summary) row.complete++
      for (const text of [texts?.name, texts?.summary]) if (text) row[text.translation === 'official' ? 'official' : 'editorial']++
    }
    return row
  }))
}
