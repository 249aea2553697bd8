// GET /v1/search: one ranked search across every resource.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SEARCH_TYPES, type SearchType } from '../../search/search-index.js'
import { linkHeader } from '../../http/pagination.js'
import { errorResponses } from '../../http/responses.js'
import { splitList, valueList, variants } from '../../http/collection.js'
import { CSV_TYPE, JSON_TYPE, formatQuery, sendCsv } from '../../http/formats.js'

const SEARCH_PRODUCES = [JSON_TYPE, CSV_TYPE]

const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/search', {
    config: { produces: SEARCH_PRODUCES },
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
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        format: Type.Optional(formatQuery(SEARCH_PRODUCES))
      }, { additionalProperties: false }),
      response: { 200: variants('Hits, best first.', Type.Ref('SearchHitList'), SEARCH_PRODUCES), ...errorResponses(400, 406) }
    }
  }, async (request, reply) => {
    const { q, type, limit = 20, offset = 0 } = request.query
    const types = type ? (splitList(type) as SearchType[]) : undefined
    // Only the page sent is ordered and linked: a common word matches thousands of records on a large dataset.
    const found = await app.searchIndex.search(q, types, { offset, limit })
    const page = { data: found.hits.map((hit) => ({ ...hit, href: `/v1/${hit.type}/${hit.id}` })), total: found.total, limit, offset }
    reply.header('link', linkHeader('/v1/search', request.query, page.total, limit, offset))
    if (request.variant.mediaType === CSV_TYPE) {
      return sendCsv(reply, 'search', page.data)
    }
    return page as never
  })
}

export default searchRoutes
