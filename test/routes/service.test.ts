import t from 'tap'
import { parse } from 'yaml'
import { buildTestApp, json } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())

t.test('health and readiness', async (t) => {
  const health = await app.inject('/healthz')
  t.equal(health.statusCode, 200)
  t.same(json(health), { status: 'ok' })
  t.equal(health.headers['cache-control'], 'no-store')
  const ready = await app.inject('/readyz')
  t.equal(ready.statusCode, 200)
  t.same(json(ready), { status: 'ready', datasetVersion: app.dataset.version })
})

t.test('readiness turns false when shutdown begins', async (t) => {
  const { createApp } = await import('../../src/app.js')
  const { realDataset } = await import('../helpers.js')
  const closing = await createApp({ dataset: realDataset() })
  await closing.ready()
  t.teardown(() => closing.close())
  closing.lifecycle.accepting = false
  const response = await closing.inject('/readyz')
  t.equal(response.statusCode, 503)
  t.equal(json(response).code, 'service-unavailable')
})

t.test('/v1/meta: version, release, counts, licence and the disclaimer', async (t) => {
  const response = await app.inject('/v1/meta')
  t.equal(response.statusCode, 200)
  const meta = json(response)
  t.equal(meta.datasetVersion, app.dataset.version)
  t.match(meta.datasetVersion, /^[0-9a-f]{16}$/)
  t.match(meta.released, /^\d{4}-\d{2}-\d{2}$/)
  t.equal(meta.counts['notice-types'], app.dataset.noticeTypes.all.length)
  t.ok(meta.counts['notice-types'] >= 10)
  t.equal(meta.licence.spdx, 'CC-BY-4.0')
  t.match(meta.disclaimer, /not legal advice/)
  const total = meta.confidence.confirmed + meta.confidence.reported + meta.confidence.inferred
  t.ok(total > 0)
})

t.test('the OpenAPI document is served as JSON and YAML, and Swagger UI at /docs', async (t) => {
  const asJson = await app.inject('/openapi.json')
  t.equal(asJson.statusCode, 200)
  const doc = json(asJson)
  t.equal(doc.openapi, '3.1.0')
  t.ok(doc.paths['/v1/notice-types/{id}'])
  const asYaml = await app.inject('/openapi.yaml')
  t.match(asYaml.headers['content-type'], /yaml/)
  t.same(parse(asYaml.body), doc)
  const docs = await app.inject('/docs/')
  t.equal(docs.statusCode, 200)
  t.match(docs.body, /swagger-ui/i)
})

t.test('health routes stay out of the documentation', async (t) => {
  const doc = json(await app.inject('/openapi.json'))
  t.notOk(doc.paths['/healthz'])
  t.notOk(doc.paths['/readyz'])
})
