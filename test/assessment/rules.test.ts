// The rule modules as pure functions: every ground they cite exists, and precedents rank by similarity.
import t from 'tap'
import { assessNoticeRequest, verdictOf } from '../../src/assessment/assess.js'
import { buildContext } from '../../src/assessment/context.js'
import { precedentsFor, similarity } from '../../src/assessment/precedents.js'
import { RULE_GROUNDS } from '../../src/assessment/rules/index.js'
import { penaltyThreshold } from '../../src/assessment/rules/penalty-threshold.js'
import type { AssessmentRequest } from '../../schemas/assessment.js'
import { realDataset } from '../helpers.js'

const dataset = realDataset()
const request = (over: Partial<AssessmentRequest> = {}): AssessmentRequest => ({
  noticeType: 'red', requester: { country: 'FR' }, offence: { categories: ['murder'], maxPenaltyMonths: 360 }, judicial: { arrestWarrant: true }, ...over
})

t.test('every ground a rule cites is in the dataset, with provisions', async (t) => {
  for (const ground of RULE_GROUNDS) {
    const record = dataset.grounds.byId.get(ground)
    t.ok(record, ground)
    t.ok(record && record.provisions.length > 0)
  }
})

t.test('the penalty threshold: boundaries at 24 and 6 months', async (t) => {
  const at = (offence: AssessmentRequest['offence']) => penaltyThreshold.evaluate(buildContext(request({ offence }), dataset, '2024-01-01'))?.result
  t.equal(at({ categories: ['fraud'], maxPenaltyMonths: 23 }), 'fails')
  t.equal(at({ categories: ['fraud'], maxPenaltyMonths: 24 }), 'passes')
  t.equal(at({ categories: ['fraud'] }), 'not-enough-information')
  t.equal(at({ categories: ['fraud'], soughtFor: 'sentence', sentenceRemainingMonths: 5 }), 'fails')
  t.equal(at({ categories: ['fraud'], soughtFor: 'sentence', sentenceRemainingMonths: 6 }), 'passes')
})

t.test('verdicts follow the worst finding', async (t) => {
  const f = (result: string) => ({ result })
  t.equal(verdictOf([f('passes'), f('fails')]), 'likely-refused')
  t.equal(verdictOf([f('passes'), f('concern')]), 'needs-review')
  t.equal(verdictOf([f('passes'), f('not-enough-information')]), 'needs-review')
  t.equal(verdictOf([f('passes')]), 'likely-compliant')
})

t.test('precedents: shared requester and facts rank a case higher; each has a direction', async (t) => {
  const ctx = buildContext(request({ requester: { country: 'IR' }, date: '2021-01-05', subject: { roles: ['former-head-of-state'] }, offence: { categories: ['murder', 'terrorism'], context: ['military-operation'] } }), dataset, '2021-01-05')
  const ranked = precedentsFor('article-3-political', 'fails', ctx, 50)
  const iran = dataset.cases.byId.get('iran-2020-us-officials')!
  const other = dataset.cases.byId.get(ranked.find((p) => !p.case.startsWith('iran-'))!.case)!
  t.ok(similarity(iran, ctx) > similarity(other, ctx))
  t.ok(ranked.every((p) => dataset.cases.byId.get(p.case)!.grounds.includes('article-3-political')), 'only cases that applied the ground')
  const later = ranked.map((p) => dataset.cases.byId.get(p.case)!).filter((c) => c.date > '2021-12-31')
  t.same(later, [], 'no case from after the request')
  t.equal(ranked[0].direction, 'supports', 'a refusal supports a finding that fails')
  const passing = precedentsFor('article-3-political', 'passes', ctx, 50)
  t.equal(passing.find((p) => p.case === 'iran-2020-us-officials')?.direction, 'cuts-against', 'the same refusal cuts against a finding that passes')
})

t.test('the answer names the day, the dataset version and the disclaimer', async (t) => {
  const answer = assessNoticeRequest(request(), dataset, '2026-11-28')
  t.equal(answer.asOf, '2026-11-28')
  t.equal(answer.datasetVersion, dataset.version)
  t.match(answer.disclaimer, /not legal advice/)
  t.match(answer.summary, /France asks for a Red Notice on 2026-11-28/)
})
