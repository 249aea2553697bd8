import { Type, type Static } from 'typebox'
import { Id, Labels, ShortDefinition, Translations, Localized, PartialDate, Source, Confidence, evidenceProperties, effectiveProperties, ref } from './common.js'

export const NOTICE_KINDS = ['notice', 'special-notice', 'diffusion'] as const
export const NOTICE_STATUSES = ['active', 'pilot', 'abolished'] as const
export const PUBLIC_EXTRACT_RULES = ['never', 'optional', 'always'] as const
export const REQUESTERS = [
  'member-country', 'international-tribunal', 'international-criminal-court', 'united-nations-security-council',
  'general-secretariat'
] as const
export const STATISTIC_METRICS = ['issued', 'in-circulation', 'public-extracts', 'refused-or-cancelled', 'published'] as const

const Statistic = Type.Object({
  year: Type.Integer({ minimum: 1946, maximum: 2100 }),
  metric: Type.String({ enum: [...STATISTIC_METRICS] }),
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
  misconceptions: Type.Array(Misconception),
  related: Type.Array(ref(Id)),
  ...evidenceProperties
}, { $id: 'NoticeType', additionalProperties: false, description: 'An INTERPOL notice type, or a diffusion listed for comparison.' })
export type NoticeType = Static<typeof NoticeType>
