// The committed openapi.yaml is what the app generates, it is a valid OpenAPI 3.1 document, and every
// operation is fully described.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import SwaggerParser from '@apidevtools/swagger-parser'
import { generateOpenapi, openapiPath } from '../src/openapi-document.js'

const generated = await generateOpenapi()
const doc = parse(generated)

t.test('the committed openapi.yaml equals the generated document (npm run openapi:write)', async (t) => {
  t.equal(readFileSync(openapiPath, 'utf8'), generated)
})

t.test('it is a valid OpenAPI 3.1 document', async (t) => {
  await t.resolves(SwaggerParser.validate(structuredClone(doc)))
  t.equal(doc.openapi, '3.1.0')
  t.ok(doc.info.title && doc.info.version && doc.info.description && doc.info.license)
  t.ok(doc.tags.length > 0)
})

t.test('shared schemas are named components, not def-N', async (t) => {
  const names = Object.keys(doc.components.schemas)
  for (const name of ['NoticeType', 'NoticeTypeList', 'Problem', 'Source', 'Labels', 'Meta']) t.ok(names.includes(name), name)
  t.notOk(names.some((name) => name.startsWith('def-')), names.join(', '))
})

t.test('every operation has a summary, description, tags, operationId and its error responses', async (t) => {
  const operationIds = new Set<string>()
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) { // eslint-disable-line @typescript-eslint/no-explicit-any
    for (const [method, operation] of Object.entries<any>(item)) { // eslint-disable-line @typescript-eslint/no-explicit-any
      const name = `${method.toUpperCase()} ${path}`
      t.ok(operation.summary, `${name} summary`)
      t.ok(operation.description, `${name} description`)
      t.ok(operation.tags?.length, `${name} tags`)
      t.ok(operation.operationId, `${name} operationId`)
      t.notOk(operationIds.has(operation.operationId), `${name} operationId is unique`)
      operationIds.add(operation.operationId)
      t.ok(operation.responses['200'], `${name} 200`)
      // Content negotiation (and so a 406) applies to the API under /v1; embed pages and oEmbed have one format each.
      if (path.startsWith('/v1/')) t.ok(operation.responses['406'], `${name} 406`)
      for (const [status, response] of Object.entries<any>(operation.responses)) { // eslint-disable-line @typescript-eslint/no-explicit-any
        t.not(response.description, 'Default Response', `${name} ${status} has its own description`)
        if (Number(status) >= 400) t.ok(response.content['application/problem+json'], `${name} ${status} is a problem document`)
      }
      if (operation.parameters?.some((p: { in: string }) => p.in === 'query' || p.in === 'path')) {
        t.ok(operation.responses['400'], `${name} documents 400`)
      }
    }
  }
})
