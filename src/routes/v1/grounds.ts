// GET /v1/grounds and /v1/grounds/{id}: why requests are refused and notices deleted.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { GROUND_FAMILIES, type Ground } from '../../../schemas/ground.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { englishOf, localize } from '../../http/language.js'
import { idList, slugParam } from './filters.js'

const groundRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<Ground>(app, {
    type: 'grounds',
    tag: 'Grounds',
    noun: { one: 'ground', many: 'grounds' },
    item: Type.Ref('Ground'),
    list: Type.Ref('GroundList'),
    id: { name: 'id', schema: slugParam('Ground id.', 'article-3-political'), example: 'article-3-political' },
    records: (dataset) => dataset.grounds.all,
    find: (dataset, id) => dataset.grounds.byId.get(id),
    keyOf: (record) => record.id,
    dated: true,
    localize: (record, lang) => localize(record, lang, englishOf.ground(record)),
    filters: {
      family: { schema: valueList(GROUND_FAMILIES, 'Family of grounds.'), matches: (g, values) => values.includes(g.family) },
      noticeType: {
        schema: idList('Notice-type ids; grounds that apply to every type are included.', 'red'),
        matches: (g, values) => g.appliesTo.length === 0 || values.some((id) => g.appliesTo.includes(id))
      },
      provision: { schema: idList('Provision ids the ground rests on.', 'constitution-3'), matches: (g, values) => values.some((id) => g.provisions.includes(id)) }
    },
    describe: {
      list: 'The grounds on which INTERPOL refuses a request or deletes a notice: Article 3 (political, military, ' +
        'religious, racial — with the predominance test), Article 2 and human rights, refugee status, the penalty ' +
        'thresholds, excluded offences, insufficient judicial data, data quality, purpose, ne bis in idem, transfer ' +
        'of proceedings, misuse of channels and more. Filter by `family`, `noticeType` or `provision`.',
      item: 'One ground: the provisions it rests on, how it is applied (the test), the facts that point to it, ' +
        'its typical outcome, and the cases that applied it.'
    }
  })
}

export default groundRoutes
