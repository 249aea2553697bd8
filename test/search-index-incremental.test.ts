// The search index is filled a chunk at a time after start-up (src/plugins/dataset.ts) so that a large dataset does
// not hold up the start; no answer may come from a partial index.
import t from 'tap'
import { buildSearchIndex, incrementalSearchIndex } from '../src/search/search-index.js'
import { buildTestApp, json, realDataset } from './helpers.js'

const dataset = realDataset()
const whole = buildSearchIndex(dataset)
const queries = ['red notice', 'article 3 political', 'soleimani', 'refugee', 'ccf', 'notic']

t.test('a search on a partly built index answers as the whole index does', async (t) => {
  for (const query of queries) {
    const partial = incrementalSearchIndex(dataset)
    t.equal(partial.step(3), true, 'records are left after the first step')
    t.same(partial.search(query), whole.search(query), `"${query}"`)
    t.equal(partial.step(3), false, 'the search completed the index')
  }
})

t.test('a page asked of a partly built index is the page of the whole answer', async (t) => {
  const partial = incrementalSearchIndex(dataset)
  partial.step(3)
  const page = partial.search('notice', undefined, { offset: 5, limit: 10 })
  const all = whole.search('notice')
  t.equal(page.total, all.total)
  t.same(page.hits, all.hits.slice(5, 15))
})

t.test('stepping through the index ends with the same answers', async (t) => {
  const partial = incrementalSearchIndex(dataset)
  let steps = 0
  while (partial.step(50)) steps++
  t.ok(steps > 0, `${steps + 1} steps`)
  partial.complete()
  for (const query of queries) t.same(partial.search(query), whole.search(query), `"${query}"`)
})

t.test('the app answers a search at once after start-up, from the whole index', async (t) => {
  const app = await buildTestApp()
  t.teardown(() => app.close())
  const response = await app.inject('/v1/search?q=wanted%20notice&limit=100')
  t.equal(response.statusCode, 200)
  const hits = json(response).data as Array<{ type: string; id: string }>
  t.same(hits.map((hit) => `${hit.type}/${hit.id}`), whole.search('wanted notice').hits.slice(0, 100).map((hit) => `${hit.type}/${hit.id}`))
})
