// Precomputed representations: a GET answer depends only on the path, the query parameters the route declares and
// the negotiated variant (and, when PUBLIC_ORIGIN is not set, on the Host for the answers that name it in absolute
// URLs), and the data only change with a release. So the first answer is kept, serialised, with its strong ETag
// and its gzip and brotli forms, and every later one is sent straight from an onRequest hook: no validation,
// handler or serialiser runs. This plugin also owns the ETag and the 304 for every GET answer, cached or not, and
// the content coding.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hostOrigin } from '../http/origin.js'
import { chooseCoding, noneMatch, RepresentationCache, strongEtag, type CacheLimits, type StoredHeaders } from '../cache/representation-cache.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The cache of serialised answers (sizes and limits are read by tests and the bench). */
    representations: RepresentationCache
  }
  interface FastifyRequest {
    /**
     * `served`: answered from the cache. Otherwise, for a GET that missed: its key and the headers already set
     * before the handler ran. null: not a cacheable request.
     */
    representation: 'served' | { key: string; before: Record<string, unknown> } | null
  }
  interface FastifyContextConfig {
    /** `false`: the answer depends on more than URL and variant, so it is never kept (an ETag is still sent). */
    representations?: boolean
  }
}

export interface RepresentationsOptions { limits?: Partial<CacheLimits> }

// At most 32 MB of bodies: every record in every variant fits many times over, and it stays a small part of the
// process's memory (docs/performance.md) however many query strings a client invents.
export const DEFAULT_LIMITS: CacheLimits = { maxEntries: 5_000, maxBytes: 32 * 1024 * 1024 }

/**
 * Headers that belong to one request or one exchange, not to the representation, so they are never replayed:
 * ids, rate-limit counters, framing and what this plugin sets itself.
 */
const PER_REQUEST = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'content-length', 'content-encoding',
  'etag', 'retry-after', 'set-cookie', 'transfer-encoding'])
const isPerRequest = (name: string) => PER_REQUEST.has(name) || name.startsWith('ratelimit') || name.startsWith('x-ratelimit')

const sameValue = (a: unknown, b: unknown) => a === b || (Array.isArray(a) && Array.isArray(b) && a.join('\n') === b.join('\n'))

async function representations (app: FastifyInstance, options: RepresentationsOptions) {
  const cache = new RepresentationCache({ ...DEFAULT_LIMITS, ...options.limits })
  app.decorate('representations', cache)
  app.decorateRequest('representation', null)

  // Answers that default `asOf` to today (country memberships) change at midnight UTC without a release.
  let midnight: NodeJS.Timeout | undefined
  const clearAtMidnight = () => {
    const now = new Date()
    const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)
    midnight = setTimeout(() => { cache.clear(); clearAtMidnight() }, next - now.getTime() + 1000)
    midnight.unref()
  }
  clearAtMidnight()
  app.addHook('onClose', async () => clearTimeout(midnight))

  // Routes (with the media type) whose answers named the request's Host: their key carries it (origin.ts).
  const hostDependent = new Set<string>()
  const routeOf = (request: FastifyRequest) => `${request.routeOptions.url}\n${request.variant.mediaType}`

  /**
   * What the answer depends on: the path, the declared query parameters (sorted), the variant, and the origin for
   * answers that name it. Not the raw URL: a route that ignores unknown parameters (/docs/json) would otherwise
   * keep, and compress, one copy per invented query string, and one client could evict everyone's answers.
   * undefined: not to be answered from the cache (a parameter the route refuses, a repeated one, a bad Host).
   */
  const keyOf = (request: FastifyRequest): string | undefined => {
    const query = declaredQuery(request)
    if (query === undefined) return undefined
    let key = `${request.url.split('?', 1)[0]}?${query}\n${request.variant.mediaType}\n${request.variant.lang}`
    if (!app.publicOrigin && hostDependent.has(routeOf(request))) {
      const own = hostOrigin(request)
      if (!own) return undefined
      key += `\n${own}`
    }
    return key
  }

  const cacheable = (request: FastifyRequest) => {
    const config = request.routeOptions.config
    return (request.method === 'GET' || request.method === 'HEAD') && request.routeOptions.url !== undefined &&
      !config.noStore && config.representations !== false && request.variant != null
  }

  // Runs after the negotiation, CORS, the rate limit and any other onRequest hook registered before this plugin, so
  // the headers those set per request are already on the reply. Callback style: this is the hot path, and a
  // promise per hook is measurable there. Answering without calling done() ends the hook chain.
  app.addHook('onRequest', (request, reply, done) => {
    if (reply.sent || !cacheable(request)) return done()
    const key = keyOf(request)
    if (key === undefined) return done()
    const entry = cache.get(key)
    if (entry === undefined) {
      request.representation = { key, before: reply.getHeaders() }
      return done()
    }
    request.representation = 'served'
    const { coding, representation } = entry.get(chooseCoding(request.headers['accept-encoding']))
    reply.header('etag', representation.etag)
    if (noneMatch(request.headers['if-none-match'], representation.etag)) {
      reply.code(304).send()
      return
    }
    for (const [name, value] of entry.headers.set) reply.header(name, value)
    for (const name of entry.headers.removed) reply.removeHeader(name)
    if (coding !== 'identity') reply.header('content-encoding', coding)
    reply.code(200).send(representation.body)
  })

  // Runs after every other onSend (this plugin is registered after the others), so the headers are final.
  app.addHook('onSend', (request, reply, payload, done) => {
    done(null, answerFor(request, reply, payload))
  })

  function answerFor (request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const miss = request.representation
    if (miss === 'served') return payload
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    if (miss === null || reply.hasHeader('etag') || reply.hasHeader('content-encoding')) {
      // Not kept (health, opted out, or a route with its own validator or coding): still a strong ETag and a 304.
      const etag = (reply.getHeader('etag') as string | undefined) ?? strongEtag(Buffer.from(payload), 'identity')
      reply.header('etag', etag)
      return notModified(request, reply, etag) ? null : payload
    }
    const headers = storedHeaders(miss.before, reply.getHeaders())
    let key = miss.key
    if (request.originFromHost) {
      hostDependent.add(routeOf(request))
      key += `\n${hostOrigin(request)}`
    }
    const entry = cache.set(key, Buffer.isBuffer(payload) ? payload : Buffer.from(payload), headers)
    const { coding, representation } = entry.get(chooseCoding(request.headers['accept-encoding']))
    reply.header('etag', representation.etag)
    if (notModified(request, reply, representation.etag)) return null
    if (coding !== 'identity') reply.header('content-encoding', coding)
    return representation.body
  }
}

/**
 * The query parameters the route declares, sorted, as `name=value&…`; '' for a route without a query schema (it
 * ignores them). undefined when the query holds one the route refuses or a repeated one: validation answers it.
 */
function declaredQuery (request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | null | undefined
  const names = query ? Object.keys(query) : []
  if (names.length === 0) return ''
  const schema = request.routeOptions.schema?.querystring as { properties?: Record<string, unknown>; additionalProperties?: unknown } | undefined
  if (!schema) return ''
  const declared = schema.properties ?? {}
  const parts: string[] = []
  for (const name of names) {
    const value = query![name]
    if (!Object.hasOwn(declared, name)) {
      if (schema.additionalProperties === false) return undefined
      continue
    }
    if (typeof value !== 'string') return undefined
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
  }
  return parts.sort().join('&')
}

function notModified (request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  if (!noneMatch(request.headers['if-none-match'], etag)) return false
  // A 304 carries the validators and caching headers, not the body's type or length.
  reply.code(304).removeHeader('content-type').removeHeader('content-disposition').removeHeader('content-length')
  return true
}

/** What the route added or changed after the onRequest hooks, and what it removed (an embed drops X-Frame-Options). */
function storedHeaders (before: Record<string, unknown>, after: Record<string, unknown>): StoredHeaders {
  const set: StoredHeaders['set'] = []
  for (const [name, value] of Object.entries(after)) {
    if (value === undefined || isPerRequest(name) || sameValue(before[name], value)) continue
    set.push([name, value as string | number | string[]])
  }
  const removed = Object.keys(before).filter((name) => after[name] === undefined && !isPerRequest(name))
  return { set, removed }
}

export default fp(representations, { name: 'representations', dependencies: ['http-conventions'] })
