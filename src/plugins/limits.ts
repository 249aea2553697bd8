// Protection for a public API that will be scraped and hammered (api-conventions.md, "limits"): a per-client rate
// limit, shedding load with a 503 when the event loop lags, and security headers with a CSP that still lets
// Swagger UI at /docs, the landing page and the embeds work. Every refusal is a problem+json document.
import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet, { type HelmetOptions } from 'helmet'
import rateLimit from '@fastify/rate-limit'
import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { LIMIT_DEFAULTS } from '../config.js'
import { buildProblem, PROBLEM_TYPE, sendProblem } from '../http/problems.js'
import { sharedRateLimitStore } from './rate-limit-store.js'

export interface Limits {
  /** Requests per client per window; 0 turns the rate limit off (load tests, a trusted proxy that limits). */
  rateLimitMax: number
  rateLimitWindowMs: number
  /** Event-loop delay above which requests get a 503; 0 turns load shedding off. */
  maxEventLoopDelayMs: number
  /** Whole time a client has to send its headers (slowloris). */
  headersTimeoutMs: number
  /** Whole time a client has to send its request (headers and body). */
  requestTimeoutMs: number
  /** An idle socket is closed after this long. */
  connectionTimeoutMs: number
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number
  /**
   * Which proxies to believe about the client address (X-Forwarded-For), as TRUST_PROXY is written: '' none, 'true'
   * all, a hop count, or addresses and CIDRs. Behind a proxy without it, every client shares the proxy's limit.
   */
  trustProxy: string
  /**
   * RATE_LIMIT_REDIS_URL: count in Redis, shared by every replica; '' counts per process. When Redis is unreachable
   * each process counts on its own until it is back (src/plugins/rate-limit-store.ts).
   */
  rateLimitRedisUrl?: string
  /** Extra under-pressure options; tests use them to simulate overload without blocking the loop. */
  underPressure?: Partial<FastifyUnderPressureOptions>
}

export const DEFAULT_LIMITS: Limits = {
  rateLimitMax: LIMIT_DEFAULTS.RATE_LIMIT_MAX,
  rateLimitWindowMs: LIMIT_DEFAULTS.RATE_LIMIT_WINDOW_MS,
  maxEventLoopDelayMs: LIMIT_DEFAULTS.MAX_EVENT_LOOP_DELAY_MS,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  connectionTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  trustProxy: ''
}

/** TRUST_PROXY as Fastify's `trustProxy` option. */
export function trustProxyOption (value: string): boolean | string | ((address: string, hop: number) => boolean) {
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  // A hop count: trust that many proxies in front of the service (what Fastify does with a number).
  if (/^\d+$/.test(value)) return (_address, hop) => hop < Number(value)
  return value
}

/** Seconds a client is asked to wait after a 503 for overload. */
export const OVERLOAD_RETRY_AFTER_S = 10

/**
 * Health probes must reach the service whatever the load (an orchestrator that cannot reach /healthz restarts a
 * healthy process), Swagger UI's page and static files cost nothing, and the problem-type page is where a 429
 * points: none is rate-limited or shed. The OpenAPI document under /docs/json and /docs/yaml is a large answer
 * like /openapi.json, and limited like it.
 */
function isExempt (request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? ''
  return url === '/healthz' || url === '/readyz' ||
    ((url === '/docs' || url.startsWith('/docs/')) && url !== '/docs/json' && url !== '/docs/yaml')
}

/**
 * Swagger UI loads its own scripts and styles from /docs/static, styles elements inline and draws icons as data:
 * images; the landing page and error pages use inline <style>. Nothing is loaded from elsewhere. No
 * upgrade-insecure-requests: the service is also reached over plain HTTP (localhost, behind a TLS proxy), where
 * upgrading would break every asset.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  upgradeInsecureRequests: null
}

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // The API is public and read from other origins (browsers, newsroom pages loading /embed.js).
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  crossOriginEmbedderPolicy: false,
  // A public API never sees a logged-in user; HSTS belongs to the TLS terminator, which knows the domain.
  strictTransportSecurity: false
} satisfies HelmetOptions

/**
 * The headers helmet writes, computed once. They depend on nothing in the request, and @fastify/helmet rebuilt
 * helmet and re-serialised the CSP on every request: a quarter of the time of a cached answer in the benchmark.
 * Set through the reply (not the raw response), so that a route can still replace one, as the embeds do the CSP.
 */
export function securityHeaders (options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader (name: string, value: string | number | readonly string[]) { headers[name.toLowerCase()] = String(value) },
    removeHeader (name: string) { delete headers[name.toLowerCase()] }
  }
  let failure: unknown
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => { failure = error })
  if (failure) throw failure
  return headers
}

/** Where a value holds a number that is not finite: `query.limit`, `body.offence.maxPenaltyMonths`. */
function nonFiniteNumbers (value: unknown, path: string, depth = 0, found: string[] = []): string[] {
  if (typeof value === 'number' && !Number.isFinite(value)) found.push(path)
  else if (value !== null && typeof value === 'object' && depth < 32 && found.length < 10) {
    for (const [key, item] of Object.entries(value)) nonFiniteNumbers(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1, found)
  }
  return found
}

async function limitsPlugin (app: FastifyInstance, options: { limits: Limits }) {
  const limits = options.limits

  // Ajv coerces "1e309" and "Infinity" to Infinity and then lets it pass `integer` and `maximum`; JSON.parse reads
  // 1e99999 as Infinity too. Such a value would reach the handlers and fail to serialise (a 500), so refuse it.
  app.addHook('preHandler', async (request, reply) => {
    const fields = [...nonFiniteNumbers(request.query, 'query'), ...nonFiniteNumbers(request.body, 'body')]
    if (fields.length === 0) return
    const errors = fields.map((field) => ({ field, message: 'must be a finite number' }))
    const code = fields[0].startsWith('query') ? 'invalid-query' : 'invalid-body'
    return sendProblem(request, reply, code, `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ` +
      errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors })
  })

  // Embeds are made to be framed by any site and send their own CSP (frame-ancestors *); X-Frame-Options would
  // forbid that, so frameable routes get the same headers without it.
  const pageHeaders = securityHeaders(HELMET_OPTIONS)
  const frameableHeaders = securityHeaders({ ...HELMET_OPTIONS, frameguard: false })
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(request.routeOptions.config.frameable ? frameableHeaders : pageHeaders)
  })

  const pressureRetryAfter = limits.underPressure?.retryAfter ?? OVERLOAD_RETRY_AFTER_S
  // Start-up (loading modules, building the search index) blocks the loop once, and under-pressure's first samples
  // would report that as lag: the process would answer 503 for its first second after turning ready. That lag is
  // not load, so it is ignored until two sampling intervals after ready.
  const sampleInterval = limits.underPressure?.sampleInterval ?? 1000
  let readyAt = Number.POSITIVE_INFINITY
  app.addHook('onReady', async () => { readyAt = Date.now() })
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    retryAfter: pressureRetryAfter,
    ...limits.underPressure,
    pressureHandler: (request, reply, type) => {
      if (isExempt(request)) return undefined
      if (type === 'eventLoopDelay' && Date.now() - readyAt < 2 * sampleInterval) return undefined
      reply.code(503).type(PROBLEM_TYPE).header('retry-after', String(pressureRetryAfter))
      // under-pressure sends what the handler returns (its types say void, its code sends any non-null value).
      return buildProblem(request, 'service-unavailable', 'The service is overloaded; try again shortly.') as unknown as void
    }
  })

  // Where the rate limit counts, for /readyz: off, per process, in Redis, or per process while Redis is down.
  const shared = limits.rateLimitMax > 0 && limits.rateLimitRedisUrl ? await sharedRateLimitStore({ url: limits.rateLimitRedisUrl, log: app.log }) : undefined
  app.decorate('rateLimitStore', () => shared?.state() ?? { store: limits.rateLimitMax > 0 ? 'local' as const : 'off' as const })
  if (shared) app.addHook('onClose', shared.close)

  if (limits.rateLimitMax > 0) {
    await app.register(rateLimit, {
      ...(shared ? { store: shared.Store } : {}),
      // The shared store never fails a count (it falls back to counting locally); should anything else in a store
      // throw, the request is served rather than answered 500.
      skipOnError: true,
      // Applied below as one global hook rather than per route, so that it also covers answers served before the
      // route handler (from the response cache) and unknown paths.
      global: false,
      max: limits.rateLimitMax,
      timeWindow: limits.rateLimitWindowMs,
      // RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (IETF draft) instead of X-RateLimit-*.
      enableDraftSpec: true,
      allowList: (request) => isExempt(request),
      errorResponseBuilder: (_request, context) => Object.assign(
        new Error(`More than ${context.max} requests in ${Math.round(limits.rateLimitWindowMs / 1000)} s from this client; retry in ${context.after}.`),
        { statusCode: context.statusCode })
    })
    app.addHook('onRequest', app.rateLimit())
  }
}

export default fp(limitsPlugin, { name: 'limits' })

declare module 'fastify' {
  interface FastifyInstance {
    /** Where the rate limit counts now (reported on /readyz). */
    rateLimitStore: () => { store: 'off' | 'local' | 'redis' | 'local-fallback'; since?: string }
  }
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
const header = (description: string) => ({ description, schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 } })
const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': header('Requests allowed per client in the current window.'),
  'RateLimit-Remaining': header('Requests left in the current window.'),
  'RateLimit-Reset': header('Seconds until the window resets.')
}
const corsHeaderRef = { 'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' } }
const rateLimitHeaderRefs = Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]))

/**
 * Documents in openapi.yaml what this plugin does to every operation (@fastify/swagger's transformObject): the
 * RateLimit-* headers on each answer, the 429 with Retry-After, the 503 when overloaded, and the 500 that can never
 * be ruled out. Routes need not repeat it, and a new route is documented by construction.
 */
export function documentLimits<T> (document: T): T {
  const doc = document as { paths?: Record<string, Record<string, { responses?: Record<string, { headers?: Record<string, unknown> }> }>>, components?: Record<string, Record<string, unknown>> }
  doc.components ??= {}
  doc.components.headers = {
    ...doc.components.headers,
    ...structuredClone(RATE_LIMIT_HEADERS),
    'Retry-After': header('Seconds to wait before trying again.'),
    // Sent on every answer by src/plugins/cors.ts: any origin may read the public data.
    'Access-Control-Allow-Origin': { description: 'Any origin may read the answer.', schema: { type: 'string', enum: ['*'] } }
  }
  const retryAfter = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } }
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue
      // Fresh copies each time: a shared object would come out of the YAML writer as anchors and aliases.
      operation.responses['429'] ??= structuredClone({
        description: 'Too many requests from this client (`rate-limited`); `Retry-After` says when to try again.',
        headers: { ...rateLimitHeaderRefs, ...retryAfter },
        content: problemContent
      }) as never
      operation.responses['500'] ??= structuredClone({ description: 'Internal error (`internal-error`); no internals are disclosed.', content: problemContent }) as never
      operation.responses['503'] ??= structuredClone({
        description: 'Overloaded or shutting down (`service-unavailable`); `Retry-After` says when to try again.',
        headers: retryAfter,
        content: problemContent
      }) as never
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[24]/.test(status)) response.headers = { ...response.headers, ...structuredClone(rateLimitHeaderRefs) }
        response.headers = { ...response.headers, ...structuredClone(corsHeaderRef) }
      }
    }
  }
  return document
}
