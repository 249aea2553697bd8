// The reference dataset through HTTP: counts, filters, asOf, cross-references and the examples the issue names.
import t from 'tap'
import { buildTestApp, json } from '../helpers.js'

const app = await buildTestApp()
t.teardown(() => app.close())

const get = async (url: string) => {
  const response = await app.inject(url)
  return { status: response.statusCode, body: json(response), headers: response.headers }
}
const ids = (body: { data: Array<{ id?: string; iso2?: string }> }) => body.data.map((r) => r.id ?? r.iso2)

t.test('/v1/meta counts what the dataset promises', async (t) => {
  const { counts } = (await get('/v1/meta')).body
  t.ok(counts.provisions >= 30, `${counts.provisions} provisions`)
  t.ok(counts.grounds >= 12, `${counts.grounds} grounds`)
  t.ok(counts.cases >= 50, `${counts.cases} cases`)
  t.ok(counts.terms >= 40, `${counts.terms} terms`)
  t.ok(counts.instruments >= 6, `${counts.instruments} instruments`)
  t.ok(counts['requesting-entities'] >= 3)
  t.equal(counts.countries, 249, 'every ISO 3166-1 country')
  t.equal(counts['member-countries'], 196)
})

t.test('cases: both Iranian requests under Article 3, first in the list', async (t) => {
  const { body } = await get('/v1/cases?requester=IR&ground=article-3-political')
  t.same(ids(body).slice(0, 2), ['iran-2020-us-officials', 'iran-2021-us-officials'])
  const lower = await get('/v1/cases?requester=ir')
  t.ok(ids(lower.body).includes('iran-2021-us-officials'), 'country codes in any case')
  const all = await get('/v1/cases?limit=2')
  t.same(ids(all.body), ['iran-2020-us-officials', 'iran-2021-us-officials'])
})

t.test('cases: filters by outcome, decidedBy, kind, noticeType and year', async (t) => {
  const ccf = (await get('/v1/cases?decidedBy=ccf&limit=100')).body
  t.ok(ccf.total >= 30, `${ccf.total} CCF decisions`)
  t.ok(ccf.data.every((c: { decidedBy: string }) => c.decidedBy === 'ccf'))
  const excerpts = (await get('/v1/cases?kind=ccf-decision&limit=100')).body
  t.ok(excerpts.data.every((c: { reference?: string }) => /^CCF Decision No\. \d+ \(\d{4}\)$/.test(c.reference ?? '')), 'CCF decisions keep their references')
  const notConsidered = (await get('/v1/cases?outcome=not-considered')).body
  t.ok(ids(notConsidered).includes('iran-2020-us-officials'))
  const in2021 = (await get('/v1/cases?year=2021&limit=100')).body
  t.ok(in2021.data.every((c: { date: string }) => c.date.startsWith('2021')))
  t.ok(ids(in2021).includes('iran-2021-us-officials'))
  const diffusions = (await get('/v1/cases?noticeType=diffusion&limit=100')).body
  t.ok(diffusions.total > 0 && diffusions.data.every((c: { noticeTypes: string[] }) => c.noticeTypes.includes('diffusion')))
  t.ok((await get('/v1/cases?kind=public-case&limit=100')).body.total >= 20)
})

t.test('every case cross-reference resolves over HTTP', async (t) => {
  const all = (await get('/v1/cases?limit=100')).body
  const grounds = new Set(ids((await get('/v1/grounds?limit=100')).body))
  for (const c of all.data) {
    for (const ground of c.grounds) t.ok(grounds.has(ground), `${c.id} → ${ground}`)
    t.ok(c.sources.length >= 1, `${c.id} has a source`)
  }
})

t.test('grounds: Article 3 shows its provisions, test and the cases that applied it', async (t) => {
  const { status, body } = await get('/v1/grounds/article-3-political')
  t.equal(status, 200)
  t.ok(body.provisions.includes('constitution-3'))
  t.match(body.test, /predominan/i)
  t.ok(body.cases.includes('iran-2020-us-officials') && body.cases.includes('iran-2021-us-officials'))
  const neutrality = (await get('/v1/grounds?family=neutrality')).body
  t.same(ids(neutrality).sort(), ['article-3-military', 'article-3-political', 'article-3-racial', 'article-3-religious'])
  t.ok((await get('/v1/grounds?limit=100')).body.total >= 12)
  const typo = await get('/v1/grounds/article-3-politcal')
  t.equal(typo.status, 404)
  t.equal(typo.body.suggestions[0], 'article-3-political')
})

t.test('provisions: filters and asOf', async (t) => {
  const constitution = (await get('/v1/provisions?instrument=constitution&limit=100')).body
  for (const id of ['constitution-2', 'constitution-3', 'constitution-4', 'constitution-5', 'constitution-31', 'constitution-32', 'constitution-33', 'constitution-36']) {
    t.ok(ids(constitution).includes(id), id)
  }
  const blue = ids((await get('/v1/provisions?noticeType=blue&limit=100')).body)
  t.ok(blue.includes('rpd-88'))
  const in2013 = ids((await get('/v1/provisions?asOf=2013-06-01&limit=100')).body)
  t.notOk(in2013.includes('refugee-policy-2015-rule'), 'no refugee policy in 2013')
  t.notOk(in2013.includes('refugee-resolution-2017-deletion'))
  t.ok(in2013.includes('constitution-3'))
  const in2018 = ids((await get('/v1/provisions?asOf=2018-06-01&limit=100')).body)
  t.ok(in2018.includes('refugee-resolution-2017-deletion'))
  const inferred = (await get('/v1/provisions/rpd-91')).body
  t.equal(inferred.confidence, 'inferred', 'an article number known only from the sequence says so')
})

t.test('countries: membership, restrictions and canRequest, as of a day', async (t) => {
  const russia = (await get('/v1/countries/RU')).body
  t.equal(russia.interpolMember, true)
  t.equal(russia.restrictions[0].since, '2022-03-10')
  t.ok(russia.canRequest.some((c: { noticeType: string; allowed: string }) => c.noticeType === 'diffusion' && c.allowed === 'conditional'))
  const russia2021 = (await get('/v1/countries/RU?asOf=2021-06-01')).body
  t.same(russia2021.restrictions, [], 'Russia unrestricted in 2021')
  t.equal(russia2021.restrictionHistory.length, russia.restrictionHistory.length)
  const northKorea = (await get('/v1/countries/kp')).body
  t.equal(northKorea.iso2, 'KP', 'codes in any case, answered upper-case')
  t.equal(northKorea.interpolMember, false)
  t.ok(northKorea.canRequest.length > 0)
  t.ok(northKorea.canRequest.every((c: { allowed: string }) => c.allowed === 'no'), 'a non-member cannot request')
  const palau2022 = (await get('/v1/countries/PW?asOf=2022-06-01')).body
  t.equal(palau2022.interpolMember, false, 'Palau not a member in 2022')
  t.equal((await get('/v1/countries/PW')).body.interpolMember, true)
  const syria = (await get('/v1/countries/SY?asOf=2015-01-01')).body
  t.equal(syria.restrictions.length, 1, 'Syria under corrective measures in 2015')
  t.equal((await get('/v1/countries/SY?asOf=2022-01-01')).body.restrictions.length, 0)
  const members = (await get('/v1/countries?member=true&limit=1')).body
  t.equal(members.total, 196)
  const restricted = ids((await get('/v1/countries?restricted=true&limit=100')).body)
  t.ok(restricted.includes('RU'))
  const restricted2015 = ids((await get('/v1/countries?restricted=true&asOf=2015-01-01&limit=100')).body)
  t.ok(restricted2015.includes('SY'))
  t.notOk(restricted2015.includes('RU'))
  t.equal((await get('/v1/countries/XX')).status, 404)
  t.equal((await get('/v1/countries/USA')).status, 400)
})

t.test('requesting entities and instruments', async (t) => {
  const un = ids((await get('/v1/requesting-entities?noticeType=un-special-notice')).body)
  t.same(un, ['unsc-sanctions-committees'])
  t.equal((await get('/v1/requesting-entities/icc')).status, 200)
  const instruments = ids((await get('/v1/instruments?limit=100')).body)
  for (const id of ['constitution', 'rpd', 'ccf-statute', 'ga-2017-refugee-resolution', 'unsc-1617']) t.ok(instruments.includes(id), id)
  const rules = ids((await get('/v1/instruments?kind=rules')).body)
  t.ok(rules.includes('rpd'))
})

t.test('terms: at least 40, with aliases', async (t) => {
  const terms = (await get('/v1/terms?limit=100')).body
  t.ok(terms.total >= 40)
  t.ok(terms.data.every((term: { aliases: string[] }) => Array.isArray(term.aliases)))
  t.equal((await get('/v1/terms/red-notice')).status, 200)
})

t.test('pagination edges on every list', async (t) => {
  for (const resource of ['notice-types', 'instruments', 'provisions', 'grounds', 'countries', 'requesting-entities', 'cases', 'terms']) {
    t.equal((await get(`/v1/${resource}?limit=0`)).status, 400, `${resource} limit=0`)
    t.equal((await get(`/v1/${resource}?limit=101`)).status, 400, `${resource} limit=101`)
    const past = await get(`/v1/${resource}?offset=100000`)
    t.equal(past.status, 200)
    t.same(past.body.data, [])
    t.equal((await get(`/v1/${resource}?nope=1`)).status, 400, `${resource} unknown parameter`)
  }
})
