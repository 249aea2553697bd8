import type { Change, FindingResult } from '../../../schemas/assessment.js'
import type { AssessmentContext } from '../context.js'

export interface MissingFact { field: string; why: string }

export interface RuleOutcome {
  result: FindingResult
  /** Names the facts of the request the result rests on, in plain words (see words.ts). */
  reason: string
  missing?: MissingFact[]
  /** What would change the result: the fact and the result it would lead to. */
  changes?: Change[]
  /**
   * Instruments of the resolutions that only matter when a rule applies them (the 1984 terrorism and 1994
   * humanitarian-law resolutions): a finding cites their provisions only if the rule named them here.
   */
  applies?: string[]
}

/** One module per ground: it decides the result; the ground's provisions and precedents come from the dataset. */
export interface Rule {
  ground: string
  /**
   * Notice types the rule examines although the ground's record does not list them in `appliesTo` (a diffusion
   * seeking arrest for conduct a Red Notice may not cover). The finding then cites the notice type's own provisions.
   */
  alsoFor?: readonly string[]
  /** `undefined` when the request gives this rule nothing to examine. */
  evaluate: (ctx: AssessmentContext) => RuleOutcome | undefined
}

/** The resolutions that weigh in the Article 3 predominance test only where a rule applies them. */
export const TERRORISM_RESOLUTION = 'agn-53-res-7'
export const IHL_RESOLUTION = 'agn-63-res-9'
export const CONDITIONAL_INSTRUMENTS: readonly string[] = [TERRORISM_RESOLUTION, IHL_RESOLUTION]
