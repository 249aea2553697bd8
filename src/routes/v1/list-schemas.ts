// The list envelope of each resource, named in the OpenAPI document (NoticeTypeList, CaseList, …).
import { Type } from 'typebox'
import { listOf } from '../../../schemas/common.js'

const item = (id: string) => Type.Ref(id)

export const SearchHit = Type.Object({
  type: Type.String({ description: 'The resource: notice-types, terms, grounds, provisions, instruments, cases, countries or requesting-entities.' }),
  id: Type.String(),
  title: Type.String(),
  score: Type.Number({ description: 'Relevance; higher is better. Only comparable within one answer.' }),
  href: Type.String({ description: 'Path of the record.' })
}, { $id: 'SearchHit', additionalProperties: false })

export const listSchemas = [
  SearchHit,
  ...['NoticeType', 'Instrument', 'Provision', 'Ground', 'RequestingEntity', 'Country', 'Case', 'Term', 'SearchHit']
    .map((id) => listOf(item(id), `${id}List`))
]
