// GET /v1/provisions and /v1/provisions/{id}: the rules themselves, article by article.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PROVISION_KINDS, type Provision } from '../../../schemas/provision.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { idList, slugParam } from './filters.js'

const provisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<Provision>(app, {
    type: 'provisions',
    tag: 'Rules',
    noun: { one: 'provision', many: 'provisions' },
    item: Type.Ref('Provision'),
    list: Type.Ref('ProvisionList'),
    id: { name: 'id', schema: slugParam('Provision id: instrument and article, e.g. constitution-3 or rpd-83.', 'constitution-3'), example: 'constitution-3' },
    records: (dataset) => dataset.provisions.all,
    find: (dataset, id) => dataset.provisions.byId.get(id),
    keyOf: (record) => record.id,
    dated: true,
    filters: {
      instrument: { schema: idList('Instrument ids.', 'rpd'), matches: (p, values) => values.includes(p.instrument) },
      kind: { schema: valueList(PROVISION_KINDS, 'What the provision does.'), matches: (p, values) => values.includes(p.kind) },
      noticeType: {
        schema: idList('Notice-type ids: the provisions that govern these types.', 'red'),
        // A provision governs a type when it says so (appliesTo) or when the type lists it among its provisions.
        matches: (p, values, dataset) => values.some((id) =>
          p.appliesTo.includes(id) || (dataset.noticeTypes.byId.get(id)?.provisions.includes(p.id) ?? false))
      }
    },
    describe: {
      list: 'The provisions a notice must meet — Constitution Articles 2, 3, 4, 5, 31–33 and 36, the RPD articles ' +
        'on notices, suspension and retention, the refugee policy, the CCF Statute — each with its instrument, ' +
        'article, kind and `confidence` (RPD article numbers that are only inferred from the numbering say so). ' +
        'Filter by `instrument`, `kind` or `noticeType`; `asOf` keeps the provisions in force that day.',
      item: 'One provision: its instrument and article, what it requires, the notice types it governs, when it was ' +
        'in force, and its sources.'
    }
  })
}

export default provisionRoutes
