// POST /mcp: the MCP server over Streamable HTTP, on the same service as the REST API. Stateless: each request
// gets its own server and transport (no session to keep across replicas), and answers with JSON rather than an
// event stream. The rate limit, the body limit and the media-type checks run before it, as on every route.
import Negotiator from 'negotiator'
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sendProblem } from '../http/problems.js'
import { errorResponses } from '../http/responses.js'
import { CLAIMS_BODY_LIMIT } from './v1/claims.js'

const MCP_TYPES = ['application/json', 'text/event-stream']

/** Whether an Accept header names both MCP answer types and accepts both (a wildcard alone is not enough for the SDK). */
export function acceptsMcp (accept: string | undefined): boolean {
  if (!accept || !MCP_TYPES.every((type) => accept.includes(type))) return false
  const negotiator = new Negotiator({ headers: { accept } })
  return MCP_TYPES.every((type) => negotiator.mediaType([type]) === type)
}

/**
 * The MCP server and the SDK's transport, loaded on the first MCP request: the SDK and zod are a third of the
 * server's code and most processes never serve MCP, so they are not compiled at every start (the build splits them
 * into a chunk of their own; docs/performance.md, "Cold start"). test/mcp checks every tool's schema conversion.
 */
let mcpModules: Promise<[typeof import('../mcp/server.js'), typeof import('@modelcontextprotocol/sdk/server/streamableHttp.js')]> | undefined
const loadMcp = () => (mcpModules ??= Promise.all([import('../mcp/server.js'), import('@modelcontextprotocol/sdk/server/streamableHttp.js')]))

const mcpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/mcp', {
    // A check_claims call carries up to 20,000 characters of text, like POST /v1/claims/check.
    bodyLimit: CLAIMS_BODY_LIMIT,
    config: { produces: ['application/json', 'text/event-stream'] },
    schema: {
      tags: ['MCP'],
      operationId: 'mcp',
      summary: 'Model Context Protocol endpoint (Streamable HTTP)',
      description: 'For AI assistants: the Model Context Protocol over Streamable HTTP, stateless, answering JSON. ' +
        'Tools: `search`, `get_record`, `list_cases`, `assess_request`, `check_claims`; resources: every record at ' +
        '`interpol-notice-api:///v1/<collection>/<id>`, the URI naming its REST path. Each answer wraps the REST answer ' +
        '(sources and confidence included) with the path it came from and the dataset\'s disclaimer. Send JSON-RPC ' +
        'messages with `Accept: application/json, text/event-stream`; protocol errors are JSON-RPC errors. The same ' +
        'server runs over stdio with `npm run mcp`.',
      body: Type.Unsafe<unknown>({ type: 'object', description: 'A JSON-RPC 2.0 message (MCP 2025-06-18 has no batches).' }),
      response: {
        200: { description: 'The JSON-RPC answer.', content: { 'application/json': { schema: { type: 'object' } } } },
        202: { description: 'A notification or response was accepted (no answer body).' },
        ...errorResponses(400, 406, 413, 415)
      }
    }
  }, async (request, reply) => {
    // The protocol asks clients to list both types; refusing here keeps the refusal a problem document like every
    // other (the SDK's own refusal is plain JSON). Both must be named, as the SDK checks, and neither refused (q=0).
    if (!acceptsMcp(request.headers.accept)) {
      return sendProblem(request, reply, 'not-acceptable', 'An MCP client must accept both application/json and text/event-stream.', { supported: ['application/json', 'text/event-stream'] })
    }
    const [{ createMcpServer }, { StreamableHTTPServerTransport }] = await loadMcp()
    const server = createMcpServer(app, { remoteAddress: request.ip })
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
    // The transport writes the answer itself; the headers set so far (request id, rate limit, CORS, security) go
    // with it.
    reply.hijack()
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value as string)
    reply.raw.on('close', () => { void transport.close(); void server.close() })
    await server.connect(transport)
    await transport.handleRequest(request.raw, reply.raw, request.body)
  })

  // Stateless: no event stream to open (GET) and no session to end (DELETE).
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/mcp',
      schema: { hide: true },
      handler: async (request, reply) => {
        reply.header('allow', 'POST')
        return sendProblem(request, reply, 'method-not-allowed', 'This MCP endpoint is stateless: send JSON-RPC messages with POST.', { supported: ['POST'] })
      }
    })
  }
}

export default mcpRoutes
