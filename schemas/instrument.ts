import { Type, type Static } from 'typebox'
import { Id, PartialDate, Source, evidenceProperties, effectiveProperties, ref } from './common.js'

export const INSTRUMENT_KINDS = [
  'constitution', 'rules', 'statute', 'repository-of-practice', 'policy', 'ga-resolution', 'unsc-resolution', 'agreement'
] as const

export const Instrument = Type.Object({
  id: ref(Id),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  shortTitle: Type.String({ minLength: 1, maxLength: 80 }),
  aliases: Type.Array(Type.String({ maxLength: 100 })),
  kind: Type.String({ enum: [...INSTRUMENT_KINDS] }),
  reference: Type.Optional(Type.String({ maxLength: 120, description: 'The official reference, e.g. "AG-2011-RES-07".' })),
  adoptedBy: Type.Optional(Type.String({ maxLength: 200 })),
  adopted: Type.Optional(ref(PartialDate)),
  inForce: Type.Optional(ref(PartialDate)),
  ...effectiveProperties,
  amendments: Type.Array(Type.Object({
    date: ref(PartialDate),
    summary: Type.String({ maxLength: 600 }),
    sources: Type.Optional(Type.Array(ref(Source)))
  }, { additionalProperties: false })),
  summary: Type.String({ minLength: 1, maxLength: 1200 }),
  url: Type.Optional(Type.String({ format: 'uri', pattern: '^https://' })),
  ...evidenceProperties
}, { $id: 'Instrument', additionalProperties: false, description: 'A legal text: the Constitution, the RPD, the CCF Statute, a resolution.' })
export type Instrument = Static<typeof Instrument>
