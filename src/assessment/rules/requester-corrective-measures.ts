// A requester under prior review or corrective measures: its requests go through extra checks before they circulate.
// Reported special checks that the record says were no formal measure are named, but raise no concern.
import type { Rule } from './rule.js'
import { restrictionsOn } from '../../domain/country-on.js'

const FORMAL_KINDS = ['prior-review', 'corrective-measures']
const kindWords = (kind: string) => kind.replace(/-/g, ' ')

export const requesterCorrectiveMeasures: Rule = {
  ground: 'requester-corrective-measures',
  evaluate (ctx) {
    if (!ctx.country) return undefined
    const restrictions = restrictionsOn(ctx.country, ctx.day)
      .filter((r) => r.appliesTo.length === 0 || r.appliesTo.includes(ctx.noticeType.id))
    if (restrictions.length === 0) return undefined
    const formal = restrictions.filter((r) => FORMAL_KINDS.includes(r.kind))
    const describe = (list: typeof restrictions) => list.map((r) => `${kindWords(r.kind)} since ${r.since}`).join(' and ')
    if (formal.length === 0) {
      return {
        result: 'passes',
        reason: `Reports of ${describe(restrictions)} concern ${ctx.country.name}, but the record found no formal corrective measure in force on ${ctx.day}: ${restrictions.map((r) => r.summary).join(' ')}`,
        changes: [{ result: 'concern', if: 'INTERPOL places the requester under prior review or corrective measures' }]
      }
    }
    return {
      result: 'concern',
      reason: `${ctx.country.name} was under ${describe(formal)} on ${ctx.day}: ${formal.map((r) => r.summary).join(' ')}`,
      changes: [{ result: 'passes', if: 'the measure is lifted before the request' }]
    }
  }
}
