// The judicial basis of a request for arrest: what the person is wanted for, and an arrest warrant for a person
// sought for prosecution or a court decision for one sought to serve a sentence.
import type { Rule, RuleOutcome } from './rule.js'
import type { FindingResult } from '../../../schemas/assessment.js'

const SEVERITY: Record<FindingResult, number> = { passes: 0, 'not-enough-information': 1, concern: 2, fails: 3 }

export const insufficientJudicialData: Rule = {
  ground: 'insufficient-judicial-data',
  evaluate (ctx) {
    const { arrestWarrant, courtDecision } = ctx.request.judicial ?? {}
    const needed = ctx.soughtFor === 'sentence' ? 'courtDecision' : 'arrestWarrant'
    const basis = needed === 'courtDecision' ? 'a court decision' : 'an arrest warrant'
    const has = needed === 'courtDecision' ? courtDecision : arrestWarrant
    // "sought for prosecution", "sought to serve a sentence" (never "sought for sentence").
    const sought = ctx.soughtFor === 'sentence' ? 'sought to serve a sentence' : 'sought for prosecution'
    let outcome: RuleOutcome
    if (has === true) {
      outcome = { result: 'passes', reason: `The request rests on ${basis}, as a person ${sought} requires.`, changes: [] }
    } else if (arrestWarrant === undefined && courtDecision === undefined) {
      outcome = {
        result: 'not-enough-information',
        reason: 'The request does not say whether an arrest warrant or a court decision exists.',
        missing: [{ field: `judicial.${needed}`, why: `A request for a person ${sought} must rest on ${basis}.` }],
        changes: [{ result: 'passes', if: `${basis} exists` }, { result: 'fails', if: 'neither an arrest warrant nor a court decision exists' }]
      }
    } else if (arrestWarrant === true || courtDecision === true) {
      outcome = {
        result: 'concern',
        reason: `The person is ${sought}, which needs ${basis}; the request gives ${arrestWarrant ? 'an arrest warrant' : 'a court decision'} instead.`,
        changes: [
          { result: 'passes', if: `${basis} is produced, or the person is in fact sought for ${ctx.soughtFor === 'sentence' ? 'prosecution' : 'a sentence'}` },
          { result: 'fails', if: `no ${basis.replace(/^an? /, '')} exists or can be issued` }
        ]
      }
    } else {
      outcome = {
        result: 'fails',
        reason: `Neither an arrest warrant nor a court decision is given; a person ${sought} needs ${basis}.`,
        changes: [{ result: 'passes', if: `a judicial authority issues ${basis}` }]
      }
    }
    if (ctx.categories.size > 0) return outcome
    const offence: RuleOutcome = {
      result: 'not-enough-information',
      reason: 'The request does not say what the person is wanted for; a request for arrest must describe the criminal activity charged.',
      missing: [{ field: 'offence.categories', why: 'The charge decides the excluded-offence, Article 3 and threshold questions.' }],
      changes: [{ result: 'passes', if: 'the charge and the facts behind it are described' }]
    }
    const worse = SEVERITY[offence.result] > SEVERITY[outcome.result] ? offence : outcome
    return {
      result: worse.result,
      reason: `${outcome.reason} ${offence.reason}`,
      missing: [...(outcome.missing ?? []), ...(offence.missing ?? [])],
      changes: [...(outcome.changes ?? []), ...(offence.changes ?? [])]
    }
  }
}
