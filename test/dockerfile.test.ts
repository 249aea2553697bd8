// There is no Docker engine here, so the Dockerfile is read against the server's own configuration instead.
import t from 'tap'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigSchema, loadConfig } from '../src/config.js'
import { projectRoot } from '../src/paths.js'
import { buildTestApp } from './helpers.js'

const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8')
// Join continued lines, drop comments: one instruction per entry.
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
const all = (keyword: string) => instructions.filter((line) => line.toUpperCase().startsWith(`${keyword} `)).map((line) => line.slice(keyword.length + 1).trim())
const stages = dockerfile.split(/^FROM /m).slice(1)
const runtime = stages[stages.length - 1]

t.test('multi-stage build on a current Node LTS image', async (t) => {
  const images = all('FROM')
  t.ok(images.length >= 2, 'at least a build and a runtime stage')
  for (const image of images) {
    const major = Number(/^node:(\d+)/.exec(image)?.[1])
    t.ok(major >= 20 && major % 2 === 0, `${image} is an even-numbered (LTS) Node line`)
  }
})

t.test('the runtime stage has production dependencies only and runs as a non-root user', async (t) => {
  t.match(runtime, /npm ci --omit=dev/)
  const user = /^USER (\S+)/m.exec(runtime)?.[1]
  t.ok(user && user !== 'root' && user !== '0', `USER ${user}`)
  t.match(runtime, /COPY data \.\/data/, 'the dataset ships with the image')
})

t.test('it listens where the server listens', async (t) => {
  const defaults = loadConfig({})
  t.same(all('EXPOSE'), [String(defaults.PORT)], 'EXPOSE is the default PORT')
  t.match(runtime, /HOST=0\.0\.0\.0/, 'HOST=0.0.0.0 so the container is reachable')
  t.match(runtime, new RegExp(`PORT=${defaults.PORT}\\b`))
  t.ok(ConfigSchema.properties.HOST, 'HOST is a configuration variable the server reads')
})

t.test('the command starts the compiled server that `npm run build` writes', async (t) => {
  const cmd = JSON.parse(all('CMD').at(-1) ?? '[]') as string[]
  t.same(cmd.slice(0, 1), ['node'])
  const entry = cmd[1]
  t.equal(entry, 'dist/src/server.js')
  t.ok(existsSync(join(projectRoot, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'))), `${entry} is built from a source file`)
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))
  t.equal(pkg.scripts.start, `node ${entry}`, 'npm start runs the same entry point')
})

t.test('the image builds the bundle the way `npm run build` does, from files the build context keeps', async (t) => {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))
  const script = /^tsx (\S+)$/.exec(pkg.scripts.build)?.[1]
  t.ok(script && existsSync(join(projectRoot, script)), `npm run build runs ${script}`)
  t.match(readFileSync(join(projectRoot, script!), 'utf8'), /from 'esbuild'/, 'and bundles with esbuild')
  const build = stages[0]
  t.match(build, new RegExp(`^COPY ${script!.replace(/\./g, '\\.')} `, 'm'), 'the build stage copies the build script')
  t.match(build, /^RUN npm run build$/m)
  // The build compiles data/ (dist/dataset.compiled.json); under deploy/'s read-only root the server cannot write it.
  const copiesData = build.search(/^COPY data \.\/data$/m)
  t.ok(copiesData >= 0 && copiesData < build.search(/^RUN npm run build$/m), 'the build stage has data/ before it builds, to compile it')
  t.match(runtime, /^COPY data \.\/data$/m, 'and the runtime stage ships the same data/ the build compiled')
  t.match(runtime, /^COPY --from=\S+ \/app\/dist \.\/dist$/m, 'the runtime stage takes dist/ from it')
  // .dockerignore must not drop what the build stage copies.
  const ignored = readFileSync(join(projectRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean)
  const kept = (path: string) => ignored.reduce((out, rule) => {
    const negated = rule.startsWith('!')
    const pattern = new RegExp(`^${(negated ? rule.slice(1) : rule).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}(/|$)`)
    return pattern.test(path) ? negated : out
  }, true)
  for (const path of [script!, 'src/server.ts', 'schemas', 'package.json', 'data']) t.ok(kept(path), `${path} reaches the build context`)
  t.notOk(kept('node_modules'), 'node_modules does not')
})

t.test('the HEALTHCHECK probes a route the server answers', async (t) => {
  const healthcheck = all('HEALTHCHECK').join(' ')
  const path = /\/healthz\b/.exec(healthcheck)?.[0]
  t.equal(path, '/healthz')
  const app = await buildTestApp()
  t.teardown(() => app.close())
  t.equal((await app.inject(path!)).statusCode, 200)
})

t.test('.dockerignore keeps local state out of the build context', async (t) => {
  const ignored = readFileSync(join(projectRoot, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim())
  for (const entry of ['node_modules', 'dist', '.git']) t.ok(ignored.includes(entry), entry)
})
