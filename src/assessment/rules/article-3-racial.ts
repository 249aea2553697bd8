// Article 3, racial limb: prosecutions set in ethnic or racial tension, weighed; those that punish a minority's
// activism or organisation rather than a crime fail.
import type { Rule } from './rule.js'
import { any, laterNote, seriousViolent } from '../context.js'
import { POLITICAL_ROLES, PURELY_POLITICAL_OFFENCES, SENSITIVE_OFFENCES } from './article-3-political.js'
import * as words from '../words.js'

export const article3Racial: Rule = {
  ground: 'article-3-racial',
  evaluate (ctx) {
    if (!ctx.contexts.has('ethnic-or-racial-tension')) return undefined
    const violent = seriousViolent(ctx)
    const activism = [...any(ctx.categories, [...SENSITIVE_OFFENCES, ...PURELY_POLITICAL_OFFENCES])]
    const roles = any(ctx.roles, POLITICAL_ROLES)
    if (violent.length === 0 && (activism.length > 0 || roles.length > 0)) {
      const facts = [...(activism.length ? [`the charge is ${words.categories(activism)}`] : []), ...(roles.length ? [`the subject is ${words.roles(roles)}`] : [])]
      return {
        result: 'fails',
        reason: `The request is set in ${words.context('ethnic-or-racial-tension')}, ${words.and(facts)}, and no serious violent crime is charged: the racial elements are likely to predominate, the pattern of the deleted notices against Uyghur activists${laterNote(ctx, ['dolkun-isa-2018', 'idris-hasan-2021'])}.`,
        changes: [{ result: 'concern', if: 'a specific violent crime is charged on facts of its own' }]
      }
    }
    return {
      result: 'concern',
      reason: `The offence (${ctx.categories.size ? words.categories([...ctx.categories]) : 'no named offence'}) is set in ${words.context('ethnic-or-racial-tension')}; the racial elements are weighed against the ordinary-law charge.`,
      changes: [
        { result: 'fails', if: 'the person is pursued for activism or membership on behalf of the group rather than a crime' },
        { result: 'passes', if: 'the crime is unconnected to the person\'s ethnic group' }
      ]
    }
  }
}
