import t from 'tap'
import { createApp } from '../../src/app.js'
import { loadDataset } from '../../src/data/load-dataset.js'
import escapeHtml from 'escape-html'
import { buildTestApp, copyOfData, editDataFile, json } from '../helpers.js'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
import { renderCard, shorten, type Card } from '../../src/embed/card.js'

const app = await buildTestApp()
t.teardown(() => app.close())

const dataRefs = ['notice-types/red', 'grounds/article-3-political', 'terms/red-notice', 'cases/iran-2020-us-officials', 'requesting-entities/icc']

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
    t.match(html, new RegExp(`Dataset: <span lang="en" dir="ltr">${app.dataset.version}</span>`), 'the dataset version')
    t.match(html, /<a href="https:\/\/[^"]+" target="_blank" rel="noopener noreferrer">/, 'a source link')
    t.match(html, new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="http://localhost(:80)?/oembed\\?format=json&amp;url=${encodeURIComponent(`http://localhost:80/embed/${ref}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), 'oEmbed discovery')
  }
})

t.test('the Red Notice card: name and short definition, in English by default', async (t) => {
  const html = (await app.inject('/embed/notice-types/red')).body
  t.match(html, /<html lang="en" dir="ltr">/)
  t.match(html, /<h1 class="title" id="card-title" lang="en" dir="ltr" data-translation="original">Red Notice<\/h1>/)
  t.notMatch(html, /class="note"/, 'nothing to mark in English')
  t.match(html, /To locate and arrest a person wanted for prosecution/)
  t.match(html, /--accent:#c62828/, 'the notice colour')
})

t.test('French, Spanish and Arabic cards: each text in its own language and direction, editorial translations marked', async (t) => {
  const french = await app.inject('/embed/notice-types/red?lang=fr')
  t.equal(french.headers['content-language'], 'fr')
  t.match(french.body, /lang="fr" dir="ltr" data-translation="official">Notice rouge<\/h1>/)
  t.match(french.body, /Fiche complète/)
  t.match(french.body, /<p class="kicker" lang="fr" dir="ltr">Type de notice INTERPOL<\/p>/, 'the card\'s own words are French too')
  t.notMatch(french.body, /class="note"/, 'INTERPOL\'s own French wording needs no editorial mark')
  const spanish = (await app.inject('/embed/notice-types/red?lang=es')).body
  t.match(spanish, /<p class="summary" lang="es" dir="ltr" data-translation="editorial">/)
  t.match(spanish, /<p class="note" lang="es" dir="ltr">Resumen: traducción editorial, no es el texto de INTERPOL<\/p>/)
  const arabic = await app.inject({ url: '/embed/notice-types/red', headers: { 'accept-language': 'ar' } })
  t.equal(arabic.headers['content-language'], 'ar')
  t.match(arabic.body, /<html lang="ar" dir="rtl">/)
  t.match(arabic.body, /<article class="card" lang="ar" dir="rtl"/)
  t.match(arabic.body, /lang="ar" dir="rtl" data-translation="official">النشرة الحمراء<\/h1>/)
  t.match(arabic.body, /<ul class="facts" lang="en" dir="ltr">/, 'English values keep their own direction')
  const unknown = await app.inject('/embed/notice-types/red?lang=de')
  t.equal(unknown.statusCode, 400)
})

t.test('the reported bugs: a French case card is French; an Arabic ground card keeps English and Arabic apart', async (t) => {
  const record = json(await app.inject('/v1/cases/iran-2021-us-officials'))
  const french = (await app.inject('/embed/cases/iran-2021-us-officials?lang=fr')).body
  t.match(french, new RegExp(`lang="fr" dir="ltr" data-translation="editorial">${escapeRegExp(escapeHtml(record.translations.fr.name.text))}</h1>`))
  t.notMatch(french, new RegExp(escapeRegExp(record.title)), 'no English title under French labels')
  t.match(french, /<p class="note" lang="fr" dir="ltr">Traduction éditoriale, pas le texte d’INTERPOL<\/p>/)
  const arabic = (await app.inject('/embed/grounds/article-3-political?lang=ar')).body
  t.match(arabic, /<h1 class="title" id="card-title" lang="ar" dir="rtl" data-translation="editorial">/)
  t.match(arabic, /<p class="summary" lang="ar" dir="rtl" data-translation="editorial">/)
  t.match(arabic, /<p class="meta" lang="ar" dir="rtl">المصدر:<\/p><p class="meta" lang="en" dir="ltr"><a href="https:/,
    'the Arabic label and the English source title on lines of their own')
  t.match(arabic, /<p class="meta" lang="ar" dir="rtl">البيانات:<\/p><p class="meta" lang="en" dir="ltr">[0-9a-f]+<\/p>/, 'the version on its own line')
})

t.test('an English fallback inside an Arabic card stays left-to-right in its own element', async (t) => {
  const card: Card = {
    resource: 'terms', id: 'x', lang: 'ar', dir: 'rtl', kicker: { text: 'مسرد الإنتربول', lang: 'ar' },
    title: { text: 'اسم', lang: 'ar', translation: 'editorial' },
    summary: { text: 'An English summary.', lang: 'en', translation: 'original' },
    editorialNote: { text: 'الاسم: ترجمة تحريرية، وليست نص الإنتربول', lang: 'ar' },
    facts: [], recordUrl: 'https://example.org/v1/terms/x', embedUrl: 'https://example.org/embed/terms/x', version: 'abc'
  }
  const html = renderCard(card)
  t.match(html, /<p class="summary" lang="en" dir="ltr" data-translation="original">An English summary.<\/p>/)
  t.match(html, /<p class="note" lang="ar" dir="rtl">الاسم: ترجمة تحريرية/)
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
