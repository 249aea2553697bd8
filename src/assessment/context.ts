// What every rule sees: the request, the day it is judged on, and the records it refers to, resolved once.
import type { AssessmentRequest, NoticeType, RequestingEntity } from '../../schemas/index.js'
import type { CountryBase, Dataset } from '../data/dataset.js'

export interface AssessmentContext {
  request: AssessmentRequest
  day: string
  dataset: Dataset
  noticeType: NoticeType
  country?: CountryBase
  entity?: RequestingEntity
  requesterName: string
  roles: ReadonlySet<string>
  categories: ReadonlySet<string>
  contexts: ReadonlySet<string>
  soughtFor: 'prosecution' | 'sentence'
}

export function buildContext (request: AssessmentRequest, dataset: Dataset, day: string): AssessmentContext {
  const noticeType = dataset.noticeTypes.byId.get(request.noticeType)!
  const country = request.requester.country ? dataset.countries.byId.get(request.requester.country.toUpperCase()) : undefined
  const entity = request.requester.entity ? dataset.requestingEntities.byId.get(request.requester.entity) : undefined
  const judicial = request.judicial ?? {}
  const soughtFor: 'prosecution' | 'sentence' = (request.offence.soughtFor as 'prosecution' | 'sentence' | undefined) ??
    (judicial.courtDecision && !judicial.arrestWarrant ? 'sentence' : request.offence.sentenceRemainingMonths !== undefined && request.offence.maxPenaltyMonths === undefined ? 'sentence' : 'prosecution')
  return {
    request,
    day,
    dataset,
    noticeType,
    country,
    entity,
    requesterName: country?.name ?? entity?.name ?? 'The requester',
    roles: new Set(request.subject?.roles ?? []),
    categories: new Set(request.offence.categories),
    contexts: new Set(request.offence.context ?? []),
    soughtFor
  }
}

export const any = (set: ReadonlySet<string>, values: readonly string[]) => values.filter((value) => set.has(value))
export const list = (values: readonly string[]) => values.join(', ')
