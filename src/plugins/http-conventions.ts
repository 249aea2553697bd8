// The HTTP contract every route shares (api-conventions.md): request ids, content negotiation, caching headers and
// the dataset version on every answer. ETags and 304s come from plugins/representations.ts, which keeps each answer
// with its validator.
import { randomUUID } from 'node:crypto'
import fp from 'fastify-plugin'
import Negotiator from 'negotiator'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from '../http/problems.js'
import { formatFromQuery } from '../http/formats.js'
import { DEFAULT_LANGUAGE, negotiateLanguage } from '../http/language.js'

/**
 * What was negotiated for this request: the media type it will be answered in and the language of its texts.
 * A response depends only on the method, the URL and this variant, so it is also the key for caching answers.
 */
export interface Variant { mediaType: string; lang: string }

declare module 'fastify' {
  interface FastifyRequest {
    variant: Variant
  }
  interface FastifyContextConfig {
    /** Media types the route can answer with; `Accept` is negotiated against them. Default: JSON. */
    produces?: string[]
    /** Health routes must never be cached. */
    noStore?: boolean
    /** Made to be framed by any site (embeds): no X-Frame-Options; the route sends its own CSP. */
    frameable?: boolean
    /** The answer depends on the negotiated language (`?lang=`, `Accept-Language`). */
    localized?: boolean
  }
}

const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400'
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Use the caller's `X-Request-Id` when it is sane, so that a request can be followed across services. */
export function requestIdFrom (header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header
  return value && REQUEST_ID.test(value) ? value : randomUUID()
}

const negotiatedMediaTypes = new Map<string, string | undefined>()

/**
 * The best of `produces` for an Accept header. Every request runs this, cached answers included, and browsers send
 * a handful of distinct Accept headers: memoised, with a bound so that invented headers cannot grow it.
 */
function preferredMediaType (accept: string, produces: readonly string[]): string | undefined {
  const key = `${accept}\n${produces.join(',')}`
  if (negotiatedMediaTypes.has(key)) return negotiatedMediaTypes.get(key)
  const mediaType = new Negotiator({ headers: { accept } }).mediaType([...produces])
  if (negotiatedMediaTypes.size >= 512) negotiatedMediaTypes.clear()
  negotiatedMediaTypes.set(key, mediaType)
  return mediaType
}

async function httpConventions (app: FastifyInstance) {
  const lastModified = new Date(`${app.dataset.release.released}T00:00:00Z`).toUTCString()

  app.decorateRequest('variant', null as unknown as Variant)

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    reply.header('x-dataset-version', app.dataset.version)
    const produces = request.routeOptions.config.produces ?? ['application/json']
    // Only routes that localize their answer vary by language; elsewhere every text is English whatever was asked,
    // and keeping `en` there keeps one cache entry per URL.
    const lang = request.routeOptions.config.localized
      ? negotiateLanguage((request.query as { lang?: unknown } | undefined)?.lang, request.headers['accept-language'])
      : DEFAULT_LANGUAGE
    request.variant = { mediaType: produces[0], lang }
    const url = request.routeOptions.url
    if (!url || !(url.startsWith('/v1') || url === '/healthz' || url === '/readyz')) return
    const accept = request.headers.accept
    // `?format=` wins over Accept, the way `?lang=` wins over Accept-Language.
    const mediaType = formatFromQuery(request.query, produces) ??
      (accept ? preferredMediaType(accept, produces) : produces[0])
    if (!mediaType) {
      return sendProblem(request, reply, 'not-acceptable', `This resource is available as ${produces.join(', ')}; the Accept header asked for ${accept}.`, { supported: produces })
    }
    request.variant = { mediaType, lang }
  })

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config.noStore) {
      reply.header('cache-control', 'no-store')
    } else if ((request.method === 'GET' || request.method === 'HEAD') && (reply.statusCode < 300 || reply.statusCode === 304)) {
      reply.header('cache-control', CACHE_CONTROL)
      reply.header('last-modified', lastModified)
      reply.header('vary', 'Accept, Accept-Language, Accept-Encoding')
    }
    if (reply.statusCode < 400) reply.header('content-language', request.variant?.lang ?? DEFAULT_LANGUAGE)
    return payload
  })
}

export default fp(httpConventions, { name: 'http-conventions', dependencies: ['dataset'] })
