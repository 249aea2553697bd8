import t from 'tap'
import { buildTestApp, json } from '../helpers.js'
import { datasetStats } from '../../src/data/stats.js'

const app = await buildTestApp()
t.teardown(() => app.close())

t.test('the landing page: what the service is, live counts, examples, docs, embeds and the licence', async (t) => {
  const response = await app.inject('/')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^text\/html; charset=utf-8/)
  const html = response.body
  t.match(html, /<html lang="en" dir="ltr">/)
  t.match(html, /<dt><code>ar<\/code> Arabic, official: INTERPOL(&#39;|')s wording<\/dt><dd lang="ar" dir="rtl">النشرة الحمراء<\/dd>/, 'the Arabic name in its own right-to-left element, marked')
  t.match(html, /<dd lang="es" dir="ltr">Notificación roja<\/dd>/)
  t.match(html, /<strong>editorial<\/strong> \(the project's translation/, 'says what editorial means')
  t.match(html, /<h1>INTERPOL Notice API<\/h1>/)
  const { counts } = datasetStats(app.dataset)
  for (const resource of ['notice-types', 'grounds', 'cases', 'terms', 'provisions', 'instruments', 'requesting-entities', 'countries']) {
    t.match(html, new RegExp(`<td data-count="${resource}">${counts[resource]}</td>`), `${resource}: ${counts[resource]}`)
  }
  t.equal(counts.cases, app.dataset.cases.all.length, 'the counts are the loaded records')
  t.match(html, /href="\/docs"/)
  t.match(html, /href="\/embed\/notice-types\/red"/)
  t.match(html, /&lt;script src=&quot;http:\/\/localhost(:80)?\/embed\.js&quot;/)
  t.match(html, /curl -H &#39;Accept: text\/csv&#39;/)
  t.match(html, new RegExp(`href="${app.dataset.release.licence.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" rel="license"`))
  t.match(html, app.dataset.version)
  t.notMatch(html, /<script/i, 'plain HTML')
  // Every local link on the page answers.
  for (const [, href] of html.matchAll(/href="(\/[^"]*)"/g)) {
    const linked = await app.inject(href.replace(/&amp;/g, '&'))
    t.ok(linked.statusCode < 400, `${href} answers ${linked.statusCode}`)
  }
})

const EXPOSED = ['ETag', 'Link', 'Content-Language', 'X-Dataset-Version', 'X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After']

t.test('CORS: any origin may read, with the headers clients need exposed', async (t) => {
  for (const url of ['/v1/notice-types?limit=1', '/v1/terms/red-notice', '/embed.js', '/v1/nothing-here']) {
    const response = await app.inject({ url, headers: { origin: 'https://newsroom.example' } })
    t.equal(response.headers['access-control-allow-origin'], '*', url)
    const exposed = String(response.headers['access-control-expose-headers']).split(/,\s*/)
    t.same(exposed.map((h) => h.toLowerCase()).sort(), EXPOSED.map((h) => h.toLowerCase()).sort(), url)
    t.notOk(response.headers['access-control-allow-credentials'], 'never credentials')
  }
})

t.test('CORS: the preflight for POST /v1/assessments with a JSON body', async (t) => {
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/assessments',
    headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
  })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-origin'], '*')
  t.match(preflight.headers['access-control-allow-methods'], /POST/)
  t.match(String(preflight.headers['access-control-allow-headers']).toLowerCase(), /content-type/)
  t.ok(Number(preflight.headers['access-control-max-age']) > 0)

  const example = json(await app.inject('/v1/assessments/examples')).data[0].request
  const post = await app.inject({
    method: 'POST',
    url: '/v1/assessments',
    headers: { origin: 'https://newsroom.example', 'content-type': 'application/json' },
    payload: example
  })
  t.equal(post.statusCode, 200)
  t.equal(post.headers['access-control-allow-origin'], '*')
})

t.test('CORS does not change how unknown paths and methods answer', async (t) => {
  const unknown = await app.inject('/nowhere')
  t.equal(unknown.statusCode, 404)
  const method = await app.inject({ method: 'DELETE', url: '/v1/cases' })
  t.equal(method.statusCode, 405)
  t.equal(method.headers.allow, 'GET, HEAD')
})
