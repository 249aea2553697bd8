import t from 'tap'
import { buildTestApp, json } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())

t.test('the list is the shared envelope over every notice type', async (t) => {
  const response = await app.inject('/v1/notice-types?limit=100')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/json/)
  const body = json(response)
  t.same(Object.keys(body).sort(), ['data', 'limit', 'offset', 'total'])
  t.ok(body.total >= 10, `${body.total} notice types`)
  const ids = body.data.map((n: { id: string }) => n.id)
  for (const id of ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un-special-notice', 'diffusion', 'stolen-works-of-art']) {
    t.ok(ids.includes(id), id)
  }
})

t.test('pagination: limit, offset, Link and an offset past the end', async (t) => {
  const first = await app.inject('/v1/notice-types?limit=4')
  const page = json(first)
  t.equal(page.data.length, 4)
  t.match(first.headers.link, /<\/v1\/notice-types\?limit=4&offset=4>; rel="next"/)
  t.match(first.headers.link, /rel="first"/)
  t.match(first.headers.link, /rel="last"/)
  t.notMatch(first.headers.link, /rel="prev"/)
  const second = json(await app.inject('/v1/notice-types?limit=4&offset=4'))
  t.not(second.data[0].id, page.data[0].id)
  const past = await app.inject('/v1/notice-types?offset=500')
  t.equal(past.statusCode, 200)
  t.same(json(past).data, [])
  t.equal(json(past).total, page.total)
})

t.test('filters by kind, status and public extract, several values comma-separated', async (t) => {
  const diffusions = json(await app.inject('/v1/notice-types?kind=diffusion'))
  t.same(diffusions.data.map((n: { id: string }) => n.id), ['diffusion'])
  const pilots = json(await app.inject('/v1/notice-types?status=pilot'))
  t.same(pilots.data.map((n: { id: string }) => n.id), ['silver'])
  const abolished = json(await app.inject('/v1/notice-types?status=abolished'))
  t.same(abolished.data.map((n: { id: string }) => n.id), ['stolen-works-of-art'])
  const both = json(await app.inject('/v1/notice-types?status=pilot,abolished'))
  t.equal(both.total, 2)
  const always = json(await app.inject('/v1/notice-types?publicExtract=always'))
  t.ok(always.data.some((n: { id: string }) => n.id === 'un-special-notice'))
  t.ok(always.data.every((n: { publicExtract: { rule: string } }) => n.publicExtract.rule === 'always'))
})

t.test('q ranks "wanted notice" to the Red Notice first', async (t) => {
  const body = json(await app.inject('/v1/notice-types?q=wanted%20notice'))
  t.equal(body.data[0].id, 'red')
})

t.test('asOf keeps only the types that existed that day', async (t) => {
  const in2024 = json(await app.inject('/v1/notice-types?asOf=2024-06-01&limit=100')).data.map((n: { id: string }) => n.id)
  t.notOk(in2024.includes('silver'), 'no Silver Notice in 2024')
  t.ok(in2024.includes('stolen-works-of-art'), 'the stolen works of art notice still existed in 2024')
  const in2026 = json(await app.inject('/v1/notice-types?asOf=2026-01-01&limit=100')).data.map((n: { id: string }) => n.id)
  t.ok(in2026.includes('silver'))
  t.notOk(in2026.includes('stolen-works-of-art'), 'abolished in November 2025')
  const silver2024 = await app.inject('/v1/notice-types/silver?asOf=2024-06-01')
  t.equal(silver2024.statusCode, 404)
  t.equal((await app.inject('/v1/notice-types?asOf=2024-02-30')).statusCode, 400, 'not a real date')
})

t.test('the Red Notice lists its provisions, misconceptions and a primary source', async (t) => {
  const response = await app.inject('/v1/notice-types/red')
  t.equal(response.statusCode, 200)
  const red = json(response)
  t.equal(red.labels.en, 'Red Notice')
  t.ok(red.provisions.includes('rpd-82') && red.provisions.includes('rpd-83'))
  t.ok(red.sources.some((s: { kind: string }) => s.kind === 'primary'))
  t.ok(red.misconceptions.some((m: { claim: string }) => /arrest warrant/i.test(m.claim)))
  t.ok(red.misconceptions.some((m: { claim: string }) => /nationality/i.test(m.claim)))
  t.ok(red.statistics.length > 0)
  for (const id of red.provisions) {
    t.equal((await app.inject(`/v1/provisions/${id}`)).statusCode, 200, `provision ${id} resolves`)
  }
})

t.test('an unknown id is a 404 suggesting the nearest ids', async (t) => {
  const response = await app.inject('/v1/notice-types/redd')
  t.equal(response.statusCode, 404)
  t.match(response.headers['content-type'], /^application\/problem\+json/)
  const body = json(response)
  t.equal(body.code, 'not-found')
  t.equal(body.suggestions[0], 'red')
  t.match(body.detail, /Did you mean red/)
})

t.test('batch lookup by ids', async (t) => {
  const body = json(await app.inject('/v1/notice-types?ids=red,blue,nope'))
  t.same(body.data.map((n: { id: string }) => n.id).sort(), ['blue', 'red'])
})

t.test('caching: strong ETag, 304 on If-None-Match, Last-Modified, Cache-Control, dataset version', async (t) => {
  const first = await app.inject('/v1/notice-types/red')
  const etag = first.headers.etag as string
  t.match(etag, /^"[^"]+"$/, 'strong ETag')
  t.match(first.headers['cache-control'], /public, max-age=300/)
  t.ok(first.headers['last-modified'])
  t.equal(first.headers['x-dataset-version'], app.dataset.version)
  t.match(first.headers.vary, /Accept/)
  const again = await app.inject({ url: '/v1/notice-types/red', headers: { 'if-none-match': etag } })
  t.equal(again.statusCode, 304)
  t.equal(again.body, '')
  const other = await app.inject({ url: '/v1/notice-types/red', headers: { 'if-none-match': '"something-else"' } })
  t.equal(other.statusCode, 200)
})
