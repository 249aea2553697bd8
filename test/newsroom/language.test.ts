import t from 'tap'
import { buildTestApp, json } from '../helpers.js'
import { negotiateLanguage, pick } from '../../src/http/language.js'

const app = await buildTestApp()
t.teardown(() => app.close())

t.test('negotiateLanguage: ?lang= first, then Accept-Language with q-values and regions, then English', async (t) => {
  t.equal(negotiateLanguage('fr', 'es'), 'fr')
  t.equal(negotiateLanguage(undefined, 'es-MX,es;q=0.9,en;q=0.5'), 'es')
  t.equal(negotiateLanguage(undefined, 'de, ar;q=0.4, en;q=0.3'), 'ar')
  t.equal(negotiateLanguage(undefined, 'de, ja'), 'en')
  t.equal(negotiateLanguage('xx', 'fr'), 'fr', 'an invalid ?lang= does not count (the schema rejects it on routes)')
  t.equal(negotiateLanguage(undefined, undefined), 'en')
  t.same(pick({ en: 'Silver Notice' }, 'fr'), { text: 'Silver Notice', lang: 'en' })
})

t.test('?lang= wins over Accept-Language; Content-Language and Vary say so', async (t) => {
  const response = await app.inject({ url: '/v1/notice-types/red?lang=fr', headers: { 'accept-language': 'es' } })
  t.equal(response.statusCode, 200)
  t.equal(response.headers['content-language'], 'fr')
  t.match(response.headers.vary, /Accept-Language/)
  t.match(response.headers.vary, /Accept(,|$)/)
  const { localized } = json(response)
  t.same(localized, {
    lang: 'fr',
    name: 'Notice rouge',
    nameLang: 'fr',
    summary: json(response).shortDefinition.fr,
    summaryLang: 'fr'
  })
  const spanish = json(await app.inject({ url: '/v1/notice-types/red', headers: { 'accept-language': 'es-ES,es;q=0.9' } }))
  t.equal(spanish.localized.name, 'Notificación roja')
  t.equal(spanish.localized.summaryLang, 'en', 'no Spanish short definition yet: that field falls back to English alone')
  t.equal(spanish.localized.summary, spanish.shortDefinition.en)
})

t.test('each field falls back to English on its own', async (t) => {
  const silver = await app.inject('/v1/notice-types/silver?lang=ar')
  t.equal(silver.headers['content-language'], 'ar')
  const body = json(silver)
  t.equal(body.localized.name, 'Silver Notice')
  t.equal(body.localized.nameLang, 'en')
  t.equal(body.localized.summary, body.purpose, 'no short definition at all: the English purpose')
  const arabicRed = json(await app.inject('/v1/terms/red-notice?lang=ar')).localized
  t.equal(arabicRed.name, 'النشرة الحمراء')
  t.equal(arabicRed.nameLang, 'ar')
  t.equal(arabicRed.summaryLang, 'en')
})

t.test('lists are localized too, in every format', async (t) => {
  const list = json(await app.inject('/v1/terms?limit=100&lang=fr'))
  const red = list.data.find((term: { id: string }) => term.id === 'red-notice')
  t.equal(red.localized.name, 'Notice rouge')
  const variantProbe = await app.inject({ url: '/v1/notice-types?lang=es&format=csv&limit=1' })
  t.equal(variantProbe.headers['content-language'], 'es')
  t.match(variantProbe.headers['content-type'], /^text\/csv/)
})

t.test('resources that are not localized answer in English and refuse an unsupported ?lang', async (t) => {
  const cases = await app.inject({ url: '/v1/cases?limit=1', headers: { 'accept-language': 'fr' } })
  t.equal(cases.headers['content-language'], 'en')
  const bad = await app.inject('/v1/notice-types?lang=de')
  t.equal(bad.statusCode, 400)
  t.equal(json(bad).code, 'invalid-query')
  t.match(json(bad).errors[0].field, 'query.lang')
  const unknownOnCases = await app.inject('/v1/cases?lang=fr')
  t.equal(unknownOnCases.statusCode, 400, 'lang is not a parameter of resources without translations')
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
  await probe.inject({ url: '/v1/cases', headers: { 'accept-language': 'fr' } })
  await probe.inject({ url: '/embed/notice-types/red?lang=es' })
  t.same(seen, [
    { url: '/v1/terms/red-notice', mediaType: 'application/json', lang: 'ar' },
    { url: '/v1/terms?format=csv&lang=fr', mediaType: 'text/csv', lang: 'fr' },
    { url: '/v1/cases', mediaType: 'application/json', lang: 'en' },
    { url: '/embed/notice-types/red?lang=es', mediaType: 'text/html', lang: 'es' }
  ])
})
