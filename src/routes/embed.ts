// GET /embed/{resource}/{id}: a card for an iframe; GET /embed.js: the <notice-card> element for any page.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ID_PATTERN } from '../../schemas/common.js'
import { CARD_HEIGHT, CARD_WIDTH, EMBED_RESOURCES, buildCard, renderCardPage, type EmbedResource } from '../embed/card.js'
import { embedScript } from '../embed/script.js'
import { languageQuery, type Language } from '../http/language.js'
import { sendProblem } from '../http/problems.js'
import { errorResponses } from '../http/responses.js'
import { origin } from '../http/origin.js'

/**
 * The card runs no script and loads nothing, so its policy allows inline styles only; `frame-ancestors *` is the
 * point of an embed: any site may frame it. It replaces the site-wide policy; `frameable` keeps X-Frame-Options off.
 */
export const EMBED_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *"

const embedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const script = embedScript()

  app.get('/embed/:resource/:id', {
    config: { produces: ['text/html'], localized: true, frameable: true },
    schema: {
      tags: ['Service'],
      operationId: 'get-embed',
      summary: 'An embeddable card (HTML)',
      description: `A small self-contained HTML card for an iframe (${CARD_WIDTH}×${CARD_HEIGHT}): name, short ` +
        'definition, a source link and the dataset version, light or dark after the reader\'s preference, ' +
        'right-to-left in Arabic. No scripts, no external assets. `lang` (or `Accept-Language`) picks the language; ' +
        'every text carries its own `lang` and `dir` (an English fallback in an Arabic card stays left-to-right), and ' +
        'a note in the card\'s language marks editorial translations, which are not INTERPOL\'s wording. Its `<head>` ' +
        'links the oEmbed document (`/oembed`).',
      params: Type.Object({
        resource: Type.String({ enum: [...EMBED_RESOURCES], description: 'What to embed.' }),
        id: Type.String({ pattern: ID_PATTERN, maxLength: 64, description: 'The record id.', examples: ['red'] })
      }),
      querystring: Type.Object({ lang: Type.Optional(languageQuery) }, { additionalProperties: false }),
      response: {
        200: { description: 'The card as a standalone HTML page.', content: { 'text/html': { schema: { type: 'string' } } } },
        ...errorResponses(400, 404)
      }
    }
  }, async (request, reply) => {
    const { resource, id } = request.params as { resource: EmbedResource; id: string }
    const lang = request.variant.lang as Language
    const card = buildCard(app.dataset, resource, id, lang, origin(request))
    if (!card) return sendProblem(request, reply, 'not-found', `No record in ${resource} has the id "${id}".`)
    const embedUrl = `${card.embedUrl}${request.query.lang ? `?lang=${lang}` : ''}`
    const oembedUrl = `${origin(request)}/oembed?format=json&url=${encodeURIComponent(embedUrl)}`
    return reply
      .header('content-security-policy', EMBED_CSP)
      .type('text/html; charset=utf-8')
      .send(renderCardPage(card, oembedUrl))
  })

  // Loaded by <script> from other origins, which the site-wide Cross-Origin-Resource-Policy (cross-origin) allows.
  app.get('/embed.js', {
    schema: { hide: true },
    config: { produces: ['application/javascript'] }
  }, async (_request, reply) => reply
    .type('application/javascript; charset=utf-8')
    .send(script))
}

export default embedRoutes
