import { Type, type Static } from 'typebox'
import { Id, Iso2, PartialDate, Source, Confidence, evidenceProperties, ref } from './common.js'

export const RESTRICTION_KINDS = ['prior-review', 'corrective-measures', 'special-checks-reported'] as const

const Restriction = Type.Object({
  since: ref(PartialDate),
  until: Type.Optional(ref(PartialDate)),
  kind: Type.String({ enum: [...RESTRICTION_KINDS] }),
  summary: Type.String({ minLength: 1, maxLength: 800 }),
  appliesTo: Type.Array(ref(Id), { description: 'Notice-type ids routed through prior review; empty for all.' }),
  sources: Type.Array(ref(Source), { minItems: 1 }),
  confidence: ref(Confidence)
}, { additionalProperties: false })

const Admission = Type.Object({
  date: ref(PartialDate),
  event: Type.Optional(Type.String({ maxLength: 200 })),
  ordinal: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, description: 'The n-th member, where the sources say so.' }))
}, { additionalProperties: false })

/** What data/countries.yaml says about one country: only what the sources give. */
export const CountryRecord = Type.Object({
  iso2: ref(Iso2),
  admitted: Type.Optional(Admission),
  ncb: Type.Optional(Type.Object({ city: Type.String({ maxLength: 100 }) }, { additionalProperties: false })),
  restrictions: Type.Array(Restriction),
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
  ...evidenceProperties
}, { additionalProperties: false })
export type CountryRecord = Static<typeof CountryRecord>

/** The membership list and the curated country notes, as kept in data/countries.yaml. */
export const CountriesFile = Type.Object({
  members: Type.Object({
    count: Type.Integer({ minimum: 1, description: 'The total the sources state; the list must add up to it.' }),
    iso2: Type.Array(ref(Iso2), { minItems: 1 }),
    ...evidenceProperties
  }, { additionalProperties: false }),
  countries: Type.Array(CountryRecord)
}, { additionalProperties: false })
export type CountriesFile = Static<typeof CountriesFile>

export const CanRequest = Type.Object({
  noticeType: ref(Id),
  allowed: Type.String({
    enum: ['yes', 'no', 'conditional'],
    description: '`conditional`: allowed, but only under a restriction or a condition the reason names.'
  }),
  reason: Type.String()
}, { additionalProperties: false })
export type CanRequest = Static<typeof CanRequest>

export const Country = Type.Object({
  iso2: ref(Iso2),
  iso3: Type.String({ pattern: '^[A-Z]{3}$' }),
  name: Type.String({ description: 'Common English name, from the world-countries package.' }),
  asOf: Type.String({ format: 'date', description: 'The day this answer describes (today unless `asOf` was given).' }),
  interpolMember: Type.Boolean({ description: 'Member on that day.' }),
  admitted: Type.Optional(Admission),
  ncb: Type.Optional(Type.Object({ city: Type.String() }, { additionalProperties: false })),
  restrictions: Type.Array(Restriction, { description: 'Restrictions in force on that day.' }),
  restrictionHistory: Type.Array(Restriction, { description: 'Every restriction on record, past and present.' }),
  notes: Type.Optional(Type.String()),
  canRequest: Type.Array(CanRequest),
  sources: Type.Array(ref(Source)),
  confidence: ref(Confidence),
  uncertainty: Type.Optional(Type.String()),
  reviewed: Type.Optional(Type.String({ format: 'date' }))
}, { $id: 'Country', additionalProperties: false, description: 'An ISO 3166-1 country with its INTERPOL membership and what it may request.' })
export type Country = Static<typeof Country>
