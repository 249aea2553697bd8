// What a schema cannot check in a request body: that its ids name real records. Each problem names its field.
import type { AssessmentRequest } from '../../schemas/assessment.js'
import type { Dataset } from '../data/dataset.js'
import { nearestIds } from '../http/suggest.js'

export interface FieldProblem { field: string; message: string }

export function checkReferences (request: AssessmentRequest, dataset: Dataset): FieldProblem[] {
  const problems: FieldProblem[] = []
  const unknown = (field: string, value: string, kind: string, ids: Iterable<string>) => {
    const near = nearestIds(value, ids)
    problems.push({ field, message: `"${value}" is not a known ${kind}${near.length ? `; did you mean ${near.join(', ')}?` : ''}` })
  }
  const countries = dataset.countries.byId
  const isCountry = (code: string) => countries.has(code.toUpperCase())

  if (!dataset.noticeTypes.byId.has(request.noticeType)) unknown('body.noticeType', request.noticeType, 'notice type', dataset.noticeTypes.byId.keys())
  const { country, entity } = request.requester
  if (Boolean(country) === Boolean(entity)) problems.push({ field: 'body.requester', message: 'give exactly one of country or entity' })
  if (country && !isCountry(country)) unknown('body.requester.country', country, 'ISO 3166-1 country code', countries.keys())
  if (entity && !dataset.requestingEntities.byId.has(entity)) unknown('body.requester.entity', entity, 'requesting entity', dataset.requestingEntities.byId.keys())
  request.subject?.nationalities?.forEach((code, index) => {
    if (!isCountry(code)) unknown(`body.subject.nationalities[${index}]`, code, 'ISO 3166-1 country code', countries.keys())
  })
  const grantedBy = request.subject?.refugee?.grantedBy
  if (grantedBy && !isCountry(grantedBy)) unknown('body.subject.refugee.grantedBy', grantedBy, 'ISO 3166-1 country code', countries.keys())
  request.priorDecisions?.forEach((prior, index) => {
    if (prior.ground && !dataset.grounds.byId.has(prior.ground)) unknown(`body.priorDecisions[${index}].ground`, prior.ground, 'ground', dataset.grounds.byId.keys())
  })
  const { maxPenaltyMonths, sentenceRemainingMonths } = request.offence
  if (maxPenaltyMonths !== undefined && sentenceRemainingMonths !== undefined && sentenceRemainingMonths > maxPenaltyMonths) {
    problems.push({ field: 'body.offence.sentenceRemainingMonths', message: 'cannot exceed offence.maxPenaltyMonths' })
  }
  return problems
}
