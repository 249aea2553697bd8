// Article 3, military limb: purely military offences fail; acts of a state's forces in a military operation or an
// armed conflict are weighed; serious violations of international humanitarian law may be processed (1994).
import type { Rule } from './rule.js'
import { HUMANITARIAN_LAW } from './rule.js'
import { any, capital, laterNote, theCountry, fromInternationalJurisdiction, fromSecurityCouncil, ownNational, requesterPhrase, seeks, type AssessmentContext } from '../context.js'
import { INTERSTATE_CONTEXTS, STATE_ROLES } from './article-3-political.js'
import * as words from '../words.js'

const WAR_CRIMES = 'crimes-against-humanity-or-war-crimes'
const charges = (ctx: AssessmentContext) => ctx.categories.size ? words.categories([...ctx.categories]) : 'no named offence'

export const article3Military: Rule = {
  ground: 'article-3-military',
  evaluate (ctx) {
    const settings = any(ctx.contexts, INTERSTATE_CONTEXTS)
    const stateRoles = any(ctx.roles, STATE_ROLES)
    if (ctx.categories.has('desertion-or-military-offence')) {
      return {
        result: 'fails',
        reason: `The charge (${words.category('desertion-or-military-offence')}) is a breach of military law, purely military in character, which Article 3 forbids INTERPOL to act on.`,
        changes: [{ result: 'passes', if: 'the charge is an ordinary-law crime that would be one outside military service too' }]
      }
    }
    if (settings.length === 0) {
      if (!ctx.roles.has('military-officer')) return undefined
      return {
        result: 'passes',
        reason: `The subject is ${words.role('military-officer')}, but the charge (${charges(ctx)}) is not set in a military operation or armed conflict.`,
        missing: ctx.request.offence?.context ? [] : [{ field: 'offence.context', why: 'Acts done in a military operation or armed conflict are weighed under the military limb of Article 3.' }],
        changes: [{ result: 'concern', if: 'the acts were done in a military operation or an armed conflict' }]
      }
    }
    const setting = words.contexts(settings)
    if (fromSecurityCouncil(ctx)) {
      return {
        result: 'passes',
        reason: `${capital(requesterPhrase(ctx))} relay measures the Security Council decided against a person it listed in connection with ${setting}: the notice does not ask INTERPOL to take a side in the conflict.`,
        changes: []
      }
    }
    if (ctx.categories.has(WAR_CRIMES)) {
      if (fromInternationalJurisdiction(ctx)) {
        return {
          result: 'passes',
          reason: `${capital(requesterPhrase(ctx))} ${seeks(ctx)} the person for ${words.category(WAR_CRIMES)} in ${setting}: serious violations of international humanitarian law are what the 1994 resolution lets INTERPOL process, and the military setting is what such crimes have in common, not a reason to refuse.`,
          applies: [HUMANITARIAN_LAW],
          changes: []
        }
      }
      return {
        result: 'concern',
        reason: `The charge is ${words.category(WAR_CRIMES)} in ${setting}: the 1994 resolution lets INTERPOL process serious violations of international humanitarian law, so the military setting does not bar the request, but its conditions (the gravity of the acts and who asks) need review${ctx.country ? `, the more so as ${theCountry(ctx)} may be a party to the conflict` : ''}.`,
        applies: [HUMANITARIAN_LAW],
        changes: [
          { result: 'passes', if: 'an international criminal court or tribunal makes the request, or the acts are grave breaches documented independently of the parties' },
          { result: 'fails', if: 'the acts are combat operations charged as ordinary crimes' }
        ]
      }
    }
    const own = ownNational(ctx)
    if (stateRoles.length > 0 && own !== true && ctx.country) {
      return {
        result: 'fails',
        reason: `The acts charged (${charges(ctx)}) arise from ${setting} carried out by ${words.roles(stateRoles)} of another state: a military character that Article 3 forbids INTERPOL to act on, whatever the ordinary-law label; this is the ground of INTERPOL's answer to Iran's requests over the January 2020 strike${laterNote(ctx, ['iran-2020-us-officials'])}.`,
        changes: [{ result: 'concern', if: `the charge is ${words.category(WAR_CRIMES)} (the 1994 resolution then weighs)` }]
      }
    }
    if (stateRoles.length > 0 && ctx.country) {
      return {
        result: 'concern',
        reason: `${capital(theCountry(ctx))} prosecutes its own ${words.roles(stateRoles).replace(/^an? /, '')} for ${charges(ctx)} committed in ${setting}: a state trying its own forces is on the ordinary-law side, but whether the military elements predominate needs review.`,
        changes: [
          { result: 'fails', if: 'the charge is a breach of military discipline rather than an ordinary crime' },
          { result: 'passes', if: 'the act was a crime against civilians outside any military order, tried by the ordinary courts' }
        ]
      }
    }
    return {
      result: 'concern',
      reason: `The offence (${charges(ctx)}) is set in ${setting}; whether military elements predominate over the ordinary-law elements needs review.`,
      missing: ctx.request.subject?.roles ? [] : [{ field: 'subject.roles', why: 'Whether the subject acted as a member of a state\'s forces decides the military question.' }],
      changes: [
        { result: 'fails', if: 'the subject acted as a member of another state\'s forces' },
        { result: 'passes', if: 'the subject is a private person and the crime is unconnected to the fighting' }
      ]
    }
  }
}
