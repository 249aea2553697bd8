// Article 3, political side: the predominance test weighs the political elements of a request against the
// ordinary-law ones. Purely political offences fail; ordinary crimes in a political setting are weighed.
import type { Rule } from './rule.js'
import { any, list } from '../context.js'

export const POLITICAL_ROLES = ['head-of-state', 'former-head-of-state', 'government-official', 'politician', 'political-opposition', 'diplomat'] as const
export const STATE_ROLES = ['head-of-state', 'former-head-of-state', 'government-official', 'military-officer', 'diplomat'] as const
const PURELY_POLITICAL_OFFENCES = ['defamation-or-speech', 'unauthorised-protest'] as const
const SENSITIVE_OFFENCES = ['treason-espionage-sedition', 'membership-of-banned-organisation'] as const
const POLITICAL_CONTEXTS = ['election-or-political-crisis', 'opposition-activity', 'coup-or-unconstitutional-change', 'protest'] as const
const INTERSTATE_CONTEXTS = ['military-operation', 'armed-conflict'] as const

export const article3Political: Rule = {
  ground: 'article-3-political',
  evaluate (ctx) {
    const roles = any(ctx.roles, POLITICAL_ROLES)
    const stateRoles = any(ctx.roles, STATE_ROLES)
    const pure = any(ctx.categories, PURELY_POLITICAL_OFFENCES)
    const sensitive = any(ctx.categories, SENSITIVE_OFFENCES)
    const contexts = any(ctx.contexts, POLITICAL_CONTEXTS)
    const interstate = any(ctx.contexts, INTERSTATE_CONTEXTS)
    const nationals = ctx.request.subject?.nationalities?.map((code) => code.toUpperCase()) ?? []
    const foreignOfficial = stateRoles.length > 0 && interstate.length > 0 &&
      !(ctx.country && nationals.includes(ctx.country.iso2))

    if (foreignOfficial) {
      return {
        result: 'fails',
        reason: `The subject's roles (${list(stateRoles)}) and the context (${list(interstate)}) make this a request by ` +
          `${ctx.requesterName} over acts of another state's officials: the political elements predominate over any ` +
          'ordinary-law charge, which is the ground INTERPOL cited for Iran\'s requests against US officials.'
      }
    }
    if (pure.length > 0) {
      return { result: 'fails', reason: `The offence itself (${list(pure)}) is political in character, not an ordinary-law crime.` }
    }
    if (roles.length > 0 && (contexts.length > 0 || sensitive.length > 0)) {
      return {
        result: 'fails',
        reason: `A subject who is ${list(roles)}, charged ${sensitive.length ? `with ${list(sensitive)}` : ''}` +
          `${sensitive.length && contexts.length ? ' ' : ''}${contexts.length ? `in a context of ${list(contexts)}` : ''}: ` +
          'the political elements are likely to predominate.'
      }
    }
    if (sensitive.length > 0 || contexts.length > 0 || roles.length > 0) {
      const facts = [...sensitive.map((c) => `offence ${c}`), ...contexts.map((c) => `context ${c}`), ...roles.map((r) => `subject ${r}`)]
      return {
        result: 'concern',
        reason: `Political elements are present (${list(facts)}); the General Secretariat weighs them against the ` +
          'ordinary-law elements case by case, and a political profile alone does not bar a notice.',
        missing: ctx.request.offence.context ? [] : [{ field: 'offence.context', why: 'The setting of the offence decides whether political elements predominate.' }]
      }
    }
    return {
      result: 'passes',
      reason: `No political role, offence or context is given (offence: ${list([...ctx.categories])}).`,
      missing: [
        ...(ctx.request.subject?.roles ? [] : [{ field: 'subject.roles', why: 'A political role (official, opponent, head of state) brings in the predominance test.' }]),
        ...(ctx.request.offence.context ? [] : [{ field: 'offence.context', why: 'An election, protest or military setting can make the political elements predominate.' }])
      ]
    }
  }
}
