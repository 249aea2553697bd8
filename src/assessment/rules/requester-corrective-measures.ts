// A requester under prior review or corrective measures: its request goes through extra checks.
import type { Rule } from './rule.js'
import { restrictionsOn } from '../../domain/country-on.js'

export const requesterCorrectiveMeasures: Rule = {
  ground: 'requester-corrective-measures',
  evaluate (ctx) {
    if (!ctx.country) return undefined
    const restrictions = restrictionsOn(ctx.country, ctx.day)
      .filter((r) => r.appliesTo.length === 0 || r.appliesTo.includes(ctx.noticeType.id))
    if (restrictions.length === 0) return undefined
    return {
      result: 'concern',
      reason: `${ctx.country.name} was under ${restrictions.map((r) => `${r.kind.replace(/-/g, ' ')} since ${r.since}`).join(' and ')} ` +
        `on ${ctx.day}: ${restrictions.map((r) => r.summary).join(' ')}`
    }
  }
}
