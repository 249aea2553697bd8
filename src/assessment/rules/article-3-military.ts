// Article 3, military side: purely military offences, and acts of armed forces in military operations or
// armed conflict; serious violations of international humanitarian law are the stated exception (1994).
import type { Rule } from './rule.js'
import { any, list } from '../context.js'
import { STATE_ROLES } from './article-3-political.js'

const MILITARY_CONTEXTS = ['military-operation', 'armed-conflict'] as const

export const article3Military: Rule = {
  ground: 'article-3-military',
  evaluate (ctx) {
    const contexts = any(ctx.contexts, MILITARY_CONTEXTS)
    const stateRoles = any(ctx.roles, STATE_ROLES)
    if (ctx.categories.has('desertion-or-military-offence')) {
      return { result: 'fails', reason: 'The offence (desertion-or-military-offence) is purely military in character.' }
    }
    if (contexts.length === 0) {
      return { result: 'passes', reason: `The offence is not set in a military operation or armed conflict (offence: ${list([...ctx.categories])}).` }
    }
    if (ctx.categories.has('crimes-against-humanity-or-war-crimes')) {
      return {
        result: 'concern',
        reason: `The context is ${list(contexts)}, but the charge is crimes against humanity or war crimes: INTERPOL ` +
          'may process serious violations of international humanitarian law under conditions, which need review.'
      }
    }
    if (stateRoles.length > 0) {
      return {
        result: 'fails',
        reason: `The acts charged (${list([...ctx.categories])}) arise from a ${list(contexts)} carried out by state ` +
          `officials (${list(stateRoles)}): a military character that Article 3 forbids INTERPOL to act on.`
      }
    }
    return { result: 'concern', reason: `The offence is set in a ${list(contexts)}; whether military elements predominate needs review.` }
  }
}
