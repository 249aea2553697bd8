import t from 'tap'
import { buildTestApp, json } from '../helpers.js'
import { localizedBlock, negotiateLanguage } from '../../src/http/language.js'

const app = await buildTestApp()
t.teardown(() => app.close())

t.test('negotiateLanguage: ?lang= first, then Accept-Language with q-values and regions, then English', async (t) => {
  t.equal(negotiateLanguage('fr', 'es'), 'fr')
  t.equal(negotiateLanguage(undefined, 'es-MX,es;q=0.9,en;q=0.5'), 'es')
  t.equal(negotiateLanguage(undefined, 'de, ar;q=0.4, en;q=0.3'), 'ar')
  t.equal(negotiateLanguage(undefined, 'de, ja'), 'en')
  t.equal(negotiateLanguage('xx', 'fr'), 'fr', 'an invalid ?lang= does not count (the schema rejects it on routes)')
  t.equal(negotiateLanguage(undefined, undefined), 'en')
})

t.test('?lang= wins over Accept-Language; Content-Language and Vary say so', async (t) => {
  const response = await app.inject({ url: '/v1/notice-types/red?lang=fr', headers: { 'accept-language': 'es' } })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-language'], 'fr')
  t.match(response.headers.vary, /Accept-Language/)
  t.match(response.headers.vary, /Accept(,|$)/)
  const body = json(response)
  t.match(body.localized, {
    lang: 'fr',
    name: 'Notice rouge',
    nameLang: 'fr',
    nameTranslation: 'official',
    nameSource: { url: /^https:\/\/www\.interpol\.int\/fr\// },
    summary: body.translations.fr.summary.text,
    summaryLang: 'fr',
    summaryTranslation: body.translations.fr.summary.translation
  })
  t.notOk('fr' in body.labels, 'translations live in one place: labels keep only the English')
  const spanish = json(await app.inject({ url: '/v1/notice-types/red', headers: { 'accept-language': 'es-ES,es;q=0.9' } }))
  t.equal(spanish.localized.name, 'Notificación roja')
  t.equal(spanish.localized.summaryLang, 'es')
  t.equal(spanish.localized.summaryTranslation, 'editorial', 'the Spanish summary is the project\'s own translation, and says so')
  t.notOk(spanish.localized.summarySource, 'an editorial text has no source of its own')
  const english = json(await app.inject('/v1/notice-types/red'))
  t.match(english.localized, { lang: 'en', name: 'Red Notice', nameTranslation: 'original', summary: english.shortDefinition.en, summaryTranslation: 'original' })
})

t.test('each field falls back to English on its own, marked original', async (t) => {
  const record = { translations: { ar: { name: { text: 'اسم', translation: 'editorial' } } } }
  t.same(localizedBlock(record, { name: 'Name', summary: 'Summary.' }, 'ar'), {
    lang: 'ar', name: 'اسم', nameLang: 'ar', nameTranslation: 'editorial', summary: 'Summary.', summaryLang: 'en', summaryTranslation: 'original'
  })
  t.same(localizedBlock({}, { name: 'Name', summary: 'Summary.' }, 'fr'), {
    lang: 'fr', name: 'Name', nameLang: 'en', nameTranslation: 'original', summary: 'Summary.', summaryLang: 'en', summaryTranslation: 'original'
  })
})

t.test('grounds, cases and requesting entities are localized too, with the translation marked', async (t) => {
  for (const url of ['/v1/grounds/article-3-political', '/v1/cases/iran-2021-us-officials', '/v1/requesting-entities/icc', '/v1/terms/red-notice']) {
    for (const lang of ['fr', 'es', 'ar'] as const) {
      const response = await app.inject(`${url}?lang=${lang}`)
      t.equal(response.statusCode, 200, `${url} ${lang}`)
      t.equal(response.headers['content-language'], lang)
      const { localized, translations } = json(response)
      t.equal(localized.nameLang, lang, `${url}: the name is in ${lang}`)
      t.equal(localized.summaryLang, lang, `${url}: the summary is in ${lang}`)
      t.equal(localized.name, translations[lang].name.text)
      t.equal(localized.nameTranslation, translations[lang].name.translation)
      t.ok(['official', 'editorial'].includes(localized.summaryTranslation))
    }
  }
  const english = json(await app.inject('/v1/grounds/article-3-political'))
  t.equal(english.localized.name, english.title)
  t.equal(english.localized.summary, english.shortSummary, 'the English one-line summary')
})

t.test('lists are localized too, in every format; CSV carries the marking', async (t) => {
  const list = json(await app.inject('/v1/terms?limit=100&lang=fr'))
  const red = list.data.find((term: { id: string }) => term.id === 'red-notice')
  t.equal(red.localized.name, 'Notice rouge')
  const csv = await app.inject({ url: '/v1/notice-types?lang=es&format=csv&ids=red,blue' })
  t.equal(csv.headers['content-language'], 'es')
  t.match(csv.headers['content-type'], /^text\/csv/)
  const [header, ...rows] = csv.body.trim().split('\r\n')
  const columns = header!.split(',')
  for (const column of ['localized.name', 'localized.nameLang', 'localized.nameTranslation', 'localized.summaryTranslation']) {
    t.ok(columns.includes(column), `CSV column ${column}`)
  }
  const markings = rows.map((row) => row.includes(',official,') ? 'official' : row.includes(',editorial,') ? 'editorial' : 'none')
  t.notOk(markings.includes('none'), 'every row says official or editorial')
})

t.test('an unsupported ?lang is a 400 everywhere it is accepted; resources without translations answer in English', async (t) => {
  const provisions = await app.inject({ url: '/v1/provisions?limit=1', headers: { 'accept-language': 'fr' } })
  t.equal(provisions.headers['content-language'], 'en')
  const bad = await app.inject('/v1/notice-types?lang=de')
  t.equal(bad.statusCode, 400)
  t.equal(json(bad).code, 'invalid-query')
  t.match(json(bad).errors[0].field, 'query.lang')
  const onProvisions = await app.inject('/v1/provisions?lang=fr')
  t.equal(onProvisions.statusCode, 400, 'lang is not a parameter of resources without translations')
})

t.test('request.variant, which keys the response cache, holds the negotiated language and format', async (t) => {
  const { createApp } = await import('../../src/app.js')
  const { realDataset } = await import('../helpers.js')
  const probe = await createApp({ dataset: realDataset() })
  const seen: Array<{ url: string; mediaType: string; lang: string }> = []
  probe.addHook('onSend', async (request) => { seen.push({ url: request.url, ...request.variant }) })
  await probe.ready()
  t.teardown(() => probe.close())
  await probe.inject({ url: '/v1/terms/red-notice', headers: { 'accept-language': 'ar' } })
  await probe.inject({ url: '/v1/terms?format=csv&lang=fr' })
  await probe.inject({ url: '/v1/provisions', headers: { 'accept-language': 'fr' } })
  await probe.inject({ url: '/embed/notice-types/red?lang=es' })
  t.same(seen, [
    { url: '/v1/terms/red-notice', mediaType: 'application/json', lang: 'ar' },
    { url: '/v1/terms?format=csv&lang=fr', mediaType: 'text/csv', lang: 'fr' },
    { url: '/v1/provisions', mediaType: 'application/json', lang: 'en' },
    { url: '/embed/notice-types/red?lang=es', mediaType: 'text/html', lang: 'es' }
  ])
})
