// Precomputed representations (src/plugins/representations.ts): every GET route revalidates with a 304, the cached
// bytes are the handler's bytes, compressed forms decode to them, variants never share an entry, memory is bounded.
import t from 'tap'
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { app as noticeApp, buildOptions } from '../src/app.js'
import { chooseCoding, noneMatch, RepresentationCache } from '../src/cache/representation-cache.js'
import { json, realDataset } from './helpers.js'

// Built like createApp(), plus an onRoute hook so that the test sees the very route table production has.
async function appWithRoutes (): Promise<{ app: FastifyInstance; routes: RouteOptions[] }> {
  const routes: RouteOptions[] = []
  const app = Fastify(buildOptions())
  app.addHook('onRoute', (route) => { routes.push(route) })
  await app.register(noticeApp, { dataset: realDataset() })
  await app.ready()
  return { app, routes }
}

const isGet = (route: RouteOptions) => ([] as string[]).concat(route.method).includes('GET')

// oEmbed answers only for embed URLs on the host it is asked on.
const HOST = 'localhost:3000'

/**
 * A real URL for a route: path parameters become the first record of their resource, and required query
 * parameters take the first example their schema documents.
 */
async function concreteUrl (app: FastifyInstance, pattern: string, route?: RouteOptions): Promise<string | undefined> {
  // Swagger UI's assets: a file that exists.
  if (pattern.endsWith('/*')) return pattern.replace('*', 'swagger-ui.css')
  const query = requiredQuery(route)
  if (!pattern.includes(':')) return `${pattern}${query}`
  const embed = /^\/embed\/:resource\/:id$/.exec(pattern)
  if (embed) return '/embed/notice-types/red'
  const match = /^(\/v1\/[a-z-]+)\/:([A-Za-z0-9]+)$/.exec(pattern)
  if (!match) return undefined
  const list = json<{ data: Array<Record<string, unknown>> }>(await app.inject(`${match[1]}?limit=1`))
  const record = list.data[0]
  return `${match[1]}/${String(record[match[2]] ?? record.id ?? record.iso2)}${query}`
}

function requiredQuery (route: RouteOptions | undefined): string {
  const schema = route?.schema?.querystring as { required?: string[]; properties?: Record<string, { examples?: unknown[] }> } | undefined
  const pairs = (schema?.required ?? []).map((name) => [name, String(schema?.properties?.[name]?.examples?.[0] ?? '')])
  return pairs.length > 0 ? `?${new URLSearchParams(pairs).toString()}` : ''
}

const getRoutesOf = (routes: RouteOptions[]) => {
  const byUrl = new Map<string, RouteOptions>()
  for (const route of routes) if (isGet(route) && !byUrl.has(route.url)) byUrl.set(route.url, route)
  return [...byUrl.values()]
}

// Per request by design: the id, the date, and the client's remaining rate-limit allowance.
const PER_REQUEST = new Set(['x-request-id', 'date', 'connection', 'ratelimit-remaining', 'ratelimit-reset'])
const stableHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST.has(name)).sort(([a], [b]) => a.localeCompare(b)))

t.test('every GET route: 200 with a strong ETag, then 304 with an empty body on If-None-Match', async (t) => {
  const { app, routes } = await appWithRoutes()
  t.teardown(() => app.close())
  const getRoutes = getRoutesOf(routes)
  t.ok(getRoutes.length >= 20, `the app has its GET routes (${getRoutes.length})`)
  const skipped: string[] = []
  let walked = 0
  for (const route of getRoutes) {
    const pattern = route.url
    const url = await concreteUrl(app, pattern, route)
    if (!url) { skipped.push(pattern); continue }
    const first = await app.inject({ url, headers: { host: HOST } })
    // Swagger UI's index.html answers with a redirect to /docs/, walked on its own.
    if (first.statusCode === 302) { skipped.push(pattern); continue }
    // The MCP endpoint answers GET with 405 by design (Streamable HTTP without a server-sent event stream).
    if (first.statusCode === 405 && pattern === '/mcp') { skipped.push(pattern); continue }
    walked++
    t.equal(first.statusCode, 200, `${url}: 200`)
    const etag = first.headers.etag as string
    // Swagger UI's files are streamed from disk by @fastify/static, whose validator is weak (size and mtime); every
    // answer the app itself builds has a strong one.
    t.match(etag, pattern.startsWith('/docs/static/') ? /^(W\/)?"[^"]+"$/ : /^"[^"]+"$/, `${url}: strong ETag`)
    if (!etag) continue
    const again = await app.inject({ url, headers: { host: HOST, 'if-none-match': etag } })
    t.equal(again.statusCode, 304, `${url}: 304 on If-None-Match`)
    t.equal(again.rawPayload.length, 0, `${url}: empty body`)
    t.equal(again.headers.etag, etag, `${url}: the 304 names the same validator`)
    const noStore = pattern === '/healthz' || pattern === '/readyz'
    if (noStore) {
      t.equal(again.headers['cache-control'], 'no-store', `${url}: health is never stored`)
    } else {
      t.equal(again.headers['cache-control'], first.headers['cache-control'], `${url}: Cache-Control on the 304`)
      t.match(String(again.headers['cache-control']), /max-age=\d+/)
      t.equal(again.headers['last-modified'], first.headers['last-modified'], `${url}: Last-Modified on the 304`)
      t.ok(again.headers['last-modified'], `${url}: Last-Modified present`)
      t.match(String(again.headers.vary), /Accept-Encoding/, `${url}: Vary names the content coding`)
    }
    t.ok(again.headers['x-dataset-version'], `${url}: X-Dataset-Version on the 304`)
    t.not(again.headers['x-request-id'], first.headers['x-request-id'], `${url}: a request id per request, even from the cache`)
    // A validator that does not match gets the full answer again.
    const other = await app.inject({ url, headers: { host: HOST, 'if-none-match': '"not-this-one"' } })
    t.equal(other.statusCode, 200, `${url}: 200 on a stale validator`)
  }
  t.ok(walked >= getRoutes.length - 2, `walked ${walked} of ${getRoutes.length} routes; skipped: ${skipped.join(', ')}`)
  for (const pattern of skipped) t.ok(pattern.startsWith('/docs/static/') || pattern === '/mcp', `only Swagger UI's redirects and the MCP endpoint are skipped (${pattern})`)
})

t.test('gzip and brotli answers decode to the identity bytes, with their own strong ETags', async (t) => {
  const { app, routes } = await appWithRoutes()
  t.teardown(() => app.close())
  let compressed = 0
  for (const route of getRoutesOf(routes)) {
    const url = await concreteUrl(app, route.url, route)
    if (!url) continue
    const identity = await app.inject({ url, headers: { host: HOST, 'accept-encoding': 'identity' } })
    if (identity.statusCode !== 200) continue
    for (const [coding, decode] of [['gzip', gunzipSync], ['br', brotliDecompressSync]] as const) {
      const answer = await app.inject({ url, headers: { host: HOST, 'accept-encoding': coding } })
      t.equal(answer.statusCode, 200)
      if (answer.headers['content-encoding'] === undefined) {
        t.same(answer.rawPayload, identity.rawPayload, `${url}: sent as is when compression does not pay`)
        continue
      }
      compressed++
      t.equal(answer.headers['content-encoding'], coding, `${url}: ${coding}`)
      t.equal(Number(answer.headers['content-length']), answer.rawPayload.length, `${url}: Content-Length of the coded bytes`)
      t.same(decode(answer.rawPayload), identity.rawPayload, `${url}: ${coding} decodes to the identity body`)
      t.not(answer.headers.etag, identity.headers.etag, `${url}: a ${coding} body is other bytes, so another strong ETag`)
      const revalidated = await app.inject({ url, headers: { host: HOST, 'accept-encoding': coding, 'if-none-match': String(answer.headers.etag) } })
      t.equal(revalidated.statusCode, 304, `${url}: the ${coding} validator revalidates`)
    }
  }
  t.ok(compressed >= 20, `most answers are worth compressing (${compressed})`)
})

t.test('Accept-Encoding: q-values, wildcards and refusals', async (t) => {
  t.equal(chooseCoding(undefined), 'identity')
  t.equal(chooseCoding('gzip, deflate, br'), 'br', 'brotli first on a tie')
  t.equal(chooseCoding('gzip;q=1, br;q=0.5'), 'gzip', 'the higher q wins')
  t.equal(chooseCoding('br;q=0, gzip;q=0'), 'identity', 'both refused')
  t.equal(chooseCoding('*'), 'br')
  t.equal(chooseCoding('*;q=0.5, gzip'), 'gzip')
  t.equal(chooseCoding('identity'), 'identity')
  t.equal(chooseCoding('gzip;q=0.5'), 'gzip', 'an unlisted identity ranks with the least-preferred listed coding')
  t.equal(chooseCoding('deflate'), 'identity', 'an unknown coding alone leaves identity')
  t.ok(noneMatch('W/"abc"', '"abc"'), 'If-None-Match compares weakly')
  t.ok(noneMatch('"x", "abc"', '"abc"'), 'a list')
  t.ok(noneMatch('*', '"abc"'))
  t.notOk(noneMatch('"abcd"', '"abc"'))

  const { app } = await appWithRoutes()
  t.teardown(() => app.close())
  const gzip = await app.inject({ url: '/v1/notice-types/red', headers: { 'accept-encoding': 'br;q=0.2, gzip;q=0.8' } })
  t.equal(gzip.headers['content-encoding'], 'gzip')
  const none = await app.inject({ url: '/v1/notice-types/red', headers: { 'accept-encoding': 'gzip;q=0, br;q=0' } })
  t.equal(none.headers['content-encoding'], undefined)
  t.equal(none.headers.vary, 'Accept, Accept-Language, Accept-Encoding')
})

t.test('a cached answer is byte for byte the answer the handler gives', async (t) => {
  const { app } = await appWithRoutes()
  t.teardown(() => app.close())
  const urls = ['/v1/notice-types/red', '/v1/cases?requester=IR', '/v1/search?q=article%203', '/v1/meta',
    '/v1/countries?limit=5', '/v1/notice-types?lang=fr', '/embed/notice-types/red', '/openapi.json']
  for (const url of urls) {
    app.representations.clear()
    const fresh = await app.inject(url)
    const missesBefore = app.representations.misses
    const hitsBefore = app.representations.hits
    const cached = await app.inject(url)
    t.equal(app.representations.hits, hitsBefore + 1, `${url}: the second answer came from the cache`)
    t.equal(app.representations.misses, missesBefore)
    t.equal(fresh.statusCode, 200)
    t.same(cached.rawPayload, fresh.rawPayload, `${url}: same bytes`)
    t.same(stableHeaders(cached.headers), stableHeaders(fresh.headers), `${url}: same headers`)
    if (url.startsWith('/v1/cases') || url.startsWith('/v1/search')) t.ok(cached.headers.link, `${url}: Link kept`)
    const head = await app.inject({ method: 'HEAD', url })
    t.equal(head.statusCode, 200, `${url}: HEAD`)
    t.equal(head.rawPayload.length, 0)
    t.equal(head.headers['content-length'], fresh.headers['content-length'], `${url}: HEAD gives the GET's length`)
    t.equal(head.headers.etag, fresh.headers.etag)
  }
})

t.test('a HEAD that fills the cache stores the full body for the GETs after it', async (t) => {
  const { app } = await appWithRoutes()
  t.teardown(() => app.close())
  const fresh = await app.inject('/v1/cases?requester=IR')
  app.representations.clear()
  const head = await app.inject({ method: 'HEAD', url: '/v1/cases?requester=IR' })
  t.equal(head.rawPayload.length, 0)
  t.equal(app.representations.size, 1)
  const get = await app.inject('/v1/cases?requester=IR')
  t.equal(app.representations.hits, 1, 'the GET came from the entry the HEAD made')
  t.same(get.rawPayload, fresh.rawPayload)
  t.equal(head.headers['content-length'], String(fresh.rawPayload.length))
})

t.test('variants of one URL never share an entry', async (t) => {
  const { app } = await appWithRoutes()
  t.teardown(() => app.close())
  const english = await app.inject('/v1/notice-types/red')
  const french = await app.inject({ url: '/v1/notice-types/red', headers: { 'accept-language': 'fr' } })
  t.equal(english.headers['content-language'], 'en')
  t.equal(french.headers['content-language'], 'fr', 'Accept-Language is honoured after English was cached')
  t.not(french.headers.etag, english.headers.etag)
  t.equal(json(french).localized.lang, 'fr')
  const frenchQuery = await app.inject('/v1/notice-types/red?lang=fr')
  t.same(frenchQuery.rawPayload, french.rawPayload, '?lang=fr and Accept-Language: fr are the same representation')
  const revalidated = await app.inject({ url: '/v1/notice-types/red', headers: { 'if-none-match': String(french.headers.etag) } })
  t.equal(revalidated.statusCode, 200, 'the French validator does not revalidate the English answer')

  const listJson = await app.inject('/v1/cases?requester=IR')
  const listCsv = await app.inject({ url: '/v1/cases?requester=IR', headers: { accept: 'text/csv' } })
  t.match(listJson.headers['content-type'], /^application\/json/)
  t.match(listCsv.headers['content-type'], /^text\/csv/, 'Accept: text/csv after JSON was cached')
  t.not(listCsv.headers.etag, listJson.headers.etag)
  const listJsonAgain = await app.inject('/v1/cases?requester=IR')
  t.same(listJsonAgain.rawPayload, listJson.rawPayload, 'and JSON is still JSON')

  // JSON-LD names absolute URLs, so the host is part of the representation.
  const hostA = await app.inject({ url: '/v1/notice-types/red', headers: { accept: 'application/ld+json', host: 'a.example' } })
  const hostB = await app.inject({ url: '/v1/notice-types/red', headers: { accept: 'application/ld+json', host: 'b.example' } })
  t.match(hostA.body, /a\.example/)
  t.match(hostB.body, /b\.example/, 'another host is not served the first host\'s URLs')
})

t.test('errors, health, POST and opted-out routes are never kept', async (t) => {
  const { app } = await appWithRoutes()
  t.teardown(() => app.close())
  app.representations.clear()
  for (const url of ['/v1/notice-types/redd', '/v1/cases?nope=1', '/healthz', '/readyz', '/v1/nowhere']) {
    const first = await app.inject(url)
    const second = await app.inject(url)
    t.equal(second.statusCode, first.statusCode, url)
    if (first.statusCode >= 400) t.notOk(first.headers.etag, `${url}: an error has no validator`)
  }
  t.equal(app.representations.size, 0, 'nothing kept')
  const examples = json<{ data: Array<{ request: unknown }> }>(await app.inject('/v1/assessments/examples'))
  t.equal(app.representations.size, 1)
  const post = await app.inject({ method: 'POST', url: '/v1/assessments', payload: examples.data[0].request as object })
  t.equal(post.statusCode, 200)
  t.notOk(post.headers.etag, 'a POST answer has no validator')
  t.equal(app.representations.size, 1, 'a POST answer is not kept')
})

t.test('the cache is bounded by entries and by bytes, dropping the least recently used', async (t) => {
  const { app } = await appWithRoutes()
  t.teardown(() => app.close())
  const cache = app.representations
  cache.clear()
  cache.limits.maxEntries = 20
  const urls = Array.from({ length: 50 }, (_, i) => `/v1/cases?limit=${i + 1}`)
  await app.inject(urls[0])
  for (const url of urls.slice(1)) {
    await app.inject(urls[0]) // keeps the first one recently used
    await app.inject(url)
    t.ok(cache.size <= 20, `${cache.size} ≤ 20 entries`)
  }
  t.equal(cache.size, 20, 'full, not over')
  let misses = cache.misses
  await app.inject(urls[0])
  t.equal(cache.misses, misses, 'the recently used entry survived')
  await app.inject(urls[1])
  t.equal(cache.misses, misses + 1, 'the least recently used one was dropped')

  cache.clear()
  cache.limits.maxEntries = 5000
  cache.limits.maxBytes = 400_000
  for (const url of urls) {
    await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } })
    t.ok(cache.bytes <= 400_000, `${cache.bytes} ≤ 400,000 bytes`)
  }
  t.ok(cache.size < urls.length, `entries were dropped for bytes (${cache.size} kept)`)
  misses = cache.misses
  const again = await app.inject(urls.at(-1)!)
  t.equal(again.statusCode, 200)
  t.equal(cache.misses, misses, 'the newest entry is kept')
})

t.test('the LRU on its own: byte accounting goes back to zero', async (t) => {
  const cache = new RepresentationCache({ maxEntries: 3, maxBytes: 10_000 })
  for (const key of ['a', 'b', 'c', 'd']) cache.set(key, Buffer.alloc(1000, key), { set: [], removed: [] })
  t.equal(cache.size, 3)
  t.equal(cache.get('a'), undefined, 'the oldest went first')
  const entry = cache.get('b')!
  entry.get('gzip')
  entry.get('br')
  t.ok(cache.bytes > 3000, 'compressed forms are counted')
  cache.set('b', Buffer.alloc(10, 'b'), { set: [], removed: [] })
  cache.clear()
  t.equal(cache.bytes, 0)
  t.equal(cache.size, 0)
})
