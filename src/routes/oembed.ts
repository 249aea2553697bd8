// GET /oembed: the oEmbed 1.0 provider (https://oembed.com) for our embed URLs, so a CMS can embed a card by URL.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ID_PATTERN } from '../../schemas/common.js'
import { CARD_HEIGHT, CARD_WIDTH, EMBED_RESOURCES, buildCard, type EmbedResource } from '../embed/card.js'
import { isLanguage, DEFAULT_LANGUAGE } from '../http/language.js'
import { sendProblem } from '../http/problems.js'
import { errorResponses } from '../http/responses.js'
import escapeHtml from 'escape-html'
import { origin } from '../http/origin.js'

export const PROVIDER_NAME = 'INTERPOL Notice API (unofficial reference)'

const EMBED_PATH = new RegExp(`^/embed/(${EMBED_RESOURCES.join('|')})/(${ID_PATTERN.slice(1, -1)})$`)

const OEmbed = Type.Object({
  type: Type.Literal('rich'),
  version: Type.Literal('1.0'),
  title: Type.String(),
  provider_name: Type.String(),
  provider_url: Type.String(),
  cache_age: Type.Integer(),
  html: Type.String({ description: 'An iframe of the card, sandboxed: it may open its links in a new tab, nothing else.' }),
  width: Type.Integer(),
  height: Type.Integer()
}, { additionalProperties: false })

const oembedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/oembed', {
    schema: {
      tags: ['Service'],
      operationId: 'get-oembed',
      summary: 'oEmbed document for an embed URL',
      description: 'The oEmbed 1.0 `rich` document for a card URL of this service (`/embed/{resource}/{id}`, ' +
        'optionally with `?lang=`): the iframe HTML, its size, title and provider. Only URLs on this service\'s own ' +
        'host are answered (404 otherwise, as the oEmbed specification asks); a URL that is not an embed URL is a ' +
        '400; `format=xml` is a 501.',
      querystring: Type.Object({
        url: Type.String({ minLength: 1, maxLength: 2000, description: 'The embed URL.', examples: ['http://localhost:3000/embed/notice-types/red'] }),
        format: Type.Optional(Type.String({ enum: ['json', 'xml'], default: 'json', description: 'Only json is implemented.' })),
        maxwidth: Type.Optional(Type.Integer({ minimum: 1, description: 'Largest width the consumer can show.' })),
        maxheight: Type.Optional(Type.Integer({ minimum: 1, description: 'Largest height the consumer can show.' }))
      }, { additionalProperties: false }),
      response: {
        200: { description: 'The oEmbed document.', ...OEmbed },
        ...errorResponses(400, 404),
        501: { description: 'Only the json format is implemented (`not-implemented`).', content: { 'application/problem+json': { schema: Type.Ref('Problem') } } }
      }
    }
  }, async (request, reply) => {
    const { url, format = 'json', maxwidth, maxheight } = request.query
    if (format !== 'json') return sendProblem(request, reply, 'not-implemented', 'Only format=json is implemented.')
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return sendProblem(request, reply, 'invalid-query', 'The url parameter is not an absolute URL.', { errors: [{ field: 'query.url', message: 'must be an absolute URL' }] })
    }
    const match = EMBED_PATH.exec(target.pathname)
    if (!/^https?:$/.test(target.protocol) || !match) {
      return sendProblem(request, reply, 'invalid-query', 'The url must be an embed URL of this service: /embed/{resource}/{id}.',
        { errors: [{ field: 'query.url', message: `must look like ${origin(request)}/embed/notice-types/red` }] })
    }
    // Answering for any host would let anyone mint iframe markup under our provider name; a consumer that found
    // this endpoint through a card's discovery link always asks about this host.
    if (target.host !== new URL(origin(request)).host) {
      return sendProblem(request, reply, 'not-found', `This provider only answers for embed URLs on ${new URL(origin(request)).host}.`)
    }
    const [, resource, id] = match
    const langParam = target.searchParams.get('lang')
    const lang = isLanguage(langParam) ? langParam : DEFAULT_LANGUAGE
    const card = buildCard(app.dataset, resource as EmbedResource, id, lang, origin(request))
    if (!card) return sendProblem(request, reply, 'not-found', `No record in ${resource} has the id "${id}".`)
    const width = Math.min(CARD_WIDTH, maxwidth ?? CARD_WIDTH)
    const height = Math.min(CARD_HEIGHT, maxheight ?? CARD_HEIGHT)
    const src = `${card.embedUrl}${isLanguage(langParam) ? `?lang=${lang}` : ''}`
    return {
      type: 'rich' as const,
      version: '1.0' as const,
      title: card.title.text,
      provider_name: PROVIDER_NAME,
      provider_url: `${origin(request)}/`,
      cache_age: 300,
      html: `<iframe src="${escapeHtml(src)}" width="${width}" height="${height}" title="${escapeHtml(card.title.text)}" ` +
        'style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer" ' +
        'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>',
      width,
      height
    }
  })
}

export default oembedRoutes
