// RPD Art. 83: offences originating from a violation of administrative rules or deriving from private disputes are
// excluded, unless the conduct is aimed at facilitating a serious crime or is suspected of being linked to organised
// crime. The CCF has kept a Red Notice for unfunded cheques (Decision No. 2 of 2018), so cheques are weighed.
import type { Rule } from './rule.js'
import { any } from '../context.js'
import * as words from '../words.js'

const CONTRACT_OFFENCES = ['breach-of-contract'] as const
const CHEQUE_OFFENCES = ['unpaid-debt-or-cheque'] as const

export const excludedOffencePrivateDispute: Rule = {
  ground: 'excluded-offence-private-dispute',
  alsoFor: ['diffusion'],
  evaluate (ctx) {
    const contract = any(ctx.categories, CONTRACT_OFFENCES)
    const cheque = any(ctx.categories, CHEQUE_OFFENCES)
    const privateContext = ctx.contexts.has('private-commercial-dispute')
    if (contract.length === 0 && cheque.length === 0 && !privateContext) return undefined
    const charged = ctx.categories.size ? words.categories([...ctx.categories]) : 'no named offence'
    if (ctx.categories.has('organised-crime')) {
      return {
        result: 'concern',
        reason: `The charge (${charged}) looks like a private dispute, but a link to organised crime is alleged, which is the stated exception to the exclusion.`,
        changes: [
          { result: 'fails', if: 'the organised-crime link is not supported by facts' },
          { result: 'passes', if: 'the file shows the organised group and the person\'s part in it' }
        ]
      }
    }
    const diffusion = ctx.noticeType.id !== 'red'
    if (contract.length > 0) {
      return {
        result: diffusion ? 'concern' : 'fails',
        reason: `The charge (${words.categories(contract)}) derives from a private dispute, a category the RPD excludes from Red Notices${diffusion ? '; the list is written for Red Notices, but a diffusion asking for arrest over a contract meets the same objection' : ''}.`,
        changes: diffusion
          ? [
              { result: 'fails', if: 'the diffusion asks for the person\'s arrest over the contract alone' },
              { result: 'passes', if: 'the conduct is alleged to facilitate a serious crime or to be linked to organised crime' }
            ]
          : [{ result: 'concern', if: 'the conduct is alleged to facilitate a serious crime or to be linked to organised crime' }]
      }
    }
    if (cheque.length > 0) {
      return {
        result: 'concern',
        reason: `The charge (${words.categories(cheque)}) often derives from a private debt, which the exclusion covers; but the CCF kept a Red Notice for unfunded cheques where the person had been convicted (Decision No. 2 of 2018), so the amount, the victims and the conviction are weighed.`,
        changes: [
          { result: 'fails', if: 'the cheque guaranteed a private loan or a contract between two parties, with no deceit' },
          { result: 'passes', if: 'the cheques were a means of a fraud on several victims or a large sum' }
        ]
      }
    }
    return {
      result: 'concern',
      reason: `The charge (${charged}) is set in ${words.context('private-commercial-dispute')}: criminal charges in a private dispute are a classic sign of misuse and need review.`,
      changes: [
        { result: 'fails', if: 'the criminal case reproduces a civil claim between the parties' },
        { result: 'passes', if: 'there was deceit beyond the failure to perform the contract' }
      ]
    }
  }
}
