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

// Each rule module on its own, without HTTP: the request facts in, the result out.
const evaluate = (rule: { evaluate: (ctx: ReturnType<typeof buildContext>) => { result: string } | undefined }, over: Partial<AssessmentRequest>, day = '2026-12-02') =>
  rule.evaluate(buildContext(request(over), dataset, day))?.result

t.test('rule modules, one per ground', async (t) => {
  const { article3Political } = await import('../../src/assessment/rules/article-3-political.js')
  const { article3Military } = await import('../../src/assessment/rules/article-3-military.js')
  const { article3Religious } = await import('../../src/assessment/rules/article-3-religious.js')
  const { article3Racial } = await import('../../src/assessment/rules/article-3-racial.js')
  const { excludedOffenceCulturalNorms } = await import('../../src/assessment/rules/excluded-offence-cultural-norms.js')
  const { excludedOffenceFamilyPrivate } = await import('../../src/assessment/rules/excluded-offence-family-private.js')
  const { excludedOffencePrivateDispute } = await import('../../src/assessment/rules/excluded-offence-private-dispute.js')
  const { refugeeStatus } = await import('../../src/assessment/rules/refugee-status.js')
  const { requesterEligibility } = await import('../../src/assessment/rules/requester-eligibility.js')
  const { requesterCorrectiveMeasures } = await import('../../src/assessment/rules/requester-corrective-measures.js')

  const war = { categories: ['crimes-against-humanity-or-war-crimes'], context: ['armed-conflict'], maxPenaltyMonths: 12000 }
  t.equal(evaluate(article3Political, { requester: { entity: 'icc' }, subject: { roles: ['head-of-state'] }, offence: war }), 'passes', 'ICC, war crimes, head of state')
  t.equal(evaluate(article3Political, { requester: { country: 'UA' }, subject: { roles: ['military-officer'], nationalities: ['RU'] }, offence: war }), 'concern', 'a victim state, war crimes')
  t.equal(evaluate(article3Political, { requester: { country: 'IR' }, subject: { roles: ['military-officer'], nationalities: ['US'] }, offence: { categories: ['murder'], context: ['military-operation'] } }), 'fails', 'another state\'s officer, murder')
  t.equal(evaluate(article3Political, { requester: { country: 'VE' }, subject: { roles: ['head-of-state'], nationalities: ['AR'] }, offence: { categories: ['corruption'] } }), 'fails', 'a foreign sitting head of state, no military context')
  t.equal(evaluate(article3Political, { subject: { roles: ['political-opposition'] }, offence: { categories: ['murder'], context: ['protest'] } }), 'concern', 'one role-plus-context pair against a murder charge')
  t.equal(evaluate(article3Political, { subject: { roles: ['journalist'] }, offence: { categories: ['fraud'], context: ['election-or-political-crisis'] } }), 'fails', 'a journalist is a political role')
  t.equal(evaluate(article3Political, { offence: { categories: ['treason-espionage-sedition'] } }), 'fails', 'an offence against the state')
  t.equal(evaluate(article3Political, { offence: { categories: ['theft'] } }), 'passes')
  t.equal(evaluate(article3Military, { offence: { categories: ['desertion-or-military-offence'] } }), 'fails')
  t.equal(evaluate(article3Military, { requester: { entity: 'icty' }, offence: war }, '2005-01-01'), 'passes')
  t.equal(evaluate(article3Military, { offence: { categories: ['theft'] } }), undefined, 'nothing military, no finding')
  t.equal(evaluate(article3Religious, { subject: { roles: ['religious-figure'] }, offence: { categories: ['membership-of-banned-organisation'] } }), 'fails')
  t.equal(evaluate(article3Religious, { subject: { roles: ['religious-figure'] }, offence: { categories: ['murder'] } }), 'concern')
  t.equal(evaluate(article3Racial, { subject: { roles: ['political-opposition'] }, offence: { categories: ['other'], context: ['ethnic-or-racial-tension'] } }), 'fails')
  t.equal(evaluate(article3Racial, { offence: { categories: ['murder'], context: ['ethnic-or-racial-tension'] } }), 'concern')
  for (const category of ['consensual-sexual-conduct', 'prostitution', 'personal-drug-use', 'apostasy', 'dress-code-or-public-morality']) {
    t.equal(evaluate(excludedOffenceCulturalNorms, { offence: { categories: [category] } }), 'fails', `${category}, Red Notice`)
    t.equal(evaluate(excludedOffenceCulturalNorms, { noticeType: 'diffusion', offence: { categories: [category] } }), 'fails', `${category}, wanted-person diffusion on an arrest warrant`)
    t.equal(evaluate(excludedOffenceCulturalNorms, { noticeType: 'diffusion', offence: { categories: [category] }, judicial: {} }), 'concern', `${category}, diffusion that does not say it seeks arrest`)
  }
  t.equal(evaluate(excludedOffenceCulturalNorms, { offence: { categories: ['prostitution', 'organised-crime'] } }), 'concern', 'the organised-crime exception')
  t.equal(evaluate(excludedOffenceFamilyPrivate, { offence: { categories: ['murder'], context: ['family-matter'] } }), 'passes', 'a murder in a family is not a family matter')
  t.equal(evaluate(excludedOffenceFamilyPrivate, { noticeType: 'yellow', offence: { context: ['family-matter'] } }), 'concern')
  t.equal(evaluate(excludedOffencePrivateDispute, { offence: { categories: ['breach-of-contract'] } }), 'fails')
  t.equal(evaluate(excludedOffencePrivateDispute, { offence: { categories: ['unpaid-debt-or-cheque'] } }), 'concern', 'CCF 2018-2 kept a cheque notice')
  t.equal(evaluate(refugeeStatus, { requester: { country: 'BH' }, subject: { roles: ['refugee'] } }), 'not-enough-information')
  t.equal(evaluate(requesterEligibility, { noticeType: 'silver', requester: { country: 'IT' } }), 'concern', 'the pilot')
  t.equal(evaluate(requesterEligibility, { requester: { country: 'XK' } }), 'fails', 'Kosovo')
  t.equal(evaluate(requesterCorrectiveMeasures, { requester: { country: 'BY' } }, '2022-01-01'), 'passes', 'reported checks are no formal measure')
  t.equal(evaluate(requesterCorrectiveMeasures, { requester: { country: 'RU' } }, '2023-01-01'), 'concern')
})

t.test('every vocabulary id reads as words', async (t) => {
  const words = await import('../../src/assessment/words.js')
  const { OFFENCE_CATEGORIES, OFFENCE_CONTEXTS, SUBJECT_ROLES } = await import('../../schemas/vocabulary.js')
  for (const id of SUBJECT_ROLES) t.match(words.role(id), /^an? /, id)
  for (const id of OFFENCE_CATEGORIES) t.notOk(id.includes('-') && words.category(id).includes(id), `${id}: ${words.category(id)}`)
  for (const id of OFFENCE_CONTEXTS) t.notOk(id.includes('-') && words.context(id).includes(id), `${id}: ${words.context(id)}`)
  t.equal(words.article('INTERPOL–United Nations Security Council Special Notice'), 'an INTERPOL–United Nations Security Council Special Notice')
  t.equal(words.article('Orange Notice'), 'an Orange Notice')
  t.equal(words.article('Red Notice'), 'a Red Notice')
  t.equal(words.and(['a', 'b', 'c']), 'a, b and c')
})

t.test('precedents scale to a large CCF corpus: the most similar first, each with its direction', async (t) => {
  const base = dataset.cases.all
  const synthetic = Array.from({ length: 2000 }, (_, i) => ({
    ...base.find((c) => c.kind === 'ccf-decision')!,
    id: `ccf-synthetic-${i}`,
    date: '2020',
    grounds: ['excluded-offence-cultural-norms'],
    offenceCategories: i % 10 === 0 ? ['consensual-sexual-conduct', 'prostitution'] : i % 3 === 0 ? ['consensual-sexual-conduct'] : ['fraud'],
    outcome: i % 2 === 0 ? 'not-compliant' : 'compliant',
    groundsStated: true
  }))
  const big = { ...dataset, cases: { all: [...base, ...synthetic], byId: new Map([...base, ...synthetic].map((c) => [c.id, c])) } }
  const answer = assessNoticeRequest(request({ offence: { categories: ['consensual-sexual-conduct', 'prostitution'], maxPenaltyMonths: 60 } }), big, '2026-12-02')
  const cultural = answer.findings.find((f) => f.ground === 'excluded-offence-cultural-norms')!
  t.equal(cultural.result, 'fails')
  t.equal(cultural.precedents.length, 5)
  for (const p of cultural.precedents) {
    const c = big.cases.byId.get(p.case)!
    t.same(c.offenceCategories, ['consensual-sexual-conduct', 'prostitution'], `${p.case} shares both charges`)
    t.equal(p.direction, c.outcome === 'not-compliant' ? 'supports' : 'cuts-against')
  }
})
