// The application as a plugin: everything the service does, with no knowledge of ports or process signals
// (src/server.ts). Tests build it with the very same options as production, through createApp().
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import type { Dataset } from './data/dataset.js'
import { installErrorHandler } from './http/problems.js'
import { installNotFoundHandler } from './http/not-found.js'
import { requestIdFrom } from './plugins/http-conventions.js'
import datasetPlugin from './plugins/dataset.js'
import httpConventions from './plugins/http-conventions.js'
import swaggerPlugin from './plugins/swagger.js'
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

export interface AppOptions { dataset: Dataset }

/** Server options shared by production and tests, so that validation and coercion are the same in both. */
export function buildOptions (logger: FastifyServerOptions['logger'] = false): FastifyServerOptions {
  return {
    logger,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    ajv: {
      // Unknown query parameters and body fields must be a 400, not silently dropped (Fastify's default drops them).
      // `x-examples` only annotates schemas for the OpenAPI document (named examples in Swagger UI).
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true, keywords: ['x-examples'] }
    },
    bodyLimit: 16 * 1024,
    connectionTimeout: 10_000,
    keepAliveTimeout: 5_000,
    requestTimeout: 15_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 }
  }
}

async function registerApp (fastify: FastifyInstance, options: AppOptions) {
  await fastify.register(datasetPlugin, { dataset: options.dataset })
  installNotFoundHandler(fastify)
  installErrorHandler(fastify)
  // Only JSON bodies are accepted; Fastify's built-in text/plain parser would turn a 415 into a confusing 400.
  fastify.removeContentTypeParser('text/plain')
  for (const schema of [...sharedSchemas, Meta, ...listSchemas]) fastify.addSchema(schema)
  await fastify.register(swaggerPlugin)
  await fastify.register(httpConventions)
  await fastify.register(serviceRoutes)
  for (const routes of [noticeTypeRoutes, instrumentRoutes, provisionRoutes, groundRoutes, countryRoutes,
    requestingEntityRoutes, caseRoutes, termRoutes, searchRoutes, assessmentRoutes]) {
    await fastify.register(routes)
  }
}

/** Not encapsulated, so that whoever registers it (the server, tests, a host app) sees the dataset and swagger. */
export const app = fp(registerApp, { name: 'interpol-notice-api', fastify: '5.x' })

export async function createApp (options: AppOptions & { logger?: FastifyServerOptions['logger'] }): Promise<FastifyInstance> {
  const fastify = Fastify(buildOptions(options.logger))
  await fastify.register(app, { dataset: options.dataset })
  return fastify
}
