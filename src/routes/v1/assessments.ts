// POST /v1/assessments: measure a hypothetical request against the rules. GET /v1/assessments/examples.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { assessNoticeRequest } from '../../assessment/assess.js'
import { ASSESSMENT_EXAMPLES } from '../../assessment/examples.js'
import { validateAssessmentBody } from '../../assessment/validate-body.js'
import { today } from '../../data/dates.js'
import { sendProblem } from '../../http/problems.js'
import { errorResponses } from '../../http/responses.js'
import type { AssessmentRequest } from '../../../schemas/assessment.js'

const swaggerExamples = Object.fromEntries(ASSESSMENT_EXAMPLES.map((example) =>
  [example.id, { summary: example.title, description: example.description, value: example.request }]))

const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/v1/assessments', {
    schema: {
      tags: ['Assessment'],
      operationId: 'assess-request',
      summary: 'Assess a hypothetical notice request',
      description: 'Describe a request — who asks, for which notice type, on which day, against whom, for what — and ' +
        'get a verdict (`likely-refused`, `needs-review`, `likely-compliant` or `cannot-request`), one finding per ' +
        'ground examined with the provisions that govern the notice type asked for, the reason (naming the facts it ' +
        'relied on), the most relevant past cases each marked as supporting or cutting against the finding, and what ' +
        'would change it; plus the facts that would change the verdict and warnings. The rules and memberships in ' +
        'force on `date` apply. A body with several problems is answered once with all of them (`errors`), and numbers ' +
        'sent as strings are refused. This explains published rules; it is not legal advice or a prediction of ' +
        'INTERPOL\'s decision. How each rule reasons: src/assessment/README.md.',
      // Named examples, so that Swagger UI offers each one by its title in a drop-down. The allOf wrapper is
      // needed because @fastify/swagger drops keywords that sit beside a bare $ref.
      body: Type.Unsafe<AssessmentRequest>({ allOf: [{ $ref: 'AssessmentRequest' }], 'x-examples': swaggerExamples }),
      response: { 200: { description: 'The assessment.', ...Type.Ref('Assessment') }, ...errorResponses(400, 406, 413, 415) }
    },
    // Before Fastify's validation, which would coerce "24" to 24 and stop at schema errors: every problem in one answer.
    preValidation: async (request, reply) => {
      const problems = validateAssessmentBody(request.body, app.dataset)
      if (problems.length === 0) return
      return sendProblem(request, reply, 'invalid-body', `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}: ` +
        problems.map((p) => `${p.field} ${p.message}`).join('; '), { errors: problems })
    }
  }, async (request) => assessNoticeRequest(request.body, app.dataset, today()))

  const examples = { data: ASSESSMENT_EXAMPLES }
  app.get('/v1/assessments/examples', {
    schema: {
      tags: ['Assessment'],
      operationId: 'list-assessment-examples',
      summary: 'Ready-made assessment requests',
      description: 'Example bodies for POST /v1/assessments — among them Iran\'s January 2021 request against US ' +
        'officials, an ordinary murder case, a refugee sought by the country they fled, an unfunded cheque, a ' +
        'non-member, a restricted requester, homosexual acts between consenting adults, the ICC against a head of ' +
        'state, a journalist charged with defamation, a Yellow Notice in a family matter, and Kosovo.',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        200: { description: 'The examples.', ...Type.Object({ data: Type.Array(Type.Ref('AssessmentExample')) }) },
        ...errorResponses(400, 406)
      }
    }
  }, async () => examples)
}

export default assessmentRoutes
