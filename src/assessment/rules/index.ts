// The rules, in the order their findings are listed: who may ask, then neutrality, rights, refugees, the
// minimum criteria and the judicial basis, then the requester's own restrictions.
import { article2HumanRights } from './article-2-human-rights.js'
import { article3Military } from './article-3-military.js'
import { article3Political } from './article-3-political.js'
import { article3Racial } from './article-3-racial.js'
import { article3Religious } from './article-3-religious.js'
import { excludedOffenceCulturalNorms } from './excluded-offence-cultural-norms.js'
import { excludedOffenceFamilyPrivate } from './excluded-offence-family-private.js'
import { excludedOffencePrivateDispute } from './excluded-offence-private-dispute.js'
import { insufficientJudicialData } from './insufficient-judicial-data.js'
import { penaltyThreshold } from './penalty-threshold.js'
import { refugeeStatus } from './refugee-status.js'
import { requesterCorrectiveMeasures } from './requester-corrective-measures.js'
import { requesterEligibility } from './requester-eligibility.js'
import type { Rule } from './rule.js'

export { requesterEligibility }

export const RULES: readonly Rule[] = [
  article3Political, article3Military, article3Religious, article3Racial, article2HumanRights, refugeeStatus,
  penaltyThreshold, excludedOffencePrivateDispute, excludedOffenceFamilyPrivate, excludedOffenceCulturalNorms,
  insufficientJudicialData, requesterCorrectiveMeasures
]

/** Every ground a rule cites; the dataset must hold each of them (checked by a test). */
export const RULE_GROUNDS = [requesterEligibility, ...RULES].map((rule) => rule.ground)
