// GET /embed/check: the claim checker as a page for editors (pasted into a CMS as an iframe, or opened as is), and
// GET /embed/check.js, its script. Both come from this service; the page loads nothing from anywhere else.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CHECK_PAGE, CHECK_SCRIPT } from '../claims/embed-page.js'
import { errorResponses } from '../http/responses.js'

/** Its own script and calls to this service only; any site may frame it (the point of an embed). */
export const CHECK_PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors *"

const embedCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/embed/check', {
    config: { produces: ['text/html'], frameable: true },
    schema: {
      tags: ['Claims'],
      operationId: 'get-claim-checker-page',
      summary: 'The claim checker as a page (HTML)',
      description: 'A self-contained page for editors: paste a paragraph, press Check, and the passages that state a ' +
        'known misconception are highlighted inline (red for high severity, yellow for medium, blue for low), with ' +
        'the correction on hover and a list of findings with their sources below. It calls `POST /v1/claims/check` ' +
        'and loads only its own script from this service; any site may frame it.',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        200: { description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } },
        ...errorResponses(400, 406)
      }
    }
  }, async (_request, reply) => reply
    .header('content-security-policy', CHECK_PAGE_CSP)
    .type('text/html; charset=utf-8')
    .send(CHECK_PAGE))

  app.get('/embed/check.js', {
    schema: { hide: true },
    config: { produces: ['application/javascript'] }
  }, async (_request, reply) => reply.type('application/javascript; charset=utf-8').send(CHECK_SCRIPT))
}

export default embedCheckRoutes
