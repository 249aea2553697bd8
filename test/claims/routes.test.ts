// POST /v1/claims/check and GET /v1/misconceptions through the real app: spans into the original text (plain and
// HTML), negation and attribution, the error contract (400, 413, 415, 429) and the per-route body limit.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import jsYaml from 'js-yaml'
import { buildTestApp, isProblem, json, realDataset } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())

const check = (payload: unknown, headers: Record<string, string> = {}) => app.inject({
  method: 'POST', url: '/v1/claims/check', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(payload)
})

t.test('the issue\'s paragraph: two flags, a negation skipped, offsets into the text as sent', async (t) => {
  const text = 'Iran issued Red Notices for Donald Trump and 47 other US officials. Interpol rejected the request, ' +
    'citing murder and terrorism charges. A Red Notice is not an international arrest warrant.'
  const response = await check({ text })
  t.equal(response.statusCode, 200)
  const body = json(response)
  t.same(body.findings.map((f: { misconception: string }) => f.misconception), ['country-issues-notice', 'interpol-cited-charges'])
  for (const finding of body.findings) {
    t.equal(text.slice(finding.span.start, finding.span.end), finding.span.text, 'span.text is the text between the offsets')
    t.equal(text.slice(finding.sentence.start, finding.sentence.end), finding.sentence.text)
    t.ok(finding.sources.length > 0 && finding.records.length > 0)
    t.match(finding.correction, /^[^\n]+$/)
    t.ok(['high', 'medium', 'low'].includes(finding.severity))
  }
  t.equal(body.findings[0].span.text, 'Iran issued Red Notices')
  t.match(body.findings[1].correction, /Article 3/)
  t.same(body.skipped.map((s: { misconception: string; reason: string }) => [s.misconception, s.reason]), [['red-notice-arrest-warrant', 'negated']])
  t.equal(body.length, text.length)
  t.equal(body.sentences, 3)
  t.match(body.disclaimer, /not/)
  t.type(body.datasetVersion, 'string')
})

t.test('HTML: tags skipped, entities decoded, offsets still point into the HTML', async (t) => {
  const html = '<p class="lede">Police said he fled.</p><p><b>Interpol</b> will&nbsp;arrest him if he travels.</p>' +
    '<script>var s = "Interpol will arrest";</script><p>&ldquo;Interpol will arrest him,&rdquo; the minister said.</p>'
  const body = json(await check({ text: html, format: 'html' }))
  t.equal(body.findings.length, 1)
  const [finding] = body.findings
  t.equal(finding.misconception, 'interpol-issues-warrants')
  t.equal(finding.span.text, 'Interpol</b> will&nbsp;arrest', 'the passage as written in the HTML, from its first word to its last')
  t.equal(html.slice(finding.span.start, finding.span.end), finding.span.text)
  t.same(body.skipped.map((s: { reason: string }) => s.reason), ['quoted'], 'the quotation is reported, not flagged; the script is not read')
  // The same words as plain text are read literally: the tags are part of the text.
  t.equal(json(await check({ text: html })).format, 'text')
})

t.test('each language, and lang restricts the phrasings tried', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['fr', 'Une notice rouge est un mandat d\'arrêt international.', 'red-notice-arrest-warrant'],
    ['es', 'Irán emitió notificaciones rojas contra los funcionarios.', 'country-issues-notice'],
    ['ar', 'أصدرت إيران نشرات حمراء بحق مسؤولين أمريكيين.', 'country-issues-notice']
  ]
  for (const [lang, text, id] of cases) {
    const body = json(await check({ text }))
    t.same(body.findings.map((f: { misconception: string }) => f.misconception), [id], lang)
    t.equal(body.findings[0].lang, lang)
    t.equal(text.slice(body.findings[0].span.start, body.findings[0].span.end), body.findings[0].span.text)
  }
  const onlyEnglish = json(await check({ text: cases[0][1], lang: 'en' }))
  t.same(onlyEnglish.languages, ['en'])
  t.equal(onlyEnglish.findings.length, 0, 'French phrasings are not tried when lang is en')
})

t.test('a checkable fact: the member count, checked against the dataset', async (t) => {
  const members = realDataset().countries.all.filter((c) => c.interpolMember).length
  const text = `INTERPOL has ${members} member countries. Interpol's ${members - 2} member countries were represented. ` +
    'The UN has 193 member states. Interpol compte ' + members + ' pays membres.'
  const body = json(await check({ text }))
  t.same(body.findings.map((f: { fact: string; verdict: string }) => [f.fact, f.verdict]),
    [['member-count', 'matches-dataset'], ['member-count', 'differs-from-dataset'], ['member-count', 'matches-dataset']])
  t.equal(body.findings[1].span.text, `${members - 2} member countries`)
  t.match(body.findings[1].correction, new RegExp(`counts ${members} member countries`))
  t.ok(body.findings.every((f: { sources: unknown[]; misconception?: string }) => f.sources.length > 0 && f.misconception === undefined))
})

t.test('errors: 400 (schema), 413 (over 128 KB), 415 (not JSON), and 20,000 characters of Arabic fit', async (t) => {
  isProblem(t, await check({}), 400, 'invalid-body')
  isProblem(t, await check({ text: 'x', format: 'pdf' }), 400, 'invalid-body')
  isProblem(t, await check({ text: 'x', extra: true }), 400, 'invalid-body')
  const tooLong = isProblem(t, await check({ text: 'a'.repeat(20_001) }), 400, 'invalid-body')
  t.match(JSON.stringify(tooLong.errors), /body\.text/)
  isProblem(t, await check({ text: 'x'.repeat(140 * 1024) }), 413, 'payload-too-large')
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/claims/check', headers: { 'content-type': 'text/plain' }, payload: 'Interpol will arrest him' }), 415, 'unsupported-media-type')
  const arabic = 'النشرة الحمراء هي مذكرة توقيف دولية. '.repeat(540).slice(0, 20_000)
  const response = await app.inject({
    method: 'POST', url: '/v1/claims/check', headers: { 'content-type': 'application/json' },
    // Every character escaped: the largest body 20,000 characters can make.
    payload: JSON.stringify({ text: arabic }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  })
  t.equal(response.statusCode, 200, `${Buffer.byteLength(response.body)} bytes answered for a ${arabic.length}-character text`)
  t.ok(json(response).findings.length >= 500)
  // Elsewhere the 16 KB limit still holds.
  isProblem(t, await app.inject({ method: 'POST', url: '/v1/assessments', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ padding: 'x'.repeat(20 * 1024) }) }), 413, 'payload-too-large')
})

t.test('the rate limit covers the checker', async (t) => {
  const limited = await buildTestApp({ rateLimitMax: 2, rateLimitWindowMs: 60_000 })
  t.teardown(() => limited.close())
  const post = () => limited.inject({ method: 'POST', url: '/v1/claims/check', headers: { 'content-type': 'application/json' }, payload: '{"text":"Interpol will arrest him."}' })
  t.equal((await post()).statusCode, 200)
  t.equal((await post()).statusCode, 200)
  const refused = isProblem(t, await post(), 429, 'rate-limited')
  t.match(refused.instance, '/v1/claims/check')
})

t.test('GET /v1/misconceptions and one record, with phrasings and filters', async (t) => {
  const list = json(await app.inject('/v1/misconceptions?limit=100'))
  t.ok(list.total >= 11)
  const ids = list.data.map((m: { id: string }) => m.id)
  for (const id of ['country-issues-notice', 'interpol-cited-charges', 'red-notice-means-guilty', 'red-notice-arrest-warrant', 'interpol-issues-warrants', 'nationality-country-requests']) {
    t.ok(ids.includes(id), id)
  }
  const one = json(await app.inject('/v1/misconceptions/country-issues-notice'))
  t.ok(one.phrasings.en.length > 0 && one.phrasings.fr.length > 0 && one.phrasings.es.length > 0 && one.phrasings.ar.length > 0)
  const aboutRed = json(await app.inject('/v1/misconceptions?related=notice-types/red&limit=100'))
  t.ok(aboutRed.data.every((m: { related: string[] }) => m.related.includes('notice-types/red')))
  isProblem(t, await app.inject('/v1/misconceptions/no-such-claim'), 404, 'not-found')
  isProblem(t, await app.inject('/v1/misconceptions?severity=extreme'), 400, 'invalid-query')
  const search = json(await app.inject('/v1/search?q=arrest%20warrant&type=misconceptions'))
  t.ok(search.data.some((hit: { id: string }) => hit.id === 'red-notice-arrest-warrant'))
})

t.test('GET /v1/notice-types/red keeps its misconceptions, now derived from data/misconceptions.yaml', async (t) => {
  const red = json(await app.inject('/v1/notice-types/red'))
  // The answer before the move (release f242e5d), item for item: same claims, corrections, sources and confidence.
  const before = jsYaml.load(execFileSync('git', ['show', 'f242e5d:data/notice-types.yaml'], { encoding: 'utf8' })) as Array<{ id: string; misconceptions: unknown[] }>
  for (const noticeType of before) {
    const now = json(await app.inject(`/v1/notice-types/${noticeType.id}`))
    t.same(now.misconceptions.slice(0, noticeType.misconceptions.length), noticeType.misconceptions, `${noticeType.id}: the earlier misconceptions, unchanged and first`)
  }
  t.ok(red.misconceptions.some((m: { claim: string }) => /guilty/i.test(m.claim)), 'new records about red show there too')
  for (const m of red.misconceptions) t.same(Object.keys(m).sort(), ['claim', 'confidence', 'correction', 'sources'])
})
