// Article 3, religious limb: offences against religion fail; prosecutions tied to religious practice or targeting a
// religious leader are weighed, and fail where nothing but the belief or the community's organisation is charged.
import type { Rule } from './rule.js'
import { TERRORISM } from './rule.js'
import { any, seriousViolent } from '../context.js'
import { PURELY_POLITICAL_OFFENCES, SENSITIVE_OFFENCES } from './article-3-political.js'
import * as words from '../words.js'

const RELIGIOUS_OFFENCES = ['blasphemy-or-religious-offence', 'apostasy'] as const

export const article3Religious: Rule = {
  ground: 'article-3-religious',
  evaluate (ctx) {
    const religious = any(ctx.categories, RELIGIOUS_OFFENCES)
    if (religious.length > 0) {
      return {
        result: 'fails',
        reason: `The offence (${words.categories(religious)}) punishes a belief or its expression: it is religious in character, which Article 3 forbids INTERPOL to act on.`,
        changes: [{ result: 'concern', if: 'the person is also charged with a serious violent crime on facts of its own' }]
      }
    }
    const facts = [
      ...(ctx.contexts.has('religious-practice') ? [`the charge arises from ${words.context('religious-practice')}`] : []),
      ...(ctx.roles.has('religious-figure') ? [`the subject is ${words.role('religious-figure')}`] : [])
    ]
    if (facts.length === 0) return undefined
    const violent = seriousViolent(ctx)
    const organisational = any(ctx.categories, [...SENSITIVE_OFFENCES, ...PURELY_POLITICAL_OFFENCES])
    const charged = [...ctx.categories].filter((c) => c !== 'other')
    if (violent.length === 0 && (organisational.length > 0 || charged.length === 0)) {
      return {
        result: 'fails',
        reason: `${words.and(facts).replace(/^./, (c) => c.toUpperCase())}, and the charge is ${organisational.length ? words.categories(organisational) : 'no ordinary-law crime'}: what is prosecuted is the religious community's life or leadership, so the religious elements predominate.`,
        changes: [{ result: 'concern', if: 'a specific ordinary-law crime (fraud, violence) is charged on facts of its own' }]
      }
    }
    return {
      result: 'concern',
      reason: `Religious elements are present (${words.and(facts)}) beside an ordinary charge (${words.categories(charged)}); they are weighed against the ordinary-law elements.` +
        (violent.includes('terrorism') ? ' Under the 1984 resolution a religious motive does not by itself shelter a terrorist act.' : ''),
      applies: violent.includes('terrorism') ? [TERRORISM] : [],
      changes: [
        { result: 'fails', if: 'the ordinary charge rests on the religious activity itself (worship, teaching, organising the community)' },
        { result: 'passes', if: 'the crime is unconnected to the person\'s faith or religious role' }
      ]
    }
  }
}
