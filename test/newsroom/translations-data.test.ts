// The translations and the freshness of the dataset (issue 11): every record people read by name carries French,
// Spanish and Arabic, an `official` text names its source, /v1/meta counts recent reviews, and validate:data says
// how many records are translated and which are due for review.
import t from 'tap'
import { execFile } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse, stringify } from 'yaml'
import { freshness, languageCoverage, monthsBefore } from '../../src/data/stats.js'
import { TRANSLATIONS_REQUIRED_FOR_CCF_EXCERPTS } from '../../src/data/integrity.js'
import { buildTestApp, copyOfData, json, realDataset, dataProblemsAfter } from '../helpers.js'

const run = promisify(execFile)

const byId = (records: Array<Record<string, any>>, id: string) => records.find((record) => record.id === id)! // eslint-disable-line @typescript-eslint/no-explicit-any

t.test('every notice type, ground, term, requesting entity and public case has French, Spanish and Arabic', async (t) => {
  const dataset = realDataset()
  const coverage = languageCoverage(dataset)
  for (const row of coverage) {
    if (row.resource === 'cases') continue
    t.equal(row.complete, row.records, `${row.resource} ${row.lang}: ${row.complete}/${row.records}`)
  }
  const publicCases = dataset.cases.all.filter((c) => c.kind === 'public-case')
  for (const lang of ['fr', 'es', 'ar'] as const) {
    t.same(publicCases.filter((c) => !c.translations?.[lang]?.name || !c.translations[lang].summary).map((c) => c.id), [], `public cases in ${lang}`)
  }
  const official = coverage.reduce((sum, row) => sum + row.official, 0)
  t.ok(official > 0, `${official} texts are INTERPOL's own wording`)
  const englishSummaries = [...dataset.grounds.all, ...dataset.requestingEntities.all, ...publicCases].filter((r) => !r.shortSummary).map((r) => r.id)
  t.same(englishSummaries, [], 'every translated summary has the English one-liner it translates')
})

t.test('integrity: a missing translation and an official text without a source stop the start', async (t) => {
  const missing = dataProblemsAfter('notice-types.yaml', (r) => { delete byId(r, 'red').translations.es.summary })
  t.match(missing, [{ record: 'red', field: 'translations.es.summary', message: /required/ }])
  const noSource = dataProblemsAfter('grounds.yaml', (r) => { byId(r, 'article-3-political').translations.fr.name.translation = 'official' })
  t.match(noSource, [{ record: 'article-3-political', field: 'translations.fr.name.source', message: /source/ }])
  const entity = dataProblemsAfter('requesting-entities.yaml', (r) => { delete byId(r, 'icc').translations })
  t.equal(entity.filter((p) => p.record === 'icc').length, 6, 'three languages, a name and a summary each')
  const publicCase = dataProblemsAfter('cases/public.yaml', (r) => { delete byId(r, 'iran-2021-us-officials').translations.ar })
  t.equal(publicCase.length, 2)
  const ccf = dataProblemsAfter('cases/ccf-decisions.yaml', (r) => { delete r[0]!.translations })
  t.equal(ccf.length > 0, TRANSLATIONS_REQUIRED_FOR_CCF_EXCERPTS, `CCF excerpts ${TRANSLATIONS_REQUIRED_FOR_CCF_EXCERPTS ? 'must' : 'need not'} carry translations`)
})

t.test('monthsBefore counts calendar months and clamps to the end of a short month', async (t) => {
  t.equal(monthsBefore('2026-12-02', 12), '2025-12-02')
  t.equal(monthsBefore('2026-12-02', 24), '2024-12-02')
  t.equal(monthsBefore('2024-03-31', 1), '2024-02-29')
  t.equal(monthsBefore('2026-01-15', 13), '2024-12-15')
})

t.test('freshness: reviewed in the last 12 months per resource, and records not reviewed for 24 months', async (t) => {
  const dataset = realDataset()
  const now = freshness(dataset, '2026-12-02')
  const expected = dataset.grounds.all.filter((g) => g.reviewed > '2025-12-02' && g.reviewed <= '2026-12-02').length
  t.equal(now.reviewedLast12Months.grounds, expected)
  const later = freshness(dataset, '2030-01-01')
  t.equal(later.reviewedLast12Months.grounds, 0, 'nothing reviewed in 2029')
  t.ok(later.stale.some((record) => record.resource === 'grounds' && record.id === 'article-3-political'), 'every record is stale by 2030')
  t.same(freshness(dataset, '2026-01-01').stale.filter((r) => r.reviewed > '2024-01-01'), [], 'only records reviewed 24 months ago or more are stale')
})

t.test('/v1/meta reports the records reviewed in the last 12 months per resource', async (t) => {
  const app = await buildTestApp()
  t.teardown(() => app.close())
  const meta = json(await app.inject('/v1/meta'))
  const expected = freshness(app.dataset, new Date().toISOString().slice(0, 10)).reviewedLast12Months
  t.same(meta.reviewedLast12Months, expected)
  for (const resource of ['notice-types', 'grounds', 'terms', 'cases', 'requesting-entities', 'provisions', 'instruments']) {
    t.ok(meta.reviewedLast12Months[resource] <= meta.counts[resource], `${resource}: at most every record`)
  }
})

t.test('npm run validate:data prints counts by confidence and by language, and warns on records due for review', async (t) => {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/validate-data.ts'], { cwd: join(import.meta.dirname, '../..') })
  t.match(stdout, /confidence: \d+ confirmed, \d+ reported, \d+ inferred/)
  for (const lang of ['fr', 'es', 'ar']) t.match(stdout, new RegExp(`${lang}: notice-types \\d+/\\d+, grounds \\d+/\\d+, terms \\d+/\\d+, requesting-entities \\d+/\\d+, cases \\d+/\\d+; \\d+ official, \\d+ editorial`))
  t.match(stdout, /reviewed in the last 12 months: notice-types \d+/)

  const dir = copyOfData()
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'grounds.yaml')
  const records = parse(readFileSync(path, 'utf8'))
  records[0].reviewed = '2020-01-15'
  writeFileSync(path, stringify(records))
  const stale = await run(process.execPath, ['--import', 'tsx', 'src/cli/validate-data.ts', dir], { cwd: join(import.meta.dirname, '../..') })
  t.match(stale.stderr, new RegExp(`warning: grounds/${records[0].id} was last reviewed on 2020-01-15, 24 months or more ago`))
  t.match(stale.stderr, /warning: 1 records not reviewed for 24 months/)
})
