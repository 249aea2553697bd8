// npm run validate:data — checks the dataset exactly as start-up does, without serving, and reports counts.
import { loadConfig } from '../config.js'
import { DatasetError, loadDataset } from '../data/load-dataset.js'
import { datasetStats } from '../data/stats.js'

const dataDir = process.argv[2] ?? loadConfig().DATA_DIR
try {
  const { dataset, files } = loadDataset(dataDir)
  const { counts, confidence } = datasetStats(dataset)
  console.log(`Dataset ${dataset.version} (released ${dataset.release.released}) is valid: ${files.length} files.`)
  for (const [resource, count] of Object.entries(counts)) console.log(`  ${resource.padEnd(20)} ${count}`)
  console.log(`  confidence: ${confidence.confirmed} confirmed, ${confidence.reported} reported, ${confidence.inferred} inferred`)
} catch (error) {
  if (!(error instanceof DatasetError)) throw error
  console.error(error.message)
  process.exit(1)
}
