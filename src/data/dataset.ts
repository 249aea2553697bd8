// The in-memory dataset: read-only collections with id lookups, plus what is derived once at load time
// (the cases that applied each ground, the full ISO country list with membership).
import worldCountriesModule from 'world-countries'
import type {
  NoticeType, Instrument, Provision, GroundRecord, Ground, RequestingEntity, Case, Term, CountriesFile, Country,
  Confidence
} from '../../schemas/index.js'
import type { Release } from '../../schemas/release.js'
import type { Misconception } from '../../schemas/misconception.js'
import type { Changelog } from '../../schemas/changelog.js'
import { CASE_KINDS } from '../../schemas/case.js'
import type { Located } from './load-dataset.js'

export interface RawDataset {
  release: Located<Release>
  noticeTypes: Array<Located<NoticeType>>
  instruments: Array<Located<Instrument>>
  provisions: Array<Located<Provision>>
  grounds: Array<Located<GroundRecord>>
  requestingEntities: Array<Located<RequestingEntity>>
  countries: Located<CountriesFile>
  cases: Array<Located<Case>>
  terms: Array<Located<Term>>
  misconceptions: Array<Located<Misconception>>
  changelog: Located<Changelog>
}

export interface Collection<T> {
  readonly all: readonly T[]
  readonly byId: ReadonlyMap<string, T>
}

/** A country before `canRequest`, which depends on the day asked about. */
export type CountryBase = Omit<Country, 'canRequest' | 'asOf' | 'restrictionHistory'>

export interface Dataset {
  version: string
  release: Release
  noticeTypes: Collection<NoticeType>
  instruments: Collection<Instrument>
  provisions: Collection<Provision>
  grounds: Collection<Ground>
  requestingEntities: Collection<RequestingEntity>
  countries: Collection<CountryBase>
  /** Curated records for user-assigned codes (Kosovo, XK): known to the assessment, not listed as ISO countries. */
  userAssignedCountries?: Collection<CountryBase>
  cases: Collection<Case>
  terms: Collection<Term>
  misconceptions: Collection<Misconception>
  /** data/changelog.yaml: what each release changed, newest first (/v1/changes). */
  changelog: Changelog
}

export function collection<T> (records: readonly T[], keyOf: (record: T) => string): Collection<T> {
  return { all: records, byId: new Map(records.map((record) => [keyOf(record), record])) }
}

const byId = <T extends { id: string }>(records: T[]) => collection(records, (record) => record.id)
const values = <T>(located: Array<Located<T>>) => located.map((entry) => entry.value)

/** ISO 3166-1 countries from the maintained `world-countries` package (Kosovo's user-assigned code excluded). */
// The package is CommonJS: Node hands its array over as the default export, which its types do not describe.
const worldCountries = worldCountriesModule as unknown as typeof worldCountriesModule.default

export const isoCountries = worldCountries
  .filter((country) => country.status === 'officially-assigned')
  .map((country) => ({ iso2: country.cca2, iso3: country.cca3, name: country.name.common }))
  .sort((a, b) => a.iso2.localeCompare(b.iso2))

/** User-assigned codes in the same package (only Kosovo's XK today); a record for one may be curated. */
export const userAssignedCountries = worldCountries
  .filter((country) => country.status === 'user-assigned')
  .map((country) => ({ iso2: country.cca2, iso3: country.cca3, name: country.name.common }))

function buildCountries (file: CountriesFile, codes = isoCountries): CountryBase[] {
  const members = new Set(file.members.iso2)
  const curated = new Map(file.countries.map((record) => [record.iso2, record]))
  return codes.map((iso) => {
    const record = curated.get(iso.iso2)
    const member = members.has(iso.iso2)
    const evidence = record ?? file.members
    const country: CountryBase = {
      ...iso,
      interpolMember: member,
      restrictions: record?.restrictions ?? [],
      sources: evidence.sources,
      confidence: evidence.confidence as Confidence,
      reviewed: evidence.reviewed
    }
    if (record?.admitted) country.admitted = record.admitted
    if (record?.ncb) country.ncb = record.ncb
    if (record?.notes) country.notes = record.notes
    if (evidence.uncertainty) country.uncertainty = evidence.uncertainty
    return country
  })
}

/** The cases that applied each ground, in case order, derived so that the two can never disagree. */
function withCases (grounds: GroundRecord[], cases: Case[]): Ground[] {
  return grounds.map((ground) => ({
    ...ground,
    cases: cases.filter((c) => c.grounds.includes(ground.id)).map((c) => c.id)
  }))
}

/**
 * Each notice type's misconceptions, derived from data/misconceptions.yaml (the records whose `related` names it), in
 * the shape the notice-type answer has always had: written once, shown wherever it applies.
 */
function withMisconceptions (noticeTypes: NoticeType[], misconceptions: Misconception[]): NoticeType[] {
  return noticeTypes.map((noticeType) => ({
    ...noticeType,
    misconceptions: misconceptions
      .filter((m) => m.related.includes(`notice-types/${noticeType.id}`))
      .map((m) => ({ claim: m.claim, correction: m.explanation ?? m.correction, sources: m.sources, confidence: m.confidence }))
  }))
}

/**
 * Public cases come before CCF decision excerpts (CASE_KINDS order), each in file order: a reader listing cases
 * meets the stories they know first, whatever the file names are.
 */
export function inListOrder (cases: Case[]): Case[] {
  const rank = (c: Case) => (CASE_KINDS as readonly string[]).indexOf(c.kind)
  return [...cases].sort((a, b) => rank(a) - rank(b))
}

export function buildDataset (raw: RawDataset, version: string): Dataset {
  const cases = inListOrder(values(raw.cases))
  return {
    version,
    release: raw.release.value,
    noticeTypes: byId(withMisconceptions(values(raw.noticeTypes), values(raw.misconceptions))),
    instruments: byId(values(raw.instruments)),
    provisions: byId(values(raw.provisions)),
    grounds: byId(withCases(values(raw.grounds), cases)),
    requestingEntities: byId(values(raw.requestingEntities)),
    countries: collection(buildCountries(raw.countries.value), (country) => country.iso2),
    userAssignedCountries: collection(buildCountries(raw.countries.value, userAssignedCountries
      .filter((code) => raw.countries.value.countries.some((record) => record.iso2 === code.iso2))), (country) => country.iso2),
    cases: byId(cases),
    terms: byId(values(raw.terms)),
    misconceptions: byId(values(raw.misconceptions)),
    changelog: raw.changelog.value
  }
}
