// Offences arising from private disputes or administrative rules (unfunded cheques, unpaid debts, contracts)
// are excluded, unless the conduct facilitates serious crime or is linked to organised crime.
import type { Rule } from './rule.js'
import { any, list } from '../context.js'

const PRIVATE_DISPUTE_OFFENCES = ['unpaid-debt-or-cheque', 'breach-of-contract'] as const

export const excludedOffencePrivateDispute: Rule = {
  ground: 'excluded-offence-private-dispute',
  evaluate (ctx) {
    const offences = any(ctx.categories, PRIVATE_DISPUTE_OFFENCES)
    const privateContext = ctx.contexts.has('private-commercial-dispute')
    if (offences.length === 0 && !privateContext) return undefined
    if (ctx.categories.has('organised-crime')) {
      return { result: 'concern', reason: `The offence (${list([...ctx.categories])}) looks like a private dispute, but a link to organised crime is alleged, which is the stated exception.` }
    }
    if (offences.length > 0) {
      return { result: 'fails', reason: `The offence (${list(offences)}) arises from a private dispute, a category excluded from Red Notices.` }
    }
    return { result: 'concern', reason: `The charge (${list([...ctx.categories])}) is set in a private-commercial-dispute: criminal charges in a private dispute are a classic sign of misuse and need review.` }
  }
}
