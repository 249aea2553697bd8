// Article 3, religious side: offences against religion, and prosecutions tied to religious practice.
import type { Rule } from './rule.js'

export const article3Religious: Rule = {
  ground: 'article-3-religious',
  evaluate (ctx) {
    if (ctx.categories.has('blasphemy-or-religious-offence')) {
      return { result: 'fails', reason: 'The offence (blasphemy-or-religious-offence) is religious in character.' }
    }
    const facts = [
      ...(ctx.contexts.has('religious-practice') ? ['context religious-practice'] : []),
      ...(ctx.roles.has('religious-figure') ? ['subject religious-figure'] : [])
    ]
    if (facts.length === 0) return undefined
    return { result: 'concern', reason: `Religious elements are present (${facts.join(', ')}); they are weighed against the ordinary-law charge.` }
  }
}
