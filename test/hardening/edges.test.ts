// Issue 14, items 6, 7 and 8: statuses under /docs/static, error bodies that do not grow with the request, and
// one spelling for each number.
import t from 'tap'
import { gzipSync } from 'node:zlib'
import { PROBLEM_CODES } from '../../src/http/problems.js'
import { buildTestApp, isProblem, json } from '../helpers.js'

const app = await buildTestApp({ rateLimitMax: 0 })
t.teardown(() => app.close())

t.test('/docs/static: a missing file is a 404 problem, not a 405', async (t) => {
  const response = await app.inject('/docs/static/no-such-file.js')
  isProblem(t, response, 404, 'not-found')
  t.notOk(response.headers.allow, 'no Allow header')
})

t.test('/docs/static: traversal is a 404 problem whose body states the status sent', async (t) => {
  for (const url of ['/docs/static/../../package.json', '/docs/static/%2e%2e/%2e%2e/package.json', '/docs/static/..%2f..%2fpackage.json', '/docs/static/.env']) {
    const response = await app.inject(url)
    t.ok(response.statusCode === 400 || response.statusCode === 404, `${url}: ${response.statusCode}`)
    const body = isProblem(t, response, response.statusCode, json(response).code)
    t.ok(Object.hasOwn(PROBLEM_CODES, body.code), `${url}: ${body.code} is a documented code`)
    t.equal(PROBLEM_CODES[body.code as keyof typeof PROBLEM_CODES], response.statusCode, 'the code belongs to the status')
    t.notMatch(response.body, /"name"\s*:\s*"interpol-notice-api"/, 'package.json is not served')
  }
})

t.test('1,800 unknown query parameters: 20 listed, the rest counted, a small answer', async (t) => {
  const query = Array.from({ length: 1800 }, (_, i) => `unknown${i}=1`).join('&')
  const response = await app.inject(`/v1/notice-types?${query}`)
  const body = isProblem(t, response, 400, 'invalid-query')
  t.equal(body.errors.length, 20)
  t.match(body.detail, /1800 invalid fields \(the first 20 are listed, 1780 more are not\)/)
  t.ok(response.body.length < 5000, `${response.body.length} bytes`)
})

t.test('1,400 unknown body keys: at most 20 listed', async (t) => {
  const payload = Object.fromEntries(Array.from({ length: 1400 }, (_, i) => [i.toString(36), 1]))
  const response = await app.inject({ method: 'POST', url: '/v1/assessments', payload })
  const body = isProblem(t, response, 400, 'invalid-body')
  t.ok(body.errors.length <= 20, `${body.errors.length} listed`)
  t.ok(response.body.length < 6000, `${response.body.length} bytes`)
})

t.test('a very long parameter name is not echoed in full', async (t) => {
  const name = 'x'.repeat(5000)
  const response = await app.inject(`/v1/notice-types?${name}=1`)
  isProblem(t, response, 400, 'invalid-query')
  t.ok(response.body.length < 1000, `${response.body.length} bytes`)
})

t.test('a 406 does not echo a huge Accept', async (t) => {
  const accept = Array.from({ length: 400 }, (_, i) => `application/x-made-up-${i}`).join(', ')
  const response = await app.inject({ url: '/v1/notice-types', headers: { accept } })
  isProblem(t, response, 406, 'not-acceptable')
  t.ok(response.body.length < 1500, `${response.body.length} bytes for an Accept of ${accept.length}`)
})

t.test('a __proto__ key is named as what it is, not "not valid JSON"', async (t) => {
  // The escaped spellings too: JSON.parse turns them into the same keys.
  const payloads = ['{"__proto__":{"polluted":true}}', '{"noticeType":"red","constructor":{"prototype":{"x":1}}}',
    '{"\\u005f_proto__":{"polluted":true}}', '{"noticeType":"red","\\u0063onstructor":{"prototype":{"x":1}}}']
  for (const payload of payloads) {
    const response = await app.inject({ method: 'POST', url: '/v1/assessments', headers: { 'content-type': 'application/json' }, payload })
    const body = isProblem(t, response, 400, 'invalid-body')
    t.match(body.detail, /__proto__|constructor\.prototype/)
    t.notMatch(body.detail, /not valid JSON/)
  }
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched')
  const broken = await app.inject({ method: 'POST', url: '/v1/assessments', headers: { 'content-type': 'application/json' }, payload: '{"a":' })
  t.match(isProblem(t, broken, 400, 'invalid-body').detail, /not valid JSON/, 'broken JSON is still called that')
})

t.test('a gzip-encoded body is a 415, not a 400', async (t) => {
  const examples = json(await app.inject('/v1/assessments/examples'))
  const response = await app.inject({
    method: 'POST',
    url: '/v1/assessments',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    payload: gzipSync(JSON.stringify(examples.data[0].request))
  })
  isProblem(t, response, 415, 'unsupported-media-type')
  t.equal(response.headers['accept-encoding'], 'identity')
})

t.test('numbers are written in decimal digits: one answer, one cache key', async (t) => {
  for (const value of ['0x10', '1e1', '%20%2010', '10%20', '+10', '10.0', '1e309', 'Infinity']) {
    const response = await app.inject(`/v1/notice-types?limit=${value}`)
    const body = isProblem(t, response, 400, 'invalid-query')
    t.same(body.errors.map((e: { field: string }) => e.field), ['query.limit'], `limit=${value}`)
  }
  t.equal((await app.inject('/v1/notice-types?limit=10')).statusCode, 200)
  t.equal((await app.inject('/v1/search?q=red&limit=0x5')).statusCode, 400, 'every route, not only collections')
})

t.test('offsets stay in the safe-integer range', async (t) => {
  for (const url of ['/v1/notice-types?offset=9007199254740993', '/v1/search?q=red&offset=9007199254740993']) {
    const body = isProblem(t, await app.inject(url), 400, 'invalid-query')
    t.equal(body.errors[0].field, 'query.offset', url)
  }
  const largest = await app.inject('/v1/notice-types?offset=9007199254740991')
  t.equal(largest.statusCode, 200)
  t.equal(json(largest).offset, 9007199254740991, 'echoed exactly')
})
