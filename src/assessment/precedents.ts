// Past cases weighed for or against a finding. A case is relevant to a finding when it applied the finding's ground;
// it ranks by what else it shares with the request (the requester, the charges, the subject's roles, the setting,
// the notice type) and by whether INTERPOL or the CCF named the ground itself. Its direction compares its outcome
// with the way the finding leans. Built to scale to a corpus of hundreds of CCF excerpts: one pass per finding.
import type { Case } from '../../schemas/index.js'
import type { FindingResult, Precedent } from '../../schemas/assessment.js'
import type { AssessmentContext } from './context.js'
import { periodStart } from '../data/dates.js'
import * as words from './words.js'

export const PRECEDENT_WEIGHTS = { requester: 3, requesterOnly: 1, category: 2, role: 1, context: 1, noticeType: 1, groundStated: 1 } as const
/**
 * What a case must share with a request for a finding that passes to list it: a charge and something else, or the
 * requester on shared facts. A refusal that shares one generic charge (fraud, murder) with an ordinary request says
 * nothing about it: Browder's refusal does not cut against a French fraud case.
 */
export const MIN_SHARED_FOR_PASSING = 3

/** Outcomes that went against the data (refused, deleted…) and those that kept it; others carry no direction. */
const AGAINST_THE_NOTICE = new Set(['refused', 'not-considered', 'deleted', 'cancelled', 'suspended', 'not-compliant'])
const FOR_THE_NOTICE = new Set(['published', 'compliant', 'compliant-with-update'])

export type Leaning = 'against-the-notice' | 'for-the-notice'

export function caseLeaning (c: Case): Leaning | undefined {
  if (AGAINST_THE_NOTICE.has(c.outcome)) return 'against-the-notice'
  if (FOR_THE_NOTICE.has(c.outcome)) return 'for-the-notice'
  return undefined
}

/** A finding that fails or raises a doubt leans against the notice; one that passes, for it. */
export const findingLeaning = (result: FindingResult): Leaning => result === 'passes' ? 'for-the-notice' : 'against-the-notice'

interface Shared { score: number; facts: string[] }

/** What the case shares with the request beyond the ground, with a score: the most telling facts first. */
export function shared (c: Case, ctx: AssessmentContext): Shared {
  const requester = ctx.country?.iso2 ?? ctx.entity?.id
  const facts: string[] = []
  let score = 0
  const sameRequester = requester !== undefined && (c.requester?.country ?? c.requester?.entity) === requester
  for (const category of c.offenceCategories.filter((x) => ctx.categories.has(x))) {
    score += PRECEDENT_WEIGHTS.category
    facts.push(`a charge of ${words.category(category)}`)
  }
  for (const role of c.subjectRoles.filter((x) => ctx.roles.has(x))) {
    score += PRECEDENT_WEIGHTS.role
    facts.push(`a subject who is ${words.role(role)}`)
  }
  for (const context of c.contexts.filter((x) => ctx.contexts.has(x))) {
    score += PRECEDENT_WEIGHTS.context
    facts.push(`a setting of ${words.context(context)}`)
  }
  // The same requester weighs most when the case also shares the facts; on different facts it shows the requester's
  // record, no more, and says so (Ukraine's deleted request against Yanukovych is not a precedent on war crimes).
  if (sameRequester) {
    const onFacts = facts.length > 0
    score += onFacts ? PRECEDENT_WEIGHTS.requester : PRECEDENT_WEIGHTS.requesterOnly
    facts.unshift(`the same requester (${ctx.country?.name ?? ctx.entity?.name})${onFacts ? '' : ', on different facts'}`)
  }
  return { score, facts }
}

export function similarity (c: Case, ctx: AssessmentContext): number {
  return shared(c, ctx).score + (c.noticeTypes.includes(ctx.noticeType.id) ? PRECEDENT_WEIGHTS.noticeType : 0) +
    (c.groundsStated ? PRECEDENT_WEIGHTS.groundStated : 0)
}

/**
 * The cases on a ground decided by the request's day, with a direction, most relevant first. A finding that passes
 * lists only cases sharing a fact with the request (a case that merely applied the ground says nothing about a
 * request with none of its features); the others also list CCF decisions on the same notice type, whose
 * anonymised excerpts often record nothing but the ground.
 */
export function precedentsFor (ground: string, result: FindingResult, ctx: AssessmentContext, max = 5): Precedent[] {
  const leaning = findingLeaning(result)
  return ctx.dataset.cases.all
    .filter((c) => c.grounds.includes(ground) && periodStart(c.date) <= ctx.day && caseLeaning(c) !== undefined)
    .map((c, index) => ({ c, index, common: shared(c, ctx), score: similarity(c, ctx) }))
    .filter(({ c, common }) => result === 'passes'
      ? common.score >= MIN_SHARED_FOR_PASSING
      : common.score > 0 || (c.kind === 'ccf-decision' && c.noticeTypes.includes(ctx.noticeType.id)))
    .sort((a, b) => b.score - a.score || periodStart(b.c.date).localeCompare(periodStart(a.c.date)) || a.index - b.index)
    .slice(0, max)
    .map(({ c, common }) => ({
      case: c.id,
      title: c.title,
      outcome: c.outcome,
      date: c.date,
      direction: caseLeaning(c) === leaning ? 'supports' : 'cuts-against',
      shared: [...common.facts, ...(c.noticeTypes.includes(ctx.noticeType.id) ? [`the same notice type (${ctx.noticeType.labels.en})`] : [])]
    }))
}
