// GET /v1/notice-types and /v1/notice-types/{id}: the catalogue of notice types.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NOTICE_KINDS, NOTICE_STATUSES, PUBLIC_EXTRACT_RULES, REQUESTERS, type NoticeType } from '../../../schemas/notice-type.js'
import { ID_PATTERN } from '../../../schemas/common.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { englishOf, localize } from '../../http/language.js'

const noticeTypeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<NoticeType>(app, {
    type: 'notice-types',
    tag: 'Notice types',
    noun: { one: 'notice type', many: 'notice types' },
    item: Type.Ref('NoticeType'),
    list: Type.Ref('NoticeTypeList'),
    id: { name: 'id', schema: Type.String({ pattern: ID_PATTERN, maxLength: 64, description: 'Notice-type id.', examples: ['red'] }), example: 'red' },
    records: (dataset) => dataset.noticeTypes.all,
    find: (dataset, id) => dataset.noticeTypes.byId.get(id),
    keyOf: (record) => record.id,
    dated: true,
    localize: (record, lang) => localize(record, lang, englishOf.noticeType(record)),
    definedTermSet: 'INTERPOL notice types',
    filters: {
      kind: { schema: valueList(NOTICE_KINDS, 'Notice, special notice or diffusion.'), matches: (n, values) => values.includes(n.kind) },
      status: { schema: valueList(NOTICE_STATUSES, 'Active, pilot or abolished.'), matches: (n, values) => values.includes(n.status) },
      publicExtract: {
        schema: valueList(PUBLIC_EXTRACT_RULES, 'Whether an extract may appear on INTERPOL\'s public website.'),
        matches: (n, values) => values.includes(n.publicExtract.rule)
      },
      requestedBy: { schema: valueList(REQUESTERS, 'Who may request it.'), matches: (n, values) => n.requestedBy.some((r) => values.includes(r)) }
    },
    describe: {
      list: 'Every notice type: the eight colour notices (Silver as a pilot since 2025), the INTERPOL–UN Security ' +
        'Council Special Notice, diffusions (not notices; listed so they can be compared) and abolished types kept ' +
        'for history. Filter by `kind`, `status`, `publicExtract` or `requestedBy`; `asOf` keeps the types that ' +
        'existed on that day; `q` searches names, aliases and purposes.',
      item: 'One notice type with its purpose, who may request it, whether a public extract may be published, the ' +
        'provisions that govern it, its conditions and validity, published statistics, and common misconceptions ' +
        'with their corrections ("a Red Notice is not an international arrest warrant").'
    }
  })
}

export default noticeTypeRoutes
