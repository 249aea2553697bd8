// The CCF decision-excerpt corpus (data/cases/ccf-decisions.yaml): references, anonymity, what summaries may claim,
// and one mapping from the excerpts' tags to this dataset's grounds (issue 15, items 9 and 12). Then the same records
// through the API: filters, search and the assessment's precedents use them as soon as they are in data/.
import t from 'tap'
import type { FastifyInstance } from 'fastify'
import type { Case } from '../../schemas/index.js'
import { buildTestApp, realDataset } from '../helpers.js'

/**
 * Every CCF excerpt tag and the ground of this dataset it names (null: a procedural or descriptive tag that names no
 * ground). docs/data-sources.md ("The CCF decision-excerpt archive") sets out the same table and the reasons; a new
 * tag in the data fails the test until it is mapped here and there.
 */
export const TAG_GROUND: Readonly<Record<string, string | null>> = {
  'Political character': 'article-3-political',
  "Article 3 of INTERPOL's Constitution": 'article-3-political',
  "Article 2 of INTERPOL's Constitution": 'article-2-human-rights',
  "Article 2 of INTERPOL's Constitution (torture and mistreatments)": 'article-2-human-rights',
  "Article 2 of INTERPOL's Constitution (right to life)": 'article-2-human-rights',
  'Human rights': 'article-2-human-rights',
  'Due process': 'article-2-human-rights',
  'Due process / Fair hearing': 'article-2-human-rights',
  'Trial in absentia': 'article-2-human-rights',
  'Lawfulness / validity of proceedings': 'validity-of-proceedings',
  'Validity of proceedings': 'validity-of-proceedings',
  // RPD Art. 83 puts "family/private matters" and "private disputes" in two items; the CCF tags family cases
  // "Family matter" and uses "Private matter" beside commercial tags such as "Unfunded cheques" (Decision No. 2 (2018)).
  'Private matter': 'excluded-offence-private-dispute',
  'Unfunded cheques': 'excluded-offence-private-dispute',
  'Family matter': 'excluded-offence-family-private',
  'Description of criminal activities': 'insufficient-judicial-data',
  'Accuracy and quality of data': 'data-quality',
  'Purpose of the notice or data': 'purpose-of-notice',
  'Purpose of a Green Notice': 'purpose-of-notice',
  'Lack of action for extradition': 'purpose-of-notice',
  'International interest and seriousness': 'international-interest',
  'Ne bis in idem': 'ne-bis-in-idem',
  'Transfer of proceedings': 'transfer-of-proceedings',
  "Misuse of INTERPOL's channels": 'misuse-of-channels',
  Extradition: null,
  'Status of the person': null,
  'Article 35 of the Statute of the CCF – Access to files': null,
  'Reexamination (replaced by Article 42 of the CCF Statute)': null,
  'Cooperation of NCBs': null
}

/**
 * Every excerpt whose header the stored mirror shows (2017–2019, 2023–2025), plus CCF Decision No. 1 (2024), known from
 * a practitioner write-up. The issue asks for 120; the archive holds fewer readable excerpts (see docs/data-sources.md),
 * so this is the floor that keeps any of them from being dropped.
 */
const MIN_EXCERPTS = 34

const dataset = realDataset()
const excerpts: Case[] = dataset.cases.all.filter((c) => c.kind === 'ccf-decision')
const mapped = (c: Case) => new Set(c.tags.map((tag) => TAG_GROUND[tag]).filter((g): g is string => typeof g === 'string'))

t.test('the corpus: at least every readable excerpt, each under its own reference', async (t) => {
  t.ok(excerpts.length >= MIN_EXCERPTS, `${excerpts.length} CCF excerpts`)
  const seen = new Map<string, string>()
  for (const c of excerpts) {
    const match = /^CCF Decision No\. (\d+) \((\d{4})\)$/.exec(c.reference ?? '')
    t.ok(match, `${c.id}: reference "${c.reference}" has the CCF's form`)
    if (!match) continue
    t.equal(c.id, `ccf-${match[2]}-${match[1]}`, `${c.id} matches its reference`)
    t.ok(c.date.startsWith(match[2]), `${c.id}: date ${c.date} is in the reference's year`)
    t.notOk(seen.has(c.reference!), `${c.reference} only once (also ${seen.get(c.reference!)})`)
    seen.set(c.reference!, c.id)
    t.equal(c.decidedBy, 'ccf', `${c.id} decided by the CCF`)
    t.ok(['compliant', 'compliant-with-update', 'not-compliant'].includes(c.outcome), `${c.id}: outcome ${c.outcome}`)
  }
})

t.test('anonymised: no subject names, no names in the texts', async (t) => {
  const honorific = /\b(Mr|Mrs|Ms|Miss|Dr)\.? [A-Z]/
  for (const c of excerpts) {
    t.equal(c.subject.kind, 'anonymised', `${c.id} is anonymised`)
    t.equal(c.subject.name, undefined, `${c.id} has no subject name`)
    t.equal(c.requester, undefined, `${c.id} names no requesting country`)
    const texts = [c.title, c.summary, c.shortSummary ?? '', c.uncertainty ?? '', ...c.aliases, ...c.dates.map((d) => d.event)]
    for (const text of texts) t.notMatch(text, honorific, `${c.id}: no named person in "${text.slice(0, 60)}…"`)
  }
})

t.test('summaries state outcomes and issues, not tags as holdings (issue 15, item 9)', async (t) => {
  // "deleted on Article 2 grounds", "found non-compliant for political character": a tag presented as the reason.
  const groundAsHolding = /\b(deleted|removed|not compliant|non-compliant)\b[^.]*\b(on|for|because of|under)\b[^.]*\bgrounds?\b/i
  for (const c of excerpts) {
    t.notMatch(c.summary, groundAsHolding, `${c.id}: summary does not give a tag as the reason`)
    if (c.outcome === 'not-compliant') continue
    for (const text of [c.summary, c.shortSummary ?? '']) {
      t.notMatch(text, /\b(deleted|deleting|non-compliant|not compliant)\b/i, `${c.id} (${c.outcome}) says nothing was deleted`)
    }
  }
  // The issue's own example: tagged "Private matter", and the notice was kept.
  const cheques = excerpts.find((c) => c.id === 'ccf-2018-2')
  t.equal(cheques?.outcome, 'compliant')
  t.ok(cheques?.tags.includes('Private matter'))
})

t.test('one tag, one ground: the mapping covers every tag and every header-only ground (issue 15, item 12)', async (t) => {
  const groundIds = new Set(dataset.grounds.all.map((g) => g.id))
  for (const ground of Object.values(TAG_GROUND)) if (ground) t.ok(groundIds.has(ground), `${ground} is a ground`)
  for (const c of excerpts) {
    for (const tag of c.tags) t.ok(tag in TAG_GROUND, `${c.id}: tag "${tag}" is mapped`)
    if (c.groundsStated) continue
    // Without the findings, a ground can only come from a tag: never one the excerpt does not name.
    const fromTags = mapped(c)
    for (const ground of c.grounds) t.ok(fromTags.has(ground), `${c.id}: ${ground} comes from one of its tags`)
    // A finding of non-compliance with several issues does not say which one decided it.
    if (c.outcome === 'not-compliant') t.ok(c.grounds.length <= 1, `${c.id}: no guessed holding among ${[...fromTags].join(', ')}`)
  }
  // "Private matter" means the same ground in the CCF records and in the grounds' own aliases.
  const privateMatter = TAG_GROUND['Private matter']
  const aliased = dataset.grounds.all.filter((g) => g.aliases.some((a) => a.toLowerCase() === 'private matter')).map((g) => g.id)
  t.same(aliased, [privateMatter], 'only the mapped ground has the alias "private matter"')
  for (const c of excerpts.filter((e) => e.tags.includes('Private matter') && !e.tags.includes('Family matter'))) {
    t.notOk(c.grounds.includes('excluded-offence-family-private'), `${c.id}: Private matter is not the family ground`)
  }
})

t.test('every excerpt has a one-line summary and editorial French, Spanish and Arabic', async (t) => {
  for (const c of excerpts) {
    const short = c.shortSummary ?? ''
    t.ok(short.length > 0 && short.length <= 240, `${c.id}: one-line summary of ${short.length} characters`)
    t.equal(short.split(/(?<=[.!?])\s+(?=[A-Z])/).length, 1, `${c.id}: one sentence`)
    for (const lang of ['fr', 'es', 'ar'] as const) {
      const tr = c.translations?.[lang]
      t.equal(tr?.name?.translation, 'editorial', `${c.id} ${lang}: name is an editorial translation`)
      t.equal(tr?.summary?.translation, 'editorial', `${c.id} ${lang}: summary is an editorial translation`)
      t.not(tr?.name?.text, c.title, `${c.id} ${lang}: name is translated`)
      t.not(tr?.summary?.text, short, `${c.id} ${lang}: summary is translated`)
      if (lang === 'ar') t.match(`${tr?.name?.text} ${tr?.summary?.text}`, /^[^a-z]*[\u0600-\u06FF]/i, `${c.id}: Arabic script`)
    }
  }
})

t.test('sources: excerpts read in the mirror cite its page; confirmed only from it', async (t) => {
  for (const c of excerpts) {
    const mirror = c.sources.find((s) => /^https:\/\/europeancourt\.org\/en\/wp-json\/wp\/v2\/pages\/\d+$/.test(s.url ?? ''))
    if (c.confidence === 'confirmed') {
      t.ok(mirror, `${c.id}: confirmed from the mirrored excerpt`)
      t.equal(mirror?.kind, 'primary')
      t.match(mirror?.publisher, /mirror of CCF decision excerpts/)
    } else {
      t.ok(c.uncertainty, `${c.id}: says why it is ${c.confidence}`)
    }
  }
  const urls = excerpts.flatMap((c) => c.sources.filter((s) => s.kind === 'primary').map((s) => s.url))
  t.equal(new Set(urls).size, urls.length, 'no two excerpts cite the same page')
})

t.test('through the API: filters, search and precedents find the excerpts', async (t) => {
  const app: FastifyInstance = await buildTestApp()
  t.teardown(() => app.close())
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.statusCode, 200, url)
    return response.json() as { total: number; data: Array<Case & { type?: string }> }
  }
  const ids = (page: { data: Array<{ id: string }> }) => page.data.map((c) => c.id)
  const expected = (test: (c: Case) => boolean) => excerpts.filter(test).map((c) => c.id).sort()

  const all = await get('/v1/cases?kind=ccf-decision&limit=100')
  t.equal(all.total, excerpts.length, 'every excerpt is listed')

  const privateDispute = await get('/v1/cases?kind=ccf-decision&ground=excluded-offence-private-dispute&limit=100')
  t.same(ids(privateDispute).sort(), expected((c) => c.grounds.includes('excluded-offence-private-dispute')))
  t.ok(ids(privateDispute).includes('ccf-2018-2'), 'the unfunded-cheque excerpt')
  t.notOk(ids(privateDispute).includes('ccf-2018-9'), 'a family-matter excerpt is not a private dispute')

  const diffusions = await get('/v1/cases?kind=ccf-decision&noticeType=diffusion&outcome=not-compliant&limit=100')
  t.same(ids(diffusions).sort(), expected((c) => c.noticeTypes.includes('diffusion') && c.outcome === 'not-compliant'))
  t.ok(ids(diffusions).includes('ccf-2023-3'))

  const kept2018 = await get('/v1/cases?kind=ccf-decision&year=2018&outcome=compliant&limit=100')
  t.same(ids(kept2018).sort(), expected((c) => c.date.startsWith('2018') && c.outcome === 'compliant'))
  t.ok(ids(kept2018).includes('ccf-2018-5'))

  const sltd = await get('/v1/search?q=SLTD&type=cases&limit=50')
  t.ok(ids(sltd).includes('ccf-2019-4'), `search "SLTD" finds the 2019 travel-document excerpt: ${ids(sltd).join(', ')}`)
  const reference = await get(`/v1/search?q=${encodeURIComponent('CCF Decision No. 2 (2018)')}&type=cases&limit=5`)
  t.equal(ids(reference)[0], 'ccf-2018-2', 'a reference finds its excerpt first')

  const assessment = await app.inject({
    method: 'POST',
    url: '/v1/assessments',
    payload: { noticeType: 'red', requester: { country: 'FR' }, offence: { categories: ['family-dispute'], context: ['family-matter'], maxPenaltyMonths: 36 }, judicial: { arrestWarrant: true } }
  })
  t.equal(assessment.statusCode, 200)
  const finding = (assessment.json() as { findings: Array<{ ground: string; precedents: Array<string | { case?: string; id?: string }> }> })
    .findings.find((f) => f.ground === 'excluded-offence-family-private')
  const precedentIds = (finding?.precedents ?? []).map((p) => (typeof p === 'string' ? p : p.case ?? p.id))
  t.ok(precedentIds.includes('ccf-2018-9'), `family-matter precedents include the Yellow Notice excerpt: ${precedentIds.join(', ')}`)
})
