import { Type, type Static } from 'typebox'
import { Id, Translations, Localized, evidenceProperties, effectiveProperties, shortSummaryProperty, ref } from './common.js'

export const ENTITY_KINDS = ['international-court', 'international-tribunal', 'united-nations'] as const

export const RequestingEntity = Type.Object({
  id: ref(Id),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  aliases: Type.Array(Type.String({ maxLength: 100 })),
  kind: Type.String({ enum: [...ENTITY_KINDS] }),
  mayRequest: Type.Array(ref(Id), { minItems: 1, description: 'Notice-type ids this body may request.' }),
  scope: Type.String({ minLength: 1, maxLength: 800, description: 'For which crimes or measures.' }),
  ...shortSummaryProperty,
  translations: Type.Optional(ref(Translations)),
  localized: Type.Optional(ref(Localized)),
  basis: Type.Array(ref(Id), { description: 'Instrument ids that ground the cooperation.' }),
  ...effectiveProperties,
  ...evidenceProperties
}, { $id: 'RequestingEntity', additionalProperties: false, description: 'An international body that may request notices.' })
export type RequestingEntity = Static<typeof RequestingEntity>
