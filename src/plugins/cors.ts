// CORS for browser clients (api-conventions.md, "browser use"): the data are public and nothing depends on
// cookies, so any origin may read and POST assessments; the headers a client needs are exposed.
import cors from '@fastify/cors'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'

export const EXPOSED_HEADERS = [
  'ETag', 'Link', 'Content-Language', 'X-Dataset-Version', 'X-Request-Id',
  'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'
]

async function corsPlugin (app: FastifyInstance) {
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Content-Type', 'Accept', 'Accept-Language', 'If-None-Match', 'X-Request-Id'],
    exposedHeaders: EXPOSED_HEADERS,
    // No credentials: with `*` a browser would refuse them anyway, and the service has no sessions.
    credentials: false,
    maxAge: 86_400,
    // A bare OPTIONS (no Origin) gets the same 204 rather than a plain-text 400.
    strictPreflight: false
  })
}

export default fp(corsPlugin, { name: 'cors' })
