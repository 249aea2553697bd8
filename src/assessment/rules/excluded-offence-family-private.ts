// RPD Art. 83: offences relating to family or private matters are excluded from Red Notices. A Yellow Notice is the
// tool for a missing child, including one taken by a parent, but not for tracing an adult who left of their own will
// or for pursuing a family dispute.
import type { Rule } from './rule.js'
import { seriousViolent } from '../context.js'
import * as words from '../words.js'

export const excludedOffenceFamilyPrivate: Rule = {
  ground: 'excluded-offence-family-private',
  alsoFor: ['diffusion'],
  evaluate (ctx) {
    const family = ctx.categories.has('family-dispute') || ctx.contexts.has('family-matter')
    if (!family) return undefined
    const facts = [
      ...(ctx.categories.has('family-dispute') ? [`the charge is ${words.category('family-dispute')}`] : []),
      ...(ctx.contexts.has('family-matter') ? [`the setting is ${words.context('family-matter')}`] : [])
    ]
    const stated = words.and(facts)
    if (ctx.noticeType.id === 'yellow') {
      return {
        result: 'concern',
        reason: `A Yellow Notice in a family matter (${stated}): it is the proper tool to locate a missing child, including one taken abroad by a parent, and the CCF kept one for a child whose rough whereabouts were known (2024); but it found one not compliant where the person sought was an adult woman (Decision No. 9 of 2018), so who is missing and why decides.`,
        changes: [
          { result: 'passes', if: 'the missing person is a child, or an adult unable to look after themself' },
          { result: 'fails', if: 'the person is an adult who left of their own will and the notice serves a family dispute' }
        ]
      }
    }
    const violent = seriousViolent(ctx).filter((c) => c !== 'child-abduction')
    if (violent.length > 0 && !ctx.categories.has('family-dispute')) {
      return {
        result: 'passes',
        reason: `The setting is ${words.context('family-matter')}, but the charge is ${words.categories(violent)}: a serious crime against a person does not become a family matter because it happened in a family.`,
        changes: [{ result: 'fails', if: 'the offence is one that exists only within family law (custody, maintenance, adultery, bigamy)' }]
      }
    }
    if (ctx.categories.has('child-abduction')) {
      return {
        result: 'concern',
        reason: `${words.category('child-abduction').replace(/^./, (c) => c.toUpperCase())} in a family matter (${stated}): a Red Notice against a parent in a custody dispute is restricted; a Yellow Notice to locate the child is the usual tool, and the CCF has found Red Notices in family matters not compliant.`,
        changes: [
          { result: 'fails', if: 'the abduction charge is a custody dispute between parents with no danger to the child' },
          { result: 'passes', if: 'the child is in danger or the abduction is accompanied by violence' }
        ]
      }
    }
    if (ctx.noticeType.id !== 'red') {
      return {
        result: 'concern',
        reason: `The request is for ${words.article(words.noticeName(ctx.noticeType))} in a family matter (${stated}): the family-matter exclusion is written for Red Notices, but a diffusion asking for arrest over a family dispute meets the same objection.`,
        changes: [
          { result: 'fails', if: 'the diffusion asks for the person\'s arrest over the family dispute alone' },
          { result: 'passes', if: 'the charge is a serious crime against a person rather than the family dispute itself' }
        ]
      }
    }
    return {
      result: 'fails',
      reason: `The offence relates to a family or private matter (${stated}), a category the RPD excludes from Red Notices; the CCF has repeatedly found such notices not compliant.`,
      changes: [{ result: 'passes', if: 'the charge is a serious crime against a person (violence, a child in danger) rather than the family dispute itself' }]
    }
  }
}
