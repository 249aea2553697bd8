// A country as it stood on a given day: membership (admission dates), the restrictions in force, and for each
// notice type whether it may request one and why. Pure, so that routes and assessments share one answer.
import type { CanRequest, Country, NoticeType } from '../../schemas/index.js'
import type { CountryBase, Dataset } from '../data/dataset.js'
import { inForceOn, periodStart } from '../data/dates.js'

type Restriction = CountryBase['restrictions'][number]

export function isMemberOn (country: CountryBase, day: string): boolean {
  return country.interpolMember && (!country.admitted || periodStart(country.admitted.date) <= day)
}

export function restrictionsOn (country: CountryBase, day: string): Restriction[] {
  return country.restrictions.filter((r) => inForceOn({ effectiveFrom: r.since, effectiveTo: r.until }, day))
}

export function canRequestOn (country: CountryBase, noticeType: NoticeType, day: string): CanRequest {
  const answer = (allowed: CanRequest['allowed'], reason: string): CanRequest => ({ noticeType: noticeType.id, allowed, reason })
  if (!isMemberOn(country, day)) {
    const since = country.interpolMember && country.admitted ? ` on ${day} (admitted ${country.admitted.date})` : ''
    return answer('no', `${country.name} is not an INTERPOL member${since}. Only member countries, through their ` +
      'National Central Bureau, and a few international bodies may request notices or send diffusions.')
  }
  if (!noticeType.requestedBy.includes('member-country')) {
    return answer('no', `Member countries do not request this type. ${noticeType.requestedByNote ?? ''}`.trim())
  }
  const restrictions = restrictionsOn(country, day).filter((r) => r.appliesTo.length === 0 || r.appliesTo.includes(noticeType.id))
  if (restrictions.length > 0) {
    return answer('conditional', `Through its NCB, under restriction: ${restrictions.map((r) => `${r.kind} since ${r.since}: ${r.summary}`).join(' ')}`)
  }
  if (noticeType.status === 'pilot') {
    return answer('conditional', `Pilot: only participating countries may request it. ${noticeType.requestedByNote ?? ''}`.trim())
  }
  return answer('yes', noticeType.kind === 'diffusion'
    ? 'Members send diffusions directly from their National Central Bureau to the countries they choose.'
    : 'Members request it through their National Central Bureau; the General Secretariat publishes it only after ' +
      'checking it against the Constitution and the Rules on the Processing of Data.')
}

export function countryOn (country: CountryBase, day: string, dataset: Dataset): Country {
  const noticeTypes = dataset.noticeTypes.all.filter((n) => inForceOn(n, day))
  return {
    ...country,
    asOf: day,
    interpolMember: isMemberOn(country, day),
    restrictions: restrictionsOn(country, day),
    restrictionHistory: country.restrictions,
    canRequest: noticeTypes.map((n) => canRequestOn(country, n, day))
  }
}
