// Ranks past cases by how much they share with a request: the ground first, then requester, notice type,
// subject roles, offence categories and context.
import type { Case } from '../../schemas/index.js'
import type { AssessmentContext } from './context.js'
import { periodStart } from '../data/dates.js'

export const PRECEDENT_WEIGHTS = { ground: 4, requester: 3, noticeType: 1, role: 1, category: 1, context: 1 } as const

export function similarity (c: Case, ground: string, ctx: AssessmentContext): number {
  const requester = ctx.request.requester.country?.toUpperCase() ?? ctx.request.requester.entity
  const shared = (values: readonly string[], set: ReadonlySet<string>) => values.filter((value) => set.has(value)).length
  return (c.grounds.includes(ground) ? PRECEDENT_WEIGHTS.ground : 0) +
    ((c.requester?.country ?? c.requester?.entity) === requester ? PRECEDENT_WEIGHTS.requester : 0) +
    (c.noticeTypes.includes(ctx.noticeType.id) ? PRECEDENT_WEIGHTS.noticeType : 0) +
    shared(c.subjectRoles, ctx.roles) * PRECEDENT_WEIGHTS.role +
    shared(c.offenceCategories, ctx.categories) * PRECEDENT_WEIGHTS.category +
    shared(c.contexts, ctx.contexts) * PRECEDENT_WEIGHTS.context
}

/** Cases that applied the ground, most similar to the request first; only cases decided by the request's day. */
export function precedentsFor (ground: string, ctx: AssessmentContext, max = 5): string[] {
  return ctx.dataset.cases.all
    .filter((c) => c.grounds.includes(ground) && periodStart(c.date) <= ctx.day)
    .map((c, index) => ({ id: c.id, score: similarity(c, ground, ctx), index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max)
    .map((ranked) => ranked.id)
}
