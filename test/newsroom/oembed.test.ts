import t from 'tap'
import { buildTestApp, json } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())

// The example: `curl 'localhost:3000/oembed?url=http://localhost:3000/embed/notice-types/red'`, where curl
// sends `Host: localhost:3000`. inject() lets us send the same Host.
const asLocalhost3000 = { host: 'localhost:3000' }

t.test('a valid oEmbed 1.0 rich document for an embed URL of this host', async (t) => {
  const response = await app.inject({ url: '/oembed?url=http://localhost:3000/embed/notice-types/red', headers: asLocalhost3000 })
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  const doc = json(response)
  t.equal(doc.type, 'rich')
  t.equal(doc.version, '1.0')
  t.equal(doc.title, 'Red Notice')
  t.equal(doc.provider_url, 'http://localhost:3000/')
  t.match(doc.provider_name, /INTERPOL Notice API/)
  t.ok(Number.isInteger(doc.width) && doc.width > 0)
  t.ok(Number.isInteger(doc.height) && doc.height > 0)
  t.match(doc.html, new RegExp(`^<iframe src="http://localhost:3000/embed/notice-types/red" width="${doc.width}" height="${doc.height}" title="Red Notice"[^>]*></iframe>$`))
  t.match(doc.html, /sandbox="allow-popups allow-popups-to-escape-sandbox"/, 'the frame may open links, nothing more')
  t.same(Object.keys(doc).sort(), ['cache_age', 'height', 'html', 'provider_name', 'provider_url', 'title', 'type', 'version', 'width'])
})

t.test('format=json explicitly, maxwidth and maxheight, and a language kept from the URL', async (t) => {
  const url = encodeURIComponent('http://localhost:3000/embed/terms/red-notice?lang=fr')
  const doc = json(await app.inject({ url: `/oembed?format=json&maxwidth=320&maxheight=200&url=${url}`, headers: asLocalhost3000 }))
  t.equal(doc.width, 320)
  t.equal(doc.height, 200)
  t.equal(doc.title, 'Notice rouge')
  t.match(doc.html, /src="http:\/\/localhost:3000\/embed\/terms\/red-notice\?lang=fr"/)
  const big = json(await app.inject({ url: `/oembed?maxwidth=5000&url=${url}`, headers: asLocalhost3000 }))
  t.equal(big.width, 480, 'never wider than the card')
})

t.test('the discovery link of a card leads to its oEmbed document', async (t) => {
  const page = (await app.inject({ url: '/embed/grounds/article-3-political', headers: asLocalhost3000 })).body
  const href = /type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1].replace(/&amp;/g, '&')
  t.ok(href, 'a discovery link')
  const target = new URL(href as string)
  const response = await app.inject({ url: target.pathname + target.search, headers: asLocalhost3000 })
  t.equal(response.statusCode, 200)
  t.equal(json(response).type, 'rich')
})

t.test('errors follow the oEmbed specification, as problem documents', async (t) => {
  const cases: Array<[string, number, string]> = [
    ['/oembed?url=http://localhost:3000/embed/notice-types/redd', 404, 'not-found'],
    ['/oembed?url=http://evil.example/embed/notice-types/red', 404, 'not-found'],
    ['/oembed?url=http://localhost:3000/v1/notice-types/red', 400, 'invalid-query'],
    ['/oembed?url=not-a-url', 400, 'invalid-query'],
    ['/oembed?url=javascript:alert(1)//embed/notice-types/red', 400, 'invalid-query'],
    ['/oembed', 400, 'invalid-query'],
    ['/oembed?url=http://localhost:3000/embed/notice-types/red&format=xml', 501, 'not-implemented'],
    ['/oembed?url=http://localhost:3000/embed/notice-types/red&format=yaml', 400, 'invalid-query']
  ]
  for (const [url, status, code] of cases) {
    const response = await app.inject({ url, headers: asLocalhost3000 })
    t.equal(response.statusCode, status, url)
    t.match(response.headers['content-type'], /^application\/problem\+json/, url)
    t.equal(json(response).code, code, url)
  }
})
