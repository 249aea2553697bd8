// Issue 14, item 3: absolute URLs come from PUBLIC_ORIGIN, or the request's own Host when it is unset; never from
// X-Forwarded-Proto or X-Forwarded-Host, and a missing or malformed Host is a 400 problem.
import t from 'tap'
import { connect, type AddressInfo } from 'node:net'
import { createApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { buildTestApp, isProblem, json, realDataset } from '../helpers.js'

const FORGED = { 'x-forwarded-proto': 'javascript', 'x-forwarded-host': 'evil.example', 'x-forwarded-for': '203.0.113.9' }

/** Every kind of answer that writes absolute URLs. */
const PAGES = [
  { url: '/oembed?url=http://localhost/embed/notice-types/red', what: 'oEmbed' },
  { url: '/v1/terms/red-notice', accept: 'application/ld+json', what: 'JSON-LD term' },
  { url: '/v1/notice-types', accept: 'application/ld+json', what: 'JSON-LD set' },
  { url: '/embed/notice-types/red', what: 'embed card' },
  { url: '/', what: 'landing page' }
]

t.test('forwarded headers never reach absolute URLs, even from a trusted proxy', async (t) => {
  const app = await buildTestApp({ trustProxy: 'true', rateLimitMax: 0 })
  t.teardown(() => app.close())
  for (const page of PAGES) {
    const response = await app.inject({ url: page.url, headers: { host: 'localhost', ...FORGED, ...(page.accept ? { accept: page.accept } : {}) } })
    t.equal(response.statusCode, 200, page.what)
    t.notMatch(response.body, /evil\.example|javascript:/, `${page.what}: nothing forwarded`)
    t.match(response.body, /http:\/\/localhost\//, `${page.what}: the request's own host`)
    t.notMatch(response.body, /http:\/\/\//, `${page.what}: no empty host`)
  }
})

t.test('PUBLIC_ORIGIN names every absolute URL, whatever the Host', async (t) => {
  const app = await createApp({ dataset: realDataset(), limits: { rateLimitMax: 0 }, publicOrigin: 'https://api.example.org' })
  await app.ready()
  t.teardown(() => app.close())
  const oembed = json(await app.inject({ url: '/oembed?url=https://api.example.org/embed/notice-types/red', headers: { host: 'other.example' } }))
  t.equal(oembed.provider_url, 'https://api.example.org/')
  t.match(oembed.html, /src="https:\/\/api\.example\.org\/embed\/notice-types\/red"/)
  for (const page of PAGES.slice(1)) {
    for (const host of ['other.example', 'localhost:3000']) {
      const response = await app.inject({ url: page.url, headers: { host, ...FORGED, ...(page.accept ? { accept: page.accept } : {}) } })
      t.equal(response.statusCode, 200, page.what)
      t.match(response.body, /https:\/\/api\.example\.org\//, `${page.what}: PUBLIC_ORIGIN`)
      t.notMatch(response.body, /other\.example|localhost:3000|evil\.example/, `${page.what}: not the Host (${host})`)
    }
  }
  const invalidHost = await app.inject({ url: '/v1/terms/red-notice', headers: { host: 'bad host!', accept: 'application/ld+json' } })
  t.equal(invalidHost.statusCode, 200, 'with PUBLIC_ORIGIN set the Host is not needed')
  t.match(json(await app.inject('/v1/no-such')).type, /^https:\/\/api\.example\.org\/docs\/problems#not-found$/, 'problem types too')
})

t.test('a malformed or missing Host is a 400 problem, not a 500 or http:///', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  for (const host of ['bad host', 'a/b', 'x:99999', 'evil.example@x', 'é.example']) {
    for (const page of PAGES) {
      const response = await app.inject({ url: page.url, headers: { host, ...(page.accept ? { accept: page.accept } : {}) } })
      isProblem(t, response, 400, 'invalid-host')
      t.notMatch(response.body, /http:\/\/\//)
    }
  }
  const plain = await app.inject({ url: '/v1/notice-types/red', headers: { host: 'bad host' } })
  t.equal(plain.statusCode, 200, 'an answer without absolute URLs does not need the Host')
})

t.test('without PUBLIC_ORIGIN, each Host gets its own answer from the cache, not the first one', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  for (const host of ['one.example', 'two.example', 'one.example', 'two.example']) {
    const response = await app.inject({ url: '/v1/terms/red-notice', headers: { host, accept: 'application/ld+json' } })
    t.match(json(response)['@id'], new RegExp(`^http://${host.replace('.', '\\.')}/`), host)
  }
})

t.test('PUBLIC_ORIGIN is checked at start-up: http or https, an origin only', async (t) => {
  t.equal(loadConfig({}).PUBLIC_ORIGIN, '', 'unset by default')
  t.equal(loadConfig({ PUBLIC_ORIGIN: 'https://api.example.org/' }).PUBLIC_ORIGIN, 'https://api.example.org')
  t.equal(loadConfig({ PUBLIC_ORIGIN: 'http://localhost:3000' }).PUBLIC_ORIGIN, 'http://localhost:3000')
  for (const value of ['javascript:alert(1)', 'ftp://example.org', 'example.org', 'https://api.example.org/v1', 'https://user:pw@example.org', 'https://example.org/?a=1']) {
    t.throws(() => loadConfig({ PUBLIC_ORIGIN: value }), /PUBLIC_ORIGIN/, value)
  }
})

t.test('TRUST_PROXY: a word or a bad CIDR is refused at start-up, naming the variable', async (t) => {
  for (const value of ['foo', '10.0.0.0/33', '10.0.0.1/abc', '::1/129', 'loopback, nothing']) {
    t.throws(() => loadConfig({ TRUST_PROXY: value }), /TRUST_PROXY/, value)
  }
  for (const value of ['loopback', '10.0.0.0/8', '10.0.0.1, 192.168.0.0/16', '::1', 'fd00::/8', '2', 'true']) {
    t.equal(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY, value, value)
  }
})

t.test('on a real connection, a request without Host or with an empty one is a 400 problem', async (t) => {
  const app = await buildTestApp({ rateLimitMax: 0 })
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const port = (app.server.address() as AddressInfo).port
  for (const [head, what] of [
    ['GET /oembed?url=http://x/embed/notice-types/red HTTP/1.1\r\nHost: \r\n', 'an empty Host, on oEmbed'],
    ['GET /embed/notice-types/red HTTP/1.1\r\nHost: \r\n', 'an empty Host, on a card'],
    ['GET /v1/notice-types/red HTTP/1.1\r\n', 'no Host at all (HTTP/1.1 requires it)']
  ]) {
    const answer = await rawRequest(port, `${head}Connection: close\r\n\r\n`)
    t.match(answer, /^HTTP\/1\.1 400 /, what)
    t.match(answer, /content-type: application\/problem\+json/i, what)
    t.match(answer, /"code":"invalid-host"/, what)
  }
})

function rawRequest (port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let received = ''
    socket.on('data', (chunk) => { received += chunk })
    socket.on('end', () => resolve(received))
    socket.on('error', reject)
  })
}
