// The refugee policy (2015) and resolution (2017): no notice or diffusion from the country a recognised
// refugee fears persecution in. Applies only from the day the policy took effect (the ground's effectiveFrom).
import type { Rule } from './rule.js'

export const refugeeStatus: Rule = {
  ground: 'refugee-status',
  evaluate (ctx) {
    const refugee = ctx.request.subject?.refugee
    if (!refugee || !ctx.country) return undefined
    const grantedBy = refugee.grantedBy.toUpperCase()
    const requester = ctx.country.iso2
    const status = refugee.status === 'recognised' ? `recognised as a refugee by ${grantedBy}` : `an asylum seeker in ${grantedBy}`
    if (grantedBy === requester) {
      return { result: 'passes', reason: `The subject is ${status}, the requesting country itself; it is not the country they fled.` }
    }
    const nationalities = ctx.request.subject?.nationalities?.map((code) => code.toUpperCase())
    if (refugee.status === 'asylum-seeker') {
      return { result: 'concern', reason: `The subject is ${status} and the request comes from ${requester}: the policy protects confirmed status, so the outcome of the claim matters.` }
    }
    if (nationalities && !nationalities.includes(requester)) {
      return {
        result: 'concern',
        reason: `The subject is ${status}, but ${requester} is not among their nationalities (${nationalities.join(', ')}); the policy bars requests from the country of feared persecution, which needs checking.`
      }
    }
    return {
      result: 'fails',
      reason: `The subject is ${status} and the request comes from ${requester}${nationalities ? ', their country of nationality' : ''}: ` +
        'INTERPOL does not process notices or diffusions from the country a confirmed refugee fears persecution in, and deletes them once the status is confirmed.',
      missing: nationalities ? [] : [{ field: 'subject.nationalities', why: 'The policy turns on whether the requester is the country the refugee fled; this assumes it is.' }]
    }
  }
}
