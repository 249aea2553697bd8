// What every rule sees: the request, the day it is judged on, and the records it refers to, resolved once.
import type { AssessmentRequest, NoticeType, RequestingEntity } from '../../schemas/index.js'
import type { CountryBase, Dataset } from '../data/dataset.js'
import { findCountry, nameInSentence } from './countries.js'
import { periodStart } from '../data/dates.js'

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
  /** Upper-case ISO codes; empty when the request does not say. */
  nationalities: readonly string[]
  soughtFor: 'prosecution' | 'sentence'
}

export function buildContext (request: AssessmentRequest, dataset: Dataset, day: string): AssessmentContext {
  const noticeType = dataset.noticeTypes.byId.get(request.noticeType)!
  const country = request.requester.country ? findCountry(dataset, request.requester.country) : undefined
  const entity = request.requester.entity ? dataset.requestingEntities.byId.get(request.requester.entity) : undefined
  const judicial = request.judicial ?? {}
  const offence = request.offence ?? {}
  const soughtFor: 'prosecution' | 'sentence' = (offence.soughtFor as 'prosecution' | 'sentence' | undefined) ??
    (judicial.courtDecision && !judicial.arrestWarrant ? 'sentence' : offence.sentenceRemainingMonths !== undefined && offence.maxPenaltyMonths === undefined ? 'sentence' : 'prosecution')
  return {
    request,
    day,
    dataset,
    noticeType,
    country,
    entity,
    requesterName: country?.name ?? entity?.name ?? 'The requester',
    roles: new Set(request.subject?.roles ?? []),
    categories: new Set(offence.categories ?? []),
    contexts: new Set(offence.context ?? []),
    nationalities: (request.subject?.nationalities ?? []).map((code) => code.toUpperCase()),
    soughtFor
  }
}

export const any = (set: ReadonlySet<string>, values: readonly string[]) => values.filter((value) => set.has(value))

// Kinds of requester and charge the rules weigh. Requesting-entity kinds come from data/requesting-entities.yaml.
export const INTERNATIONAL_JURISDICTIONS = ['international-court', 'international-tribunal'] as const
/** Violent ordinary-law crimes serious enough to weigh against political elements in the predominance test. */
export const SERIOUS_VIOLENT_CRIMES = ['murder', 'terrorism', 'crimes-against-humanity-or-war-crimes', 'sexual-offence', 'child-abduction'] as const
/** Notice types that seek a person's arrest: the excluded-offence rules, the thresholds and the judicial basis matter. */
export const WANTED_PERSON_TYPES = ['red', 'diffusion'] as const

export const fromInternationalJurisdiction = (ctx: AssessmentContext) =>
  ctx.entity !== undefined && (INTERNATIONAL_JURISDICTIONS as readonly string[]).includes(ctx.entity.kind)
export const fromSecurityCouncil = (ctx: AssessmentContext) => ctx.entity?.kind === 'united-nations'
export const seriousViolent = (ctx: AssessmentContext) => any(ctx.categories, SERIOUS_VIOLENT_CRIMES)
export const seeksArrest = (ctx: AssessmentContext) => (WANTED_PERSON_TYPES as readonly string[]).includes(ctx.noticeType.id)

/**
 * Whether the requesting country is the subject's own; `undefined` when the nationalities are not given. An entity is
 * never the subject's state.
 */
export function ownNational (ctx: AssessmentContext): boolean | undefined {
  if (!ctx.country) return false
  if (ctx.nationalities.length === 0) return undefined
  return ctx.nationalities.includes(ctx.country.iso2)
}

/** The requesting country in running text, with its article: "France", "the United Arab Emirates". */
export const theCountry = (ctx: AssessmentContext) => ctx.country ? nameInSentence(ctx.dataset, ctx.country.iso2) : 'the requesting country'

/** "France", "the United Arab Emirates", "the International Criminal Court". */
export function requesterPhrase (ctx: AssessmentContext): string {
  if (ctx.country) return theCountry(ctx)
  return ctx.entity ? `the ${ctx.entity.name}` : 'the requester'
}

/**
 * A reason that names past decisions must not read as if they had been made by the request's day. When any of them
 * came later, this says so: " (decided after 2015-01-01: it shows how INTERPOL reads the rule, not a decision it
 * had made by then)". Empty when every case was decided by the day, or is not in the dataset.
 */
export function laterNote (ctx: AssessmentContext, caseIds: readonly string[]): string {
  const later = caseIds.some((id) => {
    const c = ctx.dataset.cases.byId.get(id)
    return c !== undefined && periodStart(c.date) > ctx.day
  })
  return later ? ` (decided after ${ctx.day}: it shows how INTERPOL reads the rule, not a decision it had made by then)` : ''
}

export const capital = (text: string) => text.replace(/^./, (c) => c.toUpperCase())
/** Verb agreement for a requester whose name is plural ("the sanctions committees ask"). */
const plural = (ctx: AssessmentContext) => ctx.entity !== undefined && /s$/.test(ctx.entity.name)
export const asks = (ctx: AssessmentContext) => plural(ctx) ? 'ask' : 'asks'
export const seeks = (ctx: AssessmentContext) => plural(ctx) ? 'seek' : 'seeks'
