// npm run build: the server as one ES module, dist/src/server.js, bundled with esbuild.
// Why a bundle: at start-up Node's module loader resolved and read several hundred small files (fastify, avvio,
// ajv and their dependencies, and ours), about half of the cold start (docs/performance.md). One file is read and
// compiled once. Types are checked by `npm test` (tsc), not here.
// The bundle sits where tsc put the compiled server, so src/paths.ts still finds the project root (data/,
// package.json, openapi.yaml) from dist/src/, and node_modules still serves what is left external.
import { build } from 'esbuild'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = join(root, 'dist', 'src', 'server.js')

/**
 * The entry point loads the bundle after turning on Node's compile cache (Node 22.1 and later; the Docker image
 * runs Node 24): from the second start on, V8 reuses the bytecode of the 2 MB bundle instead of compiling it again.
 * Where the cache directory is not writable (a read-only root file system) or Node is older, nothing changes.
 */
const ENTRY = `// Written by scripts/build.ts (npm run build): the compile cache first, then the bundled server.
import module from 'node:module'
try { module.enableCompileCache?.() } catch {}
await import('./server.bundle.js')
`

/**
 * Loaded from node_modules at run time, not bundled: packages that find their own files next to their code
 * (Swagger UI's static assets, pino's transport worker), optional ones loaded on demand (pino-pretty, a dev
 * dependency; ioredis, only with RATE_LIMIT_REDIS_URL), and world-countries, 700 KB of JSON that Node reads with
 * JSON.parse far faster than it compiles the same data bundled as a JavaScript literal.
 */
export const EXTERNAL = ['@fastify/swagger-ui', 'pino', 'pino-pretty', 'ioredis', 'world-countries']

export async function buildServer (out = outfile) {
  // A stale tsc output (a dist/ of many files) would sit beside the bundle and mislead.
  rmSync(dirname(dirname(out)), { recursive: true, force: true })
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, ENTRY)
  return build({
    entryPoints: [join(root, 'src', 'server.ts')],
    outfile: join(dirname(out), 'server.bundle.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies call require(); in an ES module it has to be made.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Less to parse; identifiers are kept so that stack traces and logs name functions.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const began = performance.now()
  const result = await buildServer()
  const inputs = Object.keys(result.metafile.inputs).length
  console.log(`dist/src/server.bundle.js: ${inputs} modules bundled in ${Math.round(performance.now() - began)} ms`)
}
