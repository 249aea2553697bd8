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
   * The carve-outs from Article 3 the rule weighed (see CARVE_OUTS): a finding cites a carve-out's provisions only
   * if the rule applied it, never by default.
   */
  applies?: CarveOut[]
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

/**
 * General Assembly resolutions that let INTERPOL act despite Article 3 under conditions: the 1984 terrorism
 * resolution, the 2004 interpretation on active membership of terrorist organisations, the 1994 resolution on
 * serious violations of international humanitarian law. They are found in the data, not named by id: a provision of
 * kind `condition` from a General Assembly resolution, applying to every notice type, whose title names the subject.
 */
export const CARVE_OUTS = {
  terrorism: /\bterrorism\b/i,
  'terrorist-membership': /\bmembers?\b.*\bterrorist\b/i,
  'humanitarian-law': /\bhumanitarian\b/i
} as const
export type CarveOut = keyof typeof CARVE_OUTS
export const TERRORISM: CarveOut = 'terrorism'
export const TERRORIST_MEMBERSHIP: CarveOut = 'terrorist-membership'
export const HUMANITARIAN_LAW: CarveOut = 'humanitarian-law'
