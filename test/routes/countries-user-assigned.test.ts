// GET /v1/countries/XK: Kosovo's user-assigned code answers with its curated record (not ISO 3166-1, not a member, the
// reason and the reports), the way the assessment already knows it; the ISO list stays the ISO list.
import t from 'tap'
import { buildTestApp, json } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())

const get = async (url: string) => {
  const response = await app.inject(url)
  return { status: response.statusCode, body: json(response) }
}

t.test('/v1/countries/XK answers with the curated record, in any case', async (t) => {
  for (const code of ['XK', 'xk']) {
    const { status, body } = await get(`/v1/countries/${code}`)
    t.equal(status, 200, code)
    t.equal(body.iso2, 'XK')
    t.equal(body.name, 'Kosovo')
    t.equal(body.interpolMember, false)
    t.match(body.notes, /user-assigned code, not an ISO 3166-1 code/)
    t.match(body.notes, /20 November 2018/, 'the rejection of the application is the reason')
    t.ok(body.sources.length >= 1 && body.sources.every((s: { url: string }) => /^https:\/\//.test(s.url)), 'the reports are cited')
    t.equal(body.confidence, 'reported')
    t.ok(body.uncertainty, 'the mark the sources put on it is kept')
    const red = body.canRequest.find((c: { noticeType: string }) => c.noticeType === 'red')
    t.equal(red.allowed, 'no', 'a non-member may not request a Red Notice')
  }
})

t.test('the answer agrees with the assessment, which says who may not ask and why', async (t) => {
  const response = await app.inject({ method: 'POST', url: '/v1/assessments', payload: { noticeType: 'red', requester: { country: 'XK' }, date: '2024-01-01', offence: { categories: ['murder'], maxPenaltyMonths: 240 }, judicial: { arrestWarrant: true } } })
  const answer = json(response)
  t.equal(answer.verdict, 'cannot-request')
  const country = (await get('/v1/countries/XK?asOf=2024-01-01')).body
  t.equal(country.asOf, '2024-01-01')
  t.equal(country.interpolMember, false)
  t.match(answer.findings[0].reason, /Kosovo|XK/)
})

t.test('the list is the ISO 3166-1 list: XK is not in it, a filter of non-members included', async (t) => {
  const pages = async (query: string) => {
    const codes: string[] = []
    for (let offset = 0; offset < 400; offset += 100) {
      const { body } = await get(`/v1/countries?${query}limit=100&offset=${offset}`)
      codes.push(...body.data.map((c: { iso2: string }) => c.iso2))
      if (body.data.length < 100) break
    }
    return codes
  }
  const all = await pages('')
  t.equal(all.length, 249)
  t.notOk(all.includes('XK'))
  const nonMembers = await pages('member=false&')
  t.ok(nonMembers.length > 0)
  t.notOk(nonMembers.includes('XK'))
})

t.test('an unknown code is still a 404 problem', async (t) => {
  const { status, body } = await get('/v1/countries/QQ')
  t.equal(status, 404)
  t.equal(body.code, 'not-found')
})
