// Who may ask at all: members through their NCB; international bodies for what they are entitled to request.
import type { Rule } from './rule.js'
import { inForceOn } from '../../data/dates.js'
import { canRequestOn } from '../../domain/country-on.js'

export const requesterEligibility: Rule = {
  ground: 'requester-eligibility',
  evaluate (ctx) {
    const type = ctx.noticeType
    if (!inForceOn(type, ctx.day)) {
      const when = type.effectiveFrom && ctx.day < type.effectiveFrom ? `did not exist yet on ${ctx.day} (from ${type.effectiveFrom})` : `no longer existed on ${ctx.day} (until ${type.effectiveTo})`
      return { result: 'fails', reason: `The ${type.labels.en} ${when}.` }
    }
    if (ctx.entity) {
      if (!inForceOn(ctx.entity, ctx.day)) return { result: 'fails', reason: `${ctx.entity.name} could not request notices on ${ctx.day}.` }
      return ctx.entity.mayRequest.includes(type.id)
        ? { result: 'passes', reason: `${ctx.entity.name} may request a ${type.labels.en}: ${ctx.entity.scope}` }
        : { result: 'fails', reason: `${ctx.entity.name} may request only ${ctx.entity.mayRequest.join(', ')}, not a ${type.labels.en}.` }
    }
    const answer = canRequestOn(ctx.country!, type, ctx.day)
    return { result: answer.allowed === 'no' ? 'fails' : 'passes', reason: answer.reason }
  }
}
