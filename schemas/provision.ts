import { Type, type Static } from 'typebox'
import { Id, Quote, evidenceProperties, effectiveProperties, ref } from './common.js'

export const PROVISION_KINDS = ['aim', 'prohibition', 'condition', 'exclusion', 'threshold', 'procedure', 'remedy', 'definition'] as const

export const Provision = Type.Object({
  id: ref(Id),
  instrument: ref(Id),
  article: Type.Optional(Type.String({ maxLength: 40, description: 'Article number as cited ("83", "83(2)(b)(i)"); absent for a resolution taken as a whole.' })),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  summary: Type.String({ minLength: 1, maxLength: 1500 }),
  kind: Type.String({ enum: [...PROVISION_KINDS] }),
  appliesTo: Type.Array(ref(Id), { description: 'Notice-type ids; empty when it applies to all processing.' }),
  ...effectiveProperties,
  quote: Type.Optional(ref(Quote)),
  ...evidenceProperties
}, { $id: 'Provision', additionalProperties: false, description: 'One rule: an article or paragraph that matters.' })
export type Provision = Static<typeof Provision>
