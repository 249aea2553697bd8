// assessNoticeRequest: runs each rule against a request and turns the findings into a verdict and a summary.
import type { Assessment, AssessmentRequest, Finding, FindingResult, Verdict } from '../../schemas/assessment.js'
import type { Dataset } from '../data/dataset.js'
import { inForceOn } from '../data/dates.js'
import { buildContext, type AssessmentContext } from './context.js'
import { precedentsFor } from './precedents.js'
import { RULES, requesterEligibility } from './rules/index.js'
import type { MissingFact, Rule, RuleOutcome } from './rules/rule.js'

export const ASSESSMENT_DISCLAIMER = 'This explains how INTERPOL\'s published rules apply to the facts given. It is not ' +
  'legal advice and not a prediction of INTERPOL\'s decision, which rests on the full file and is not public.'

const SEVERITY: Record<FindingResult, number> = { passes: 0, 'not-enough-information': 1, concern: 2, fails: 3 }

/** The ground's provisions in force on the day; none means the ground did not yet apply. */
function provisionsOn (ctx: AssessmentContext, groundId: string): string[] {
  const ground = ctx.dataset.grounds.byId.get(groundId)
  if (!ground || !inForceOn(ground, ctx.day)) return []
  if (ground.appliesTo.length > 0 && !ground.appliesTo.includes(ctx.noticeType.id)) return []
  return ground.provisions.filter((id) => {
    const provision = ctx.dataset.provisions.byId.get(id)
    return provision !== undefined && inForceOn(provision, ctx.day)
  })
}

function toFinding (ctx: AssessmentContext, rule: Rule, outcome: RuleOutcome, provisions: string[]): Finding {
  return {
    ground: rule.ground,
    title: ctx.dataset.grounds.byId.get(rule.ground)!.title,
    provisions,
    result: outcome.result,
    reason: outcome.reason,
    precedents: precedentsFor(rule.ground, ctx)
  }
}

/** An earlier refusal or deletion of the same request on a ground weighs on that ground now. */
function applyPriorDecisions (ctx: AssessmentContext, findings: Finding[]): void {
  for (const prior of ctx.request.priorDecisions ?? []) {
    if (!prior.ground) continue
    const when = prior.date ? ` on ${prior.date}` : ''
    const note = `An earlier request for the same facts was ${prior.outcome}${when} on this ground; a new request on the same facts is treated as covered by that decision.`
    const existing = findings.find((finding) => finding.ground === prior.ground)
    if (existing) {
      existing.reason = `${existing.reason} ${note}`
      if (SEVERITY[existing.result as FindingResult] < SEVERITY.concern) existing.result = 'concern'
      continue
    }
    const provisions = provisionsOn(ctx, prior.ground)
    if (provisions.length === 0) continue
    const rule = { ground: prior.ground, evaluate: () => undefined }
    findings.push(toFinding(ctx, rule, { result: 'concern', reason: note }, provisions))
  }
}

export function verdictOf (findings: readonly Finding[]): Verdict {
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
  const subject = ctx.request.offence.summary ? ` (${ctx.request.offence.summary})` : ''
  const opening = `${ctx.requesterName} asks for a ${ctx.noticeType.labels.en} on ${ctx.day}${subject}: on the facts given, the request is ${VERDICT_WORDS[verdict]}.`
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

export function assessNoticeRequest (request: AssessmentRequest, dataset: Dataset, today: string): Assessment {
  const day = request.date ?? today
  const ctx = buildContext(request, dataset, day)
  const base = { asOf: day, datasetVersion: dataset.version, disclaimer: ASSESSMENT_DISCLAIMER }

  const eligibility = requesterEligibility.evaluate(ctx)!
  if (eligibility.result === 'fails') {
    const findings = [toFinding(ctx, requesterEligibility, eligibility, dataset.grounds.byId.get(requesterEligibility.ground)!.provisions)]
    return { verdict: 'cannot-request', summary: summarise(ctx, 'cannot-request', findings), findings, missing: [], ...base }
  }

  const findings: Finding[] = []
  const missing: MissingFact[] = []
  for (const rule of RULES) {
    const provisions = provisionsOn(ctx, rule.ground)
    if (provisions.length === 0) continue
    const outcome = rule.evaluate(ctx)
    if (!outcome) continue
    findings.push(toFinding(ctx, rule, outcome, provisions))
    missing.push(...(outcome.missing ?? []))
  }
  applyPriorDecisions(ctx, findings)
  const verdict = verdictOf(findings)
  return { verdict, summary: summarise(ctx, verdict, findings), findings, missing: uniqueMissing(missing), ...base }
}
