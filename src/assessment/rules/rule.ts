import type { FindingResult } from '../../../schemas/assessment.js'
import type { AssessmentContext } from '../context.js'

export interface MissingFact { field: string; why: string }

export interface RuleOutcome {
  result: FindingResult
  /** Names the facts of the request the result rests on. */
  reason: string
  missing?: MissingFact[]
}

/** One module per ground: it decides the result; the ground's provisions and precedents come from the dataset. */
export interface Rule {
  ground: string
  /** `undefined` when the request gives this rule nothing to examine. */
  evaluate: (ctx: AssessmentContext) => RuleOutcome | undefined
}
