// RFC 9457 problem documents: one place that shapes every error the service sends, so that clients can rely on
// `code` and never see a stack trace or an internal message.
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Problem } from '../../schemas/common.js'

export const PROBLEM_TYPE = 'application/problem+json'

/** The stable codes, with the status each answers with; documented in the OpenAPI description. */
export const PROBLEM_CODES = {
  'invalid-query': 400,
  'invalid-parameter': 400,
  'invalid-body': 400,
  'not-found': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'internal-error': 500,
  'not-implemented': 501,
  'service-unavailable': 503
} as const
export type ProblemCode = keyof typeof PROBLEM_CODES

const TITLES: Record<ProblemCode, string> = {
  'invalid-query': 'Invalid query parameters',
  'invalid-parameter': 'Invalid path parameter',
  'invalid-body': 'Invalid request body',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'not-acceptable': 'Not acceptable',
  'payload-too-large': 'Request body too large',
  'unsupported-media-type': 'Unsupported media type',
  'rate-limited': 'Too many requests',
  'internal-error': 'Internal server error',
  'not-implemented': 'Not implemented',
  'service-unavailable': 'Service unavailable'
}

type ProblemExtras = Partial<Pick<Problem, 'errors' | 'suggestions' | 'supported'>>

export function buildProblem (request: FastifyRequest, code: ProblemCode, detail: string, extras: ProblemExtras = {}): Problem {
  const status = PROBLEM_CODES[code]
  return {
    type: `https://httpstatuses.io/${status}`,
    title: TITLES[code] ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance: request.url.split('?')[0],
    code,
    requestId: String(request.id),
    ...extras
  }
}

export function sendProblem (request: FastifyRequest, reply: FastifyReply, code: ProblemCode, detail: string, extras: ProblemExtras = {}) {
  const problem = buildProblem(request, code, detail, extras)
  return reply.code(problem.status).type(PROBLEM_TYPE).send(problem)
}

const CONTEXT_PREFIX: Record<string, string> = { querystring: 'query', params: 'path', body: 'body', headers: 'header' }
const CONTEXT_CODE: Record<string, ProblemCode> = { querystring: 'invalid-query', params: 'invalid-parameter', body: 'invalid-body' }

interface AjvError { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }

/**
 * A comma-separated list parameter is validated by a pattern of the form ^(a|b)(,(a|b))*$ (see valueList in
 * collection.ts); ajv would report the raw regular expression, so we name the allowed values instead.
 */
export function valueListAlternatives (pattern: string): string[] | undefined {
  const match = /^\^\(([^()]+)\)\(,\(\1\)\)\*\$$/.exec(pattern)
  return match ? match[1].split('|').map((value) => value.replace(/\\(.)/g, '$1')) : undefined
}

/** One `{ field, message }` per failed field, named the way a client wrote it: `query.limit`, `body.offence.categories[0]`. */
export function fieldErrors (context: string, errors: AjvError[]) {
  const prefix = CONTEXT_PREFIX[context] ?? context
  const seen = new Set<string>()
  const out: Array<{ field: string; message: string }> = []
  for (const error of errors) {
    const path = error.instancePath.split('/').slice(1)
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join('')
    let field = `${prefix}${path}`
    let message = error.message ?? 'is invalid'
    if (error.keyword === 'additionalProperties') {
      field = `${field}.${String(error.params.additionalProperty)}`
      message = context === 'querystring' ? 'is not a supported parameter' : 'is not a known field'
    } else if (error.keyword === 'required') {
      field = `${field}.${String(error.params.missingProperty)}`
      message = 'is required'
    } else if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      message = `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`
    } else if (error.keyword === 'pattern') {
      const values = valueListAlternatives(String(error.params.pattern ?? ''))
      if (values) message = `must be one or more of: ${values.join(', ')} (comma-separated)`
    }
    const key = `${field}|${message}`
    if (!seen.has(key)) { seen.add(key); out.push({ field, message }) }
  }
  return out
}

/** Maps Fastify's own error codes to ours; anything unknown is a 500 with no details. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-body',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type'
}

export function problemForError (request: FastifyRequest, error: FastifyError): Problem {
  if (error.validation) {
    const context = error.validationContext ?? 'querystring'
    const code = CONTEXT_CODE[context] ?? 'invalid-query'
    const errors = fieldErrors(context, error.validation as AjvError[])
    return buildProblem(request, code, `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}: ` +
      errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors })
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined
  if (mapped) {
    const detail = mapped === 'invalid-body' ? 'The request body is not valid JSON.'
      : mapped === 'payload-too-large' ? 'The request body is larger than the service accepts.'
        : 'The request body must be application/json.'
    return buildProblem(request, mapped, detail, mapped === 'unsupported-media-type' ? { supported: ['application/json'] } : {})
  }
  if (error.statusCode === 429) return buildProblem(request, 'rate-limited', error.message)
  if (error.statusCode === 503) return buildProblem(request, 'service-unavailable', 'The service is overloaded; try again shortly.')
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { ...buildProblem(request, 'invalid-query', 'The request could not be processed.'), status: error.statusCode, title: STATUS_CODES[error.statusCode] ?? 'Bad request', code: 'bad-request' }
  }
  return buildProblem(request, 'internal-error', 'Something went wrong on our side; the request id identifies it in our logs.')
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding in the path, an over-long path segment): its
 * default answers are plain JSON, and they never reach the error handler, so they are shaped here (buildOptions).
 */
export function sendFrameworkError (error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const detail = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? 'A path segment is longer than the service accepts.'
    : 'The request path is not valid: it holds a malformed percent-encoded sequence.'
  reply.header('x-request-id', request.id)
  return sendProblem(request, reply, 'invalid-parameter', detail)
}

export function installErrorHandler (app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = problemForError(request, error)
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: problem.code }, problem.detail)
    const headers = (error as { headers?: Record<string, string> }).headers
    if (headers) reply.headers(headers)
    return reply.code(problem.status).type(PROBLEM_TYPE).send(problem)
  })
}
