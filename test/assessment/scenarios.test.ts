// The nine scenarios of the assessment issue, through HTTP, plus the invariants every answer keeps.
import t, { type Test } from 'tap'
import { buildTestApp, json } from '../helpers.js'

// Limits are tested elsewhere; a machine busy with other suites must not shed these requests.
const app = await buildTestApp({ maxEventLoopDelayMs: 0, rateLimitMax: 0 })
t.teardown(() => app.close())

type Body = Record<string, unknown>
interface Precedent { case: string; direction: string; outcome: string }
interface Finding { ground: string; result: string; reason: string; provisions: string[]; precedents: Precedent[] }
const ids = (f: Finding | undefined) => (f?.precedents ?? []).map((p) => p.case)

async function assess (body: Body) {
  const response = await app.inject({ method: 'POST', url: '/v1/assessments', payload: body })
  return { status: response.statusCode, body: json(response), headers: response.headers }
}
const finding = (answer: { findings: Finding[] }, ground: string) => answer.findings.find((f) => f.ground === ground)

/** Every finding cites provisions that resolve and precedents that resolve. */
async function checkReferences (t: Test, answer: { findings: Finding[] }) {
  for (const f of answer.findings) {
    t.ok(f.provisions.length >= 1, `${f.ground} cites a provision`)
    for (const id of f.provisions) t.equal((await app.inject(`/v1/provisions/${id}`)).statusCode, 200, `provision ${id}`)
    for (const id of ids(f)) t.equal((await app.inject(`/v1/cases/${id}`)).statusCode, 200, `precedent ${id}`)
  }
}

const redNotice = (over: Body = {}): Body => ({ noticeType: 'red', requester: { country: 'FR' }, offence: { categories: ['murder'], maxPenaltyMonths: 360 }, judicial: { arrestWarrant: true }, ...over })

t.test('1. Iran, January 2021, former head of state, military operation: likely refused under Article 3', async (t) => {
  const { status, body } = await assess({
    noticeType: 'red',
    requester: { country: 'IR' },
    date: '2021-01-05',
    subject: { nationalities: ['US'], roles: ['former-head-of-state'] },
    offence: { categories: ['murder', 'terrorism'], context: ['military-operation'] },
    judicial: { arrestWarrant: true }
  })
  t.equal(status, 200)
  t.equal(body.verdict, 'likely-refused')
  t.equal(finding(body, 'article-3-political')?.result, 'fails')
  t.equal(finding(body, 'article-3-military')?.result, 'fails')
  const precedents = ids(finding(body, 'article-3-political'))
  t.ok(precedents.includes('iran-2020-us-officials') && precedents.includes('iran-2021-us-officials'), precedents.join(', '))
  t.same(precedents.slice(0, 2).sort(), ['iran-2020-us-officials', 'iran-2021-us-officials'], 'the Iranian requests rank first')
  t.match(finding(body, 'article-3-military')!.reason, /a military operation/)
  t.equal(body.asOf, '2021-01-05')
  t.equal(body.datasetVersion, app.dataset.version)
  t.match(body.disclaimer, /not legal advice/)
  t.match(body.summary, /Iran/)
  await checkReferences(t, body)
})

t.test('2. France, murder, 30 years, arrest warrant: likely compliant', async (t) => {
  const { body } = await assess(redNotice({ subject: { roles: ['private-individual'] }, offence: { categories: ['murder'], context: ['ordinary-criminal'], maxPenaltyMonths: 360 } }))
  t.equal(body.verdict, 'likely-compliant', JSON.stringify(body.findings.filter((f: Finding) => f.result !== 'passes')))
  t.equal(finding(body, 'penalty-threshold')?.result, 'passes')
  t.equal(finding(body, 'insufficient-judicial-data')?.result, 'passes')
  await checkReferences(t, body)
})

t.test('3. a maximum penalty of 12 months, sought for prosecution: the threshold fails', async (t) => {
  for (const country of ['FR', 'BR', 'JP']) {
    const { body } = await assess(redNotice({ requester: { country }, offence: { categories: ['fraud'], maxPenaltyMonths: 12 } }))
    const threshold = finding(body, 'penalty-threshold')
    t.equal(threshold?.result, 'fails', country)
    t.match(threshold?.reason, /12 months/)
    t.equal(body.verdict, 'likely-refused')
  }
  const { body } = await assess(redNotice({ offence: { categories: ['fraud'], soughtFor: 'sentence', sentenceRemainingMonths: 4 }, judicial: { courtDecision: true } }))
  t.equal(finding(body, 'penalty-threshold')?.result, 'fails', 'under six months left of a sentence')
})

t.test('4. Bahrain against a refugee recognised by Australia: the refugee ground fails, with al-Araibi', async (t) => {
  const refugeeRequest = (date: string) => redNotice({ requester: { country: 'BH' }, date, subject: { refugee: { status: 'recognised', grantedBy: 'AU' } } })
  const { body } = await assess(refugeeRequest('2019-03-01'))
  const refugee = finding(body, 'refugee-status')
  t.equal(refugee?.result, 'fails')
  t.ok(ids(refugee).includes('al-araibi-2018'), 'the 2018 cancellation is a precedent for a later request')
  const before = finding((await assess(refugeeRequest('2018-11-08'))).body, 'refugee-status')
  t.equal(before?.result, 'fails', 'the rule applies before the case too')
  t.notOk(ids(before).includes('al-araibi-2018'), 'a case decided after the request is not its precedent')
  t.equal(body.verdict, 'likely-refused')
  t.ok(body.missing.some((m: { field: string }) => m.field === 'subject.nationalities'), 'the assumption is named as a missing fact')
  await checkReferences(t, body)
})

t.test('5. a non-member (North Korea) cannot request', async (t) => {
  const { body } = await assess(redNotice({ requester: { country: 'KP' } }))
  t.equal(body.verdict, 'cannot-request')
  t.equal(body.findings[0].ground, 'requester-eligibility')
  t.equal(body.findings[0].result, 'fails')
  t.match(body.findings[0].reason, /not an INTERPOL member/)
  await checkReferences(t, body)
})

t.test('6. Russia sends a diffusion after 10 March 2022: the restriction is a finding', async (t) => {
  const after = await assess({ noticeType: 'diffusion', requester: { country: 'RU' }, date: '2022-06-01', offence: { categories: ['fraud'], maxPenaltyMonths: 120 }, judicial: { arrestWarrant: true } })
  const restriction = finding(after.body, 'requester-corrective-measures')
  t.ok(restriction, 'a finding on the restriction')
  t.equal(restriction?.result, 'concern')
  t.match(restriction?.reason, /2022-03-10/)
  const before = await assess({ noticeType: 'diffusion', requester: { country: 'RU' }, date: '2021-06-01', offence: { categories: ['fraud'], maxPenaltyMonths: 120 }, judicial: { arrestWarrant: true } })
  t.notOk(finding(before.body, 'requester-corrective-measures'), 'no restriction in 2021')
})

t.test('7. an unpaid cheque or a family dispute: the excluded-offence ground fails, with CCF precedents', async (t) => {
  const cheque = (await assess(redNotice({ offence: { categories: ['unpaid-debt-or-cheque'], maxPenaltyMonths: 36 } }))).body
  const privateDispute = finding(cheque, 'excluded-offence-private-dispute')
  t.ok(privateDispute && ['fails', 'concern'].includes(privateDispute.result))
  t.ok(ids(privateDispute).some((id) => id.startsWith('ccf-')), String(ids(privateDispute)))
  const family = (await assess(redNotice({ offence: { categories: ['family-dispute'], context: ['family-matter'], maxPenaltyMonths: 36 } }))).body
  const familyFinding = finding(family, 'excluded-offence-family-private')
  t.ok(familyFinding && ['fails', 'concern'].includes(familyFinding.result))
  t.ok(ids(familyFinding).some((id) => id.startsWith('ccf-')))
  await checkReferences(t, family)
})

t.test('8. no arrest warrant or court decision: the judicial-data finding fails', async (t) => {
  const { body } = await assess(redNotice({ judicial: { arrestWarrant: false, courtDecision: false } }))
  t.equal(finding(body, 'insufficient-judicial-data')?.result, 'fails')
  t.equal(body.verdict, 'likely-refused')
  const silent = (await assess(redNotice({ judicial: undefined }))).body
  t.equal(finding(silent, 'insufficient-judicial-data')?.result, 'not-enough-information')
  t.ok(silent.missing.some((m: { field: string }) => m.field === 'judicial.arrestWarrant'))
})

t.test('9. the same refugee request dated 2013 does not apply the refugee policy', async (t) => {
  const { body } = await assess(redNotice({ requester: { country: 'BH' }, date: '2013-06-01', subject: { refugee: { status: 'recognised', grantedBy: 'AU' } } }))
  t.notOk(finding(body, 'refugee-status'), 'not yet in force in 2013')
  t.equal(body.asOf, '2013-06-01')
})

t.test('the date decides which rules and types exist', async (t) => {
  const silver2024 = (await assess({ noticeType: 'silver', requester: { country: 'IT' }, date: '2024-06-01', offence: { categories: ['organised-crime'] } })).body
  t.equal(silver2024.verdict, 'cannot-request', 'no Silver Notice in 2024')
  const palau2022 = (await assess(redNotice({ requester: { country: 'PW' }, date: '2022-06-01' }))).body
  t.equal(palau2022.verdict, 'cannot-request', 'Palau not yet a member in 2022')
  const palau2024 = (await assess(redNotice({ requester: { country: 'pw' }, date: '2024-06-01' }))).body
  t.not(palau2024.verdict, 'cannot-request')
  const icc = (await assess(redNotice({ requester: { entity: 'icc' }, date: '2011-06-27', offence: { categories: ['crimes-against-humanity-or-war-crimes'], maxPenaltyMonths: 12000 } }))).body
  t.not(icc.verdict, 'cannot-request', 'the ICC may request Red Notices')
  const unByCountry = (await assess({ noticeType: 'un-special-notice', requester: { country: 'FR' }, offence: { categories: ['terrorism'] } })).body
  t.equal(unByCountry.verdict, 'cannot-request')
})

t.test('an earlier refusal on a ground decides it unless new facts are given (issue 10, class 5)', async (t) => {
  const { body } = await assess(redNotice({ priorDecisions: [{ outcome: 'refused', ground: 'article-3-political', date: '2013-05-01' }] }))
  const political = finding(body, 'article-3-political')
  t.equal(political?.result, 'fails')
  t.match(political?.reason, /earlier request/)
  t.equal(body.verdict, 'likely-refused')
  const renewed = (await assess(redNotice({ priorDecisions: [{ outcome: 'refused', ground: 'article-3-political', newFacts: true }] }))).body
  t.equal(finding(renewed, 'article-3-political')?.result, 'concern', 'new facts reopen the question')
})

t.test('invalid input: a 400, 413 or 415 problem naming each bad field', async (t) => {
  const unknownType = await assess(redNotice({ noticeType: 'redd' }))
  t.equal(unknownType.status, 400)
  t.equal(unknownType.body.code, 'invalid-body')
  t.same(unknownType.body.errors.map((e: { field: string }) => e.field), ['body.noticeType'])
  t.match(unknownType.body.errors[0].message, /did you mean red/)

  const unknownCountry = await assess(redNotice({ requester: { country: 'QQ' }, subject: { nationalities: ['ZZ'] } }))
  t.same(unknownCountry.body.errors.map((e: { field: string }) => e.field), ['body.requester.country', 'body.subject.nationalities[0]'])

  const bad = await assess({ noticeType: 'red', requester: { country: 'FR' }, offence: { categories: ['jaywalking'], maxPenaltyMonths: -3 }, extra: 1 })
  t.equal(bad.status, 400)
  const fields = bad.body.errors.map((e: { field: string }) => e.field).sort()
  t.same(fields, ['body.extra', 'body.offence.categories[0]', 'body.offence.maxPenaltyMonths'])

  const both = await assess(redNotice({ requester: { country: 'FR', entity: 'icc' } }))
  t.equal(both.body.errors[0].field, 'body.requester')

  const notJson = await app.inject({ method: 'POST', url: '/v1/assessments', headers: { 'content-type': 'application/json' }, payload: '{"noticeType": ' })
  t.equal(notJson.statusCode, 400)
  t.equal(json(notJson).code, 'invalid-body')
  t.match(notJson.headers['content-type'], /problem\+json/)

  const plain = await app.inject({ method: 'POST', url: '/v1/assessments', headers: { 'content-type': 'text/plain' }, payload: 'red notice please' })
  t.equal(plain.statusCode, 415)
  t.equal(json(plain).code, 'unsupported-media-type')

  const huge = await app.inject({ method: 'POST', url: '/v1/assessments', payload: redNotice({ offence: { categories: ['murder'], summary: 'x'.repeat(40_000) } }) })
  t.equal(huge.statusCode, 413)
  t.equal(json(huge).code, 'payload-too-large')

  const empty = await app.inject({ method: 'POST', url: '/v1/assessments', headers: { 'content-type': 'application/json' }, payload: '' })
  t.equal(empty.statusCode, 400)
})

t.test('the examples list the Iran 2021 request and every example assesses', async (t) => {
  const response = await app.inject('/v1/assessments/examples')
  t.equal(response.statusCode, 200)
  const { data } = json(response)
  t.ok(data.some((example: { id: string }) => example.id === 'iran-2021-us-officials'))
  for (const example of data) {
    const { status, body } = await assess(example.request)
    t.equal(status, 200, example.id)
    t.type(body.verdict, 'string')
  }
  const expected: Record<string, string> = {
    'iran-2021-us-officials': 'likely-refused',
    'ordinary-murder': 'likely-compliant',
    'non-member': 'cannot-request',
    'unpaid-cheque': 'needs-review',
    'consensual-sexual-conduct': 'likely-refused',
    'icc-head-of-state': 'likely-compliant',
    'journalist-defamation': 'likely-refused',
    'yellow-notice-family': 'needs-review',
    kosovo: 'cannot-request'
  }
  for (const [id, verdict] of Object.entries(expected)) {
    t.equal((await assess(data.find((e: { id: string }) => e.id === id).request)).body.verdict, verdict, id)
  }
  const doc = json(await app.inject('/openapi.json'))
  const media = doc.paths['/v1/assessments'].post.requestBody.content['application/json']
  t.ok(JSON.stringify(media).includes('iran') || JSON.stringify(media).includes('"IR"'), 'Swagger UI offers the examples')
})
