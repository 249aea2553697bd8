import t from 'tap'
import { createApp } from '../../src/app.js'
import { loadDataset } from '../../src/data/load-dataset.js'
import { buildTestApp, copyOfData, editDataFile } from '../helpers.js'
import { shorten } from '../../src/embed/card.js'

const app = await buildTestApp()
t.teardown(() => app.close())

const dataRefs = ['notice-types/red', 'grounds/article-3-political', 'terms/red-notice', 'cases/iran-2020-us-officials']

t.test('every embeddable resource gives a self-contained HTML card with its own CSP', async (t) => {
  for (const ref of dataRefs) {
    const response = await app.inject(`/embed/${ref}`)
    t.equal(response.statusCode, 200, ref)
    t.match(response.headers['content-type'], /^text\/html; charset=utf-8/)
    const csp = String(response.headers['content-security-policy'])
    t.match(csp, /default-src 'none'/)
    t.match(csp, /style-src 'unsafe-inline'/)
    t.match(csp, /frame-ancestors \*/)
    t.notMatch(csp, /script-src/, 'no script is allowed at all')
    t.notOk(response.headers['x-frame-options'], 'nothing forbids framing')
    t.equal(response.headers['x-dataset-version'], app.dataset.version)
    const html = response.body
    t.notMatch(html, /<script/i, `${ref}: no scripts`)
    t.notMatch(html, /(src|href)="(?!https:\/\/|http:\/\/localhost)[^"]*"/, `${ref}: no relative assets`)
    t.notMatch(html, /<link[^>]+rel="stylesheet"|<img/i, `${ref}: no external stylesheets or images`)
    t.match(html, /@media \(prefers-color-scheme:dark\)/, 'a dark variant')
    t.match(html, new RegExp(`Dataset <span lang="en" dir="ltr">${app.dataset.version}</span>`), 'the dataset version')
    t.match(html, /<a href="https:\/\/[^"]+" target="_blank" rel="noopener noreferrer">/, 'a source link')
    t.match(html, new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="http://localhost(:80)?/oembed\\?format=json&amp;url=${encodeURIComponent(`http://localhost:80/embed/${ref}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), 'oEmbed discovery')
  }
})

t.test('the Red Notice card: name and short definition, in English by default', async (t) => {
  const html = (await app.inject('/embed/notice-types/red')).body
  t.match(html, /<html lang="en" dir="ltr">/)
  t.match(html, /<h1 id="card-title" class="title" lang="en" dir="ltr">Red Notice<\/h1>/)
  t.match(html, /To locate and arrest a person wanted for prosecution/)
  t.match(html, /--accent:#c62828/, 'the notice colour')
})

t.test('French and Arabic cards; Arabic is right-to-left, English fallbacks keep their own direction', async (t) => {
  const french = await app.inject('/embed/notice-types/red?lang=fr')
  t.equal(french.headers['content-language'], 'fr')
  t.match(french.body, />Notice rouge<\/h1>/)
  t.match(french.body, /Fiche complète/)
  const arabic = await app.inject({ url: '/embed/notice-types/red', headers: { 'accept-language': 'ar' } })
  t.equal(arabic.headers['content-language'], 'ar')
  t.match(arabic.body, /<html lang="ar" dir="rtl">/)
  t.match(arabic.body, /<article class="card" lang="ar" dir="rtl"/)
  t.match(arabic.body, /lang="ar" dir="rtl">النشرة الحمراء<\/h1>/)
  t.match(arabic.body, /<p class="summary" lang="en" dir="ltr">To locate/, 'the English summary is marked as English')
  const unknown = await app.inject('/embed/notice-types/red?lang=de')
  t.equal(unknown.statusCode, 400)
})

t.test('unknown records and resources are problem documents', async (t) => {
  const missing = await app.inject('/embed/notice-types/redd')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  t.equal(JSON.parse(missing.body).code, 'not-found')
  const resource = await app.inject('/embed/countries/FR')
  t.equal(resource.statusCode, 400)
})

t.test('text from the data is escaped, never markup', async (t) => {
  const dir = copyOfData()
  editDataFile(dir, 'terms.yaml', /    en: Red Notice\n/, '    en: "<img src=x onerror=alert(1)> & \\"Red\\" Notice"\n')
  editDataFile(dir, 'grounds.yaml', /  title: .*\n/, '  title: "<script>alert(1)</script>"\n')
  const hostile = await createApp({ dataset: loadDataset(dir).dataset })
  await hostile.ready()
  t.teardown(() => hostile.close())
  const term = (await hostile.inject('/embed/terms/red-notice')).body
  t.match(term, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;Red&quot; Notice/)
  t.notMatch(term, /<img/)
  const firstGround = hostile.dataset.grounds.all[0].id
  const ground = (await hostile.inject(`/embed/grounds/${firstGround}`)).body
  t.notMatch(ground, /<script/)
  t.match(ground, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
  // Every "<" left in the page starts one of the card's own tags.
  const tags = new Set([...ground.matchAll(/<\/?([a-z0-9!]+)/gi)].map((m) => m[1].toLowerCase()))
  t.same([...tags].filter((tag) => !['!doctype', 'html', 'head', 'meta', 'title', 'link', 'style', 'body', 'article', 'p', 'h1', 'ul', 'li', 'a', 'span'].includes(tag)), [])
})

t.test('/embed.js is a cacheable script that defines <notice-card> and loads from its own origin', async (t) => {
  const response = await app.inject('/embed.js')
  t.equal(response.statusCode, 200)
  t.match(response.headers['content-type'], /^application\/javascript/)
  t.match(response.headers['cache-control'], /public, max-age=\d+/)
  t.ok(response.headers.etag)
  t.equal(response.headers['cross-origin-resource-policy'], 'cross-origin')
  t.equal(response.headers['access-control-allow-origin'], '*')
  t.match(response.body, /customElements\.define\('notice-card'/)
  t.match(response.body, /document\.currentScript/)
  t.notMatch(response.body, /innerHTML/, 'data only ever reaches the page as text')
  t.doesNotThrow(() => new Function(response.body), 'valid JavaScript') // eslint-disable-line no-new-func
  const again = await app.inject({ url: '/embed.js', headers: { 'if-none-match': String(response.headers.etag) } })
  t.equal(again.statusCode, 304)
})

t.test('shorten cuts at a sentence or a word', async (t) => {
  t.equal(shorten('short'), 'short')
  t.equal(shorten('One sentence here. Another one that goes on and on', 30), 'One sentence here.')
  t.equal(shorten('averyveryverylongword another word here', 30), 'averyveryverylongword another…')
})
