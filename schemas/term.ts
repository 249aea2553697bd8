import { Type, type Static } from 'typebox'
import { Id, Labels, ShortDefinition, Translations, Localized, evidenceProperties, ref } from './common.js'

export const RESOURCE_REF_PATTERN = '^(notice-types|terms|grounds|provisions|instruments|cases|requesting-entities)/[a-z0-9]+(?:-[a-z0-9]+)*$'

export const Term = Type.Object({
  id: ref(Id),
  labels: ref(Labels),
  aliases: Type.Array(Type.String({ maxLength: 100 })),
  definition: Type.String({ minLength: 1, maxLength: 1200 }),
  shortDefinition: Type.Optional(ref(ShortDefinition)),
  translations: Type.Optional(ref(Translations)),
  localized: Type.Optional(ref(Localized)),
  seeAlso: Type.Array(Type.String({ pattern: RESOURCE_REF_PATTERN }), { description: 'Related records as "resource/id".' }),
  ...evidenceProperties
}, { $id: 'Term', additionalProperties: false, description: 'A glossary term.' })
export type Term = Static<typeof Term>
