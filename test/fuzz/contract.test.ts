// Fuzzing from the contract: every operation in the committed openapi.yaml (read at test time, so that new
// operations are covered as they land) gets generated and hostile input. Every answer must be below 500, be
// problem+json when it is an error, and match the documented response for its status and media type.
import t from 'tap'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { ValidateFunction } from 'ajv'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { projectRoot } from '../../src/paths.js'
import { buildTestApp } from '../helpers.js'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 0) || undefined
const MIN_CASES = 10_000
// A global cap so that a slow machine cannot hang CI; the count assertion below still demands MIN_CASES.
const TIME_LIMIT_MS = 90_000

const doc = parse(readFileSync(join(projectRoot, 'openapi.yaml'), 'utf8')) as Json

// ---------------------------------------------------------------- the documented response schemas, compiled
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true })
addFormats(ajv)
/** Component refs are document-relative; give the components one root so that every $ref resolves. */
const rebase = (node: Json): Json => {
  if (Array.isArray(node)) return node.map(rebase)
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) =>
      [key, key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `openapi${value}` : rebase(value)]))
  }
  return node
}
ajv.addSchema({ $id: 'openapi', components: rebase(doc.components ?? {}) })
const compiled = new Map<object, ValidateFunction>()
const validatorFor = (schema: object): ValidateFunction => {
  let validate = compiled.get(schema)
  if (!validate) { validate = ajv.compile(rebase(schema)); compiled.set(schema, validate) }
  return validate
}
const problemValidator = validatorFor({ $ref: '#/components/schemas/Problem' })

// ---------------------------------------------------------------- the operations
interface Operation { method: string; path: string; op: Json; params: Json[] }
const operations: Operation[] = []
for (const [path, item] of Object.entries<Json>(doc.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    const op = item[method]
    if (op) operations.push({ method: method.toUpperCase(), path, op, params: [...(item.parameters ?? []), ...(op.parameters ?? [])] })
  }
}

// ---------------------------------------------------------------- hostile values
const hostileString = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%%', '%00', '\u0000', '\r\n', '\t',
    '__proto__', 'constructor', 'prototype', 'toString', '../', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%2e%2e%2f',
    '/etc/passwd', '..\\..\\windows', "' OR 1=1 --", '<script>alert(1)</script>', '${jndi:ldap://x}', '{{7*7}}',
    'red\u0000', 'RED', 'red,', ',red', 'red,,blue', '\u202Ered', '\uFEFFred', 'ré d', '𝕣𝕖𝕕', '\uD800', '2021-02-30',
    '9999-99-99', '-0001-01-01', 'x'.repeat(10_000), 'a,'.repeat(3000), '9'.repeat(400)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String)
)

/** A value valid for a parameter schema when fast-check can produce one; otherwise a plausible string. */
function validValue (schema: Json = {}, example?: unknown): fc.Arbitrary<string> {
  const options: Array<fc.Arbitrary<string>> = []
  if (example !== undefined) options.push(fc.constant(String(example)))
  if (Array.isArray(schema.enum)) options.push(fc.constantFrom(...schema.enum.map(String)))
  if (schema.type === 'integer' || schema.type === 'number') {
    options.push(fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? (schema.minimum ?? 0) + 1000 }).map(String))
  }
  if (schema.type === 'boolean') options.push(fc.constantFrom('true', 'false'))
  if (schema.format === 'date') options.push(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)))
  if (typeof schema.pattern === 'string') {
    try { options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 2000))) } catch { /* an unsupported pattern */ }
  }
  if (options.length === 0) options.push(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) }))
  return fc.oneof(...options)
}

const paramValue = (param: Json) => fc.oneof({ weight: 3, arbitrary: validValue(param.schema, param.example) }, { weight: 2, arbitrary: hostileString })

/** How a value is written into the URL: encoded as a client library would, or raw as an attacker would. */
const encoding = fc.constantFrom<'encoded' | 'raw'>('encoded', 'encoded', 'encoded', 'raw')
const encode = (value: string, how: 'encoded' | 'raw') => how === 'encoded'
  ? encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'))
  : value.replace(/[#?\s]/g, (c) => encodeURIComponent(c))

/** A path segment, and whether it was written raw (then it may leave the operation's path altogether). */
const pathSegment = (param: Json): fc.Arbitrary<[string, boolean]> => fc.oneof(
  { weight: 5, arbitrary: fc.tuple(paramValue(param), encoding).map(([v, how]): [string, boolean] => [encode(v, how), how === 'raw']) },
  { weight: 1, arbitrary: fc.constantFrom('..', '.', '..%2F..%2Fopenapi.json', '%2e%2e', '%2e%2e%2f%2e%2e%2f', 'red%2F..%2F..', '..%5C..%5C', '%252e%252e', 'red/../../meta', '%2F', '%00', '%ZZ', '%').map((v): [string, boolean] => [v, true]) })

const knownQueryPairs = (params: Json[]) => fc.array(
  fc.constantFrom(...(params.length ? params : [{ name: 'q', schema: {} }])).chain((param) =>
    fc.tuple(fc.constant(param.name as string), paramValue(param))),
  { maxLength: 4 })

const oddQueryPairs = fc.array(fc.oneof(
  fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]',
    'a[b][c][d][e][f][g]', 'limit[]', 'q[0]', '', '=', 'unknown', 'x'.repeat(300)), hostileString),
  fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })),
  // One number, many spellings: all but plain decimal digits are refused (issue 14, item 8).
  fc.tuple(fc.constantFrom('limit', 'offset', 'maxwidth'), fc.constantFrom('0x10', '1e1', ' 10', '10 ', '+5', '10.0', '-0', '010',
    '9007199254740993', '1e309', 'Infinity', 'NaN', '١٠'))
), { maxLength: 2 })

const FORWARDED_HOST = 'forwarded.attacker.example'

const acceptHeader = fc.option(fc.oneof(
  fc.constantFrom('*/*', 'application/json', 'application/problem+json', 'text/csv', 'application/ld+json', 'text/html',
    'application/xml', 'image/png', 'application/*;q=0', 'text/*', '*/*;q=0', ';;;', 'a/b/c', '', 'application/json;q=abc',
    'text/csv;q=0.9, application/json;q=0.1', 'application/json, text/csv;q=0', '\u00e9/\u00e9'),
  fc.string({ maxLength: 20 })), { nil: undefined })

const headers = fc.record({
  accept: acceptHeader,
  'accept-language': fc.option(fc.oneof(fc.constantFrom('fr', 'ar;q=0.9, *;q=0.1', 'xx-YY', '*', ';q=2', 'de-DE,de;q=0.9'), fc.string({ maxLength: 20 })), { nil: undefined }),
  'if-none-match': fc.option(fc.constantFrom('"x"', 'W/"x"', 'garbage', '"' + 'a'.repeat(500) + '"'), { nil: undefined }),
  'x-request-id': fc.option(fc.oneof(fc.constantFrom('abc', '../../x', '\u00e9', 'a'.repeat(300)), fc.string({ maxLength: 20 })), { nil: undefined }),
  // Absolute URLs name the request's own Host (or PUBLIC_ORIGIN), never a forwarded one, even from a trusted proxy;
  // a malformed Host is a 400 where an answer needs it (issue 14, item 3).
  host: fc.option(fc.constantFrom('localhost', 'localhost:3000', 'api.example.org', '[::1]:3000', 'bad host', 'a/b', 'x@y', '\u00e9.example', 'x'.repeat(300)), { nil: undefined }),
  'x-forwarded-host': fc.option(fc.constantFrom(FORWARDED_HOST, `${FORWARDED_HOST}:443`), { nil: undefined }),
  'x-forwarded-proto': fc.option(fc.constantFrom('javascript', 'https', 'data'), { nil: undefined }),
  'content-encoding': fc.option(fc.constantFrom('gzip', 'br', 'identity', 'x-unknown'), { nil: undefined })
}, { requiredKeys: [] })

// ---------------------------------------------------------------- bodies
const deepNesting = (depth: number): Json => (depth === 0 ? 'deep' : { a: deepNesting(depth - 1), b: [deepNesting(0)] })
const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileString,
  fc.constantFrom<Json>(null, [], {}, 0, true, { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } },
    deepNesting(200), Array.from({ length: 100 }, () => []))
)

/** Replaces or adds one field somewhere in a valid example, so that most of the body stays plausible. */
function mutate (value: Json, path: string[], replacement: Json): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement
  const [head, ...rest] = path
  const copy: Json = Array.isArray(value) ? [...value] : { ...value }
  copy[head] = mutate(copy[head], rest, replacement)
  return copy
}
function fieldPaths (value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix]
  return [prefix, ...Object.keys(value).flatMap((key) => fieldPaths(value[key], [...prefix, key]))]
}

function bodyFor (op: Json): fc.Arbitrary<{ payload?: string, contentType?: string }> {
  const content = op.requestBody?.content?.['application/json']
  const examples: Json[] = Object.values<Json>(content?.examples ?? {}).map((e) => e.value).filter((v) => v !== undefined)
  if (content?.example !== undefined) examples.push(content.example)
  const base = examples.length ? fc.constantFrom(...examples) : fc.constant({})
  const mutated = base.chain((example) => fc.tuple(fc.constantFrom(...fieldPaths(example)), fc.oneof(hostileJson,
    fc.constantFrom('__proto__', 'constructor', 'unknownField').map((key) => ({ [key]: { polluted: true } })))).map(([path, replacement]) => {
    return JSON.stringify(mutate(example, path, replacement)) ?? 'null'
  }))
  const text = fc.oneof(
    { weight: 2, arbitrary: base.map((v) => JSON.stringify(v)) },
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: base.map((v) => JSON.stringify(v).replace(/^\{/, '{"__proto__":{"polluted":true},')) },
    { weight: 2, arbitrary: fc.constantFrom('', '{', '{"a":', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '\u0000', '{"a":"\\u0000"}', '1e99999', '"' + 'x'.repeat(20_000) + '"', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}') },
    { weight: 1, arbitrary: fc.string({ maxLength: 50 }) }
  )
  const contentType = fc.option(fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-8',
    'application/problem+json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
    'application/xml', 'application/json; charset=utf-16', 'application/jsonx', '', ';;', 'application/json; charset=nope'), { nil: undefined })
  return fc.record({ payload: text, contentType })
}

// ---------------------------------------------------------------- the checks
const JSON_TYPES = /^application\/([a-z.+-]+\+)?json$/

function check (operation: Operation, url: string, raw: boolean, response: LightMyRequestResponse): string | undefined {
  const { statusCode } = response
  const mediaType = String(response.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const documented = operation.op.responses?.[String(statusCode)] ?? operation.op.responses?.[`${String(statusCode)[0]}XX`]
  // oEmbed (RFC-like spec) mandates 501 for a format it does not implement; that is an answer, not a failure.
  if (statusCode >= 500 && !(statusCode === 501 && documented)) return `status ${statusCode} for ${url}: ${response.body.slice(0, 300)}`
  if (statusCode >= 400 && mediaType !== 'application/problem+json') return `status ${statusCode} is ${mediaType}, not problem+json`
  if (statusCode >= 400 && !problemValidator(response.json())) return `problem does not match Problem: ${ajv.errorsText(problemValidator.errors)}`
  if (/at .*\.(ts|js):\d+/.test(response.body)) return 'a stack trace leaked'
  if (response.body.includes(FORWARDED_HOST) || /javascript:|data:\/\//.test(response.body)) return 'a forwarded header reached the answer'
  if (!documented) {
    // A raw traversal can leave this operation's path altogether (../ is resolved, another route answers);
    // then only the generic rules apply. A well-formed request must get a documented status.
    return raw ? undefined : `status ${statusCode} is not documented for ${operation.method} ${operation.path} (${url})`
  }
  // A raw traversal that succeeded was answered by whichever route the resolved path names, not by this operation.
  if (statusCode === 204 || statusCode === 304 || (raw && statusCode < 400)) return undefined
  const content = documented.content ?? {}
  if (!content[mediaType]) {
    if (raw && statusCode < 400) return undefined
    return `${mediaType} is not documented for ${statusCode} (${Object.keys(content).join(', ')})`
  }
  if (JSON_TYPES.test(mediaType) && content[mediaType].schema) {
    const validate = validatorFor(content[mediaType].schema)
    if (!validate(response.json())) return `${statusCode} ${mediaType} does not match its schema: ${ajv.errorsText(validate.errors)}`
  }
  return undefined
}

// ---------------------------------------------------------------- the run
// All injected requests come from one address: no rate limit. Load shedding is off too, so that the fuzzing
// process's own CPU load cannot turn an answer into a 503 that says nothing about the input.
// Every proxy trusted, so that forged X-Forwarded-* headers are believed wherever the framework believes them.
const app: FastifyInstance = await buildTestApp({ rateLimitMax: 0, maxEventLoopDelayMs: 0, trustProxy: 'true' })
t.teardown(() => app.close())

let executed = 0
const started = Date.now()
const numRuns = RUNS_PER_OPERATION ?? Math.ceil(MIN_CASES * 1.05 / operations.length)

t.ok(operations.length > 0, `${operations.length} operations in openapi.yaml`)

for (const operation of operations) {
  t.test(`${operation.method} ${operation.path}`, async (t) => {
    const pathParams = operation.params.filter((p) => p.in === 'path')
    const queryParams = operation.params.filter((p) => p.in === 'query')
    const pathArb = pathParams.length
      ? fc.tuple(...pathParams.map((p) => pathSegment(p))).map((values) => {
        let path = operation.path
        pathParams.forEach((p, i) => { path = path.replace(`{${p.name}}`, values[i][0]) })
        return { path, raw: values.some(([, raw]) => raw) }
      })
      : fc.constant({ path: operation.path, raw: false })
    const requestArb = fc.record({
      path: pathArb,
      known: knownQueryPairs(queryParams),
      odd: fc.oneof({ weight: 3, arbitrary: fc.constant([] as Array<[string, string]>) }, { weight: 1, arbitrary: oddQueryPairs }),
      queryEncoding: encoding,
      headers,
      body: operation.op.requestBody ? bodyFor(operation.op) : fc.constant<{ payload?: string, contentType?: string }>({})
    })
    const startedAt = Date.now()
    const remaining = Math.max(5_000, TIME_LIMIT_MS - (Date.now() - started))
    let runs = 0
    await fc.assert(fc.asyncProperty(requestArb, async (request) => {
      runs++
      executed++
      const query = [...request.known, ...request.odd]
        .map(([key, value]) => `${encode(key, request.queryEncoding)}=${encode(value, request.queryEncoding)}`).join('&')
      const url = query ? `${request.path.path}?${query}` : request.path.path
      const requestHeaders: Record<string, string> = {}
      for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) requestHeaders[name] = value
      if (request.body.contentType !== undefined) requestHeaders['content-type'] = request.body.contentType
      let response: LightMyRequestResponse
      try {
        response = await app.inject({ method: operation.method as 'GET', url, headers: requestHeaders, payload: request.body.payload })
      } catch (error) {
        // light-my-request refuses some URLs and headers before they reach the app (a client library would too).
        if (error instanceof TypeError || /Invalid|ERR_INVALID/.test(String((error as Error).message))) return
        throw error
      }
      const raw = request.path.raw
      const problem = check(operation, url, raw, response)
      if (problem) throw new Error(problem)
      if (({} as Json).polluted !== undefined) throw new Error('Object.prototype was polluted')
    }), { numRuns, interruptAfterTimeLimit: remaining, markInterruptAsFailure: false, endOnFailure: true })
    t.pass(`${runs} cases in ${Date.now() - startedAt} ms`)
  })
}

t.test('enough cases ran', async (t) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  t.comment(`fuzz: ${executed} cases over ${operations.length} operations in ${seconds} s`)
  t.ok(executed >= MIN_CASES, `${executed} cases executed (at least ${MIN_CASES}) in ${seconds} s`)
})
