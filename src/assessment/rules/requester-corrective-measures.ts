// A requester under prior review or corrective measures: its requests go through extra checks before they circulate.
// Reported special checks that the record says were no formal measure are named, but raise no concern.
import type { Rule } from './rule.js'
import { capital, theCountry } from '../context.js'
import { restrictionsOn } from '../../domain/country-on.js'

const FORMAL_KINDS = ['prior-review', 'corrective-measures']
const KIND_WORDS: Record<string, string> = {
  'prior-review': 'prior review',
  'corrective-measures': 'corrective measures',
  'special-checks-reported': 'special checks'
}
const kindWords = (kind: string) => KIND_WORDS[kind] ?? kind.replace(/-/g, ' ')

export const requesterCorrectiveMeasures: Rule = {
  ground: 'requester-corrective-measures',
  evaluate (ctx) {
    if (!ctx.country) return undefined
    const restrictions = restrictionsOn(ctx.country, ctx.day)
      .filter((r) => r.appliesTo.length === 0 || r.appliesTo.includes(ctx.noticeType.id))
    if (restrictions.length === 0) return undefined
    const formal = restrictions.filter((r) => FORMAL_KINDS.includes(r.kind))
    const describe = (list: typeof restrictions) => list.map((r) => `${kindWords(r.kind)} (since ${r.since})`).join(' and ')
    if (formal.length === 0) {
      return {
        result: 'passes',
        reason: `${capital(theCountry(ctx))} was reported to face ${describe(restrictions)}, but the record found no formal corrective measure in force on ${ctx.day}. ${restrictions.map((r) => r.summary).join(' ')}`,
        changes: [{ result: 'concern', if: 'INTERPOL places the requester under prior review or corrective measures' }]
      }
    }
    return {
      result: 'concern',
      reason: `On ${ctx.day}, ${theCountry(ctx)} was under ${describe(formal)}: its requests go through extra checks before they circulate, while the substantive grounds still decide each one. ${formal.map((r) => r.summary).join(' ')}`,
      changes: [
        { result: 'passes', if: 'the General Secretariat\'s check finds the request compliant, or the measure is lifted before the request' },
        { result: 'fails', if: 'the check finds the request non-compliant: under the measure it is then not passed on to other countries' }
      ]
    }
  }
}
