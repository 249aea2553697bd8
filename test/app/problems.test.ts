// The error contract: every failure is an RFC 9457 problem with a stable code, never a stack or plain text.
import t from 'tap'
import { buildTestApp, isProblem, json } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())


t.test('an unknown route is a 404 problem', async (t) => {
  const response = await app.inject('/v1/no-such-thing')
  const body = isProblem(t, response, 404, 'not-found')
  t.equal(body.instance, '/v1/no-such-thing')
})

t.test('a known path with another method is a 405 with Allow', async (t) => {
  const response = await app.inject({ method: 'DELETE', url: '/v1/notice-types/red' })
  const body = isProblem(t, response, 405, 'method-not-allowed')
  t.match(response.headers.allow, /GET/)
  t.ok(body.supported.includes('GET'))
})

t.test('an unknown query parameter is a 400 naming it', async (t) => {
  const response = await app.inject('/v1/notice-types?colour=red')
  const body = isProblem(t, response, 400, 'invalid-query')
  t.same(body.errors, [{ field: 'query.colour', message: 'is not a supported parameter' }])
})

t.test('bad values are a 400 naming each field', async (t) => {
  const response = await app.inject('/v1/notice-types?limit=0&offset=-1&kind=colour')
  const body = isProblem(t, response, 400, 'invalid-query')
  const fields = body.errors.map((e: { field: string }) => e.field).sort()
  t.same(fields, ['query.kind', 'query.limit', 'query.offset'])
  t.match(body.errors.find((e: { field: string }) => e.field === 'query.kind').message, /one or more of: notice, special-notice, diffusion/)
})

t.test('limit above 100 is a 400', async (t) => {
  isProblem(t, await app.inject('/v1/notice-types?limit=101'), 400, 'invalid-query')
})

t.test('a malformed path id is a 400 invalid-parameter', async (t) => {
  const response = await app.inject('/v1/notice-types/Red%20Notice')
  const body = isProblem(t, response, 400, 'invalid-parameter')
  t.equal(body.errors[0].field, 'path.id')
})

t.test('an Accept the resource cannot meet is a 406 listing what it can', async (t) => {
  const response = await app.inject({ url: '/v1/notice-types/red', headers: { accept: 'image/png' } })
  const body = isProblem(t, response, 406, 'not-acceptable')
  t.same(body.supported, ['application/json', 'application/ld+json'])
})

t.test('a wildcard or JSON Accept is served', async (t) => {
  for (const accept of ['*/*', 'application/json', 'application/*;q=0.5, text/html']) {
    t.equal((await app.inject({ url: '/v1/notice-types/red', headers: { accept } })).statusCode, 200, accept)
  }
})

t.test('an unexpected error is a 500 problem that discloses nothing', async (t) => {
  const { createApp } = await import('../../src/app.js')
  const { realDataset } = await import('../helpers.js')
  const broken = await createApp({ dataset: realDataset() })
  broken.get('/v1/explode', async () => { throw new Error('database password is hunter2') })
  await broken.ready()
  t.teardown(() => broken.close())
  const response = await broken.inject('/v1/explode')
  isProblem(t, response, 500, 'internal-error')
  t.notMatch(response.body, /hunter2/)
})

t.test('every response carries a request id, and a sane incoming one is kept', async (t) => {
  const generated = await app.inject('/healthz')
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'newsroom-42' } })
  t.equal(kept.headers['x-request-id'], 'newsroom-42')
  const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } })
  t.not(replaced.headers['x-request-id'], 'bad id <script>')
})
