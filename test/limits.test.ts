// Limits (src/plugins/limits.ts): the rate limit, the body limit, load shedding, security headers and the timeouts
// that cut off slow clients. Every refusal is problem+json with the headers a client needs to back off.
import t from 'tap'
import { connect } from 'node:net'
import { DEFAULT_LIMITS } from '../src/plugins/limits.js'
import { loadConfig } from '../src/config.js'
import { buildTestApp, isProblem, json } from './helpers.js'

const build = buildTestApp

t.test('the app defaults are the configuration defaults', async (t) => {
  const config = loadConfig({})
  t.equal(DEFAULT_LIMITS.rateLimitMax, config.RATE_LIMIT_MAX)
  t.equal(DEFAULT_LIMITS.rateLimitWindowMs, config.RATE_LIMIT_WINDOW_MS)
  t.equal(DEFAULT_LIMITS.maxEventLoopDelayMs, config.MAX_EVENT_LOOP_DELAY_MS)
  t.equal(DEFAULT_LIMITS.trustProxy, config.TRUST_PROXY)
  t.ok(DEFAULT_LIMITS.rateLimitMax > 0, 'the rate limit is on by default')
})

t.test('the rate limit: RateLimit-* headers, then a 429 problem with Retry-After', async (t) => {
  const app = await build({ rateLimitMax: 3, rateLimitWindowMs: 60_000 })
  t.teardown(() => app.close())
  for (let i = 1; i <= 3; i++) {
    const response = await app.inject('/v1/notice-types/red')
    t.equal(response.statusCode, 200)
    t.equal(response.headers['ratelimit-limit'], '3')
    t.equal(response.headers['ratelimit-remaining'], String(3 - i))
    t.ok(Number(response.headers['ratelimit-reset']) > 0)
  }
  // Another route counts against the same client: the limit is per client, not per route.
  const refused = await app.inject('/v1/meta')
  const body = isProblem(t, refused, 429, 'rate-limited')
  t.match(body.detail, /retry in/)
  t.equal(refused.headers['ratelimit-limit'], '3')
  t.equal(refused.headers['ratelimit-remaining'], '0')
  t.ok(Number(refused.headers['retry-after']) > 0 && Number(refused.headers['retry-after']) <= 60, 'Retry-After in seconds')
  t.equal(refused.headers['access-control-allow-origin'], '*', 'a browser can read the refusal')
  t.match(String(refused.headers['access-control-expose-headers']), /Retry-After/)
  // Unknown paths count too, so that scanning for paths is limited as well.
  isProblem(t, await app.inject('/v1/no-such-thing'), 429, 'rate-limited')
  // Another client is not affected.
  t.equal((await app.inject({ url: '/v1/meta', remoteAddress: '192.0.2.7' })).statusCode, 200)

  t.test('health routes and the docs are exempt', async (t) => {
    t.equal((await app.inject('/healthz')).statusCode, 200)
    const ready = await app.inject('/readyz')
    t.equal(ready.statusCode, 200)
    t.notOk(ready.headers['ratelimit-limit'], 'no rate-limit headers on health routes')
    t.equal((await app.inject('/docs/')).statusCode, 200)
    t.equal((await app.inject('/docs/static/swagger-ui-bundle.js')).statusCode, 200)
  })
})

t.test('RATE_LIMIT_MAX=0 turns the rate limit off', async (t) => {
  const app = await build({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  for (let i = 0; i < 5; i++) {
    const response = await app.inject('/v1/meta')
    t.equal(response.statusCode, 200)
    t.notOk(response.headers['ratelimit-limit'])
  }
})

t.test('a body over 16 KB is a 413 problem', async (t) => {
  const app = await build({})
  t.teardown(() => app.close())
  const response = await app.inject({
    method: 'POST',
    url: '/v1/assessments',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ padding: 'x'.repeat(20 * 1024) })
  })
  isProblem(t, response, 413, 'payload-too-large')
})

t.test('under pressure: a 503 problem with Retry-After, while /healthz stays 200', async (t) => {
  // A failing health check is under-pressure's deterministic trigger; event-loop lag takes the same path.
  const app = await build({ underPressure: { healthCheck: async () => false, healthCheckInterval: 10 } })
  t.teardown(() => app.close())
  await new Promise((resolve) => setTimeout(resolve, 100))
  const response = await app.inject('/v1/notice-types')
  const body = isProblem(t, response, 503, 'service-unavailable')
  t.match(body.detail, /overloaded/)
  t.equal(response.headers['retry-after'], '10')
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/assessments', payload: {} }), 503, 'service-unavailable')
  t.equal((await app.inject('/healthz')).statusCode, 200)
})

t.test('under pressure from a blocked event loop', async (t) => {
  const app = await build({ maxEventLoopDelayMs: 20, underPressure: { sampleInterval: 50 } })
  t.teardown(() => app.close())
  t.equal((await app.inject('/v1/meta')).statusCode, 200, 'not under pressure while idle')
  // Block the loop several times so that the sampled delay is far above the threshold.
  let shed: Awaited<ReturnType<typeof app.inject>> | undefined
  for (let attempt = 0; attempt < 20 && !shed; attempt++) {
    const until = Date.now() + 200
    while (Date.now() < until) { /* busy: this is the overload */ }
    // Let under-pressure's sampling timer, overdue by now, read the lag; a longer pause would let it sample again
    // and see an idle loop.
    await new Promise((resolve) => setTimeout(resolve, 5))
    const response = await app.inject('/v1/meta')
    if (response.statusCode === 503) shed = response
  }
  t.ok(shed, 'a request was shed while the loop lagged')
  if (shed) isProblem(t, shed, 503, 'service-unavailable')
})

t.test('security headers, and a CSP that lets Swagger UI and the embeds work', async (t) => {
  const app = await build({})
  t.teardown(() => app.close())
  const response = await app.inject('/v1/meta')
  t.equal(response.headers['x-content-type-options'], 'nosniff')
  t.equal(response.headers['cross-origin-resource-policy'], 'cross-origin', 'readable from other origins')
  t.notOk(response.headers['cross-origin-embedder-policy'])
  t.equal(response.headers['x-frame-options'], 'SAMEORIGIN')

  const docs = await app.inject('/docs/')
  t.equal(docs.statusCode, 200)
  const csp = String(docs.headers['content-security-policy'])
  for (const directive of ["script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'"]) {
    t.ok(csp.includes(directive), `the /docs CSP has ${directive}`)
  }
  t.notMatch(csp, /upgrade-insecure-requests/, 'assets still load over plain HTTP')
  // Every script and stylesheet the page references is served from /docs itself, as the CSP requires.
  const assets = [...docs.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
  t.ok(assets.length >= 3)
  for (const asset of assets) {
    t.match(asset, /^(\.\/|\/docs\/)/, `${asset} is same-origin`)
    const url = asset.startsWith('./') ? `/docs/${asset.slice(2)}` : asset
    t.equal((await app.inject(url)).statusCode, 200, url)
  }
  t.equal((await app.inject('/docs/json')).statusCode, 200, 'the document Swagger UI fetches')

  const embedRoute = app.hasRoute({ method: 'GET', url: '/embed/:resource/:id' })
  if (embedRoute) {
    const embed = await app.inject('/embed/notice-types/red')
    t.equal(embed.statusCode, 200)
    t.notOk(embed.headers['x-frame-options'], 'an embed may be framed by any site')
    t.match(String(embed.headers['content-security-policy']), /frame-ancestors \*/)
  }
})

/** Opens a raw connection and resolves with the time it took the server to close it. */
function closedAfter (port: number, trickle: boolean): Promise<{ ms: number, received: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const started = Date.now()
    let received = ''
    let timer: NodeJS.Timeout | undefined
    socket.on('connect', () => {
      socket.write('GET /v1/meta HTTP/1.1\r\nHost: localhost\r\n')
      // A slowloris client keeps the socket busy with one header byte at a time, so that only the headers timeout,
      // not the idle-socket timeout, can cut it off.
      if (trickle) timer = setInterval(() => { if (!socket.destroyed) socket.write('X') }, 100)
    })
    socket.on('data', (chunk) => { received += chunk })
    socket.on('error', () => {})
    socket.on('close', () => { clearInterval(timer); resolve({ ms: Date.now() - started, received }) })
    setTimeout(() => { clearInterval(timer); socket.destroy(); reject(new Error('the connection was not closed')) }, 8000).unref()
  })
}

t.test('a client that sends half a header is cut off by the headers timeout', async (t) => {
  // The idle-socket timeout stays long, so that only the headers timeout can explain the close.
  const app = await build({ headersTimeoutMs: 500, connectionTimeoutMs: 30_000 })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  for (const trickle of [false, true]) {
    const { ms, received } = await closedAfter(port, trickle)
    t.ok(ms < 5000, `${trickle ? 'trickling' : 'silent'} client closed after ${ms} ms`)
    t.match(received, /^(HTTP\/1\.1 408|$)/, 'answered 408 or nothing')
  }
  // A well-behaved client is still served on the same server.
  t.equal((await fetch(`http://127.0.0.1:${port}/v1/meta`)).status, 200)
})

t.test('behind a trusted proxy, each forwarded client has its own limit', async (t) => {
  const app = await build({ rateLimitMax: 1, trustProxy: '127.0.0.1' })
  t.teardown(() => app.close())
  const from = (client: string) => app.inject({ url: '/v1/meta', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } })
  t.equal((await from('198.51.100.1')).statusCode, 200)
  t.equal((await from('198.51.100.2')).statusCode, 200, 'another client behind the same proxy')
  t.equal((await from('198.51.100.1')).statusCode, 429, 'the first client again')
  // Without TRUST_PROXY a client cannot pick its own bucket by sending the header.
  const direct = await build({ rateLimitMax: 1 })
  t.teardown(() => direct.close())
  t.equal((await direct.inject({ url: '/v1/meta', headers: { 'x-forwarded-for': '198.51.100.1' } })).statusCode, 200)
  t.equal((await direct.inject({ url: '/v1/meta', headers: { 'x-forwarded-for': '198.51.100.2' } })).statusCode, 429)
})
