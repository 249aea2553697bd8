import { Type, type Static } from 'typebox'
import { Id, Translations, Localized, evidenceProperties, effectiveProperties, shortSummaryProperty, ref } from './common.js'

export const GROUND_FAMILIES = [
  'neutrality', 'human-rights', 'refugee-status', 'minimum-criteria', 'excluded-offence', 'data-quality', 'procedural'
] as const
export const TYPICAL_OUTCOMES = ['refused', 'deleted', 'suspended', 'updated'] as const

const groundProperties = {
  id: ref(Id),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  aliases: Type.Array(Type.String({ maxLength: 100 })),
  family: Type.String({ enum: [...GROUND_FAMILIES] }),
  provisions: Type.Array(ref(Id), { minItems: 1 }),
  description: Type.String({ minLength: 1, maxLength: 1500 }),
  ...shortSummaryProperty,
  translations: Type.Optional(ref(Translations)),
  test: Type.String({ minLength: 1, maxLength: 1500, description: 'How the ground is applied.' }),
  indicators: Type.Array(Type.String({ maxLength: 300 }), { description: 'Facts of a request that point to this ground.' }),
  typicalOutcomes: Type.Array(Type.String({ enum: [...TYPICAL_OUTCOMES] }), { minItems: 1 }),
  appliesTo: Type.Array(ref(Id), { description: 'Notice-type ids; empty when it applies to every notice and diffusion.' }),
  ...effectiveProperties,
  ...evidenceProperties
}

/** A ground as kept in data/grounds.yaml. */
export const GroundRecord = Type.Object(groundProperties, { additionalProperties: false })
export type GroundRecord = Static<typeof GroundRecord>

/** A ground as served: the record plus the cases that applied it, derived from the cases at load time. */
export const Ground = Type.Object({
  ...groundProperties,
  cases: Type.Array(ref(Id), { description: 'Ids of cases that applied this ground (derived from the cases).' }),
  localized: Type.Optional(ref(Localized))
}, { $id: 'Ground', additionalProperties: false, description: 'A ground on which INTERPOL refuses a request or deletes a notice.' })
export type Ground = Static<typeof Ground>
