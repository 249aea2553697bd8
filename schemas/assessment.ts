// A hypothetical notice request and the assessment of it against the published rules.
import { Type, type Static } from 'typebox'
import { Id, ID_PATTERN, ref } from './common.js'
import { SUBJECT_ROLES, OFFENCE_CATEGORIES, OFFENCE_CONTEXTS } from './vocabulary.js'

const countryCode = (description: string) =>
  Type.String({ pattern: '^[A-Za-z]{2}$', description: `${description} ISO 3166-1 alpha-2, any case, or a user-assigned code the dataset records (XK, Kosovo).`, examples: ['IR'] })

export const PRIOR_OUTCOMES = ['refused', 'not-considered', 'deleted', 'cancelled', 'suspended'] as const

export const AssessmentRequest = Type.Object({
  noticeType: Type.String({ pattern: ID_PATTERN, maxLength: 64, description: 'The notice type asked for (a notice-type id).', examples: ['red'] }),
  requester: Type.Object({
    country: Type.Optional(countryCode('The requesting member country.')),
    entity: Type.Optional(Type.String({ pattern: ID_PATTERN, maxLength: 64, description: 'Or a requesting-entity id (e.g. icc).' }))
  }, { additionalProperties: false, description: 'Exactly one of `country` or `entity`.' }),
  date: Type.Optional(Type.String({ format: 'date', description: 'The day of the request; the rules and memberships in force that day apply. Default: today.' })),
  subject: Type.Optional(Type.Object({
    nationalities: Type.Optional(Type.Array(countryCode('Nationality.'), { maxItems: 10, uniqueItems: true })),
    roles: Type.Optional(Type.Array(Type.String({ enum: [...SUBJECT_ROLES] }), { maxItems: 13, uniqueItems: true })),
    refugee: Type.Optional(Type.Object({
      status: Type.String({ enum: ['recognised', 'asylum-seeker'] }),
      grantedBy: countryCode('The country that recognised the status or examines the claim.')
    }, { additionalProperties: false }))
  }, { additionalProperties: false })),
  offence: Type.Optional(Type.Object({
    summary: Type.Optional(Type.String({ maxLength: 500, description: 'Free text, used only for display.' })),
    categories: Type.Optional(Type.Array(Type.String({ enum: [...OFFENCE_CATEGORIES] }), {
      minItems: 1,
      maxItems: OFFENCE_CATEGORIES.length,
      uniqueItems: true,
      description: 'What the person is wanted for. Needed for a Red Notice or a wanted-person diffusion; a notice that seeks no one for an offence (Yellow, Black) needs none.'
    })),
    context: Type.Optional(Type.Array(Type.String({ enum: [...OFFENCE_CONTEXTS] }), { maxItems: 11, uniqueItems: true })),
    soughtFor: Type.Optional(Type.String({ enum: ['prosecution', 'sentence'], description: 'Default: prosecution, or sentence when only a court decision is given.' })),
    maxPenaltyMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 12000, description: 'Maximum penalty for the offence, in months (life: 12000).' })),
    sentenceRemainingMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 12000, description: 'For a person sought to serve a sentence.' }))
  }, { additionalProperties: false })),
  judicial: Type.Optional(Type.Object({
    arrestWarrant: Type.Optional(Type.Boolean()),
    courtDecision: Type.Optional(Type.Boolean()),
    issuedBy: Type.Optional(Type.String({ maxLength: 200 })),
    inAbsentia: Type.Optional(Type.Boolean())
  }, { additionalProperties: false })),
  priorDecisions: Type.Optional(Type.Array(Type.Object({
    outcome: Type.String({ enum: [...PRIOR_OUTCOMES] }),
    ground: Type.Optional(Type.String({ pattern: ID_PATTERN, maxLength: 64, description: 'A ground id, if the decision gave one.' })),
    date: Type.Optional(Type.String({ format: 'date' })),
    newFacts: Type.Optional(Type.Boolean({ description: 'Whether the new request brings facts the earlier decision did not weigh. Default: false.' }))
  }, { additionalProperties: false }), { maxItems: 10, description: 'Earlier refusals or deletions of the same request.' }))
}, { $id: 'AssessmentRequest', additionalProperties: false, description: 'A hypothetical request for a notice.' })
export type AssessmentRequest = Static<typeof AssessmentRequest>

export const FINDING_RESULTS = ['fails', 'concern', 'passes', 'not-enough-information'] as const
export type FindingResult = typeof FINDING_RESULTS[number]
export const VERDICTS = ['likely-refused', 'needs-review', 'likely-compliant', 'cannot-request'] as const
export type Verdict = typeof VERDICTS[number]

export const PRECEDENT_DIRECTIONS = ['supports', 'cuts-against'] as const

export const Precedent = Type.Object({
  case: ref(Id),
  title: Type.String(),
  outcome: Type.String({ description: 'The case\'s outcome (see /v1/cases).' }),
  date: Type.String({ description: 'When it was decided (a full or partial date).' }),
  direction: Type.String({
    enum: [...PRECEDENT_DIRECTIONS],
    description: '`supports`: the case went the way this finding leans (a refusal or deletion for a finding that fails or ' +
      'raises a concern, a notice kept for one that passes); `cuts-against`: it went the other way.'
  }),
  shared: Type.Array(Type.String(), { description: 'What the case has in common with the request, most telling first.' })
}, { additionalProperties: false, description: 'A past case weighed for or against a finding.' })
export type Precedent = Static<typeof Precedent>

export const Change = Type.Object({
  result: Type.String({ enum: [...FINDING_RESULTS], description: 'The result the finding would have.' }),
  if: Type.String({ description: 'The fact that would bring it about.' })
}, { additionalProperties: false })
export type Change = Static<typeof Change>

export const Finding = Type.Object({
  ground: ref(Id),
  title: Type.String(),
  provisions: Type.Array(ref(Id), { minItems: 1, description: 'Provision ids applied that govern the notice type asked for (see /v1/provisions).' }),
  result: Type.String({ enum: [...FINDING_RESULTS] }),
  reason: Type.String({ description: 'Names the facts of the request it relied on.' }),
  precedents: Type.Array(Precedent, { description: 'Past cases on this ground, most relevant first, each saying whether it supports or cuts against the finding.' }),
  changes: Type.Array(Change, { description: 'What would change this finding: the fact and the result it would lead to.' })
}, { $id: 'Finding', additionalProperties: false })
export type Finding = Static<typeof Finding>

export const Assessment = Type.Object({
  verdict: Type.String({ enum: [...VERDICTS] }),
  summary: Type.String(),
  findings: Type.Array(ref(Finding)),
  missing: Type.Array(Type.Object({
    field: Type.String({ description: 'Where in the request: `offence.maxPenaltyMonths`.' }),
    why: Type.String()
  }, { additionalProperties: false }), { description: 'Facts that could change the verdict.' }),
  warnings: Type.Array(Type.String(), { description: 'Things about the request itself worth knowing, e.g. a date in the future.' }),
  asOf: Type.String({ format: 'date' }),
  datasetVersion: Type.String(),
  disclaimer: Type.String()
}, { $id: 'Assessment', additionalProperties: false, description: 'How a hypothetical request measures against the published rules.' })
export type Assessment = Static<typeof Assessment>

export const AssessmentExample = Type.Object({
  id: ref(Id),
  title: Type.String(),
  description: Type.String(),
  request: ref(AssessmentRequest)
}, { $id: 'AssessmentExample', additionalProperties: false })
