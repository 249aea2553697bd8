// npm run openapi:write | openapi:check
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { generateOpenapi, openapiPath } from '../openapi-document.js'

const generated = await generateOpenapi()
if (process.argv[2] === 'write') {
  writeFileSync(openapiPath, generated)
  console.log(`Wrote ${openapiPath}`)
} else {
  const committed = existsSync(openapiPath) ? readFileSync(openapiPath, 'utf8') : ''
  if (committed !== generated) {
    console.error('openapi.yaml differs from what the app generates: run `npm run openapi:write` and commit the result.')
    process.exit(1)
  }
  console.log('openapi.yaml matches the app.')
}
