// The refugee policy (2015) and resolution (2017): no notice or diffusion from the country a recognised refugee
// fears persecution in. Applies only from the day the policy took effect (the ground's effectiveFrom).
import type { Rule } from './rule.js'
import { nameInSentence } from '../countries.js'
import { theCountry, type AssessmentContext } from '../context.js'

const name = (ctx: AssessmentContext, code: string) => nameInSentence(ctx.dataset, code)

export const refugeeStatus: Rule = {
  ground: 'refugee-status',
  evaluate (ctx) {
    const refugee = ctx.request.subject?.refugee
    if (!refugee) {
      if (!ctx.roles.has('refugee')) return undefined
      return {
        result: 'not-enough-information',
        reason: 'The subject is described as a refugee, but the request does not say whether the status is recognised or claimed, nor by which country.',
        missing: [{ field: 'subject.refugee', why: 'Recognised refugee status granted because of persecution in the requesting country bars the request.' }],
        changes: [
          { result: 'fails', if: `the person is a recognised refugee fleeing ${theCountry(ctx)}` },
          { result: 'passes', if: 'the status was granted by the requesting country itself, or concerns another country' }
        ]
      }
    }
    if (!ctx.country) return undefined
    const grantedBy = refugee.grantedBy.toUpperCase()
    const requester = ctx.country.iso2
    const status = refugee.status === 'recognised' ? `recognised as a refugee by ${name(ctx, grantedBy)}` : `an asylum seeker in ${name(ctx, grantedBy)}`
    if (grantedBy === requester) {
      return { result: 'passes', reason: `The subject is ${status}, the requesting country itself; it is not the country they fled.`, changes: [] }
    }
    if (refugee.status === 'asylum-seeker') {
      return {
        result: 'concern',
        reason: `The subject is ${status} and the request comes from ${theCountry(ctx)}: the policy protects confirmed status, so the outcome of the claim matters.`,
        changes: [
          { result: 'fails', if: `the claim is granted because of a fear of persecution in ${theCountry(ctx)}` },
          { result: 'passes', if: 'the claim is refused or concerns another country' }
        ]
      }
    }
    if (ctx.nationalities.length > 0 && !ctx.nationalities.includes(requester)) {
      return {
        result: 'concern',
        reason: `The subject is ${status}, but ${theCountry(ctx)} is not among their nationalities (${ctx.nationalities.map((code) => name(ctx, code)).join(', ')}); the policy bars requests from the country of feared persecution, which needs checking.`,
        changes: [
          { result: 'fails', if: `the persecution the status rests on is feared in ${theCountry(ctx)}` },
          { result: 'passes', if: `the status concerns persecution feared elsewhere, not in ${theCountry(ctx)}` }
        ]
      }
    }
    return {
      result: 'fails',
      reason: `The subject is ${status} and the request comes from ${theCountry(ctx)}${ctx.nationalities.length ? ', their country of nationality' : ''}: ` +
        'INTERPOL does not process notices or diffusions from the country a confirmed refugee fears persecution in, and deletes them once the status is confirmed.',
      missing: ctx.nationalities.length ? [] : [{ field: 'subject.nationalities', why: 'The policy turns on whether the requester is the country the refugee fled; this assumes it is.' }],
      changes: [
        { result: 'concern', if: `the status was granted because of persecution feared in a country other than ${theCountry(ctx)}` },
        { result: 'passes', if: 'the status has been revoked, or the crime was committed in the country of refuge' }
      ]
    }
  }
}
