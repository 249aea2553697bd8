// Search ranking for the examples readers actually type.
import t from 'tap'
import { buildSearchIndex, normaliseTerm } from '../src/search/search-index.js'
import { buildTestApp, json, realDataset } from './helpers.js'

const index = buildSearchIndex(realDataset())
const top = (q: string, types?: Parameters<typeof index.search>[1]) => index.search(q, types).hits.map((hit) => `${hit.type}/${hit.id}`)

t.test('terms are folded: case, accents, plurals', async (t) => {
  t.equal(normaliseTerm('Notices'), 'notice')
  t.equal(normaliseTerm('Notificación'), 'notificacion')
  t.equal(normaliseTerm('the'), null)
  t.equal(normaliseTerm('ss'), 'ss')
})

t.test('"wanted notice" ranks the Red Notice first', async (t) => {
  t.equal(top('wanted notice')[0], 'notice-types/red')
  t.equal(top('WANTED NOTICES')[0], 'notice-types/red')
})

t.test('a name shared by a notice type and a glossary term: the notice type first, then the term', async (t) => {
  t.same(top('red notice').slice(0, 2), ['notice-types/red', 'terms/red-notice'])
  const scores = index.search('red notice').hits.map((hit) => hit.score)
  t.same(scores, [...scores].sort((a, b) => b - a), 'scores follow the order of the answer')
})

t.test('"soleimani" finds the Iranian requests', async (t) => {
  const hits = top('soleimani', ['cases'])
  t.same(hits.slice(0, 2).sort(), ['cases/iran-2020-us-officials', 'cases/iran-2021-us-officials'])
  t.ok(top('soleimani').slice(0, 3).includes('cases/iran-2021-us-officials'))
})

t.test('"CCF" finds the Commission first', async (t) => {
  t.equal(top('CCF')[0], 'terms/ccf')
})

t.test('small typos and accents still match', async (t) => {
  t.equal(top('diffussion')[0], 'notice-types/diffusion')
  t.ok(top('notificación roja').slice(0, 3).includes('notice-types/red'))
  t.ok(top('refugee').slice(0, 5).includes('grounds/refugee-status'))
})

t.test('/v1/search answers the list envelope with hrefs and filters by type', async (t) => {
  const app = await buildTestApp()
  t.teardown(() => app.close())
  const response = await app.inject('/v1/search?q=article%203')
  t.equal(response.statusCode, 200)
  const body = json(response)
  t.ok(body.total > 0)
  t.match(body.data[0].href, /^\/v1\/[a-z-]+\/[A-Za-z0-9-]+$/)
  const onlyGrounds = json(await app.inject('/v1/search?q=political&type=grounds'))
  t.ok(onlyGrounds.data.every((hit: { type: string }) => hit.type === 'grounds'))
  t.equal((await app.inject('/v1/search')).statusCode, 400, 'q is required')
  t.equal((await app.inject('/v1/search?q=x&type=planets')).statusCode, 400)
})
