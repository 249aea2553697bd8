// One way to serve a collection: `GET /v1/<things>` (filters, `q`, `ids`, `asOf`, pagination, Link) and
// `GET /v1/<things>/{id}` (with nearest-id suggestions on a 404). Each resource file declares what differs.
import { Type, type TSchema, type TString } from 'typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Dataset } from '../data/dataset.js'
import { inForceOn, today, type Dated } from '../data/dates.js'
import type { SearchType } from '../search/search-index.js'
import { IsoDate } from '../../schemas/common.js'
import { CSV_TYPE, JSON_LD_TYPE, JSON_TYPE, definedTerm, definedTermSet, formatQuery, sendCsv, type TermLike } from './formats.js'
import { languageQuery, type Language } from './language.js'
import { linkHeader, paginate } from './pagination.js'
import { origin } from './origin.js'
import { sendProblem } from './problems.js'
import { errorResponses } from './responses.js'
import { nearestIds } from './suggest.js'

export interface FilterSpec<T> {
  schema: TSchema
  matches: (record: T, values: string[], dataset: Dataset, asOf: string | undefined) => boolean
}

export interface ViewContext { asOf: string; dataset: Dataset }

export interface CollectionSpec<T> {
  /** URL segment and search type, e.g. `notice-types`. */
  type: SearchType
  tag: string
  noun: { one: string; many: string }
  item: TSchema
  list: TSchema
  id: { name: string; schema: TSchema; normalise?: (raw: string) => string; example: string }
  records: (dataset: Dataset) => readonly T[]
  find: (dataset: Dataset, key: string) => T | undefined
  keyOf: (record: T) => string
  filters: Record<string, FilterSpec<T>>
  /** Records that carry effectiveFrom/effectiveTo answer `asOf` by dropping what was not in force that day. */
  dated?: boolean
  /** Where the answer depends on the day (a country's membership), shape the record for `asOf`. */
  view?: (record: T, context: ViewContext) => unknown
  describe: { list: string; item: string }
  listExample?: string
  /** Adds the `localized` block (name and short definition in the negotiated language) and accepts `?lang=`. */
  localize?: (record: T, lang: Language) => T
  /** Records that are schema.org DefinedTerms also answer application/ld+json, in a set with this name. */
  definedTermSet?: string
}

/** The 200 response of a route that answers in several media types, each documented in the OpenAPI document. */
export function variants (description: string, json: TSchema, produces: readonly string[]) {
  const content: Record<string, { schema: TSchema | { type: string; description: string } }> = { [JSON_TYPE]: { schema: json } }
  if (produces.includes(CSV_TYPE)) content[CSV_TYPE] = { schema: { type: 'string', description: 'One row per record under a header row; nested fields as dotted columns, lists joined by "; ".' } }
  if (produces.includes(JSON_LD_TYPE)) content[JSON_LD_TYPE] = { schema: { type: 'object', description: 'schema.org DefinedTerm (an item) or DefinedTermSet with hasDefinedTerm (a list).' } }
  return { description, content }
}

/** A comma-separated list of enum values, as a string schema that still documents the values. */
export function valueList (values: readonly string[], description: string): TString {
  const alternatives = values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return Type.String({
    pattern: `^(${alternatives})(,(${alternatives}))*$`,
    description: `${description} One or more of: ${values.join(', ')} (comma-separated).`,
    examples: [values[0]]
  })
}

export const splitList = (value: string) => value.split(',').map((part) => part.trim()).filter(Boolean)

const commonQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Page size, 1–100.' }),
  offset: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0, description: 'How many matching records to skip.' }),
  q: Type.String({ minLength: 1, maxLength: 200, description: 'Search words; results come ranked, best first.' }),
  ids: Type.String({ minLength: 1, maxLength: 2000, pattern: '^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$', description: 'Batch lookup: comma-separated ids.' })
}

const asOfQuery = Type.Unsafe<string>({
  ...IsoDate,
  $id: undefined,
  description: 'Answer as things stood on this day (YYYY-MM-DD): only what was in force then.',
  examples: ['2021-01-05']
})

interface ListQuery { limit: number; offset: number; q?: string; ids?: string; asOf?: string; [filter: string]: unknown }

// Any type provider: the route files are typed with the TypeBox provider, this factory is not.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFastify = FastifyInstance<any, any, any, any, any>

export function registerCollection<T> (app: AnyFastify, spec: CollectionSpec<T>) {
  const base = `/v1/${spec.type}`
  const filterQuery = Object.fromEntries(Object.entries(spec.filters).map(([name, filter]) => [name, Type.Optional(filter.schema)]))
  const datedQuery: Record<string, TSchema> = spec.dated || spec.view ? { asOf: Type.Optional(asOfQuery) } : {}
  const listProduces = [JSON_TYPE, CSV_TYPE, ...(spec.definedTermSet ? [JSON_LD_TYPE] : [])]
  const itemProduces = [JSON_TYPE, ...(spec.definedTermSet ? [JSON_LD_TYPE] : [])]
  const langQuery: Record<string, TSchema> = spec.localize ? { lang: Type.Optional(languageQuery) } : {}
  const listQuery = Type.Object({
    limit: Type.Optional(commonQuery.limit),
    offset: Type.Optional(commonQuery.offset),
    q: Type.Optional(commonQuery.q),
    ids: Type.Optional(commonQuery.ids),
    ...datedQuery,
    ...filterQuery,
    ...langQuery,
    format: Type.Optional(formatQuery(listProduces))
  }, { additionalProperties: false })
  const itemFormat: Record<string, TSchema> = itemProduces.length > 1 ? { format: Type.Optional(formatQuery(itemProduces)) } : {}

  const inForce = (record: T, asOf: string | undefined) => !spec.dated || !asOf || inForceOn(record as Dated, asOf)
  const shape = (record: T, asOf: string | undefined, lang: Language) => {
    const localized = spec.localize ? spec.localize(record, lang) : record
    return spec.view ? spec.view(localized, { asOf: asOf ?? today(), dataset: app.dataset }) : localized
  }
  const termSet = (request: FastifyRequest) => ({
    origin: origin(request),
    resource: spec.type,
    name: spec.definedTermSet ?? spec.noun.many,
    lang: request.variant.lang,
    licence: app.dataset.release.licence.url
  })

  app.get(base, {
    config: { produces: listProduces, localized: Boolean(spec.localize) },
    schema: {
      tags: [spec.tag],
      operationId: `list-${spec.type}`,
      summary: `List ${spec.noun.many}`,
      description: spec.describe.list,
      querystring: listQuery,
      response: { 200: variants(`A page of ${spec.noun.many}.`, spec.list, listProduces), ...errorResponses(400, 406) }
    }
  }, async (request, reply) => {
    const query = request.query as ListQuery
    const dataset = app.dataset
    let records = spec.records(dataset)
    if (query.ids) {
      const wanted = new Set(splitList(query.ids).map((id) => spec.id.normalise?.(id) ?? id))
      records = records.filter((record) => wanted.has(spec.keyOf(record)))
    }
    records = records.filter((record) => inForce(record, query.asOf))
    for (const [name, filter] of Object.entries(spec.filters)) {
      const raw = query[name]
      if (raw === undefined) continue
      const values = splitList(String(raw))
      records = records.filter((record) => filter.matches(record, values, dataset, query.asOf))
    }
    if (query.q) {
      const rank = new Map((await app.searchIndex.search(query.q, [spec.type])).hits.map((hit, index) => [hit.id, index]))
      records = records.filter((record) => rank.has(spec.keyOf(record)))
        .sort((a, b) => (rank.get(spec.keyOf(a)) ?? 0) - (rank.get(spec.keyOf(b)) ?? 0))
    }
    const limit = query.limit ?? 20
    const offset = query.offset ?? 0
    const page = paginate(records, limit, offset)
    reply.header('link', linkHeader(base, request.query as Record<string, unknown>, page.total, limit, offset))
    const data = page.data.map((record) => shape(record, query.asOf, request.variant.lang as Language))
    if (request.variant.mediaType === CSV_TYPE) {
      return sendCsv(reply, spec.type, data)
    }
    if (request.variant.mediaType === JSON_LD_TYPE) {
      return reply.type(`${JSON_LD_TYPE}; charset=utf-8`).send(JSON.stringify(definedTermSet(data as TermLike[], termSet(request))))
    }
    return { ...page, data }
  })

  app.get(`${base}/:${spec.id.name}`, {
    config: { produces: itemProduces, localized: Boolean(spec.localize) },
    schema: {
      tags: [spec.tag],
      operationId: `get-${spec.type.replace(/s$/, '').replace(/ie$/, 'y')}`,
      summary: `Get one ${spec.noun.one}`,
      description: spec.describe.item,
      params: Type.Object({ [spec.id.name]: spec.id.schema }),
      querystring: Type.Object({ ...datedQuery, ...langQuery, ...itemFormat }, { additionalProperties: false }),
      response: { 200: variants(`The ${spec.noun.one}.`, spec.item, itemProduces), ...errorResponses(400, 404, 406) }
    }
  }, async (request: FastifyRequest, reply) => {
    const raw = (request.params as Record<string, string>)[spec.id.name]
    const key = spec.id.normalise?.(raw) ?? raw
    const asOf = (request.query as { asOf?: string }).asOf
    const record = spec.find(app.dataset, key)
    if (!record) {
      const suggestions = nearestIds(key, spec.records(app.dataset).map(spec.keyOf))
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : ''
      return sendProblem(request, reply, 'not-found', `No ${spec.noun.one} has the id "${raw}".${hint}`, { suggestions })
    }
    if (!inForce(record, asOf)) {
      return sendProblem(request, reply, 'not-found', `The ${spec.noun.one} "${key}" was not in force on ${asOf}.`, { suggestions: [] })
    }
    const shaped = shape(record, asOf, request.variant.lang as Language)
    if (request.variant.mediaType === JSON_LD_TYPE) {
      return reply.type(`${JSON_LD_TYPE}; charset=utf-8`).send(JSON.stringify(definedTerm(shaped as TermLike, termSet(request), true)))
    }
    return shaped
  })
}
