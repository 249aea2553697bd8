// Health, readiness, the OpenAPI document and /v1/meta: the routes about the service itself.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { datasetStats, freshness } from '../data/stats.js'
import { today } from '../data/dates.js'
import { errorResponses } from '../http/responses.js'
import { sendProblem } from '../http/problems.js'
import type { Meta } from '../../schemas/release.js'

const ReadyDetails = Type.Object({
  status: Type.Literal('ready'),
  datasetVersion: Type.String(),
  // With RATE_LIMIT_REDIS_URL set: where the rate limit counts, `redis` (shared by every replica) or
  // `local-fallback` (Redis unreachable since `since`; this process counts on its own until it is back).
  details: Type.Optional(Type.Object({
    rateLimit: Type.Object({
      store: Type.Union([Type.Literal('off'), Type.Literal('local'), Type.Literal('redis'), Type.Literal('local-fallback')]),
      since: Type.Optional(Type.String({ format: 'date-time' }))
    })
  }))
})

const serviceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { counts, confidence } = datasetStats(app.dataset)
  const meta: Meta = {
    name: 'interpol-notice-api',
    datasetVersion: app.dataset.version,
    released: app.dataset.release.released,
    counts,
    confidence,
    // Counted once at start-up: a process lives for one dataset release, and its answer keeps one ETag.
    reviewedLast12Months: freshness(app.dataset, today()).reviewedLast12Months,
    licence: app.dataset.release.licence,
    attribution: app.dataset.release.attribution,
    disclaimer: app.dataset.release.disclaimer,
    docs: '/docs'
  }

  app.get('/healthz', {
    config: { noStore: true },
    schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } }
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    config: { noStore: true },
    schema: { hide: true, response: { 200: ReadyDetails, ...errorResponses(503) } }
  }, async (request, reply) => {
    if (!app.lifecycle.accepting) return sendProblem(request, reply, 'service-unavailable', 'The service is shutting down.')
    // Redis being down does not make the replica unready: it keeps serving and counts locally (details say so).
    const rateLimit = app.rateLimitStore()
    const shared = rateLimit.store === 'redis' || rateLimit.store === 'local-fallback'
    return { status: 'ready' as const, datasetVersion: app.dataset.version, ...(shared ? { details: { rateLimit } } : {}) }
  })

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  app.get('/openapi.yaml', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/yaml; charset=utf-8').send(app.swagger({ yaml: true })))

  app.get('/v1/meta', {
    schema: {
      tags: ['Service'],
      operationId: 'get-meta',
      summary: 'Dataset version, counts and licence',
      description: 'The dataset version (a content hash of the data files), its release date, the number of records ' +
        'per resource and per confidence level, how many records of each resource were reviewed in the last 12 months, the licence, and the disclaimer that this is reference information, ' +
        'not legal advice.',
      // No parameters: an unknown one is a 400, as everywhere under /v1.
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: { description: 'About the dataset.', ...Type.Ref('Meta') }, ...errorResponses(400, 406) }
    }
  }, async () => meta)
}

export default serviceRoutes
