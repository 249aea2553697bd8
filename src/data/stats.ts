// Counts that /v1/meta and `npm run validate:data` both report.
import type { Confidence } from '../../schemas/common.js'
import type { Dataset } from './dataset.js'

export interface DatasetStats {
  counts: Record<string, number>
  confidence: Record<Confidence, number>
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
  const curatedRecords = [
    dataset.noticeTypes.all, dataset.instruments.all, dataset.provisions.all, dataset.grounds.all,
    dataset.requestingEntities.all, dataset.cases.all, dataset.terms.all
  ].flat() as Array<{ confidence: Confidence }>
  for (const record of curatedRecords) confidence[record.confidence]++
  return { counts, confidence }
}
