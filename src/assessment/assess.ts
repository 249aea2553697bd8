// assessNoticeRequest: runs each rule against a request and turns the findings into a verdict and a summary.
// The rules decide results and reasons; which provisions a finding cites and which precedents it weighs come from
// the dataset (a ground's provisions, a notice type's provisions, a provision's appliesTo and instrument, the cases).
import type { Assessment, AssessmentRequest, Finding, FindingResult, Verdict } from '../../schemas/assessment.js'
import type { Provision } from '../../schemas/index.js'
import type { Dataset } from '../data/dataset.js'
import { inForceOn } from '../data/dates.js'
import { asks, buildContext, capital, requesterPhrase, type AssessmentContext } from './context.js'
import { precedentsFor } from './precedents.js'
import { RULES, requesterEligibility } from './rules/index.js'
import { CARVE_OUTS, type CarveOut, type MissingFact, type Rule, type RuleOutcome } from './rules/rule.js'
import * as words from './words.js'

export const ASSESSMENT_DISCLAIMER = 'This explains how INTERPOL\'s published rules apply to the facts given. It is not ' +
  'legal advice and not a prediction of INTERPOL\'s decision, which rests on the full file and is not public.'

export const SEVERITY: Record<FindingResult, number> = { passes: 0, 'not-enough-information': 1, concern: 2, fails: 3 }

/** Whether a rule examines this request at all: the ground in force that day and meant for the notice type. */
function examines (ctx: AssessmentContext, rule: Rule): boolean {
  const ground = ctx.dataset.grounds.byId.get(rule.ground)
  if (!ground || !inForceOn(ground, ctx.day)) return false
  return ground.appliesTo.length === 0 || ground.appliesTo.includes(ctx.noticeType.id) || (rule.alsoFor ?? []).includes(ctx.noticeType.id)
}

/**
 * The provisions a finding cites: the ground's, in force on the day and governing the notice type asked for; the notice type's own article where the ground's
 * provisions are written for another type; for who-may-ask, the notice type's purpose provision (e.g. a pilot's).
 * The Article 3 carve-outs (rule.ts, CARVE_OUTS) are cited only where the rule weighed them.
 */
export function provisionsFor (ctx: AssessmentContext, ground: string, outcome: Pick<RuleOutcome, 'applies'>): string[] {
  const { provisions } = ctx.dataset
  const type = ctx.noticeType.id
  const usable = (p: Provision | undefined): p is Provision =>
    p !== undefined && inForceOn(p, ctx.day) && (p.appliesTo.length === 0 || p.appliesTo.includes(type))
  const carveOut = (p: Provision) => p.kind === 'condition' && p.appliesTo.length === 0 &&
    ctx.dataset.instruments.byId.get(p.instrument)?.kind === 'ga-resolution'
  const appliedTo = (p: Provision) => (outcome.applies ?? []).some((name: CarveOut) => CARVE_OUTS[name].test(p.title))
  const groundRecord = ctx.dataset.grounds.byId.get(ground)
  const fromGround = (groundRecord?.provisions ?? []).map((id) => provisions.byId.get(id))
    .filter(usable)
    .filter((p) => !carveOut(p) || appliedTo(p))
  const ids = fromGround.map((p) => p.id)
  // A carve-out the rule applied that the ground's record does not list is still cited, found the same way.
  // (Only when the rule applied one: the scan covers every provision, and most findings apply none.)
  if (outcome.applies?.length) ids.push(...provisions.all.filter((p) => carveOut(p) && appliedTo(p) && usable(p) && !ids.includes(p.id)).map((p) => p.id))
  const ownProvisions = ctx.noticeType.provisions.map((id) => provisions.byId.get(id)).filter(usable)
  const specific = ownProvisions.filter((p) => p.appliesTo.includes(type))
  const groundSpecific = fromGround.some((p) => p.appliesTo.includes(type))
  const groundIsGeneral = (groundRecord?.appliesTo.length ?? 0) === 0
  if (ground === requesterEligibility.ground) {
    // Who may ask: the type's purpose, and for a pilot the conditions of taking part.
    const pilot = ctx.noticeType.status === 'pilot'
    ids.push(...specific.filter((p) => p.kind === 'aim' || (pilot && p.kind === 'condition')).map((p) => p.id))
  } else if (!groundSpecific && !groundIsGeneral) {
    const substantive = specific.filter((p) => ['aim', 'condition', 'exclusion', 'threshold'].includes(p.kind))
    ids.push(...substantive.map((p) => p.id))
    if (substantive.length === 0) {
      // No article of the type's own says what may be asked (a diffusion): its human-rights aim, and the type's own
      // provisions that no substantive ground claims (the diffusion chapter, the General Secretariat's check
      // afterwards). A procedural ground citing the diffusion chapter (corrective measures) does not make it its own.
      const claimed = new Set(ctx.dataset.grounds.all.filter((g) => g.family !== 'procedural').flatMap((g) => g.provisions))
      ids.push(...ownProvisions.filter((p) => p.appliesTo.length === 0 && p.kind === 'aim').map((p) => p.id))
      ids.push(...specific.filter((p) => !claimed.has(p.id)).map((p) => p.id))
    }
  }
  if (ids.length === 0) ids.push(...ownProvisions.filter((p) => p.appliesTo.length === 0 && p.kind === 'aim').map((p) => p.id))
  return [...new Set(ids)]
}

function toFinding (ctx: AssessmentContext, ground: string, outcome: RuleOutcome): Finding {
  return {
    ground,
    title: ctx.dataset.grounds.byId.get(ground)!.title,
    provisions: provisionsFor(ctx, ground, outcome),
    result: outcome.result,
    reason: outcome.reason,
    precedents: precedentsFor(ground, outcome.result, ctx),
    changes: outcome.changes ?? []
  }
}

const FINAL_OUTCOMES = new Set(['refused', 'not-considered', 'deleted', 'cancelled'])

/**
 * An earlier refusal or deletion of the same request on a ground decides that ground now: without new facts the new
 * request is covered by it and fails; with new facts it is a concern to weigh. A suspension is a concern.
 */
function applyPriorDecisions (ctx: AssessmentContext, findings: Finding[]): void {
  for (const prior of ctx.request.priorDecisions ?? []) {
    if (!prior.ground) continue
    const when = prior.date ? ` on ${prior.date}` : ''
    const final = FINAL_OUTCOMES.has(prior.outcome)
    const result: FindingResult = final && !prior.newFacts ? 'fails' : 'concern'
    const note = final && !prior.newFacts
      ? `An earlier request on the same facts was ${prior.outcome}${when} on this ground, and no new facts are given: the new request is covered by that decision.`
      : final
        ? `An earlier request on the same facts was ${prior.outcome}${when} on this ground; the new facts must be weighed against that decision.`
        : `An earlier request on the same facts was ${prior.outcome}${when} on this ground, a decision that is not final.`
    const changes = result === 'fails'
      ? [{ result: 'concern' as const, if: 'new facts, not weighed in the earlier decision, are put forward' }]
      : [
          { result: 'fails' as const, if: 'the new facts do not change what the earlier decision weighed' },
          { result: 'passes' as const, if: 'the new facts remove the reason for the earlier decision' }
        ]
    const existing = findings.find((finding) => finding.ground === prior.ground)
    if (existing) {
      existing.reason = `${existing.reason} ${note}`
      if (SEVERITY[existing.result as FindingResult] < SEVERITY[result]) {
        // The earlier decision now decides the finding: what would change it is what would change that decision,
        // plus whatever in the rule's own list would make it worse still (a "concern if…" under a failing finding
        // would read as a way out that does not exist).
        existing.result = result
        existing.precedents = precedentsFor(existing.ground, result, ctx)
        existing.changes = [...changes, ...existing.changes.filter((change) => SEVERITY[change.result as FindingResult] > SEVERITY[result])]
      }
      continue
    }
    const ground = ctx.dataset.grounds.byId.get(prior.ground)
    if (!ground || !inForceOn(ground, ctx.day)) continue
    findings.push(toFinding(ctx, prior.ground, { result, reason: note, changes }))
  }
}

export function verdictOf (findings: ReadonlyArray<Pick<Finding, 'result'>>): Verdict {
  const worst = Math.max(0, ...findings.map((finding) => SEVERITY[finding.result as FindingResult] ?? 0))
  return worst === SEVERITY.fails ? 'likely-refused' : worst > 0 ? 'needs-review' : 'likely-compliant'
}

const VERDICT_WORDS: Record<Verdict, string> = {
  'likely-refused': 'likely to be refused',
  'needs-review': 'in need of closer review',
  'likely-compliant': 'likely to meet the published rules',
  'cannot-request': 'not something this requester can ask for'
}

function summarise (ctx: AssessmentContext, verdict: Verdict, findings: Finding[]): string {
  const subject = ctx.request.offence?.summary ? ` (${ctx.request.offence.summary})` : ''
  const opening = `${capital(requesterPhrase(ctx))} ${asks(ctx)} for ${words.article(words.noticeName(ctx.noticeType))} on ${ctx.day}${subject}: on the facts given, the request is ${VERDICT_WORDS[verdict]}.`
  const named = (result: FindingResult) => findings.filter((finding) => finding.result === result).map((finding) => finding.title)
  const parts = [opening]
  if (verdict === 'cannot-request') parts.push(findings[0].reason)
  const fails = named('fails')
  if (fails.length > 0 && verdict !== 'cannot-request') parts.push(`Likely to fail: ${fails.join('; ')}.`)
  const concerns = named('concern')
  if (concerns.length > 0) parts.push(`To review: ${concerns.join('; ')}.`)
  const unknown = named('not-enough-information')
  if (unknown.length > 0) parts.push(`Not enough information on: ${unknown.join('; ')}.`)
  parts.push('This explains published rules; it does not predict INTERPOL\'s decision.')
  return parts.join(' ')
}

function uniqueMissing (missing: MissingFact[]): MissingFact[] {
  const seen = new Set<string>()
  return missing.filter((fact) => !seen.has(fact.field) && seen.add(fact.field))
}

function warningsFor (ctx: AssessmentContext, today: string): string[] {
  const warnings: string[] = []
  if (ctx.day > today) {
    warnings.push(`The date ${ctx.day} is in the future: the rules, memberships and restrictions on record today are applied as they stand; changes before that day cannot be known.`)
  }
  return warnings
}

export function assessNoticeRequest (request: AssessmentRequest, dataset: Dataset, today: string): Assessment {
  const day = request.date ?? today
  const ctx = buildContext(request, dataset, day)
  const base = { asOf: day, datasetVersion: dataset.version, disclaimer: ASSESSMENT_DISCLAIMER }
  const warnings = warningsFor(ctx, today)

  const eligibility = requesterEligibility.evaluate(ctx)!
  if (eligibility.result === 'fails') {
    const findings = [toFinding(ctx, requesterEligibility.ground, eligibility)]
    return { verdict: 'cannot-request', summary: summarise(ctx, 'cannot-request', findings), findings, missing: [], warnings, ...base }
  }

  const findings: Finding[] = []
  const asked: Array<{ ground: string, facts: MissingFact[] }> = []
  if (eligibility.result !== 'passes') findings.push(toFinding(ctx, requesterEligibility.ground, eligibility))
  for (const rule of RULES) {
    if (!examines(ctx, rule)) continue
    const outcome = rule.evaluate(ctx)
    if (!outcome) continue
    findings.push(toFinding(ctx, rule.ground, outcome))
    asked.push({ ground: rule.ground, facts: outcome.missing ?? [] })
  }
  applyPriorDecisions(ctx, findings)
  const verdict = verdictOf(findings)
  // `missing` is what could change the verdict. Once a finding fails, a fact that could only add a concern elsewhere
  // changes nothing; only the facts a failing finding itself rests on (an assumed nationality) still could.
  const failing = new Set(findings.filter((finding) => finding.result === 'fails').map((finding) => finding.ground))
  const missing = asked.filter(({ ground }) => verdict !== 'likely-refused' || failing.has(ground)).flatMap(({ facts }) => facts)
  return { verdict, summary: summarise(ctx, verdict, findings), findings, missing: uniqueMissing(missing), warnings, ...base }
}
