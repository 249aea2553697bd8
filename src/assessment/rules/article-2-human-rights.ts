// Article 2: cooperation in the spirit of the Universal Declaration of Human Rights (fair trial, ill-treatment).
import type { Rule } from './rule.js'
import { any, list } from '../context.js'

const EXPOSED_ROLES = ['journalist', 'human-rights-defender', 'political-opposition'] as const

export const article2HumanRights: Rule = {
  ground: 'article-2-human-rights',
  evaluate (ctx) {
    const facts = [
      ...(ctx.request.judicial?.inAbsentia ? ['a judgment in absentia'] : []),
      ...any(ctx.roles, EXPOSED_ROLES).map((role) => `a subject who is ${role}`)
    ]
    if (facts.length > 0) {
      return { result: 'concern', reason: `The request involves ${list(facts)}: fair-trial and treatment questions under Article 2 need review.` }
    }
    return { result: 'passes', reason: 'Nothing in the request (no trial in absentia, no journalist, rights defender or opponent) points to a human-rights concern; such concerns are usually raised by the subject.' }
  }
}
