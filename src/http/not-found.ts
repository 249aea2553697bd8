// Unknown routes: a 405 with `Allow` when the path exists for other methods, else a 404 problem.
import FindMyWay from 'find-my-way'
import type { FastifyInstance } from 'fastify'
import { sendProblem } from './problems.js'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

export function installNotFoundHandler (app: FastifyInstance) {
  // Fastify answers a known path with an unknown method as a plain 404; a router of our own tells them apart.
  const router = FindMyWay({ ignoreTrailingSlash: false })
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      if ((METHODS as readonly string[]).includes(method) && !router.hasRoute(method as never, route.url)) {
        router.on(method as never, route.url, () => {})
      }
    }
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]
    const allowed = METHODS.filter((method) => router.find(method as never, path) !== null)
    // The method is allowed and the route matched, but what it names is not there (a file under /docs/static/):
    // a 404, not a 405 that lists the very method that was used.
    if (allowed.length > 0 && !allowed.includes(request.method as typeof METHODS[number])) {
      reply.header('allow', allowed.join(', '))
      return sendProblem(request, reply, 'method-not-allowed', `${request.method} is not allowed on ${path}.`, { supported: allowed })
    }
    return sendProblem(request, reply, 'not-found', `There is nothing at ${path}. The API lives under /v1; see /docs.`)
  })
}
