// Article 3, racial side: prosecutions set in ethnic or racial tension.
import type { Rule } from './rule.js'

export const article3Racial: Rule = {
  ground: 'article-3-racial',
  evaluate (ctx) {
    if (!ctx.contexts.has('ethnic-or-racial-tension')) return undefined
    return { result: 'concern', reason: 'The offence is set in a context of ethnic-or-racial-tension; racial elements are weighed against the ordinary-law charge.' }
  }
}
