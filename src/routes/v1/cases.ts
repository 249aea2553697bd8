// GET /v1/cases and /v1/cases/{id}: precedents — public cases and CCF decision excerpts.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CASE_KINDS, DECIDERS, OUTCOMES, type Case } from '../../../schemas/case.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { englishOf, localize } from '../../http/language.js'
import { idList, slugParam } from './filters.js'

const requesterOf = (c: Case) => c.requester?.country ?? c.requester?.entity

const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<Case>(app, {
    type: 'cases',
    tag: 'Cases',
    noun: { one: 'case', many: 'cases' },
    item: Type.Ref('Case'),
    list: Type.Ref('CaseList'),
    id: { name: 'id', schema: slugParam('Case id.', 'iran-2021-us-officials'), example: 'iran-2021-us-officials' },
    records: (dataset) => dataset.cases.all,
    find: (dataset, id) => dataset.cases.byId.get(id),
    keyOf: (record) => record.id,
    localize: (record, lang) => localize(record, lang, englishOf.case(record)),
    filters: {
      requester: {
        schema: idList('Requesting country codes (any case) or requesting-entity ids.', 'IR'),
        matches: (c, values) => values.some((value) => requesterOf(c) === value || requesterOf(c) === value.toUpperCase())
      },
      ground: { schema: idList('Ground ids.', 'article-3-political'), matches: (c, values) => values.some((id) => c.grounds.includes(id)) },
      noticeType: { schema: idList('Notice-type ids.', 'red'), matches: (c, values) => values.some((id) => c.noticeTypes.includes(id)) },
      outcome: { schema: valueList(OUTCOMES, 'Outcome.'), matches: (c, values) => values.includes(c.outcome) },
      decidedBy: { schema: valueList(DECIDERS, 'Who decided.'), matches: (c, values) => values.includes(c.decidedBy) },
      kind: { schema: valueList(CASE_KINDS, 'Public case or CCF decision excerpt.'), matches: (c, values) => values.includes(c.kind) },
      year: {
        schema: Type.String({ pattern: '^\\d{4}(,\\d{4})*$', description: 'Year of the case date. Comma-separated.', examples: ['2021'] }),
        matches: (c, values) => values.includes(c.date.slice(0, 4))
      }
    },
    describe: {
      list: 'Precedents that show the grounds at work: Iran\'s 2020 and 2021 requests against US officials ' +
        '(INTERPOL citing Article 3), other public cases that were refused, deleted, suspended or published, and ' +
        'CCF decision excerpts with their references. Filter by `requester`, `ground`, `noticeType`, `outcome`, ' +
        '`decidedBy`, `kind` or `year`. Only public figures are named.',
      item: 'One case: dates, requester, subject (named only for public figures), notice types, who decided, the ' +
        'outcome, the grounds (and whether INTERPOL itself stated them), and sources.'
    }
  })
}

export default caseRoutes
