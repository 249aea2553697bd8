// RPD Art. 83: offences that in various countries raise controversial issues relating to behavioural or cultural
// norms are excluded from Red Notices (consensual sexual conduct, prostitution, drug use for oneself, apostasy,
// dress codes, offences of damaging honour), unless aimed at facilitating a serious crime or linked to organised
// crime. The ground's record (data/grounds.yaml) applies it to diffusions too: INTERPOL's task force reviews a
// wanted-person diffusion as it reviews a Red Notice, after the diffusion is sent. A diffusion that seeks arrest (an
// arrest warrant or a court decision is given) fails like a Red Notice; one that does not say so is a concern.
import type { Rule } from './rule.js'
import { any } from '../context.js'
import * as words from '../words.js'

export const CULTURAL_NORM_OFFENCES = [
  'consensual-sexual-conduct', 'prostitution', 'personal-drug-use', 'apostasy', 'dress-code-or-public-morality', 'defamation-or-speech'
] as const
/** The stated exception: conduct aimed at facilitating a serious crime or linked to organised crime. */
const SERIOUS_LINKS = ['organised-crime', 'drug-trafficking', 'sexual-offence', 'child-abduction', 'murder'] as const

export const excludedOffenceCulturalNorms: Rule = {
  ground: 'excluded-offence-cultural-norms',
  evaluate (ctx) {
    const offences = any(ctx.categories, CULTURAL_NORM_OFFENCES)
    if (offences.length === 0) return undefined
    const links = any(ctx.categories, SERIOUS_LINKS)
    const honour = offences.includes('defamation-or-speech') ? ' (defamation is an offence of damaging honour, which the exclusion names)' : ''
    if (links.length > 0) {
      return {
        result: 'concern',
        reason: `The charge includes ${words.categories(offences)}${honour}, conduct excluded as a matter of behavioural or cultural norms, but also ${words.categories(links)}: the exclusion gives way where the conduct facilitates a serious crime or is linked to organised crime, which needs review.`,
        changes: [
          { result: 'fails', if: 'the serious charge is not supported by facts of its own' },
          { result: 'passes', if: `the notice is sought for ${words.categories(links)} alone` }
        ]
      }
    }
    if (ctx.noticeType.id !== 'red') {
      const { arrestWarrant, courtDecision } = ctx.request.judicial ?? {}
      const wanted = arrestWarrant === true || courtDecision === true
      const diffusion = words.article(words.noticeName(ctx.noticeType))
      if (wanted) {
        return {
          result: 'fails',
          reason: `The request is for ${diffusion} seeking the person's arrest (on ${arrestWarrant ? 'an arrest warrant' : 'a court decision'}) for ${words.categories(offences)}${honour}: conduct the RPD excludes from Red Notices because it raises controversial issues of behavioural or cultural norms. INTERPOL's task force reviews a wanted-person diffusion as it reviews a Red Notice, once it has been sent, and asks the countries that received a non-compliant one to update their records.`,
          changes: [{ result: 'concern', if: 'the conduct is alleged to facilitate a serious crime or to be linked to organised crime' }]
        }
      }
      return {
        result: 'concern',
        reason: `The request is for ${diffusion} about ${words.categories(offences)}${honour}, conduct the RPD excludes from Red Notices because it raises controversial issues of behavioural or cultural norms. The request does not say that it seeks the person's arrest; a wanted-person diffusion is reviewed as a Red Notice would be.`,
        missing: [{ field: 'judicial.arrestWarrant', why: 'A diffusion seeking arrest for conduct excluded from Red Notices fails on the same exclusion.' }],
        changes: [
          { result: 'fails', if: 'the diffusion seeks the person\'s arrest for this conduct (an arrest warrant or a court decision is its basis)' },
          { result: 'passes', if: 'the conduct is linked to organised crime or facilitates a serious crime' }
        ]
      }
    }
    return {
      result: 'fails',
      reason: `The charge is ${words.categories(offences)}${honour}: an offence that in various countries raises controversial issues of behavioural or cultural norms, a category the RPD excludes from Red Notices however the requesting country's law punishes it.`,
      changes: [{ result: 'concern', if: 'the conduct is alleged to facilitate a serious crime or to be linked to organised crime' }]
    }
  }
}
