// npm run build: the server as one ES module, dist/src/server.js, bundled with esbuild.
// Why a bundle: at start-up Node's module loader resolved and read several hundred small files (fastify, avvio,
// ajv and their dependencies, and ours), about half of the cold start (docs/performance.md). One file is read and
// compiled once. Types are checked by `npm test` (tsc), not here.
// The bundle sits where tsc put the compiled server, so src/paths.ts still finds the project root (data/,
// package.json, openapi.yaml) from dist/src/, and node_modules still serves what is left external.
import { build, type Plugin } from 'esbuild'
import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { writeCompiledDataset } from '../src/data/compiled-dataset.js'
import { DatasetError, loadDataset } from '../src/data/load-dataset.js'

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
 * Loaded from node_modules at run time, not bundled: pino (its transport worker is a file found next to its code),
 * optional packages loaded on demand (pino-pretty, a dev dependency; ioredis, only with RATE_LIMIT_REDIS_URL), and
 * world-countries, 700 KB of JSON that Node reads with JSON.parse far faster than it compiles the same data bundled
 * as a JavaScript literal.
 */
export const EXTERNAL = ['pino', 'pino-pretty', 'ioredis', 'world-countries']

/**
 * Swagger UI's plugin finds its static files (the UI's scripts, styles, logo) from `__dirname`, which a bundle does
 * not have. Bundled, each of its modules gets the folder it has in the installed package, found at run time through
 * the package's own package.json, so the image and a checkout both serve the installed files. Bundling it (rather
 * than loading it from node_modules) saves about 100 ms of every start: loading @fastify/static with glob, and a
 * second copy of the yaml package, through Node's CommonJS loader.
 */
const swaggerUiFolders: Plugin = {
  name: 'swagger-ui-folders',
  setup (build) {
    const packageRoot = dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json'))
    build.onLoad({ filter: /[\\/]@fastify[\\/]swagger-ui[\\/].*\.js$/ }, async (args) => {
      const folder = relative(packageRoot, dirname(args.path)).split(sep).join('/')
      const located = "require('node:path').join(require('node:path').dirname(require.resolve('@fastify/swagger-ui/package.json')), " +
        `${JSON.stringify(folder)})`
      return { contents: `var __dirname = ${located};\n${await readFile(args.path, 'utf8')}`, loader: 'js' }
    })
  }
}

/**
 * Builds the bundle into `out` (its dist/src/server.js) and compiles `dataDir` beside it (dist/dataset.compiled.json,
 * src/data/compiled-dataset.ts) with this build's id, so that the first start already skips the YAML.
 */
export async function buildServer (out = outfile, dataDir = join(root, 'data')) {
  // A stale tsc output (a dist/ of many files) would sit beside the bundle and mislead.
  const dist = dirname(dirname(out))
  rmSync(dist, { recursive: true, force: true })
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, ENTRY)
  // A new id for every build: a compiled dataset written by other code (other schemas, other integrity rules) is
  // never trusted, whatever its data.
  const buildId = randomUUID()
  const result = await build({
    entryPoints: { 'server.bundle': join(root, 'src', 'server.ts') },
    outdir: dirname(out),
    // Code loaded with import() on first use (the MCP SDK and zod) goes into chunks of its own, so that a start
    // compiles only what serving REST needs.
    splitting: true,
    // In the bundle's own folder: src/paths.ts finds the project root from where its code runs.
    chunkNames: '[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    plugins: [swaggerUiFolders],
    // CommonJS dependencies call require(); in an ES module it has to be made.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Less to parse. Identifiers are not minified, so stack traces and logs name functions; keepNames is off: it
    // only guards the names of functions esbuild renames on a clash (load → load2), and it wraps every function made
    // at run time in a call, which measured about a tenth of the assessment's throughput.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: false,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
    define: { __BUILD_ID__: JSON.stringify(buildId) }
  })
  return { ...result, dataset: await compileDataset(dataDir, join(dist, 'dataset.compiled.json'), buildId) }
}

/**
 * The dataset as the server would check it, written for the server to read. A broken dataset is not the build's to
 * report: it is left uncompiled, and the server's start names its problems (and stops) as before.
 */
async function compileDataset (dataDir: string, path: string, buildId: string): Promise<string> {
  try {
    const { raw, fingerprint } = loadDataset(dataDir)
    await writeCompiledDataset({ path, buildId }, fingerprint, raw)
    return `${relative(root, path)} compiled from ${relative(root, dataDir) || '.'}`
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error
    return `${relative(root, dataDir) || '.'} has problems: not compiled (the server's start will name them)`
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const began = performance.now()
  const result = await buildServer()
  const inputs = Object.keys(result.metafile.inputs).length
  console.log(`dist/src/server.bundle.js: ${inputs} modules bundled, ${result.dataset}, in ${Math.round(performance.now() - began)} ms`)
}
