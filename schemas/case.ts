import { Type, type Static } from 'typebox'
import { Id, Iso2, PartialDate, Translations, Localized, evidenceProperties, shortSummaryProperty, ref } from './common.js'
import { SubjectRole, OffenceCategory, OffenceContext } from './vocabulary.js'

export const CASE_KINDS = ['public-case', 'ccf-decision'] as const
export const DECIDERS = ['general-secretariat', 'ccf', 'executive-committee', 'general-assembly', 'national-court', 'none'] as const
export const OUTCOMES = [
  'refused', 'not-considered', 'deleted', 'cancelled', 'suspended', 'published', 'compliant', 'compliant-with-update',
  'not-compliant', 'no-public-decision'
] as const

export const Case = Type.Object({
  id: ref(Id),
  kind: Type.String({ enum: [...CASE_KINDS] }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  aliases: Type.Array(Type.String({ maxLength: 100 }), { description: 'Names and words people search with ("soleimani").' }),
  reference: Type.Optional(Type.String({ maxLength: 120, description: 'A CCF decision keeps its reference: "CCF Decision No. 2 (2024)".' })),
  date: ref(PartialDate),
  dates: Type.Array(Type.Object({
    date: ref(PartialDate),
    event: Type.String({ maxLength: 400 })
  }, { additionalProperties: false })),
  requester: Type.Optional(Type.Object({
    country: Type.Optional(ref(Iso2)),
    entity: Type.Optional(ref(Id))
  }, { additionalProperties: false, description: 'A country (ISO code) or an international entity; absent when anonymised.' })),
  subject: Type.Object({
    kind: Type.String({ enum: ['public-figure', 'group', 'anonymised'] }),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'Only for public figures and publicly named groups.' }))
  }, { additionalProperties: false }),
  subjectRoles: Type.Array(ref(SubjectRole)),
  offenceCategories: Type.Array(ref(OffenceCategory)),
  contexts: Type.Array(ref(OffenceContext)),
  noticeTypes: Type.Array(ref(Id), { description: 'Notice-type ids concerned; empty for other data (e.g. a travel-document record).' }),
  otherData: Type.Optional(Type.String({ maxLength: 120, description: 'Data that is not a notice, e.g. "Stolen and Lost Travel Documents database entry".' })),
  decidedBy: Type.String({ enum: [...DECIDERS] }),
  outcome: Type.String({ enum: [...OUTCOMES] }),
  grounds: Type.Array(ref(Id), { description: 'Ground ids the decision turned on (or, where INTERPOL gave no reason, that were argued).' }),
  groundsStated: Type.Boolean({ description: 'Whether INTERPOL or the CCF itself named the grounds, rather than the parties or the press.' }),
  tags: Type.Array(Type.String({ maxLength: 120 }), { description: 'CCF excerpt tags, verbatim.' }),
  summary: Type.String({ minLength: 1, maxLength: 1500 }),
  ...shortSummaryProperty,
  translations: Type.Optional(ref(Translations)),
  localized: Type.Optional(ref(Localized)),
  ...evidenceProperties
}, { $id: 'Case', additionalProperties: false, description: 'A precedent that shows a ground at work.' })
export type Case = Static<typeof Case>
