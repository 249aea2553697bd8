// GET /v1/requesting-entities and /{id}: international bodies that may request notices.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ENTITY_KINDS, type RequestingEntity } from '../../../schemas/requesting-entity.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { englishOf, localize } from '../../http/language.js'
import { idList, slugParam } from './filters.js'

const requestingEntityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<RequestingEntity>(app, {
    type: 'requesting-entities',
    tag: 'Requesters',
    noun: { one: 'requesting entity', many: 'requesting entities' },
    item: Type.Ref('RequestingEntity'),
    list: Type.Ref('RequestingEntityList'),
    id: { name: 'id', schema: slugParam('Entity id.', 'icc'), example: 'icc' },
    records: (dataset) => dataset.requestingEntities.all,
    find: (dataset, id) => dataset.requestingEntities.byId.get(id),
    keyOf: (record) => record.id,
    dated: true,
    localize: (record, lang) => localize(record, lang, englishOf.requestingEntity(record)),
    filters: {
      kind: { schema: valueList(ENTITY_KINDS, 'Kind of body.'), matches: (e, values) => values.includes(e.kind) },
      noticeType: { schema: idList('Notice-type ids the body may request.', 'red'), matches: (e, values) => values.some((id) => e.mayRequest.includes(id)) }
    },
    describe: {
      list: 'The international bodies that may request notices besides member countries: the International ' +
        'Criminal Court, international criminal tribunals, and the UN Security Council\'s sanctions committees ' +
        '(Special Notices), with what each may request and on what basis.',
      item: 'One requesting entity: what it may request, for which crimes or measures, and the instruments behind it.'
    }
  })
}

export default requestingEntityRoutes
