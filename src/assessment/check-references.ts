// What a schema cannot check in a request body: that its ids name real records. It reads the raw body, before
// (and whatever) schema validation says, so that one answer can name every problem at once; each names its field.
import type { Dataset } from '../data/dataset.js'
import { nearestIds } from '../http/suggest.js'
import { isKnownCountry } from './countries.js'

export interface FieldProblem { field: string; message: string }

type Loose = Record<string, unknown>
const object = (value: unknown): Loose | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Loose : undefined
const text = (value: unknown): string | undefined => typeof value === 'string' ? value : undefined
const COUNTRY_SHAPE = /^[A-Za-z]{2}$/

export function checkReferences (body: unknown, dataset: Dataset): FieldProblem[] {
  const request = object(body)
  if (!request) return []
  const problems: FieldProblem[] = []
  const unknown = (field: string, value: string, kind: string, ids: Iterable<string>) => {
    const near = nearestIds(value, ids)
    problems.push({ field, message: `"${value}" is not a known ${kind}${near.length ? `; did you mean ${near.join(', ')}?` : ''}` })
  }
  const countryIds = () => [...dataset.countries.byId.keys(), ...(dataset.userAssignedCountries?.byId.keys() ?? [])]
  /** Only codes of the right shape are looked up; the schema reports the others. */
  const checkCountry = (field: string, value: unknown) => {
    const code = text(value)
    if (code && COUNTRY_SHAPE.test(code) && !isKnownCountry(dataset, code)) unknown(field, code, 'ISO 3166-1 country code', countryIds())
  }

  const noticeType = text(request.noticeType)
  if (noticeType && !dataset.noticeTypes.byId.has(noticeType)) unknown('body.noticeType', noticeType, 'notice type', dataset.noticeTypes.byId.keys())
  const requester = object(request.requester)
  if (requester) {
    const { country, entity } = requester
    if ((country === undefined) === (entity === undefined)) problems.push({ field: 'body.requester', message: 'give exactly one of country or entity' })
    checkCountry('body.requester.country', country)
    const entityId = text(entity)
    if (entityId && !dataset.requestingEntities.byId.has(entityId)) unknown('body.requester.entity', entityId, 'requesting entity', dataset.requestingEntities.byId.keys())
  }
  const subject = object(request.subject)
  if (subject && Array.isArray(subject.nationalities)) {
    subject.nationalities.forEach((code, index) => checkCountry(`body.subject.nationalities[${index}]`, code))
  }
  checkCountry('body.subject.refugee.grantedBy', object(subject?.refugee)?.grantedBy)
  if (Array.isArray(request.priorDecisions)) {
    request.priorDecisions.forEach((prior, index) => {
      const ground = text(object(prior)?.ground)
      if (ground && !dataset.grounds.byId.has(ground)) unknown(`body.priorDecisions[${index}].ground`, ground, 'ground', dataset.grounds.byId.keys())
    })
  }
  const offence = object(request.offence)
  const maxPenaltyMonths = offence?.maxPenaltyMonths
  const sentenceRemainingMonths = offence?.sentenceRemainingMonths
  if (typeof maxPenaltyMonths === 'number' && typeof sentenceRemainingMonths === 'number' && sentenceRemainingMonths > maxPenaltyMonths) {
    problems.push({ field: 'body.offence.sentenceRemainingMonths', message: 'cannot exceed offence.maxPenaltyMonths' })
  }
  return problems
}
