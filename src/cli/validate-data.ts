// npm run validate:data — checks the dataset exactly as start-up does, without serving, and reports counts: per
// resource, per confidence level, per language (official and editorial), and the records due for review.
import { loadConfig } from '../config.js'
import { today } from '../data/dates.js'
import { DatasetError, loadDataset } from '../data/load-dataset.js'
import { TRANSLATED_LANGUAGES, datasetStats, freshness, languageCoverage } from '../data/stats.js'

const dataDir = process.argv[2] ?? loadConfig().DATA_DIR
try {
  const { dataset, files } = loadDataset(dataDir)
  const { counts, confidence } = datasetStats(dataset)
  console.log(`Dataset ${dataset.version} (released ${dataset.release.released}) is valid: ${files.length} files.`)
  for (const [resource, count] of Object.entries(counts)) console.log(`  ${resource.padEnd(20)} ${count}`)
  console.log(`  confidence: ${confidence.confirmed} confirmed, ${confidence.reported} reported, ${confidence.inferred} inferred`)

  console.log('  languages (records with name and summary; texts official / editorial):')
  const coverage = languageCoverage(dataset)
  for (const lang of TRANSLATED_LANGUAGES) {
    const rows = coverage.filter((row) => row.lang === lang)
    const cells = rows.map((row) => `${row.resource} ${row.complete}/${row.records}`).join(', ')
    const official = rows.reduce((sum, row) => sum + row.official, 0)
    const editorial = rows.reduce((sum, row) => sum + row.editorial, 0)
    console.log(`    ${lang}: ${cells}; ${official} official, ${editorial} editorial`)
  }

  const fresh = freshness(dataset, today())
  const reviewed = Object.entries(fresh.reviewedLast12Months).map(([resource, count]) => `${resource} ${count}`).join(', ')
  console.log(`  reviewed in the last 12 months: ${reviewed}`)
  for (const record of fresh.stale) {
    console.warn(`warning: ${record.resource}/${record.id} was last reviewed on ${record.reviewed}, 24 months or more ago`)
  }
  if (fresh.stale.length > 0) console.warn(`warning: ${fresh.stale.length} records not reviewed for 24 months`)
} catch (error) {
  if (!(error instanceof DatasetError)) throw error
  console.error(error.message)
  process.exit(1)
}
