// `npm run mcp`: the MCP server over stdio, for an assistant that starts it as a local process. It loads data/ and
// builds the app in-process (no port is opened); stdout carries only the protocol, anything else goes to stderr.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { createApp } from '../app.js'
import { loadDataset } from '../data/load-dataset.js'
import { defaultDataDir } from '../paths.js'
import { createMcpServer } from './server.js'

const dataDir = process.env.DATA_DIR || defaultDataDir
try {
  const { dataset } = loadDataset(dataDir)
  // A local process serves one assistant: no rate limit and no load shedding on the in-process REST calls.
  const app = await createApp({ dataset, limits: { rateLimitMax: 0, maxEventLoopDelayMs: 0 } })
  await app.ready()
  const server = createMcpServer(app)
  await server.connect(new StdioServerTransport())
  const stop = async () => { await server.close(); await app.close(); process.exit(0) }
  process.stdin.on('end', stop)
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
