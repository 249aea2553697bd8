// Offences that raise controversial issues of behavioural or cultural norms (e.g. offences of damaging honour).
import type { Rule } from './rule.js'

export const excludedOffenceCulturalNorms: Rule = {
  ground: 'excluded-offence-cultural-norms',
  evaluate (ctx) {
    if (!ctx.categories.has('defamation-or-speech')) return undefined
    return { result: 'fails', reason: 'The offence (defamation-or-speech) is one of damaging honour, which the excluded categories list among behavioural or cultural norms.' }
  }
}
