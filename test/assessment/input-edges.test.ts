// Issue 10, class 8, and issue 13, item 4, through HTTP: every problem of a body in one answer, no coercion of
// strings into numbers or booleans, Kosovo (XK) answered as a non-member, notice types that need no offence, and a
// warning for a date in the future.
import t from 'tap'
import { buildTestApp, json } from '../helpers.js'

// Limits are tested elsewhere; a machine busy with other suites must not shed these requests.
const app = await buildTestApp({ maxEventLoopDelayMs: 0, rateLimitMax: 0 })
t.teardown(() => app.close())

async function assess (payload: unknown) {
  const response = await app.inject({ method: 'POST', url: '/v1/assessments', payload: payload as object })
  return { status: response.statusCode, body: json(response), type: response.headers['content-type'] }
}
const fields = (body: { errors: Array<{ field: string }> }) => body.errors.map((e) => e.field).sort()

t.test('a body with schema errors and unknown references is answered once with all of them', async (t) => {
  const { status, body, type } = await assess({
    noticeType: 'redd',
    requester: { country: 'QQ' },
    subject: { nationalities: ['ZZ'], roles: ['spy'] },
    offence: { categories: ['jaywalking'], maxPenaltyMonths: '24' },
    priorDecisions: [{ outcome: 'refused', ground: 'article-33' }],
    extra: true
  })
  t.equal(status, 400)
  t.match(type, /problem\+json/)
  t.equal(body.code, 'invalid-body')
  t.same(fields(body), [
    'body.extra', 'body.noticeType', 'body.offence.categories[0]', 'body.offence.maxPenaltyMonths',
    'body.priorDecisions[0].ground', 'body.requester.country', 'body.subject.nationalities[0]', 'body.subject.roles[0]'
  ])
  t.match(body.errors.find((e: { field: string }) => e.field === 'body.noticeType').message, /did you mean red/)
  t.match(body.detail, /8 invalid fields/)
})

t.test('numbers and booleans sent as strings are refused, not coerced', async (t) => {
  const base = { noticeType: 'red', requester: { country: 'FR' }, offence: { categories: ['murder'], maxPenaltyMonths: 360 }, judicial: { arrestWarrant: true } }
  const number = await assess({ ...base, offence: { categories: ['murder'], maxPenaltyMonths: '360' } })
  t.equal(number.status, 400)
  t.same(fields(number.body), ['body.offence.maxPenaltyMonths'])
  t.match(number.body.errors[0].message, /integer/)
  const boolean = await assess({ ...base, judicial: { arrestWarrant: 'true' } })
  t.equal(boolean.status, 400)
  t.same(fields(boolean.body), ['body.judicial.arrestWarrant'])
  const list = await assess({ ...base, offence: { categories: 'murder', maxPenaltyMonths: 360 } })
  t.equal(list.status, 400, 'a single value is not wrapped into a list')
  t.same(fields(list.body), ['body.offence.categories'])
  t.equal((await assess(base)).status, 200, 'the same body with real types is accepted')
})

t.test('a body that is not an object, or misses required fields, names them', async (t) => {
  const array = await assess([1, 2])
  t.equal(array.status, 400)
  t.same(fields(array.body), ['body'])
  const empty = await assess({})
  t.equal(empty.status, 400)
  t.same(fields(empty.body), ['body.noticeType', 'body.requester'])
  const both = await assess({ noticeType: 'red', requester: { country: 'FR', entity: 'icc' } })
  t.same(fields(both.body), ['body.requester'])
  const sentence = await assess({ noticeType: 'red', requester: { country: 'FR' }, offence: { maxPenaltyMonths: 12, sentenceRemainingMonths: 24 } })
  t.same(fields(sentence.body), ['body.offence.sentenceRemainingMonths'])
})

t.test('Kosovo (XK), a known non-member without an ISO code, cannot request', async (t) => {
  for (const country of ['XK', 'xk']) {
    const { status, body } = await assess({ noticeType: 'red', requester: { country }, offence: { categories: ['murder'], maxPenaltyMonths: 360 }, judicial: { arrestWarrant: true } })
    t.equal(status, 200, country)
    t.equal(body.verdict, 'cannot-request')
    t.equal(body.findings[0].ground, 'requester-eligibility')
    t.match(body.findings[0].reason, /Kosovo is not an INTERPOL member/)
    t.match(body.findings[0].reason, /user-assigned code/)
    t.match(body.findings[0].reason, /2018/)
  }
  const national = await assess({ noticeType: 'red', requester: { country: 'RS' }, subject: { nationalities: ['XK'] }, offence: { categories: ['fraud'], maxPenaltyMonths: 60 }, judicial: { arrestWarrant: true } })
  t.equal(national.status, 200, 'XK is a known nationality too')
  const unknown = await assess({ noticeType: 'red', requester: { country: 'XQ' } })
  t.equal(unknown.status, 400, 'other user-assigned-looking codes are still unknown')
})

t.test('notice types that seek no one for an offence need no offence', async (t) => {
  for (const noticeType of ['yellow', 'black', 'orange']) {
    const { status, body } = await assess({ noticeType, requester: { country: 'FR' } })
    t.equal(status, 200, noticeType)
    t.equal(body.verdict, 'likely-compliant', noticeType)
    t.same(body.missing, [], `${noticeType}: nothing missing`)
  }
  const redWithout = (await assess({ noticeType: 'red', requester: { country: 'FR' }, judicial: { arrestWarrant: true } })).body
  t.ok(redWithout.missing.some((m: { field: string }) => m.field === 'offence.categories'), 'a Red Notice asks what the person is wanted for')
})

t.test('a date in the future gets a warning', async (t) => {
  const { body } = await assess({ noticeType: 'yellow', requester: { country: 'FR' }, date: '2099-01-01' })
  t.equal(body.asOf, '2099-01-01')
  t.equal(body.warnings.length, 1)
  t.match(body.warnings[0], /future/)
  t.same((await assess({ noticeType: 'yellow', requester: { country: 'FR' }, date: '2020-01-01' })).body.warnings, [])
})

t.test('every finding carries directed precedents and what would change it', async (t) => {
  const { body } = await assess({ noticeType: 'red', requester: { country: 'IR' }, date: '2021-01-05', subject: { nationalities: ['US'], roles: ['head-of-state'] }, offence: { categories: ['murder', 'terrorism'], context: ['military-operation'] }, judicial: { arrestWarrant: true } })
  const political = body.findings.find((f: { ground: string }) => f.ground === 'article-3-political')
  t.equal(political.result, 'fails')
  t.ok(political.precedents.length > 0)
  for (const p of political.precedents) {
    t.ok(['supports', 'cuts-against'].includes(p.direction))
    t.type(p.outcome, 'string')
    t.ok(Array.isArray(p.shared))
  }
  t.ok(political.changes.length > 0)
  t.match(political.reason, /the United States/)
})
