// RFC 9457 problem documents: one place that shapes every error the service sends, so that clients can rely on
// `code` and never see a stack trace or an internal message.
import { randomUUID } from 'node:crypto'
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Problem } from '../../schemas/common.js'

export const PROBLEM_TYPE = 'application/problem+json'

/** The stable codes, with the status each answers with; documented in the OpenAPI description and at /docs/problems. */
export const PROBLEM_CODES = {
  'bad-request': 400,
  'invalid-query': 400,
  'invalid-parameter': 400,
  'invalid-body': 400,
  'invalid-host': 400,
  'not-found': 404,
  'method-not-allowed': 405,
  'not-acceptable': 406,
  'request-timeout': 408,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  'expectation-failed': 417,
  'rate-limited': 429,
  'header-too-large': 431,
  'internal-error': 500,
  'not-implemented': 501,
  'service-unavailable': 503
} as const
export type ProblemCode = keyof typeof PROBLEM_CODES

const TITLES: Record<ProblemCode, string> = {
  'bad-request': 'Bad request',
  'invalid-query': 'Invalid query parameters',
  'invalid-parameter': 'Invalid path parameter',
  'invalid-body': 'Invalid request body',
  'invalid-host': 'Invalid Host header',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'not-acceptable': 'Not acceptable',
  'request-timeout': 'Request timeout',
  'payload-too-large': 'Request body too large',
  'uri-too-long': 'URI too long',
  'unsupported-media-type': 'Unsupported media type',
  'expectation-failed': 'Expectation failed',
  'rate-limited': 'Too many requests',
  'header-too-large': 'Request header fields too large',
  'internal-error': 'Internal server error',
  'not-implemented': 'Not implemented',
  'service-unavailable': 'Service unavailable'
}

export const problemTitle = (code: ProblemCode) => TITLES[code]

/** What each code means and what to do about it: the page at /docs/problems that every `type` points at. */
export const PROBLEM_MEANINGS: Record<ProblemCode, string> = {
  'bad-request': 'The request could not be read as HTTP: a malformed request line or header, a bad chunked encoding, or a path that cannot be served. Fix the request; retrying it unchanged will fail again.',
  'invalid-query': 'One or more query parameters are unknown or invalid; `errors` names each (`query.limit`), at most 20, and `detail` says how many more. Numbers are written in decimal digits only.',
  'invalid-parameter': 'A path parameter (an id) is malformed, or the path holds a malformed percent-encoding or an over-long segment.',
  'invalid-body': 'The JSON body is not valid JSON, holds a `__proto__` or `constructor.prototype` key, or does not match the operation\'s schema; `errors` names each field, at most 20.',
  'invalid-host': 'The Host header is missing or is not a host name and port, and the answer needs it to write absolute URLs (when the service has no PUBLIC_ORIGIN configured).',
  'not-found': 'Nothing is at this path, or no record has this id; for an unknown id `suggestions` lists the nearest ids.',
  'method-not-allowed': 'The path exists but not for this method; the `Allow` header and `supported` list the methods it takes.',
  'not-acceptable': 'None of the media types in `Accept` (or `?format=`) can be produced; `supported` lists those that can.',
  'request-timeout': 'The request (headers and body) was not received in time; the connection is closed.',
  'payload-too-large': 'The request body is larger than the service accepts (16 KB).',
  'uri-too-long': 'The request target is longer than the service accepts.',
  'unsupported-media-type': 'The body is not `application/json`, or it is sent with a `Content-Encoding` (such as gzip) the service does not decode; send it uncompressed.',
  'expectation-failed': 'The `Expect` header asks for something other than `100-continue`.',
  'rate-limited': 'More requests than the rate limit allows from this client; `Retry-After` says when to try again.',
  'header-too-large': 'The request line or the header fields are larger than the service accepts; the connection is closed.',
  'internal-error': 'Something failed on the service\'s side; no internals are disclosed and the request id identifies it in the logs.',
  'not-implemented': 'The operation does not implement what was asked (oEmbed `format=xml`).',
  'service-unavailable': 'The service is overloaded or shutting down; `Retry-After` says when to try again.'
}

/** Where the documentation of the codes lives (src/routes/problems.ts). */
export const PROBLEMS_PAGE = '/docs/problems'

/**
 * The problem `type`: this service's own page about the code (RFC 9457 §3.1.1), under PUBLIC_ORIGIN when it is
 * configured, else a reference relative to the service (a client resolves it against the request URL; the Host
 * may be the very thing that is wrong).
 */
export function problemType (code: ProblemCode, publicOrigin?: string | null): string {
  return `${publicOrigin ?? ''}${PROBLEMS_PAGE}#${code}`
}

/** At most this many entries in `errors` (and in `detail`): an error body must not grow with the request. */
export const MAX_LISTED_ERRORS = 20
const MAX_ECHO = 100
const MAX_DETAIL = 4000

/** A client's value quoted back, shortened: a 10,000-character parameter name is not repeated in full. */
export const echo = (value: string) => (value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value)

/** "The request has N invalid fields: a; b" with at most MAX_LISTED_ERRORS listed, and the errors to list. */
export function listErrors (errors: Array<{ field: string; message: string }>) {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ field: echo(e.field), message: e.message }))
  const rest = errors.length - listed.length
  const detail = `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}` +
    (rest > 0 ? ` (the first ${listed.length} are listed, ${rest} more are not)` : '') + ': ' +
    listed.map((e) => `${e.field} ${e.message}`).join('; ')
  return { detail, errors: listed }
}

type ProblemExtras = Partial<Pick<Problem, 'errors' | 'suggestions' | 'supported'>>

/** Thrown by code that cannot go on (a helper deep in a handler): answered as the problem it names. */
export class ProblemError extends Error {
  constructor (readonly problemCode: ProblemCode, detail: string, readonly extras: ProblemExtras = {}) {
    super(detail)
    this.name = 'ProblemError'
  }
}

export function buildProblem (request: FastifyRequest, code: ProblemCode, detail: string, extras: ProblemExtras = {}): Problem {
  const status = PROBLEM_CODES[code]
  // Whoever built the list, the answer stays bounded: at most MAX_LISTED_ERRORS entries, and a detail that says so.
  if (extras.errors && extras.errors.length > MAX_LISTED_ERRORS) {
    const listed = listErrors(extras.errors)
    extras = { ...extras, errors: listed.errors }
    detail = listed.detail
  }
  if (detail.length > MAX_DETAIL) detail = `${detail.slice(0, MAX_DETAIL)}…`
  return {
    type: problemType(code, request.server?.publicOrigin),
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

/** The code for a status some other part of the stack answered with (a plugin's 4xx error). */
const CLIENT_STATUS_CODES: Record<number, ProblemCode> = { 408: 'request-timeout', 414: 'uri-too-long', 415: 'unsupported-media-type', 431: 'header-too-large' }

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
  if (error instanceof ProblemError) return buildProblem(request, error.problemCode, error.message, error.extras)
  if (error.validation) {
    const context = error.validationContext ?? 'querystring'
    const code = CONTEXT_CODE[context] ?? 'invalid-query'
    const { detail, errors } = listErrors(fieldErrors(context, error.validation as AjvError[]))
    return buildProblem(request, code, detail, { errors })
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
  // @fastify/static under /docs/static: a missing file, and a path it refuses (`..`, a dot-file) with a 403, are
  // both "nothing here" for a client; the status and the code agree.
  if (error.statusCode === 403 || error.statusCode === 404) {
    return buildProblem(request, 'not-found', `There is nothing at ${echo(request.url.split('?')[0])}.`)
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Any other 4xx becomes a 400 `bad-request`: the status sent is always the one the body states.
    const code = CLIENT_STATUS_CODES[error.statusCode] ?? 'bad-request'
    return buildProblem(request, code, 'The request could not be processed.')
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

/**
 * After an early error answer (413), up to this much more of the body is read and discarded rather than the
 * connection being closed under a client that is still sending (see installErrorHandler).
 */
export const DRAIN_LIMIT_BYTES = 1024 * 1024

/**
 * Reads and discards the rest of a body of unknown length (chunked) after an early answer, and cuts the connection
 * once more than `limit` bytes have come: a client may send for ever. Counted on the socket, since Node drops every
 * 'data' listener of the request when it discards the body; the count stops when the request ends.
 */
function drainAtMost (request: IncomingMessage, limit: number) {
  const socket = request.socket
  let received = 0
  const count = (chunk: Buffer) => {
    received += chunk.length
    if (received > limit) socket.destroy()
  }
  const stop = () => { socket.off('data', count) }
  socket.on('data', count)
  request.once('end', stop)
  socket.once('close', stop)
}

export function installErrorHandler (app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // After a body error (too large, bad JSON) Fastify closes the connection, since the client may still be
    // sending. Closed under a client that is sending, the socket answers its next bytes with a TCP reset, and the
    // reset makes the client's stack drop our answer unread: the 413 was sometimes never seen. Node reads and
    // discards the rest of the body once the answer is sent, and the connection stays usable. A body announced
    // larger than DRAIN_LIMIT_BYTES is still cut off at once; one of unknown length (chunked) is cut off once that
    // much more has come.
    if (!request.raw.complete && reply.getHeader('connection') === 'close') {
      const announced = request.headers['content-length']
      if (announced === undefined) {
        reply.removeHeader('connection')
        drainAtMost(request.raw, DRAIN_LIMIT_BYTES)
      } else if (Number(announced) <= DRAIN_LIMIT_BYTES) {
        reply.removeHeader('connection')
      }
    }
    const problem = problemForError(request, error)
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: problem.code }, problem.detail)
    const headers = (error as { headers?: Record<string, string> }).headers
    if (headers) reply.headers(headers)
    return reply.code(problem.status).type(PROBLEM_TYPE).send(problem)
  })
}

/** Node's HTTP parser errors and what each is for a client. */
const CLIENT_ERRORS: Record<string, { code: ProblemCode; detail: string }> = {
  HPE_HEADER_OVERFLOW: { code: 'header-too-large', detail: 'The request line and header fields are larger than the service accepts.' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'request-timeout', detail: 'The request was not received in time.' },
  ERR_HTTP_HEADERS_TIMEOUT: { code: 'request-timeout', detail: 'The request headers were not received in time.' }
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a malformed request line or header, headers too
 * large, a timeout): Node's and Fastify's default answers are plain text or plain JSON. The same problem+json
 * here, with a request id, then the connection is closed (the parser cannot find the next request). Installed as
 * Fastify's clientErrorHandler (buildOptions in src/app.ts).
 */
export function answerClientError (this: FastifyInstance | undefined, error: Error & { code?: string }, socket: Socket) {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const { code, detail } = CLIENT_ERRORS[error.code ?? ''] ??
    { code: 'bad-request' as const, detail: 'The request is not valid HTTP/1.1 (a malformed request line, header or body framing).' }
  const status = PROBLEM_CODES[code]
  const requestId = randomUUID()
  const problem: Problem = { type: problemType(code, this?.publicOrigin), title: TITLES[code], status, detail, code, requestId }
  const body = JSON.stringify(problem)
  this?.log?.info({ code, err: error.code, requestId }, detail)
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nX-Content-Type-Options: nosniff\r\n` +
      `Cache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${body}`)
  }
  // After the answer is written: end() then let the socket close, rather than destroy() dropping the write.
  socket.end()
  setTimeout(() => socket.destroy(), 1000).unref()
}
