// Controlled vocabularies shared by cases (to describe a precedent) and assessments (to describe a request),
// so that precedent matching compares like with like.
import { Type } from 'typebox'

export const SUBJECT_ROLES = [
  'head-of-state', 'former-head-of-state', 'government-official', 'politician', 'military-officer', 'diplomat',
  'journalist', 'human-rights-defender', 'political-opposition', 'religious-figure', 'business-person',
  'private-individual', 'refugee'
] as const

export const OFFENCE_CATEGORIES = [
  'murder', 'terrorism', 'fraud', 'corruption', 'embezzlement', 'drug-trafficking', 'sexual-offence', 'cybercrime',
  'money-laundering', 'unpaid-debt-or-cheque', 'breach-of-contract', 'family-dispute', 'child-abduction',
  'defamation-or-speech', 'unauthorised-protest', 'treason-espionage-sedition', 'desertion-or-military-offence',
  'blasphemy-or-religious-offence', 'crimes-against-humanity-or-war-crimes', 'membership-of-banned-organisation',
  'theft', 'organised-crime',
  // Conduct that is an offence in some member countries only because of cultural or social norms; the RPD keeps
  // it out of notices (the exclusion the assessment's cultural-norms rule applies).
  'consensual-sexual-conduct', 'prostitution', 'personal-drug-use', 'apostasy', 'dress-code-or-public-morality',
  'other'
] as const

export const OFFENCE_CONTEXTS = [
  'armed-conflict', 'military-operation', 'election-or-political-crisis', 'protest', 'religious-practice',
  'private-commercial-dispute', 'family-matter', 'coup-or-unconstitutional-change', 'ethnic-or-racial-tension',
  'opposition-activity', 'ordinary-criminal'
] as const

export const SubjectRole = Type.String({ $id: 'SubjectRole', enum: [...SUBJECT_ROLES] })
export const OffenceCategory = Type.String({ $id: 'OffenceCategory', enum: [...OFFENCE_CATEGORIES] })
export const OffenceContext = Type.String({ $id: 'OffenceContext', enum: [...OFFENCE_CONTEXTS] })
