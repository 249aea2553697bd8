// The HTTP contract every route shares (api-conventions.md): request ids, content negotiation, caching headers and
// the dataset version on every answer. ETags and 304s come from plugins/representations.ts, which keeps each answer
// with its validator.
import { randomUUID } from 'node:crypto'
import fp from 'fastify-plugin'
import Negotiator from 'negotiator'
import type { FastifyInstance } from 'fastify'
import { echo, listErrors, ProblemError, sendProblem } from '../http/problems.js'
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

/**
 * Query parameters the route declares as numbers, with the JSON Schema type of each, read once per route. Ajv's
 * coercion takes whatever Number() takes (`0x10`, `1e1`, ` 10`, `Infinity`), so that one value had many spellings,
 * each its own cache entry, and digits past 2^53 came back rounded.
 */
const numericParams = new WeakMap<object, Array<[string, string]>>()
function numericQueryOf (schema: unknown): Array<[string, string]> {
  if (!schema || typeof schema !== 'object') return []
  let known = numericParams.get(schema)
  if (!known) {
    const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties ?? {}
    known = Object.entries(properties)
      .filter(([, property]) => property?.type === 'integer' || property?.type === 'number')
      .map(([name, property]) => [name, String(property.type)])
    numericParams.set(schema, known)
  }
  return known
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/
const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/

/** `{ field, message }` for each declared numeric query parameter not written as plain decimal digits. */
export function numericQueryErrors (query: Record<string, unknown>, schema: unknown) {
  const errors: Array<{ field: string; message: string }> = []
  for (const [name, type] of numericQueryOf(schema)) {
    const value = query[name]
    if (value === undefined) continue
    if (typeof value !== 'string') {
      errors.push({ field: `query.${name}`, message: 'must be given once' })
    } else if (!(type === 'integer' ? INTEGER : DECIMAL).test(value)) {
      errors.push({ field: `query.${name}`, message: type === 'integer' ? 'must be a whole number in plain decimal digits (no sign, exponent, hex, spaces or leading zeros)' : 'must be a number in plain decimal digits' })
    } else if (!Number.isSafeInteger(Math.trunc(Number(value)))) {
      errors.push({ field: `query.${name}`, message: `must be between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` })
    }
  }
  return errors
}

const SUSPECT_KEY = /__proto__|constructor|\\u/

/**
 * JSON.parse, refusing a `__proto__` key or a `constructor` key holding `prototype` (as Fastify's parser does), but
 * saying so: Fastify reported them as "not valid JSON".
 */
export function parseJsonBody (text: string): unknown {
  // A reviver costs a call per value: used only when either key could be there, spelt out or with \u escapes.
  if (!SUSPECT_KEY.test(text)) return JSON.parse(text)
  return JSON.parse(text, function (key, value) {
    if (key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype'))) {
      throw new ProblemError('invalid-body', `The request body holds a "${key === '__proto__' ? '__proto__' : 'constructor.prototype'}" key, which the service refuses: it is used to tamper with objects' prototypes.`)
    }
    return value
  })
}

async function httpConventions (app: FastifyInstance) {
  // Only JSON bodies are accepted (src/app.ts); this parser says what is wrong with the ones refused.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(Object.assign(new Error('empty'), { code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }), undefined)
    try {
      done(null, parseJsonBody(body as string))
    } catch (error) {
      done(error instanceof ProblemError ? error : Object.assign(new Error('invalid JSON'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }), undefined)
    }
  })

  // `Expect` other than 100-continue: Node answers 417 in plain text unless someone listens.
  app.server.on?.('checkExpectation', (request, response) => {
    const body = JSON.stringify({ type: '/docs/problems#expectation-failed', title: 'Expectation failed', status: 417, detail: 'Only "Expect: 100-continue" is supported.', code: 'expectation-failed', requestId: requestIdFrom(request.headers['x-request-id']) })
    response.writeHead(417, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), connection: 'close' }).end(body)
  })

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
    // RFC 9112 §3.2: an HTTP/1.1 request without Host is a 400 (Node's own check is off so that it is a problem).
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1') {
      return sendProblem(request, reply, 'invalid-host', 'An HTTP/1.1 request must carry a Host header.')
    }
    // A compressed request body cannot be read (RFC 7694: 415, and say which coding is accepted). Checked before
    // the body is parsed, where it would otherwise be reported as invalid JSON.
    const coding = request.headers['content-encoding']
    if (coding && coding.trim().toLowerCase() !== 'identity' && request.method !== 'GET' && request.method !== 'HEAD') {
      reply.header('accept-encoding', 'identity')
      return sendProblem(request, reply, 'unsupported-media-type', `The request body is sent with Content-Encoding ${echo(coding)}, which the service does not decode; send it uncompressed.`, { supported: ['application/json'] })
    }
    const url = request.routeOptions.url
    if (!url || !(url.startsWith('/v1') || url === '/healthz' || url === '/readyz')) return
    const accept = request.headers.accept
    // `?format=` wins over Accept, the way `?lang=` wins over Accept-Language.
    const mediaType = formatFromQuery(request.query, produces) ??
      (accept ? preferredMediaType(accept, produces) : produces[0])
    if (!mediaType) {
      return sendProblem(request, reply, 'not-acceptable', `This resource is available as ${produces.join(', ')}; the Accept header asked for ${echo(accept ?? '')}.`, { supported: produces })
    }
    request.variant = { mediaType, lang }
  })

  app.addHook('preValidation', async (request, reply) => {
    const schema = request.routeOptions.schema?.querystring
    if (!schema || !request.query) return
    const errors = numericQueryErrors(request.query as Record<string, unknown>, schema)
    if (errors.length === 0) return
    const listed = listErrors(errors)
    return sendProblem(request, reply, 'invalid-query', listed.detail, { errors: listed.errors })
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
