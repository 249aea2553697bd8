// Every shared schema, in the order they are registered with Fastify (referenced pieces first).
export * from './common.js'
export * from './vocabulary.js'
export * from './notice-type.js'
export * from './instrument.js'
export * from './provision.js'
export * from './ground.js'
export * from './requesting-entity.js'
export * from './case.js'
export * from './term.js'
export * from './country.js'
export * from './assessment.js'
export * from './misconception.js'
export * from './changelog.js'

import { Id, Iso2, IsoDate, PartialDate, Confidence, Source, Quote, Labels, ShortDefinition, TranslatedText, Translations, Localized, FieldError, Problem } from './common.js'
import { SubjectRole, OffenceCategory, OffenceContext } from './vocabulary.js'
import { NoticeType } from './notice-type.js'
import { Instrument } from './instrument.js'
import { Provision } from './provision.js'
import { Ground } from './ground.js'
import { RequestingEntity } from './requesting-entity.js'
import { Case } from './case.js'
import { Term } from './term.js'
import { Phrasings, Misconception, MisconceptionList, Span, ClaimFinding, ClaimCheckRequest, ClaimCheckResult } from './misconception.js'
import { DatasetChange, DatasetChangeList } from './changelog.js'
import { Country } from './country.js'
import { AssessmentRequest, Finding, Assessment, AssessmentExample } from './assessment.js'

export const sharedSchemas = [
  Id, Iso2, IsoDate, PartialDate, Confidence, Source, Quote, Labels, ShortDefinition, TranslatedText, Translations, Localized, FieldError, Problem,
  SubjectRole, OffenceCategory, OffenceContext,
  NoticeType, Instrument, Provision, Ground, RequestingEntity, Case, Term, Country,
  AssessmentRequest, Finding, Assessment, AssessmentExample,
  Phrasings, Misconception, MisconceptionList, Span, ClaimFinding, ClaimCheckRequest, ClaimCheckResult, DatasetChange, DatasetChangeList
]

/** The `$ref` context for validating data files with TypeBox: `{ Source: …, Id: …, … }`. */
export const schemaContext = Object.fromEntries(sharedSchemas.map((s) => [(s as unknown as { $id: string }).$id, s]))
