// GET /v1/changes: what each dataset release changed, record by record (data/changelog.yaml), filterable by
// resource and date; GET /v1/changes/feed.atom and /v1/changes/feed.json: the same as feeds to subscribe to.
// Every answer carries a strong ETag and answers If-None-Match with 304 (plugins/representations.ts).
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CHANGE_KINDS } from '../../../schemas/changelog.js'
import { IsoDate } from '../../../schemas/common.js'
import { CHANGE_RESOURCES, buildFeed, changesOf, type ChangeFilter } from '../../changes/feeds.js'
import { splitList, valueList } from '../../http/collection.js'
import { origin } from '../../http/origin.js'
import { linkHeader, paginate } from '../../http/pagination.js'
import { errorResponses } from '../../http/responses.js'

const ATOM = 'application/atom+xml'
const JSON_FEED = 'application/feed+json'
/** The outline of a JSON Feed 1.1 document (jsonfeed.org/version/1.1), so clients and the contract tests know its shape. */
const JSON_FEED_DOCUMENT = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { type: 'string', description: 'https://jsonfeed.org/version/1 or a later version URL.' },
    title: { type: 'string' },
    home_page_url: { type: 'string' },
    feed_url: { type: 'string' },
    description: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' }, date_published: { type: 'string' } }
      }
    }
  }
}

const date = (description: string) => Type.Unsafe<string>({ ...IsoDate, $id: undefined, description, examples: ['2026-12-01'] })
const filterQuery = {
  resource: Type.Optional(valueList(CHANGE_RESOURCES, 'Only changes to these collections.')),
  since: Type.Optional(date('Only releases on or after this day (YYYY-MM-DD).')),
  release: Type.Optional(date('Only the release of this day.'))
}

interface FilterQuery { resource?: string; since?: string; release?: string; change?: string }
const filterOf = (query: FilterQuery): ChangeFilter => ({
  resources: query.resource ? splitList(query.resource) : undefined,
  since: query.since,
  release: query.release,
  change: query.change ? splitList(query.change) : undefined
})

/** The query string the feed names itself with, filters only, in a fixed order. */
function selfQuery (query: FilterQuery): string {
  const params = new URLSearchParams()
  for (const key of ['resource', 'since', 'release'] as const) if (query[key]) params.set(key, query[key]!)
  const text = params.toString()
  return text ? `?${text}` : ''
}

const changeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/changes', {
    schema: {
      tags: ['Changes'],
      operationId: 'list-changes',
      summary: 'What each dataset release changed',
      description: 'One entry per record added, changed or removed by a dataset release, with a one-line note, newest ' +
        'release first. Filter by `resource` (`notice-types`, `cases`, `countries`, …), `since` (releases on or after ' +
        'a day), `release` (one release) and `change` (added, changed, removed). The same changes as feeds: ' +
        '`/v1/changes/feed.atom` and `/v1/changes/feed.json`. Answers carry a strong ETag; send If-None-Match to ' +
        'poll cheaply.',
      querystring: Type.Object({
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100.' })),
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'How many matching changes to skip.' })),
        ...filterQuery,
        change: Type.Optional(valueList(CHANGE_KINDS, 'Only these kinds of change.'))
      }, { additionalProperties: false }),
      response: {
        200: { description: 'The changes, newest release first.', ...Type.Ref('DatasetChangeList') },
        ...errorResponses(400, 406)
      }
    }
  }, async (request, reply) => {
    const query = request.query as FilterQuery & { limit: number; offset: number }
    const page = paginate(changesOf(app.dataset.changelog, filterOf(query)), query.limit, query.offset)
    reply.header('link', linkHeader('/v1/changes', query as unknown as Record<string, unknown>, page.total, page.limit, page.offset))
    return page
  })

  const feedRoute = (path: string, type: string, format: 'atom1' | 'json1', label: string) => app.get(path, {
    config: { produces: [type] },
    schema: {
      tags: ['Changes'],
      operationId: format === 'atom1' ? 'get-changes-atom' : 'get-changes-json-feed',
      summary: `The dataset changes as ${label}`,
      description: `Subscribe in a feed reader to learn the day a notice type is abolished, a rule changes or a ` +
        `country's restriction is lifted: one entry per dataset release, listing what it added, changed and removed ` +
        `with links to the records. \`resource\` narrows the feed to some collections (\`?resource=notice-types,countries\`). ` +
        'A strong ETag lets readers poll with If-None-Match.',
      querystring: Type.Object(filterQuery, { additionalProperties: false }),
      response: {
        200: { description: `${label} document.`, content: { [type]: { schema: format === 'json1' ? JSON_FEED_DOCUMENT : { type: 'string' } } } },
        ...errorResponses(400, 406)
      }
    }
  }, async (request, reply) => {
    const query = request.query as FilterQuery
    const feed = buildFeed(app.dataset.changelog, {
      origin: origin(request), licence: app.dataset.release.licence.name, filter: filterOf(query), selfQuery: selfQuery(query)
    })
    return reply.type(`${type}; charset=utf-8`).send(feed[format]())
  })
  feedRoute('/v1/changes/feed.atom', ATOM, 'atom1', 'an Atom 1.0 feed')
  feedRoute('/v1/changes/feed.json', JSON_FEED, 'json1', 'a JSON Feed')
}

export default changeRoutes
