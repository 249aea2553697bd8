// Article 2: cooperation in the spirit of the Universal Declaration of Human Rights (fair trial, ill-treatment).
import type { Rule } from './rule.js'
import { any } from '../context.js'
import * as words from '../words.js'

const EXPOSED_ROLES = ['journalist', 'human-rights-defender', 'political-opposition'] as const

export const article2HumanRights: Rule = {
  ground: 'article-2-human-rights',
  evaluate (ctx) {
    const exposed = any(ctx.roles, EXPOSED_ROLES)
    const facts = [
      ...(ctx.request.judicial?.inAbsentia ? ['a judgment given in absentia'] : []),
      ...(exposed.length ? [`a subject who is ${words.roles(exposed)}`] : [])
    ]
    if (facts.length > 0) {
      return {
        result: 'concern',
        reason: `The request involves ${words.and(facts)}: whether the proceedings were fair and how the person would be treated are Article 2 questions that need review.` +
          (ctx.request.judicial?.inAbsentia ? ' The CCF weighs a trial in absentia but does not treat it as decisive (it kept the notice in Decision No. 2 of 2018).' : ''),
        changes: [
          { result: 'fails', if: 'there is credible evidence of torture, ill-treatment or a trial without basic guarantees in the requesting country' },
          { result: 'passes', if: 'the person could have a retrial with full guarantees and nothing suggests a risk of ill-treatment' }
        ]
      }
    }
    return {
      result: 'passes',
      reason: 'Nothing in the request (no trial in absentia, no journalist, rights defender or opponent) points to a human-rights concern; such concerns are usually raised by the subject.',
      changes: [{ result: 'concern', if: 'the person was tried in absentia, or is a journalist, rights defender or opponent' }]
    }
  }
}
