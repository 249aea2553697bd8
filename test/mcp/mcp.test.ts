// The MCP server through the SDK's own client, over both transports: Streamable HTTP at /mcp on the running
// service, and stdio through `npm run mcp`'s entry point. Each tool and resource answers exactly what the REST
// route answers (sources, confidence), wrapped with the dataset's disclaimer; the tools' input schemas are the REST
// operations' TypeBox schemas.
import t, { type Test } from 'tap'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { Value } from 'typebox/value'
import { createApp } from '../../src/app.js'
import { ASSESSMENT_EXAMPLES } from '../../src/assessment/examples.js'
import { ClaimCheckRequest } from '../../schemas/misconception.js'
import { AssessmentRequest } from '../../schemas/assessment.js'
import { schemaContext } from '../../schemas/index.js'
import { isProblem, json, realDataset } from '../helpers.js'

const dataset = realDataset()
const app = await createApp({ dataset })
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
t.teardown(() => app.close())

type ToolAnswer = { structuredContent?: { rest: string; status: number; disclaimer: string; datasetVersion: string; answer: any }; isError?: boolean; content: Array<{ type: string; text?: string }> } // eslint-disable-line @typescript-eslint/no-explicit-any

async function rest (method: 'GET' | 'POST', url: string, body?: unknown) {
  const response = await app.inject({ method, url, ...(body ? { payload: body as object } : {}) })
  return json(response)
}

/** The checks both transports must pass. */
async function exercise (t: Test, client: Client) {
  const { tools } = await client.listTools()
  t.same(tools.map((tool) => tool.name).sort(), ['assess_request', 'check_claims', 'get_record', 'list_cases', 'search'])

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolAnswer
  const claims = await call('check_claims', { text: 'Iran issued Red Notices. Interpol will arrest him.' })
  t.notOk(claims.isError)
  t.same(claims.structuredContent!.answer, await rest('POST', '/v1/claims/check', { text: 'Iran issued Red Notices. Interpol will arrest him.' }), 'check_claims = POST /v1/claims/check')
  t.equal(claims.structuredContent!.disclaimer, dataset.release.disclaimer, 'the dataset disclaimer')
  t.equal(claims.structuredContent!.datasetVersion, dataset.version)
  t.ok(claims.structuredContent!.answer.findings[0].sources.length > 0, 'sources')
  t.match(claims.content[0].text, /"disclaimer"/, 'the text content carries it too')

  const example = ASSESSMENT_EXAMPLES[0].request
  const assessment = await call('assess_request', example as unknown as Record<string, unknown>)
  t.same(assessment.structuredContent!.answer, await rest('POST', '/v1/assessments', example), 'assess_request = POST /v1/assessments')

  const cases = await call('list_cases', { requester: 'IR', limit: 5 })
  t.same(cases.structuredContent!.answer, await rest('GET', '/v1/cases?requester=IR&limit=5'), 'list_cases = GET /v1/cases')
  t.ok(cases.structuredContent!.answer.data.every((c: { sources: unknown[]; confidence: string }) => c.sources.length > 0 && c.confidence))

  const search = await call('search', { q: 'wanted notice' })
  t.equal(search.structuredContent!.answer.data[0].id, 'red')
  const record = await call('get_record', { collection: 'countries', id: 'IR' })
  t.same(record.structuredContent!.answer, await rest('GET', '/v1/countries/IR'))
  const missing = await call('get_record', { collection: 'notice-types', id: 'mauve' })
  t.ok(missing.isError, 'a 404 is a tool error')
  t.equal(missing.structuredContent!.answer.code, 'not-found')
  const invalid = await client.callTool({ name: 'list_cases', arguments: { outcome: 'acquitted-by-the-moon' } }) as ToolAnswer
  t.ok(invalid.isError, 'arguments outside the REST schema are refused')

  const templates = await client.listResourceTemplates()
  t.ok(templates.resourceTemplates.some((r) => r.uriTemplate === 'interpol-notice-api:///v1/notice-types/{id}'))
  const resources = await client.listResources()
  const uris = new Set(resources.resources.map((r) => r.uri))
  const expected = dataset.noticeTypes.all.length + dataset.instruments.all.length + dataset.provisions.all.length + dataset.grounds.all.length +
    dataset.requestingEntities.all.length + dataset.cases.all.length + dataset.terms.all.length + dataset.countries.all.length + dataset.misconceptions.all.length
  t.equal(uris.size, expected, 'a resource for every record')
  for (const uri of ['interpol-notice-api:///v1/notice-types/red', 'interpol-notice-api:///v1/misconceptions/country-issues-notice', 'interpol-notice-api:///v1/countries/IR']) {
    t.ok(uris.has(uri), uri)
  }
  const red = await client.readResource({ uri: 'interpol-notice-api:///v1/notice-types/red' })
  const envelope = JSON.parse(String((red.contents[0] as { text: string }).text))
  t.equal(envelope.rest, 'GET /v1/notice-types/red', 'the URI maps to the REST path')
  t.same(envelope.answer, await rest('GET', '/v1/notice-types/red'))
  t.same(envelope.answer.sources, dataset.noticeTypes.byId.get('red')!.sources)
  t.equal(envelope.answer.confidence, dataset.noticeTypes.byId.get('red')!.confidence)
  t.equal(envelope.disclaimer, dataset.release.disclaimer)
}

t.test('Streamable HTTP at /mcp', async (t) => {
  const client = new Client({ name: 'test-http', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)))
  t.teardown(() => client.close())
  await exercise(t, client)
})

t.test('stdio (npm run mcp)', async (t) => {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', fileURLToPath(new URL('../../src/mcp/stdio.ts', import.meta.url))],
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stderr: 'pipe'
  })
  const client = new Client({ name: 'test-stdio', version: '1.0.0' })
  await client.connect(transport)
  t.teardown(() => client.close())
  await exercise(t, client)
})

t.test('the tool input schemas are the REST contract\'s TypeBox schemas', async (t) => {
  const client = new Client({ name: 'test-schemas', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)))
  t.teardown(() => client.close())
  const { tools } = await client.listTools()
  const input = (name: string) => tools.find((tool) => tool.name === name)!.inputSchema as { properties: Record<string, any>; required?: string[] } // eslint-disable-line @typescript-eslint/no-explicit-any

  // Bodies: the same properties, required fields, limits and enums as the TypeBox schema of the REST body.
  for (const [tool, schema] of [['check_claims', ClaimCheckRequest], ['assess_request', AssessmentRequest]] as const) {
    const listed = input(tool)
    t.same(Object.keys(listed.properties).sort(), Object.keys(schema.properties).sort(), `${tool}: the body's properties`)
    t.same([...(listed.required ?? [])].sort(), [...(schema.required ?? [])].sort(), `${tool}: the body's required fields`)
  }
  const claimSchema = ClaimCheckRequest.properties as unknown as Record<string, { maxLength?: number; enum?: string[] }>
  t.equal(input('check_claims').properties.text.maxLength, claimSchema.text.maxLength)
  t.same(input('check_claims').properties.lang.enum, claimSchema.lang.enum)

  // Query tools: one property per REST query parameter (except `format`), each with the REST schema's constraints.
  const spec = json(await app.inject('/openapi.json'))
  const params = (path: string) => (spec.paths[path].get.parameters as Array<{ name: string; in: string; schema: Record<string, unknown> }>)
    .filter((p) => p.in === 'query' && p.name !== 'format')
  for (const [tool, path] of [['list_cases', '/v1/cases'], ['search', '/v1/search']] as const) {
    const listed = input(tool)
    t.same(Object.keys(listed.properties).sort(), params(path).map((p) => p.name).sort(), `${tool}: the query parameters of ${path}`)
    for (const parameter of params(path)) {
      for (const keyword of ['type', 'pattern', 'enum', 'minimum', 'maximum', 'maxLength']) {
        if (parameter.schema[keyword] !== undefined) t.same(listed.properties[parameter.name][keyword], parameter.schema[keyword], `${tool}.${parameter.name}.${keyword}`)
      }
    }
  }

  // And a body the REST schema accepts is accepted by the tool; one it refuses, the tool refuses.
  const example = ASSESSMENT_EXAMPLES[1].request
  t.ok(Value.Check(schemaContext, AssessmentRequest, example))
  const accepted = await client.callTool({ name: 'assess_request', arguments: example as unknown as Record<string, unknown> }) as ToolAnswer
  t.notOk(accepted.isError)
  const refused = await client.callTool({ name: 'check_claims', arguments: { text: 'x', format: 'pdf' } }) as ToolAnswer
  t.ok(refused.isError)
})

t.test('the HTTP endpoint keeps the service\'s limits and errors', async (t) => {
  isProblem(t, await app.inject({ method: 'GET', url: '/mcp' }), 405, 'method-not-allowed')
  isProblem(t, await app.inject({ method: 'POST', url: '/mcp', headers: { 'content-type': 'text/plain' }, payload: 'hello' }), 415, 'unsupported-media-type')
  isProblem(t, await app.inject({ method: 'POST', url: '/mcp', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ padding: 'x'.repeat(140 * 1024) }) }), 413, 'payload-too-large')
  isProblem(t, await app.inject({ method: 'POST', url: '/mcp', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, payload: '"just a string"' }), 400, 'invalid-body')
  isProblem(t, await app.inject({ method: 'POST', url: '/mcp', headers: { 'content-type': 'application/json', accept: 'application/json' }, payload: '{"jsonrpc":"2.0","id":1,"method":"ping"}' }), 406, 'not-acceptable')
  // A wildcard alone, or a named type refused with q=0, is a problem document too, never the SDK's plain-JSON 406.
  for (const accept of ['*/*', '*/*;q=0', 'application/json, text/event-stream;q=0']) {
    isProblem(t, await app.inject({ method: 'POST', url: '/mcp', headers: { 'content-type': 'application/json', accept }, payload: '{"jsonrpc":"2.0","id":1,"method":"ping"}' }), 406, 'not-acceptable')
  }
  const limited = await createApp({ dataset, limits: { rateLimitMax: 1, rateLimitWindowMs: 60_000 } })
  t.teardown(() => limited.close())
  const post = () => limited.inject({
    method: 'POST', url: '/mcp', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    payload: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })
  })
  t.equal((await post()).statusCode, 200)
  isProblem(t, await post(), 429, 'rate-limited')
})
