// Offences relating to family or private matters are excluded.
import type { Rule } from './rule.js'

export const excludedOffenceFamilyPrivate: Rule = {
  ground: 'excluded-offence-family-private',
  evaluate (ctx) {
    const family = ctx.categories.has('family-dispute') || ctx.contexts.has('family-matter')
    if (!family) return undefined
    if (ctx.categories.has('child-abduction')) {
      return { result: 'concern', reason: 'A child abduction within a family matter: requests in custody disputes are restricted and need review.' }
    }
    return { result: 'fails', reason: 'The offence relates to a family matter (family-dispute or family-matter context), a category excluded from Red Notices.' }
  }
}
