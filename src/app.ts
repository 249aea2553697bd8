// The application as a plugin: everything the service does, with no knowledge of ports or process signals
// (src/server.ts). Tests build it with the very same options as production, through createApp().
import Fastify, { type FastifyHttpOptions, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Server } from 'node:http'
import fp from 'fastify-plugin'
import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import ValidatorSelector from '@fastify/ajv-compiler'
import type { Dataset } from './data/dataset.js'
import { answerClientError, installErrorHandler, sendFrameworkError } from './http/problems.js'
import { installNotFoundHandler } from './http/not-found.js'
import { requestIdFrom } from './plugins/http-conventions.js'
import datasetPlugin from './plugins/dataset.js'
import httpConventions from './plugins/http-conventions.js'
import representations from './plugins/representations.js'
import swaggerPlugin from './plugins/swagger.js'
import corsPlugin from './plugins/cors.js'
import limitsPlugin, { DEFAULT_LIMITS, trustProxyOption, type Limits } from './plugins/limits.js'
import { sharedSchemas } from '../schemas/index.js'
import { Meta } from '../schemas/release.js'
import { listSchemas } from './routes/v1/list-schemas.js'
import serviceRoutes from './routes/service.js'
import noticeTypeRoutes from './routes/v1/notice-types.js'
import instrumentRoutes from './routes/v1/instruments.js'
import provisionRoutes from './routes/v1/provisions.js'
import groundRoutes from './routes/v1/grounds.js'
import countryRoutes from './routes/v1/countries.js'
import requestingEntityRoutes from './routes/v1/requesting-entities.js'
import caseRoutes from './routes/v1/cases.js'
import termRoutes from './routes/v1/terms.js'
import searchRoutes from './routes/v1/search.js'
import assessmentRoutes from './routes/v1/assessments.js'
import claimRoutes from './routes/v1/claims.js'
import embedCheckRoutes from './routes/embed-check.js'
import changeRoutes from './routes/v1/changes.js'
import mcpRoutes from './routes/mcp.js'
import embedRoutes from './routes/embed.js'
import oembedRoutes from './routes/oembed.js'
import landingRoutes from './routes/landing.js'
import problemRoutes from './routes/problems.js'

export interface AppOptions {
  dataset: Dataset
  /** Rate limit, load shedding and timeouts; each defaults to the production default (src/config.ts). */
  limits?: Partial<Limits>
  /** PUBLIC_ORIGIN: absolute URLs are built from it; unset, from each request's Host (src/http/origin.ts). */
  publicOrigin?: string | null
}

/** Server options shared by production and tests, so that validation and coercion are the same in both. */
export function buildOptions (logger: FastifyServerOptions['logger'] = false, limits: Partial<Limits> = {}): FastifyHttpOptions<Server> {
  const { connectionTimeoutMs, keepAliveTimeoutMs, requestTimeoutMs, headersTimeoutMs, trustProxy } = { ...DEFAULT_LIMITS, ...limits }
  return {
    logger,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    ajv: {
      // Unknown query parameters and body fields must be a 400, not silently dropped (Fastify's default drops them).
      // `x-examples` only annotates schemas for the OpenAPI document (named examples in Swagger UI).
      // validateSchema: false — Ajv would first compile the JSON Schema meta-schema and check every schema against
      // it: about 65 ms on the first request after every start, for schemas that are constants of this code. They are
      // checked once, in the tests, instead (the OpenAPI document is validated in test/openapi.test.ts).
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, keywords: ['x-examples'], validateSchema: false }
    },
    bodyLimit: 16 * 1024,
    // The client address the rate limit counts; behind a reverse proxy, X-Forwarded-For from the trusted proxies.
    trustProxy: trustProxyOption(trustProxy),
    connectionTimeout: connectionTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    requestTimeout: requestTimeoutMs,
    // A client that trickles its headers (slowloris) is cut off after headersTimeout; Node only checks it every
    // connectionsCheckingInterval (30 s by default), so check often enough for the limit to mean something.
    // requireHostHeader: Node would answer an HTTP/1.1 request without Host with an empty plain 400 of its own;
    // http-conventions answers it with an `invalid-host` problem instead.
    http: { headersTimeout: headersTimeoutMs, connectionsCheckingInterval: Math.min(1000, headersTimeoutMs), requireHostHeader: false },
    // While draining, a request that still arrives on an open connection is served (with Connection: close) rather
    // than refused with Fastify's plain-JSON 503; /readyz answers its own problem+json 503 so that the load balancer
    // stops sending traffic (src/server.ts).
    return503OnClosing: false,
    frameworkErrors: sendFrameworkError,
    // Requests Node's HTTP parser refuses (431, malformed) answer problem+json too.
    clientErrorHandler: answerClientError,
    routerOptions: { maxParamLength: 200 },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers(SerializerSelector()), buildValidator: lazyValidators(ValidatorSelector()) } }
  }
}

/**
 * Fastify compiles a serializer for every response schema of every route (each status, each route) before it
 * listens: measured at about 40% of the cold start. Each is compiled on first use instead, and since answers are
 * kept after their first serialisation (plugins/representations.ts), most are compiled once, if ever. The tests
 * exercise every route and status, so a schema that cannot compile still fails there, not in production.
 */
type SerializerFactory = ReturnType<typeof SerializerSelector>
type Serializer = ReturnType<ReturnType<SerializerFactory>>
export function lazySerializers (factory: SerializerFactory): SerializerFactory {
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options)
    return (route) => {
      let serialize: Serializer | undefined
      return (data: unknown) => (serialize ??= compile(route))(data)
    }
  }
}

/**
 * Request validators likewise: Fastify compiles one per route and part (body, querystring, params) before it listens,
 * and creating the Ajv instance checks every shared schema against the meta-schema: together about a third of the
 * cold start. Both happen on the first request that needs them instead. The tests exercise every route's
 * validation, so a schema Ajv rejects still fails there.
 */
type ValidatorFactory = ReturnType<typeof ValidatorSelector>
type Validator = ReturnType<ReturnType<ValidatorFactory>>
export function lazyValidators (factory: ValidatorFactory): ValidatorFactory {
  return (externalSchemas, options) => {
    let compile: ReturnType<ValidatorFactory> | undefined
    return (route) => {
      // Fastify lower-cases header names in a headers schema only for its own compiler; do the same here.
      if (route.httpPart === 'headers') route = { ...route, schema: lowerCaseHeaders(route.schema) as typeof route.schema }
      let validate: Validator | undefined
      const lazy = ((data: unknown, context?: unknown) => {
        validate ??= (compile ??= factory(externalSchemas, options))(route)
        const result = (validate as (data: unknown, context?: unknown) => boolean)(data, context)
        lazy.errors = validate.errors
        return result
      }) as Validator & { errors?: Validator['errors'], schemaEnv?: unknown }
      // Fastify passes the parent object (needed to coerce a root value) only to validators that look like Ajv's.
      lazy.schemaEnv = true as never
      return lazy
    }
  }
}
function lowerCaseHeaders (schema: unknown): unknown {
  const s = schema as { properties?: Record<string, unknown>, required?: string[] }
  if (!s || typeof s !== 'object' || !s.properties) return schema
  return {
    ...s,
    properties: Object.fromEntries(Object.entries(s.properties).map(([name, value]) => [name.toLowerCase(), value])),
    ...(s.required ? { required: s.required.map((name) => name.toLowerCase()) } : {})
  }
}

async function registerApp (fastify: FastifyInstance, options: AppOptions) {
  fastify.decorate('publicOrigin', options.publicOrigin || null)
  await fastify.register(datasetPlugin, { dataset: options.dataset })
  // Before any route so that every answer carries the CORS headers, and before the 405 router learns the routes:
  // the catch-all preflight route would otherwise make every unknown path a 405 that allows OPTIONS.
  await fastify.register(corsPlugin)
  installNotFoundHandler(fastify)
  installErrorHandler(fastify)
  // Only JSON bodies are accepted; Fastify's built-in text/plain parser would turn a 415 into a confusing 400.
  fastify.removeContentTypeParser('text/plain')
  for (const schema of [...sharedSchemas, Meta, ...listSchemas]) fastify.addSchema(schema)
  await fastify.register(swaggerPlugin)
  await fastify.register(httpConventions)
  // After http-conventions (a refusal carries the request id) and before the response cache and the routes, so that
  // cached answers are rate-limited too and an overloaded process sheds load before doing any work.
  await fastify.register(limitsPlugin, { limits: { ...DEFAULT_LIMITS, ...options.limits } })
  // After every plugin that adds hooks and before the routes: its onRequest answers from the cache once the variant
  // is negotiated and the per-request headers are set, and its onSend sees the final headers (representations.ts).
  await fastify.register(representations)
  await fastify.register(serviceRoutes)
  await fastify.register(problemRoutes)
  for (const routes of [noticeTypeRoutes, instrumentRoutes, provisionRoutes, groundRoutes, countryRoutes,
    requestingEntityRoutes, caseRoutes, termRoutes, searchRoutes, assessmentRoutes, claimRoutes, changeRoutes, mcpRoutes, embedCheckRoutes, embedRoutes, oembedRoutes, landingRoutes]) {
    await fastify.register(routes)
  }
}

/** Not encapsulated, so that whoever registers it (the server, tests, a host app) sees the dataset and swagger. */
export const app = fp(registerApp, { name: 'interpol-notice-api', fastify: '5.x' })

export async function createApp (options: AppOptions & { logger?: FastifyServerOptions['logger'] }): Promise<FastifyInstance> {
  const fastify = Fastify(buildOptions(options.logger, options.limits))
  await fastify.register(app, { dataset: options.dataset, limits: options.limits, publicOrigin: options.publicOrigin })
  return fastify
}
