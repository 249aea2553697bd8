// GET /v1/search: one ranked search across every resource.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SEARCH_TYPES, type SearchType } from '../../search/search-index.js'
import { linkHeader, paginate } from '../../http/pagination.js'
import { errorResponses } from '../../http/responses.js'
import { splitList, valueList } from '../../http/collection.js'

const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/search', {
    schema: {
      tags: ['Search'],
      operationId: 'search',
      summary: 'Search every resource',
      description: 'Ranked search across notice types, terms, grounds, provisions, instruments, cases, countries and ' +
        'requesting entities. Tolerant of case, accents, plurals and small typos, and matching aliases: ' +
        '"wanted notice" finds the Red Notice, "soleimani" the Iranian requests, "CCF" the Commission. `type` ' +
        'narrows to some resources.',
      querystring: Type.Object({
        q: Type.String({ minLength: 1, maxLength: 200, description: 'Search words.', examples: ['wanted notice'] }),
        type: Type.Optional(valueList(SEARCH_TYPES, 'Resources to search.')),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 }))
      }, { additionalProperties: false }),
      response: { 200: { description: 'Hits, best first.', ...Type.Ref('SearchHitList') }, ...errorResponses(400, 406) }
    }
  }, async (request, reply) => {
    const { q, type, limit = 20, offset = 0 } = request.query
    const types = type ? (splitList(type) as SearchType[]) : undefined
    const hits = app.searchIndex.search(q, types).map((hit) => ({ ...hit, href: `/v1/${hit.type}/${hit.id}` }))
    const page = paginate(hits, limit, offset)
    reply.header('link', linkHeader('/v1/search', request.query, page.total, limit, offset))
    return page as never
  })
}

export default searchRoutes
