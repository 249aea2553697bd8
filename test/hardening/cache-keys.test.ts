// Issue 14, item 4: /docs/json and /docs/yaml are rate-limited like /openapi.json, and the response cache keys on
// what changes the answer (path, declared parameters, variant), not on invented query strings or Host values.
import t from 'tap'
import { buildTestApp, isProblem, json } from '../helpers.js'

t.test('/docs/json and /docs/yaml count against the rate limit; the page, its assets and /docs/problems do not', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 3 })
  t.teardown(() => app.close())
  for (let i = 0; i < 3; i++) t.equal((await app.inject(`/docs/json?r=${i}`)).statusCode, 200)
  const limited = await app.inject('/docs/yaml?r=x')
  isProblem(t, limited, 429, 'rate-limited')
  t.equal((await app.inject('/docs/json')).statusCode, 429)
  const problems = await app.inject('/docs/problems')
  t.equal(problems.statusCode, 200, 'the page a 429 points at is still served')
  t.match(problems.body, /id="rate-limited"/)
  t.equal((await app.inject('/docs/')).statusCode, 200)
  t.equal((await app.inject('/docs/static/swagger-ui-bundle.js')).statusCode, 200)
})

t.test('invented query strings and Host values do not make new cache entries', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  const cache = app.representations
  cache.clear()
  await app.inject({ url: '/docs/json', headers: { 'accept-encoding': 'br' } })
  const size = cache.size
  for (let i = 0; i < 50; i++) {
    const response = await app.inject({ url: `/docs/json?nonce=${i}&x${i}=y`, headers: { 'accept-encoding': 'br', host: `h${i}.example` } })
    t.equal(response.statusCode, 200)
  }
  t.equal(cache.size, size, '/docs/json: one entry whatever the query string or Host')
  t.equal(cache.misses, 1, 'and one compression')

  cache.clear()
  for (let i = 0; i < 20; i++) await app.inject({ url: '/v1/notice-types', headers: { host: `h${i}.example` } })
  t.equal(cache.size, 1, 'an answer without absolute URLs is kept once for every Host')

  cache.clear()
  await app.inject('/v1/notice-types?limit=5&offset=0')
  await app.inject('/v1/notice-types?offset=0&limit=5')
  t.equal(cache.size, 1, 'the order of the parameters does not matter')
})

t.test('the cache never answers a request validation would refuse', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  t.equal((await app.inject('/v1/notice-types')).statusCode, 200)
  isProblem(t, await app.inject('/v1/notice-types?colour=red'), 400, 'invalid-query')
  isProblem(t, await app.inject('/v1/notice-types?limit=5&limit=6'), 400, 'invalid-query')
  t.equal((await app.inject('/v1/notice-types?limit=5')).statusCode, 200)
  isProblem(t, await app.inject('/v1/notice-types?limit=0x5'), 400, 'invalid-query')
})

t.test('answers that name the Host are kept per Host when PUBLIC_ORIGIN is unset', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  const first = json(await app.inject({ url: '/v1/terms/red-notice', headers: { host: 'a.example', accept: 'application/ld+json' } }))
  const second = json(await app.inject({ url: '/v1/terms/red-notice', headers: { host: 'b.example', accept: 'application/ld+json' } }))
  t.match(first['@id'], /^http:\/\/a\.example\//)
  t.match(second['@id'], /^http:\/\/b\.example\//)
})
