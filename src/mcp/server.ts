// The Model Context Protocol server (official SDK): the same data as the REST API for newsroom AI assistants.
// Every tool and resource is answered by the REST route itself (app.inject), so an assistant gets exactly the
// answer a developer gets — sources, confidence, localisation, errors — wrapped with the path it came from and the
// dataset's disclaimer. The tools' input schemas are the REST operations' own schemas (TypeBox, as rendered in the
// OpenAPI document), converted to zod with zod's JSON Schema reader: nothing is written twice.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { packageInfo } from '../package-info.js'

/** Resource URIs name the REST path: interpol-notice-api:///v1/notice-types/red is GET /v1/notice-types/red. */
export const URI_PREFIX = 'interpol-notice-api://'
export const uriOf = (path: string) => `${URI_PREFIX}${path}`

type JsonSchema = Record<string, unknown>
interface Operation { method: string; path: string; operation: { operationId?: string; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } }
interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }

/** One tool: which REST operation answers it, and how its arguments become a request. */
interface ToolSpec {
  name: string
  title: string
  description: string
  /** The operation whose schema is the tool's input. */
  operationId: string
  /** GET tools: path parameters become the path, the rest the query string. */
  request: (args: Record<string, unknown>) => { method: 'GET' | 'POST'; url: string; body?: unknown }
}

const queryString = (args: Record<string, unknown>, skip: string[] = []) => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(args)) if (value !== undefined && !skip.includes(key)) params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The collections a record can be fetched from, each `GET /v1/<collection>/{id}`. */
export const RECORD_COLLECTIONS = ['notice-types', 'instruments', 'provisions', 'grounds', 'requesting-entities', 'cases', 'terms',
  'countries', 'misconceptions'] as const

export const TOOLS: ToolSpec[] = [
  {
    name: 'search',
    title: 'Search the dataset',
    description: 'Ranked search across notice types, terms, grounds, provisions, instruments, cases, countries, requesting ' +
      'entities and misconceptions; tolerant of case, accents and typos ("wanted notice" finds the Red Notice). Same as GET /v1/search.',
    operationId: 'search',
    request: (args) => ({ method: 'GET', url: `/v1/search${queryString(args)}` })
  },
  {
    name: 'get_record',
    title: 'Get one record',
    description: 'One record by collection and id (e.g. notice-types/red, provisions/constitution-3, countries/IR, ' +
      'cases/iran-2021-us-officials), with its sources and confidence. Same as GET /v1/{collection}/{id}.',
    operationId: 'get-notice-type',
    request: (args) => ({ method: 'GET', url: `/v1/${String(args.collection)}/${encodeURIComponent(String(args.id))}${queryString(args, ['collection', 'id'])}` })
  },
  {
    name: 'list_cases',
    title: 'List cases by filter',
    description: 'Public cases and CCF decision excerpts, filtered by requester, notice type, ground, outcome, year and ' +
      'more, with pagination. Same as GET /v1/cases.',
    operationId: 'list-cases',
    request: (args) => ({ method: 'GET', url: `/v1/cases${queryString(args)}` })
  },
  {
    name: 'assess_request',
    title: 'Assess a hypothetical notice request',
    description: 'Measure a described request (who asks, which notice type, against whom, for what) against INTERPOL\'s ' +
      'published rules: a verdict, one finding per ground with the provisions applied and similar past cases. Not legal ' +
      'advice. Same as POST /v1/assessments.',
    operationId: 'assess-request',
    request: (args) => ({ method: 'POST', url: '/v1/assessments', body: args })
  },
  {
    name: 'check_claims',
    title: 'Check a text for known misconceptions',
    description: 'Flags passages of a text (en, fr, es, ar; plain or HTML) that state a known misconception about ' +
      'INTERPOL ("Iran issued Red Notices", "an international arrest warrant"), with spans, corrections and sources. ' +
      'Same as POST /v1/claims/check.',
    operationId: 'check-claims',
    request: (args) => ({ method: 'POST', url: '/v1/claims/check', body: args })
  }
]

function findOperation (document: { paths?: Record<string, Record<string, unknown>> }, operationId: string): Operation {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if ((operation as Operation['operation'])?.operationId === operationId) return { method, path, operation: operation as Operation['operation'] }
    }
  }
  throw new Error(`no operation ${operationId} in the OpenAPI document`)
}

/** Inlines `#/components/schemas/X` references (and a lone allOf wrapper) and drops OpenAPI-only annotations. */
export function resolveSchema (schema: unknown, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (depth > 32) throw new Error('schema nested too deep')
  if (Array.isArray(schema)) return schema.map((item) => resolveSchema(item, components, depth + 1))
  if (!schema || typeof schema !== 'object') return schema
  let node = { ...(schema as JsonSchema) }
  const ref = typeof node.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(node.$ref)?.[1] : undefined
  if (ref) {
    const { $ref, ...rest } = node
    void $ref
    node = { ...(resolveSchema(components[ref], components, depth + 1) as JsonSchema), ...rest }
  }
  if (Array.isArray(node.allOf) && node.allOf.length === 1) {
    const { allOf, ...rest } = node
    node = { ...(resolveSchema(allOf[0], components, depth + 1) as JsonSchema), ...rest }
  }
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === '$id' || key === 'examples' || key === 'example') continue
    out[key] = key === 'properties' || key === '$defs'
      ? Object.fromEntries(Object.entries(value as JsonSchema).map(([name, child]) => [name, resolveSchema(child, components, depth + 1)]))
      : resolveSchema(value, components, depth + 1)
  }
  return out
}

/**
 * The JSON Schema of a tool's input, read from the REST operation in the OpenAPI document: a POST's request body,
 * or a GET's path and query parameters as one object (without `format`: tools always answer JSON). get_record
 * takes the collection as an argument too.
 */
export function toolInputSchema (document: { paths?: Record<string, Record<string, unknown>>; components?: { schemas?: Record<string, JsonSchema> } }, tool: ToolSpec): JsonSchema {
  const components = document.components?.schemas ?? {}
  const { operation } = findOperation(document, tool.operationId)
  const body = operation.requestBody?.content?.['application/json']?.schema
  if (body) return resolveSchema(body, components) as JsonSchema
  const properties: Record<string, unknown> = {}
  const required: string[] = []
  if (tool.name === 'get_record') {
    properties.collection = { type: 'string', enum: [...RECORD_COLLECTIONS], description: 'The collection, as in the REST path.' }
    required.push('collection')
  }
  for (const parameter of operation.parameters ?? []) {
    if (parameter.name === 'format' || (parameter.in !== 'query' && parameter.in !== 'path')) continue
    const schema = resolveSchema(parameter.schema ?? {}, components) as JsonSchema
    properties[parameter.name] = tool.name === 'get_record' && parameter.name === 'id'
      ? { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$', description: 'The record id (a slug, or an ISO 3166-1 code for a country).' }
      : { ...schema, ...(parameter.description ? { description: parameter.description } : {}) }
    if (parameter.required) required.push(parameter.name)
  }
  return { type: 'object', properties, required, additionalProperties: false }
}

export interface McpOptions {
  /** The client the REST calls are made for (the rate limit counts them against it). */
  remoteAddress?: string
}

interface Cached { inputs: Map<string, JsonSchema>; validators: Map<string, unknown> }
const cache = new WeakMap<FastifyInstance, Cached>()

/**
 * The tools' input schemas, read once from the app's OpenAPI document (after ready), and the validators zod's JSON
 * Schema reader makes of them (the SDK checks arguments with these): built once per app, not per MCP request.
 */
function toolSchemas (app: FastifyInstance): Cached {
  let cached = cache.get(app)
  if (!cached) {
    const document = app.swagger() as Parameters<typeof toolInputSchema>[0]
    const inputs = new Map(TOOLS.map((tool) => [tool.name, toolInputSchema(document, tool)]))
    const validators = new Map([...inputs].map(([name, schema]) => [name, z.fromJSONSchema(schema as never)]))
    cached = { inputs, validators }
    cache.set(app, cached)
  }
  return cached
}

/** The tools' input schemas, as JSON Schema. */
export const toolInputs = (app: FastifyInstance): Map<string, JsonSchema> => toolSchemas(app).inputs

/** An MCP server answering from the app's own routes. One per connection (stdio) or per request (HTTP). */
export function createMcpServer (app: FastifyInstance, options: McpOptions = {}): McpServer {
  const { dataset } = app
  const server = new McpServer({ name: packageInfo.name, version: packageInfo.version, title: 'INTERPOL notices: rules, cases and misconceptions' }, {
    instructions: 'Reference data on INTERPOL\'s notice system with sources: notice types, the rules (Constitution, RPD), ' +
      'grounds for refusal (Article 3 above all), cases, countries and common misconceptions. Every answer carries its ' +
      'sources and a confidence (confirmed, reported, inferred) and the dataset\'s disclaimer; cite the sources, not this server.'
  })

  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const response = await app.inject({
      method, url, remoteAddress: options.remoteAddress,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) })
    })
    let answer: unknown
    try { answer = JSON.parse(response.body) } catch { answer = response.body }
    return {
      status: response.statusCode,
      envelope: { rest: `${method} ${url}`, status: response.statusCode, datasetVersion: dataset.version, disclaimer: dataset.release.disclaimer, answer }
    }
  }

  const { validators } = toolSchemas(app)
  for (const tool of TOOLS) {
    server.registerTool(tool.name, {
      title: tool.title,
      description: tool.description,
      inputSchema: validators.get(tool.name) as never
    }, (async (args: Record<string, unknown>) => {
      const request = tool.request(args ?? {})
      const { status, envelope } = await call(request.method, request.url, request.body)
      return {
        content: [{ type: 'text', text: JSON.stringify(envelope, null, 2) }],
        structuredContent: envelope,
        isError: status >= 400
      } satisfies CallToolResult
    }) as never)
  }

  const listed: Record<typeof RECORD_COLLECTIONS[number], () => Array<{ id: string; name: string }>> = {
    'notice-types': () => dataset.noticeTypes.all.map((r) => ({ id: r.id, name: r.labels.en })),
    instruments: () => dataset.instruments.all.map((r) => ({ id: r.id, name: r.title })),
    provisions: () => dataset.provisions.all.map((r) => ({ id: r.id, name: r.title })),
    grounds: () => dataset.grounds.all.map((r) => ({ id: r.id, name: r.title })),
    'requesting-entities': () => dataset.requestingEntities.all.map((r) => ({ id: r.id, name: r.name })),
    cases: () => dataset.cases.all.map((r) => ({ id: r.id, name: r.title })),
    terms: () => dataset.terms.all.map((r) => ({ id: r.id, name: r.labels.en })),
    countries: () => dataset.countries.all.map((r) => ({ id: r.iso2, name: r.name })),
    misconceptions: () => dataset.misconceptions.all.map((r) => ({ id: r.id, name: r.claim }))
  }
  for (const collection of RECORD_COLLECTIONS) {
    const template = new ResourceTemplate(uriOf(`/v1/${collection}/{id}`), {
      list: async () => ({
        resources: listed[collection]().map((record) => ({
          uri: uriOf(`/v1/${collection}/${record.id}`), name: `${collection}/${record.id}`, title: record.name, mimeType: 'application/json'
        }))
      })
    })
    server.registerResource(collection, template, {
      title: `${collection} records`,
      description: `One record of /v1/${collection}, as GET /v1/${collection}/{id} answers it, with the dataset's disclaimer.`,
      mimeType: 'application/json'
    }, async (uri, variables) => {
      const { envelope } = await call('GET', `/v1/${collection}/${encodeURIComponent(String(variables.id))}`)
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(envelope, null, 2) }] } satisfies ReadResourceResult
    })
  }
  return server
}
