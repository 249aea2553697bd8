// The minimum penalties: two years' maximum for a person sought for prosecution, six months of sentence for a
// person sought to serve one. The General Secretariat may make an exception for a case of particular importance.
import type { Rule } from './rule.js'

export const PROSECUTION_MINIMUM_MONTHS = 24
export const SENTENCE_MINIMUM_MONTHS = 6
/** The request's scale: 12000 months stands for life ("a maximum penalty of life imprisonment", not "12000 months"). */
const LIFE_MONTHS = 12000
const months = (n: number) => n >= LIFE_MONTHS ? 'life imprisonment' : n === 1 ? '1 month' : `${n} months`
const EXCEPTION = 'The General Secretariat may still publish a case of particular importance to international police cooperation.'

export const penaltyThreshold: Rule = {
  ground: 'penalty-threshold',
  evaluate (ctx) {
    const { maxPenaltyMonths, sentenceRemainingMonths } = ctx.request.offence ?? {}
    if (ctx.soughtFor === 'sentence') {
      if (sentenceRemainingMonths === undefined) {
        return {
          result: 'not-enough-information',
          reason: 'The subject is sought to serve a sentence, but the months left to serve are not given.',
          missing: [{ field: 'offence.sentenceRemainingMonths', why: 'At least six months of the sentence must remain to be served.' }],
          changes: [{ result: 'passes', if: 'at least six months remain' }, { result: 'fails', if: 'less than six months remain' }]
        }
      }
      return sentenceRemainingMonths < SENTENCE_MINIMUM_MONTHS
        ? { result: 'fails', reason: `Sought to serve a sentence with ${sentenceRemainingMonths >= LIFE_MONTHS ? 'a life sentence' : months(sentenceRemainingMonths)} left, under the six-month minimum. ${EXCEPTION}`, changes: [{ result: 'concern', if: 'the General Secretariat finds the case of particular importance to international police cooperation' }] }
        : { result: 'passes', reason: `Sought to serve a sentence with ${sentenceRemainingMonths >= LIFE_MONTHS ? 'a life sentence' : months(sentenceRemainingMonths)} left, at least the six-month minimum.`, changes: [] }
    }
    if (maxPenaltyMonths === undefined) {
      return {
        result: 'not-enough-information',
        reason: 'The subject is sought for prosecution, but the maximum penalty is not given.',
        missing: [{ field: 'offence.maxPenaltyMonths', why: 'The offence must carry a maximum of at least two years.' }],
        changes: [{ result: 'passes', if: 'the offence carries at least two years' }, { result: 'fails', if: 'the maximum is under two years' }]
      }
    }
    return maxPenaltyMonths < PROSECUTION_MINIMUM_MONTHS
      ? { result: 'fails', reason: `Sought for prosecution for an offence with a maximum penalty of ${months(maxPenaltyMonths)}, under the two-year minimum. ${EXCEPTION}`, changes: [{ result: 'concern', if: 'the General Secretariat finds the case of particular importance to international police cooperation' }] }
      : { result: 'passes', reason: `Sought for prosecution for an offence with a maximum penalty of ${months(maxPenaltyMonths)}, at least the two-year minimum.`, changes: [] }
  }
}
