import { Type, type Static } from 'typebox'
import { Id, Labels, ShortDefinition, Translations, Localized, PartialDate, Source, Confidence, evidenceProperties, effectiveProperties, ref } from './common.js'

export const NOTICE_KINDS = ['notice', 'special-notice', 'diffusion'] as const
export const NOTICE_STATUSES = ['active', 'pilot', 'abolished'] as const
// `exceptional`: police-only as a rule, with documented exceptional public releases (Black Notices in Operation
// Identify Me). `not-published`: no public extract of the type is published or was found, and no source states a rule
// either way; `never` needs a source that says so.
export const PUBLIC_EXTRACT_RULES = ['never', 'not-published', 'exceptional', 'optional', 'always'] as const
export const REQUESTERS = [
  'member-country', 'international-tribunal', 'international-criminal-court', 'united-nations-security-council',
  'general-secretariat'
] as const
export const STATISTIC_METRICS = ['issued', 'in-circulation', 'public-extracts', 'refused-or-cancelled', 'published'] as const
// What a figure is, so that a five-year average or a Red-plus-diffusions count never reads as one year's Red Notices.
// `annual` and `point-in-time` take `year`; `average` (per year over the period) and `total` (over the period) take
// `period`. src/data/integrity.ts enforces the pairing and refuses two different values for the same figure.
export const STATISTIC_KINDS = ['annual', 'point-in-time', 'average', 'total'] as const
export const STATISTIC_SCOPES = ['notice-type', 'red-notices-and-diffusions', 'all-notices-and-diffusions'] as const

const Statistic = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1946, maximum: 2100, description: 'The year an `annual` or `point-in-time` figure refers to.' })),
  period: Type.Optional(Type.Object({
    from: Type.Integer({ minimum: 1946, maximum: 2100 }),
    to: Type.Integer({ minimum: 1946, maximum: 2100 })
  }, { additionalProperties: false, description: 'The years (inclusive) an `average` or `total` figure covers.' })),
  kind: Type.String({
    enum: [...STATISTIC_KINDS],
    description: '`annual`: a count for one calendar year; `point-in-time`: a count on one day (`asOf`); ' +
      '`average`: a yearly average over `period`; `total`: a count over the whole `period`.'
  }),
  metric: Type.String({ enum: [...STATISTIC_METRICS] }),
  scope: Type.String({
    enum: [...STATISTIC_SCOPES],
    description: 'What is counted: notices of this type only, Red Notices plus wanted-person diffusions together, or ' +
      'notices and diffusions of every kind.'
  }),
  value: Type.Integer({ minimum: 0 }),
  qualifier: Type.String({ enum: ['exact', 'about', 'more-than'], description: 'How the source states the figure.' }),
  asOf: Type.Optional(ref(PartialDate)),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  sources: Type.Array(ref(Source), { minItems: 1 }),
  confidence: ref(Confidence)
}, { additionalProperties: false })

const Misconception = Type.Object({
  claim: Type.String({ minLength: 1, maxLength: 300 }),
  correction: Type.String({ minLength: 1, maxLength: 1000 }),
  sources: Type.Array(ref(Source), { minItems: 1 }),
  confidence: ref(Confidence)
}, { additionalProperties: false })

const Condition = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 600 }),
  provisions: Type.Array(ref(Id), { description: 'Provision ids this condition comes from.' })
}, { additionalProperties: false })

export const NoticeType = Type.Object({
  id: ref(Id),
  labels: ref(Labels),
  aliases: Type.Array(Type.String({ maxLength: 100 }), { description: 'Other names people use, for search (never a label).' }),
  colour: Type.Optional(Type.Object({
    name: Type.String(),
    hex: Type.String({ pattern: '^#[0-9a-f]{6}$' })
  }, { additionalProperties: false })),
  kind: Type.String({ enum: [...NOTICE_KINDS] }),
  status: Type.String({ enum: [...NOTICE_STATUSES] }),
  ...effectiveProperties,
  timeline: Type.Array(Type.Object({
    date: ref(PartialDate),
    event: Type.String({ maxLength: 500 })
  }, { additionalProperties: false })),
  purpose: Type.String({ minLength: 1, maxLength: 1000 }),
  shortDefinition: Type.Optional(ref(ShortDefinition)),
  translations: Type.Optional(ref(Translations)),
  localized: Type.Optional(ref(Localized)),
  subjects: Type.String({ minLength: 1, maxLength: 600 }),
  requestedBy: Type.Array(Type.String({ enum: [...REQUESTERS] }), { minItems: 1 }),
  requestedByNote: Type.Optional(Type.String({ maxLength: 600 })),
  publicExtract: Type.Object({
    rule: Type.String({ enum: [...PUBLIC_EXTRACT_RULES] }),
    note: Type.String({ maxLength: 600 })
  }, { additionalProperties: false }),
  provisions: Type.Array(ref(Id), { description: 'Ids of the provisions that govern this type (see /v1/provisions).' }),
  conditions: Type.Array(Condition),
  validity: Type.String({ maxLength: 800 }),
  statistics: Type.Array(Statistic),
  misconceptions: Type.Optional(Type.Array(Misconception, {
    description: 'Common misconceptions about this type, with their corrections. Derived from data/misconceptions.yaml (the records whose `related` names this type); never written in data/notice-types.yaml.'
  })),
  related: Type.Array(ref(Id)),
  ...evidenceProperties
}, { $id: 'NoticeType', additionalProperties: false, description: 'An INTERPOL notice type, or a diffusion listed for comparison.' })
export type NoticeType = Static<typeof NoticeType>
