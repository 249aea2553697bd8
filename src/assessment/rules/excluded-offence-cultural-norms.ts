// RPD Art. 83: offences that in various countries raise controversial issues relating to behavioural or cultural
// norms are excluded from Red Notices (consensual sexual conduct, prostitution, drug use for oneself, apostasy,
// dress codes, offences of damaging honour), unless aimed at facilitating a serious crime or linked to organised
// crime. A wanted-person diffusion for the same conduct is examined too: it falls outside what INTERPOL channels
// are for, though the exclusion list is written for Red Notices.
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
  alsoFor: ['diffusion'],
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
      return {
        result: 'concern',
        reason: `The request is for ${words.article(words.noticeName(ctx.noticeType))} for ${words.categories(offences)}${honour}, conduct a Red Notice may not cover because it raises controversial issues of behavioural or cultural norms. The exclusion list is written for Red Notices, but a diffusion seeking arrest for the same conduct meets the same objection and the Constitution's human-rights aim.`,
        changes: [
          { result: 'fails', if: 'the diffusion asks member countries to arrest the person for this conduct alone' },
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
