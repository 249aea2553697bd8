// The loader against broken copies of the real dataset: one fixture per integrity rule, each naming the file,
// the record and the field that is wrong.
import t from 'tap'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatasetError, loadDataset, type DataProblem } from '../../src/data/load-dataset.js'
import { defaultDataDir } from '../../src/paths.js'
import { copyOfData, dataProblemsAfter } from '../helpers.js'

t.test('the bundled dataset is valid and complete', async (t) => {
  const { dataset, files } = loadDataset(defaultDataDir)
  t.ok(files.length >= 9)
  t.ok(dataset.noticeTypes.all.length >= 10)
  t.match(dataset.version, /^[0-9a-f]{16}$/)
  t.equal(dataset.countries.all.filter((c) => c.interpolMember).length, 196)
})

type Mutation = (records: any) => void // eslint-disable-line @typescript-eslint/no-explicit-any


const byId = (records: Array<{ id: string }>, id: string) => {
  const record = records.find((r) => r.id === id)
  if (!record) throw new Error(`no record ${id}`)
  return record as any // eslint-disable-line @typescript-eslint/no-explicit-any
}
const first = (records: any[]) => records[0] // eslint-disable-line @typescript-eslint/no-explicit-any

const fixtures: Array<{ rule: string; file: string; mutate: Mutation; expect: Partial<Omit<DataProblem, 'message'>> & { message?: RegExp | string } }> = [
  { rule: 'a required field is missing', file: 'notice-types.yaml', mutate: (r) => { delete byId(r, 'red').purpose }, expect: { record: 'red', field: 'purpose', message: /required/ } },
  { rule: 'an unknown field', file: 'notice-types.yaml', mutate: (r) => { byId(r, 'red').warrant = true }, expect: { record: 'red', field: 'warrant', message: /not a known field/ } },
  { rule: 'a value outside its enum', file: 'notice-types.yaml', mutate: (r) => { byId(r, 'blue').kind = 'warrant' }, expect: { record: 'blue', field: 'kind' } },
  { rule: 'an id that is not a slug', file: 'terms.yaml', mutate: (r) => { first(r).id = 'Red Notice' }, expect: { field: 'id', message: /pattern/ } },
  { rule: 'a duplicate id', file: 'provisions.yaml', mutate: (r) => { r.push({ ...r[0] }) }, expect: { field: 'id', message: /duplicate id/ } },
  { rule: 'a notice type citing an unknown provision', file: 'notice-types.yaml', mutate: (r) => { byId(r, 'red').provisions.push('rpd-999') }, expect: { record: 'red', message: /"rpd-999" is not a known provision id/ } },
  { rule: 'a notice type related to an unknown type', file: 'notice-types.yaml', mutate: (r) => { byId(r, 'red').related = ['magenta'] }, expect: { record: 'red', field: 'related[0]' } },
  { rule: 'a provision in an unknown instrument', file: 'provisions.yaml', mutate: (r) => { byId(r, 'constitution-3').instrument = 'magna-carta' }, expect: { record: 'constitution-3', field: 'instrument' } },
  { rule: 'a ground citing an unknown provision', file: 'grounds.yaml', mutate: (r) => { byId(r, 'article-3-political').provisions = ['constitution-99'] }, expect: { record: 'article-3-political', field: 'provisions[0]' } },
  { rule: 'a case citing an unknown ground', file: 'cases/public.yaml', mutate: (r) => { byId(r, 'iran-2021-us-officials').grounds = ['article-33'] }, expect: { file: 'cases/public.yaml', record: 'iran-2021-us-officials', field: 'grounds[0]' } },
  { rule: 'a case requested by an unknown country code', file: 'cases/public.yaml', mutate: (r) => { byId(r, 'iran-2020-us-officials').requester = { country: 'QQ' } }, expect: { record: 'iran-2020-us-officials', field: 'requester.country' } },
  { rule: 'a case requested by an unknown entity', file: 'cases/public.yaml', mutate: (r) => { byId(r, 'iran-2020-us-officials').requester = { entity: 'galactic-court' } }, expect: { record: 'iran-2020-us-officials', field: 'requester.entity' } },
  { rule: 'a case naming an unknown notice type', file: 'cases/ccf-decisions.yaml', mutate: (r) => { first(r).noticeTypes = ['magenta'] }, expect: { file: 'cases/ccf-decisions.yaml', field: 'noticeTypes[0]' } },
  { rule: 'an anonymised subject with a name', file: 'cases/ccf-decisions.yaml', mutate: (r) => { first(r).subject = { kind: 'anonymised', name: 'Someone' } }, expect: { field: 'subject.name' } },
  { rule: 'a requesting entity that may request an unknown type', file: 'requesting-entities.yaml', mutate: (r) => { byId(r, 'icc').mayRequest = ['magenta'] }, expect: { record: 'icc', field: 'mayRequest[0]' } },
  { rule: 'a term seeing an unknown record', file: 'terms.yaml', mutate: (r) => { byId(r, 'red-notice').seeAlso = ['grounds/article-99'] }, expect: { record: 'red-notice', field: 'seeAlso[0]' } },
  { rule: 'a date that is not a real calendar date', file: 'cases/public.yaml', mutate: (r) => { byId(r, 'iran-2021-us-officials').date = '2021-02-30' }, expect: { record: 'iran-2021-us-officials', field: 'date', message: /not a real date/ } },
  { rule: 'a date inside a list in a record that is not a real date', file: 'cases/public.yaml', mutate: (r) => { byId(r, 'iran-2021-us-officials').dates[1].date = '2021-02-30' }, expect: { record: 'iran-2021-us-officials', field: 'dates[1].date', message: /not a real date/ } },
  { rule: 'a reviewed date that is not a real date', file: 'grounds.yaml', mutate: (r) => { byId(r, 'refugee-status').reviewed = '2026-13-01' }, expect: { record: 'refugee-status', field: 'reviewed' } },
  { rule: 'effectiveTo not after effectiveFrom', file: 'provisions.yaml', mutate: (r) => { const p = byId(r, 'rpd-94'); p.effectiveFrom = '2025-12'; p.effectiveTo = '2025-11' }, expect: { record: 'rpd-94', field: 'effectiveTo' } },
  { rule: 'a source that is not https', file: 'notice-types.yaml', mutate: (r) => { byId(r, 'red').sources[0].url = 'http://www.interpol.int/' }, expect: { record: 'red', field: 'sources[0].url', message: /https/ } },
  { rule: 'a record without sources', file: 'instruments.yaml', mutate: (r) => { byId(r, 'constitution').sources = [] }, expect: { record: 'constitution', field: 'sources' } },
  { rule: 'a confidence outside the three levels', file: 'provisions.yaml', mutate: (r) => { byId(r, 'rpd-83').confidence = 'certain' }, expect: { record: 'rpd-83', field: 'confidence' } },
  { rule: 'a member list that does not add up', file: 'countries.yaml', mutate: (d) => { d.members.iso2.pop() }, expect: { file: 'countries.yaml', record: 'members', field: 'iso2', message: /count says 196/ } },
  { rule: 'a member code that is not ISO 3166-1', file: 'countries.yaml', mutate: (d) => { d.members.iso2[0] = 'ZZ'; }, expect: { record: 'members', field: 'iso2[0]' } },
  { rule: 'a restriction ending before it began', file: 'countries.yaml', mutate: (d) => { d.countries.find((c: { iso2: string }) => c.iso2 === 'SY').restrictions[0].until = '2010' }, expect: { record: 'SY', field: 'restrictions[0].until' } }
]

for (const fixture of fixtures) {
  t.test(`start-up fails on ${fixture.rule}`, async (t) => {
    const problems = dataProblemsAfter(fixture.file, fixture.mutate)
    t.ok(problems.length > 0, 'the dataset is rejected')
    const { message, ...where } = fixture.expect
    const match = problems.find((p) =>
      p.file === (where.file ?? fixture.file) &&
      (!where.record || p.record === where.record) &&
      (!where.field || p.field === where.field) &&
      (!message || (typeof message === 'string' ? p.message.includes(message) : message.test(p.message))))
    t.ok(match, `a problem names ${where.file ?? fixture.file}, ${where.record ?? 'the record'}, ${where.field ?? 'the field'}; got ${JSON.stringify(problems.slice(0, 3))}`)
  })
}

t.test('a YAML syntax error names the file and the line', async (t) => {
  const dir = copyOfData()
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'terms.yaml'), '- id: ok\n  labels: { en: "unterminated\n')
  const error = t.throws(() => loadDataset(dir)) as unknown as DatasetError
  t.equal(error.problems[0].file, 'terms.yaml')
  t.match(error.problems[0].record, /at line \d+/)
})

t.test('a key written twice in one record is an error, not a silent overwrite', async (t) => {
  const dir = copyOfData()
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'terms.yaml'), '- id: ok\n  id: twice\n')
  const error = t.throws(() => loadDataset(dir)) as unknown as DatasetError
  t.same(error.problems, [{ file: 'terms.yaml', record: 'at line 2', field: '-', message: 'YAML: duplicated mapping key' }])
})

t.test('a missing data file is named', async (t) => {
  const dir = copyOfData()
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  rmSync(join(dir, 'grounds.yaml'))
  const error = t.throws(() => loadDataset(dir)) as unknown as DatasetError
  t.same(error.problems, [{ file: 'grounds.yaml', record: '-', field: '-', message: 'file is missing' }])
  t.match(error.message, /grounds\.yaml: record -, field -: file is missing/)
})
