// Provisions checked against the primary texts: each notice type cites its own article, the articles the 2026
// fact-check corrected answer as corrected, and the integrity rules that stop the same mistakes coming back.
import t from 'tap'
import { buildTestApp, json, realDataset, dataProblemsAfter } from '../helpers.js'

// The article that defines each notice type, as the sources give the order of RPD Arts. 88-96 (see the records'
// `uncertainty`), plus the records that stand in for an article where the type has its own instrument.
const OWN_ARTICLE: Record<string, string> = {
  red: 'rpd-82',
  blue: 'rpd-88',
  green: 'rpd-89',
  yellow: 'rpd-90',
  black: 'rpd-91',
  purple: 'rpd-92',
  orange: 'rpd-93',
  'stolen-works-of-art': 'rpd-94',
  'un-special-notice': 'rpd-95',
  diffusion: 'rpd-97',
  silver: 'silver-notice-pilot-2023'
}

t.test('every notice type names its own article, and that article applies to it', async (t) => {
  const { noticeTypes, provisions } = realDataset()
  t.same(noticeTypes.all.map((n) => n.id).sort(), Object.keys(OWN_ARTICLE).sort(), 'one expected article per notice type')
  for (const noticeType of noticeTypes.all) {
    const own = OWN_ARTICLE[noticeType.id]!
    t.ok(noticeType.provisions.includes(own), `${noticeType.id} cites ${own}`)
    t.ok(provisions.byId.get(own)?.appliesTo.includes(noticeType.id), `${own} applies to ${noticeType.id}`)
  }
})

t.test('Purple is RPD Art. 92 and Orange Art. 93, over HTTP', async (t) => {
  const app = await buildTestApp()
  t.teardown(() => app.close())
  const purple = json(await app.inject('/v1/provisions/rpd-92'))
  const orange = json(await app.inject('/v1/provisions/rpd-93'))
  t.same(purple.appliesTo, ['purple'])
  t.match(purple.title, /^Purple Notices/)
  t.same(orange.appliesTo, ['orange'])
  t.match(orange.title, /^Orange Notices/)
  const byType = json(await app.inject('/v1/provisions?noticeType=orange&instrument=rpd&limit=100'))
  const ids = byType.data.map((p: { id: string }) => p.id)
  t.ok(ids.includes('rpd-93'), 'the Orange Notice is governed by Art. 93')
  t.notOk(ids.includes('rpd-92'), 'and not by the Purple Notice article')
})

t.test('Constitution Art. 32 says only what the article says; the NCB duties sit in the RPD', async (t) => {
  const { provisions, grounds } = realDataset()
  const art32 = provisions.byId.get('constitution-32')!
  t.notMatch(art32.summary, /accuracy|lawfulness|only channel/, 'no data-quality duty attributed to Art. 32')
  t.match(art32.summary, /liaises/)
  const rpd19 = provisions.byId.get('rpd-19')!
  t.equal(rpd19.instrument, 'rpd')
  t.match(rpd19.summary, /accuracy and lawfulness/)
  t.ok(grounds.byId.get('requester-eligibility')?.provisions.includes('rpd-19'), 'the eligibility ground cites the RPD chapter')
})

t.test('the excluded-offence grounds each cite their own exclusion', async (t) => {
  const { grounds, provisions } = realDataset()
  const pairs = {
    'excluded-offence-cultural-norms': 'rpd-83-cultural-norms',
    'excluded-offence-family-private': 'rpd-83-family-private',
    'excluded-offence-private-dispute': 'rpd-83-private-dispute'
  }
  for (const [ground, provision] of Object.entries(pairs)) {
    t.equal(grounds.byId.get(ground)?.provisions[0], provision, `${ground} rests first on ${provision}`)
    t.equal(provisions.byId.get(provision)?.kind, 'exclusion')
  }
})

t.test('confirmed provisions were read in a primary text, and say where', async (t) => {
  const confirmed = realDataset().provisions.all.filter((p) => p.confidence === 'confirmed')
  t.ok(confirmed.length > 0)
  for (const provision of confirmed) {
    t.ok(provision.sources.some((s) => s.kind === 'primary' && s.locator), `${provision.id} has a primary source with a locator`)
  }
})

type Mutation = (records: any) => void // eslint-disable-line @typescript-eslint/no-explicit-any
const byId = (records: Array<{ id: string }>, id: string) => records.find((r) => r.id === id) as any // eslint-disable-line @typescript-eslint/no-explicit-any


const fixtures: Array<{ rule: string; file: string; mutate: Mutation; record: string; field: string; message: RegExp }> = [
  {
    rule: 'a confirmed provision without a primary source',
    file: 'provisions.yaml',
    mutate: (r) => { const p = byId(r, 'rpd-83'); p.confidence = 'confirmed' },
    record: 'rpd-83', field: 'sources', message: /primary source with a locator/
  },
  {
    rule: 'a confirmed provision whose primary source has no locator',
    file: 'provisions.yaml',
    mutate: (r) => { for (const source of byId(r, 'constitution-4').sources) delete source.locator },
    record: 'constitution-4', field: 'sources', message: /locator/
  },
  {
    rule: 'an id naming one article while the record holds another',
    file: 'provisions.yaml',
    mutate: (r) => { byId(r, 'rpd-93').article = '92' },
    record: 'rpd-93', field: 'article', message: /names Art\. 93/
  },
  {
    rule: 'a notice type citing the article of another notice type',
    file: 'notice-types.yaml',
    mutate: (r) => { const orange = byId(r, 'orange'); orange.provisions = orange.provisions.map((id: string) => id === 'rpd-93' ? 'rpd-92' : id) },
    record: 'orange', field: 'provisions', message: /applies to purple, not to orange/
  }
]

for (const fixture of fixtures) {
  t.test(`start-up fails on ${fixture.rule}`, async (t) => {
    const problems = dataProblemsAfter(fixture.file, fixture.mutate)
    const match = problems.find((p) => p.file === fixture.file && p.record === fixture.record &&
      p.field.startsWith(fixture.field) && fixture.message.test(p.message))
    t.ok(match, `a problem names ${fixture.file}, ${fixture.record}, ${fixture.field}: ${JSON.stringify(problems.slice(0, 3))}`)
  })
}

t.test('the article rule accepts sub-paragraphs and spans of the same article', async (t) => {
  const problems = dataProblemsAfter('provisions.yaml', (r) => {
    byId(r, 'rpd-83-1-a').article = '83(1)(a)(i)'
    byId(r, 'rpd-97').article = '97-101'
  })
  t.same(problems.filter((p) => p.field === 'article'), [])
})
