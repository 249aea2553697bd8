// The OpenAPI document as the app generates it; `npm run openapi:write` commits it, and a test and
// `npm run openapi:check` fail when the committed file drifts from it.
import { join } from 'node:path'
import { createApp } from './app.js'
import { loadDataset } from './data/load-dataset.js'
import { defaultDataDir, projectRoot } from './paths.js'

export const openapiPath = join(projectRoot, 'openapi.yaml')

export async function generateOpenapi (): Promise<string> {
  const app = await createApp({ dataset: loadDataset(defaultDataDir).dataset })
  await app.ready()
  const yaml = app.swagger({ yaml: true })
  await app.close()
  return yaml
}
