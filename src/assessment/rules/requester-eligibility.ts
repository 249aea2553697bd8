// Who may ask at all: members through their NCB, for the types members request; international bodies for what
// they are entitled to request; a pilot's types only for the countries taking part.
import type { Rule } from './rule.js'
import { inForceOn } from '../../data/dates.js'
import { canRequestOn } from '../../domain/country-on.js'
import * as words from '../words.js'

export const requesterEligibility: Rule = {
  ground: 'requester-eligibility',
  evaluate (ctx) {
    const type = ctx.noticeType
    const label = words.article(words.noticeName(type))
    if (!inForceOn(type, ctx.day)) {
      const when = type.effectiveFrom && ctx.day < type.effectiveFrom ? `did not exist yet on ${ctx.day} (from ${type.effectiveFrom})` : `no longer existed on ${ctx.day} (until ${type.effectiveTo})`
      return { result: 'fails', reason: `The ${type.labels.en} ${when}.`, changes: [] }
    }
    if (ctx.entity) {
      if (!inForceOn(ctx.entity, ctx.day)) return { result: 'fails', reason: `The ${ctx.entity.name} could not request notices on ${ctx.day}.`, changes: [] }
      const allowed = ctx.entity.mayRequest.map((id) => { const t = ctx.dataset.noticeTypes.byId.get(id); return t ? words.noticeName(t) : id })
      return ctx.entity.mayRequest.includes(type.id)
        ? { result: 'passes', reason: `The ${ctx.entity.name} may request ${label}: ${ctx.entity.scope}`, changes: [] }
        : { result: 'fails', reason: `The ${ctx.entity.name} may request only ${words.or(allowed.map(words.article))}, not ${label}.`, changes: [] }
    }
    const country = ctx.country!
    const answer = canRequestOn(country, type, ctx.day)
    if (answer.allowed === 'no') {
      const note = !country.interpolMember && country.notes ? ` ${country.notes}` : ''
      return { result: 'fails', reason: `${answer.reason}${note}`, changes: [] }
    }
    if (type.status === 'pilot') {
      return {
        result: 'concern',
        reason: `The ${type.labels.en} is a pilot: only the member countries taking part may request it, and the dataset does not list them. ${type.requestedByNote ?? ''}`.trim(),
        changes: [
          { result: 'passes', if: `${country.name} takes part in the pilot` },
          { result: 'fails', if: `${country.name} does not take part in the pilot` }
        ]
      }
    }
    return { result: 'passes', reason: answer.reason, changes: [] }
  }
}
