// POST /v1/claims/check: the claim checker. GET /v1/misconceptions and /v1/misconceptions/{id}: the records it
// checks against (data/misconceptions.yaml), each with its correction, phrasings and sources.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ClaimCheckRequest, Misconception } from '../../../schemas/misconception.js'
import { SEVERITIES } from '../../../schemas/misconception.js'
import { checkClaims } from '../../claims/check.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { errorResponses } from '../../http/responses.js'
import { slugParam } from './filters.js'

/**
 * Up to 20,000 characters of text: JSON-escaped that can take six bytes a character (\uXXXX), so this route accepts
 * bodies up to 128 KB where the rest of the service stops at 16 KB; the schema still refuses a longer text.
 */
export const CLAIMS_BODY_LIMIT = 128 * 1024

const EXAMPLE_TEXT = 'Iran issued Red Notices for Donald Trump and 47 other US officials. Interpol rejected the request, ' +
  'citing murder and terrorism charges. A Red Notice is not an international arrest warrant.'

const examples = {
  paragraph: { summary: 'A paragraph with two misconceptions and a negation', value: { text: EXAMPLE_TEXT } },
  html: {
    summary: 'HTML copy; offsets point into the HTML',
    value: { text: '<p>Police said he fled. <b>Interpol will arrest him</b> if he travels.</p>', format: 'html' }
  },
  arabic: { summary: 'Arabic', value: { text: 'أصدرت إيران نشرات حمراء بحق مسؤولين أمريكيين.', lang: 'ar' } }
}

const claimRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/v1/claims/check', {
    bodyLimit: CLAIMS_BODY_LIMIT,
    schema: {
      tags: ['Claims'],
      operationId: 'check-claims',
      summary: 'Check a text for known misconceptions',
      description: 'Send copy (plain text or HTML, up to 20,000 characters, in English, French, Spanish or Arabic) and ' +
        'get each passage that states a misconception recorded in the dataset ("Iran issued Red Notices", "an ' +
        'international arrest warrant", "Interpol will arrest him", …): its span as character offsets into the text ' +
        'as sent (UTF-16 code units, HTML tags included) with the quoted passage and its sentence, the claim, the ' +
        'correction in one sentence, a severity, the records behind it (paths under /v1/), their sources and ' +
        'confidence. Passages that only use the words, negated ("is not an arrest warrant"), corrected ("it is a myth ' +
        'that…"), attributed ("the minister said…") or quoted, come back under `skipped` with the reason. The ' +
        'phrasings live in data/misconceptions.yaml (`GET /v1/misconceptions`), in the four languages. The body may ' +
        'be up to 128 KB (16 KB elsewhere). It reads words, not meaning: a flag is a prompt to check, and no flag ' +
        'is no proof of accuracy.',
      body: Type.Unsafe<ClaimCheckRequest>({ allOf: [{ $ref: 'ClaimCheckRequest' }], 'x-examples': examples }),
      response: {
        200: { description: 'The findings, in text order, and the passages skipped with the reason.', ...Type.Ref('ClaimCheckResult') },
        ...errorResponses(400, 406, 413, 415)
      }
    }
  }, async (request) => {
    const { text, format, lang } = request.body
    return checkClaims(app.dataset, text, { format: format as 'text' | 'html' | undefined, lang: lang as never })
  })

  registerCollection<Misconception>(app, {
    type: 'misconceptions',
    tag: 'Claims',
    noun: { one: 'misconception', many: 'misconceptions' },
    item: Type.Ref('Misconception'),
    list: Type.Ref('MisconceptionList'),
    id: { name: 'id', schema: slugParam('Misconception id.', 'red-notice-arrest-warrant'), example: 'red-notice-arrest-warrant' },
    records: (dataset) => dataset.misconceptions.all,
    find: (dataset, id) => dataset.misconceptions.byId.get(id),
    keyOf: (record) => record.id,
    filters: {
      severity: { schema: valueList(SEVERITIES, 'How much the claim misleads.'), matches: (m, values) => values.includes(m.severity) },
      related: {
        schema: Type.String({ minLength: 3, maxLength: 200, pattern: '^[a-z-]+/[A-Za-z0-9-]+(,[a-z-]+/[A-Za-z0-9-]+)*$', description: 'Only misconceptions about these records, as `<resource>/<id>`.', examples: ['notice-types/red'] }),
        matches: (m, values) => values.some((value) => m.related.includes(value))
      }
    },
    describe: {
      list: 'Claims often made about INTERPOL that the sources contradict ("a Red Notice is an international arrest ' +
        'warrant", "Iran issued Red Notices"), each with a one-sentence correction, a severity, the records it ' +
        'concerns, the phrasings the claim checker looks for in four languages, and sources. Filter by `severity` or ' +
        '`related` (`notice-types/red`); `q` searches claims and corrections.',
      item: 'One misconception: the claim, its correction (and longer explanation where there is one), severity, ' +
        'related records, phrasings and exceptions per language, sources and confidence.'
    }
  })
}

export default claimRoutes
