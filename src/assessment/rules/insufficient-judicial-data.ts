// The judicial basis: an arrest warrant for a person sought for prosecution, a court decision for one sought to
// serve a sentence.
import type { Rule } from './rule.js'

export const insufficientJudicialData: Rule = {
  ground: 'insufficient-judicial-data',
  evaluate (ctx) {
    const { arrestWarrant, courtDecision } = ctx.request.judicial ?? {}
    const needed = ctx.soughtFor === 'sentence' ? 'courtDecision' : 'arrestWarrant'
    const basis = needed === 'courtDecision' ? 'a court decision' : 'an arrest warrant'
    const has = needed === 'courtDecision' ? courtDecision : arrestWarrant
    if (has === true) return { result: 'passes', reason: `The request rests on ${basis}, as a person sought for ${ctx.soughtFor} requires.` }
    if (arrestWarrant === undefined && courtDecision === undefined) {
      return { result: 'not-enough-information', reason: 'The request does not say whether an arrest warrant or a court decision exists.', missing: [{ field: `judicial.${needed}`, why: `A request for a person sought for ${ctx.soughtFor} must rest on ${basis}.` }] }
    }
    if (arrestWarrant === true || courtDecision === true) {
      return { result: 'concern', reason: `The person is sought for ${ctx.soughtFor}, which needs ${basis}; the request gives ${arrestWarrant ? 'an arrest warrant' : 'a court decision'} instead.` }
    }
    return { result: 'fails', reason: `Neither an arrest warrant nor a court decision is given; a person sought for ${ctx.soughtFor} needs ${basis}.` }
  }
}
