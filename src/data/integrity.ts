// Integrity rules that a schema cannot express: unique ids, references that resolve, real dates, ranges in order.
// Each returns problems naming the file, the record and the field.
import type { DataProblem, Located } from './load-dataset.js'
import { isoCountries, userAssignedCountries, type RawDataset } from './dataset.js'
import { isRealPartialDate, periodStart } from './dates.js'
import { checkNoticeTypeProvisions, checkProvisions } from './provision-checks.js'
import { phrasingProblems } from '../claims/check.js'

const DATE_FIELDS = new Set([
  'date', 'effectiveFrom', 'effectiveTo', 'since', 'until', 'reviewed', 'adopted', 'inForce', 'accessed', 'asOf', 'released'
])

type Problems = DataProblem[]

/**
 * Every field named like a date, anywhere in the record, holds a real calendar date or period. Paths are built only
 * on the way into objects and arrays, never for a plain value: at 100× the data, making one string per field was
 * most of this check's time.
 */
function checkDates (value: unknown, path: string, report: (field: string, message: string) => void): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      if (item !== null && typeof item === 'object') checkDates(item, `${path}[${index}]`, report)
    }
    return
  }
  if (!value || typeof value !== 'object') return
  for (const key of Object.keys(value)) {
    const child: unknown = (value as Record<string, unknown>)[key]
    if (DATE_FIELDS.has(key) && typeof child === 'string' && !isRealPartialDate(child)) {
      report(path ? `${path}.${key}` : key, `"${child}" is not a real date`)
    }
    if (child !== null && typeof child === 'object') checkDates(child, path ? `${path}.${key}` : key, report)
  }
}

function checkRange (from: string | undefined, to: string | undefined, field: string, report: (f: string, m: string) => void): void {
  if (from && to && periodStart(to) <= periodStart(from)) report(field, `${to} is not after ${from}`)
}

interface StatisticShape {
  year?: number; period?: { from: number; to: number }; kind: string; metric: string; scope: string; value: number; asOf?: string
}

/**
 * A figure says what it is: `annual` and `point-in-time` take a year, `average` and `total` a period; and one figure
 * (same scope, metric, kind, year or period, and day for point-in-time counts) has one value. Sources that disagree
 * are settled in the data, with the rejected figure named in the note, rather than served side by side.
 */
export function checkStatistics (statistics: readonly StatisticShape[], report: (field: string, message: string) => void): void {
  const seen = new Map<string, { index: number; value: number }>()
  statistics.forEach((statistic, index) => {
    const field = `statistics[${index}]`
    const byPeriod = statistic.kind === 'average' || statistic.kind === 'total'
    if (byPeriod && (statistic.period === undefined || statistic.year !== undefined)) {
      report(field, `kind ${statistic.kind} takes a period (from, to) and no year`)
      return
    }
    if (!byPeriod && (statistic.year === undefined || statistic.period !== undefined)) {
      report(field, `kind ${statistic.kind} takes a year and no period`)
      return
    }
    if (statistic.period && statistic.period.to <= statistic.period.from) report(`${field}.period.to`, 'the period must end after it starts')
    const when = statistic.period ? `${statistic.period.from}-${statistic.period.to}` : String(statistic.year)
    const day = statistic.kind === 'point-in-time' ? statistic.asOf ?? '' : ''
    const key = [statistic.scope, statistic.metric, statistic.kind, when, day].join('|')
    const first = seen.get(key)
    if (!first) seen.set(key, { index, value: statistic.value })
    else if (first.value !== statistic.value) {
      report(`${field}.value`, `${statistic.value} conflicts with ${first.value} in statistics[${first.index}] for the same ${statistic.kind} ${statistic.metric} figure (${when})`)
    } else {
      report(field, `repeats statistics[${first.index}]; give one figure with both sources`)
    }
  })
}

/**
 * Whether CCF decision excerpts must carry translations too. They do (every excerpt in data/cases/ccf-*.yaml has
 * French, Spanish and Arabic); turning this off would let a new excerpt in before its translations.
 */
export const TRANSLATIONS_REQUIRED_FOR_CCF_EXCERPTS = true

interface Translatable { id: string; kind?: string; translations?: Record<string, { name?: { translation: string; source?: unknown }; summary?: { translation: string; source?: unknown } } | undefined> }

function checkTranslations (record: Translatable, required: boolean, report: (field: string, message: string) => void): void {
  for (const lang of ['fr', 'es', 'ar']) {
    for (const field of ['name', 'summary'] as const) {
      const text = record.translations?.[lang]?.[field]
      if (!text) {
        if (required) report(`translations.${lang}.${field}`, 'is required (French, Spanish and Arabic name and one-line summary)')
      } else if (text.translation === 'official' && !text.source) {
        report(`translations.${lang}.${field}.source`, 'an official translation names the source it was read in')
      }
    }
  }
}

export function checkIntegrity (raw: RawDataset): Problems {
  const problems: Problems = []
  const reporter = (file: string, record: string) => (field: string, message: string) =>
    problems.push({ file, record, field, message })

  const ids = (entries: Array<Located<{ id: string }>>) => new Set(entries.map((e) => e.value.id))
  const known = {
    'notice-types': ids(raw.noticeTypes),
    instruments: ids(raw.instruments),
    provisions: ids(raw.provisions),
    grounds: ids(raw.grounds),
    'requesting-entities': ids(raw.requestingEntities),
    cases: ids(raw.cases),
    terms: ids(raw.terms),
    misconceptions: ids(raw.misconceptions)
  }
  const iso = new Set(isoCountries.map((country) => country.iso2))
  // A curated record may also describe a user-assigned code (Kosovo, XK); it never enters the member list.
  const userAssigned = new Set(userAssignedCountries.map((country) => country.iso2))

  function resolves (kind: keyof typeof known, values: readonly string[] | undefined, field: string, report: (f: string, m: string) => void) {
    values?.forEach((value, index) => {
      if (!known[kind].has(value)) report(`${field}[${index}]`, `"${value}" is not a known ${kind.replace(/s$/, '').replace('-', ' ')} id`)
    })
  }

  function uniqueIds (entries: Array<Located<{ id: string }>>) {
    const seen = new Map<string, string>()
    for (const { file, value } of entries) {
      const first = seen.get(value.id)
      if (first) reporter(file, value.id)('id', `duplicate id (first defined in ${first})`)
      else seen.set(value.id, file)
    }
  }

  const listResources = [raw.noticeTypes, raw.instruments, raw.provisions, raw.grounds, raw.requestingEntities, raw.cases, raw.terms]
  for (const entries of listResources) {
    uniqueIds(entries as Array<Located<{ id: string }>>)
    for (const { file, value } of entries as Array<Located<{ id: string; effectiveFrom?: string; effectiveTo?: string }>>) {
      const report = reporter(file, value.id)
      checkDates(value, '', report)
      checkRange(value.effectiveFrom, value.effectiveTo, 'effectiveTo', report)
    }
  }
  checkDates(raw.release.value, '', reporter(raw.release.file, 'release'))

  for (const { file, value } of raw.noticeTypes) {
    const report = reporter(file, value.id)
    resolves('provisions', value.provisions, 'provisions', report)
    value.conditions.forEach((condition, index) => resolves('provisions', condition.provisions, `conditions[${index}].provisions`, report))
    resolves('notice-types', value.related, 'related', report)
    checkStatistics(value.statistics, report)
  }
  for (const { file, value } of raw.instruments) {
    checkDates(value, '', reporter(file, value.id))
  }
  for (const { file, value } of raw.provisions) {
    const report = reporter(file, value.id)
    if (!known.instruments.has(value.instrument)) report('instrument', `"${value.instrument}" is not a known instrument id`)
    resolves('notice-types', value.appliesTo, 'appliesTo', report)
  }
  checkProvisions(raw.provisions, reporter)
  checkNoticeTypeProvisions(raw.noticeTypes, raw.provisions, reporter)
  for (const { file, value } of raw.grounds) {
    const report = reporter(file, value.id)
    resolves('provisions', value.provisions, 'provisions', report)
    resolves('notice-types', value.appliesTo, 'appliesTo', report)
  }
  for (const { file, value } of raw.requestingEntities) {
    const report = reporter(file, value.id)
    resolves('notice-types', value.mayRequest, 'mayRequest', report)
    resolves('instruments', value.basis, 'basis', report)
  }
  for (const { file, value } of raw.cases) {
    const report = reporter(file, value.id)
    const requester = value.requester
    if (requester) {
      if (Boolean(requester.country) === Boolean(requester.entity)) report('requester', 'give exactly one of country or entity')
      if (requester.country && !iso.has(requester.country)) report('requester.country', `"${requester.country}" is not an ISO 3166-1 code`)
      if (requester.entity && !known['requesting-entities'].has(requester.entity)) report('requester.entity', `"${requester.entity}" is not a known requesting entity id`)
    }
    if (value.subject.kind === 'anonymised' && value.subject.name) report('subject.name', 'an anonymised subject has no name')
    if (value.subject.kind !== 'anonymised' && !value.subject.name) report('subject.name', 'a public figure or group needs a name')
    resolves('notice-types', value.noticeTypes, 'noticeTypes', report)
    resolves('grounds', value.grounds, 'grounds', report)
  }
  for (const { file, value } of raw.terms) {
    const report = reporter(file, value.id)
    value.seeAlso.forEach((target, index) => {
      const [kind, id] = target.split('/') as [keyof typeof known, string]
      if (!known[kind]?.has(id)) report(`seeAlso[${index}]`, `"${target}" does not resolve`)
    })
  }

  // Languages (issue 11): every record people read by name carries its name and one-line summary in French, Spanish
  // and Arabic, and a text marked `official` (INTERPOL's own wording) names the source it was read in.
  const translated: Array<[Array<Located<Translatable>>, (record: Translatable) => boolean]> = [
    [raw.noticeTypes, () => true], [raw.grounds, () => true], [raw.terms, () => true], [raw.requestingEntities, () => true],
    [raw.cases, (record) => TRANSLATIONS_REQUIRED_FOR_CCF_EXCERPTS || record.kind !== 'ccf-decision']
  ] as Array<[Array<Located<Translatable>>, (record: Translatable) => boolean]>
  for (const [entries, required] of translated) {
    for (const { file, value } of entries) checkTranslations(value, required(value), reporter(file, value.id))
  }

  // Misconceptions: unique ids, every related record exists, every phrasing compiles (data/misconceptions.yaml).
  uniqueIds(raw.misconceptions)
  for (const { file, value } of raw.misconceptions) {
    const report = reporter(file, value.id)
    checkDates(value, '', report)
    value.related.forEach((target, index) => {
      const [kind, id] = target.split('/') as [string, string]
      const exists = kind === 'countries' ? iso.has(id) : known[kind as keyof typeof known]?.has(id)
      if (!exists) report(`related[${index}]`, `"${target}" does not resolve`)
    })
    for (const problem of phrasingProblems(value)) report(problem.field, problem.message)
  }

  const { file: countriesFile, value: countries } = raw.countries
  const membersReport = reporter(countriesFile, 'members')
  checkDates(countries, '', reporter(countriesFile, 'countries'))
  const members = countries.members.iso2
  if (new Set(members).size !== members.length) membersReport('iso2', 'lists a country twice')
  if (members.length !== countries.members.count) membersReport('iso2', `lists ${members.length} countries but count says ${countries.members.count}`)
  members.forEach((code, index) => { if (!iso.has(code)) membersReport(`iso2[${index}]`, `"${code}" is not an ISO 3166-1 code`) })
  const curated = new Set<string>()
  for (const record of countries.countries) {
    const report = reporter(countriesFile, record.iso2)
    if (curated.has(record.iso2)) report('iso2', 'duplicate country')
    curated.add(record.iso2)
    if (!iso.has(record.iso2) && !userAssigned.has(record.iso2)) report('iso2', `"${record.iso2}" is not an ISO 3166-1 code`)
    if (record.admitted && !members.includes(record.iso2)) report('admitted', 'an admission date for a country not in the member list')
    record.restrictions.forEach((restriction, index) => {
      checkRange(restriction.since, restriction.until, `restrictions[${index}].until`, report)
      resolves('notice-types', restriction.appliesTo, `restrictions[${index}].appliesTo`, report)
    })
  }
  return problems
}
