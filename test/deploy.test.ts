// The Kubernetes manifests (deploy/) must agree with the image and the server: the port the Dockerfile exposes and
// the server defaults to, probes on routes the app answers, the image the README builds, the user the image runs as.
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { loadConfig } from '../src/config.js'
import { projectRoot } from '../src/paths.js'
import { buildTestApp } from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string }
const deployDir = join(projectRoot, 'deploy')
const files = readdirSync(deployDir).filter((file) => file.endsWith('.yaml'))
const manifests: Manifest[] = files.flatMap((file) => parseAllDocuments(readFileSync(join(deployDir, file), 'utf8')).map((doc) => {
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`)
  return doc.toJS() as Manifest
}))
// The service's own objects, and those of the shared rate-limit store (redis.yaml), named after it.
const ofKind = (kind: string) => manifests.filter((m) => m.kind === kind && m.metadata?.name === pkg.name)
const redisOfKind = (kind: string) => manifests.filter((m) => m.kind === kind && m.metadata?.name === `${pkg.name}-redis`)

const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8')
const instructions = dockerfile.replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
const runtime = dockerfile.split(/^FROM /m).at(-1) ?? ''
const envOfImage = Object.fromEntries([...runtime.replace(/\\\n/g, ' ').matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1], m[2]]))

const [deployment] = ofKind('Deployment')
const container = deployment?.spec.template.spec.containers[0]
const portByName = (name: string | number) =>
  typeof name === 'number' ? name : (container.ports as Array<{ name: string; containerPort: number }>).find((p) => p.name === name)?.containerPort

t.test('every manifest parses and the set is complete', async (t) => {
  t.ok(files.length >= 4, files.join(', '))
  for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) t.equal(ofKind(kind).length, 1, kind)
  for (const m of manifests) {
    if (m.kind === 'Kustomization') {
      for (const resource of m.resources as string[]) t.ok(files.includes(resource), `kustomization lists ${resource}, which exists`)
      continue
    }
    t.ok(m.metadata.name === pkg.name || m.metadata.name === `${pkg.name}-redis`, `${m.kind} ${m.metadata.name} is named after the package`)
  }
})

t.test('the container listens where the image and the server listen', async (t) => {
  const exposed = instructions.filter((line) => line.startsWith('EXPOSE ')).map((line) => Number(line.split(/\s+/)[1]))
  const defaults = loadConfig({})
  t.same(exposed, [defaults.PORT], 'the Dockerfile exposes the default port')
  t.equal(container.ports[0].containerPort, exposed[0], 'containerPort = EXPOSE')
  const env = Object.fromEntries((container.env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]))
  t.equal(env.PORT, envOfImage.PORT, 'PORT as the image sets it')
  t.equal(Number(env.PORT), exposed[0])
  t.equal(env.HOST, '0.0.0.0', 'reachable from outside the pod')
  t.equal(env.HOST, envOfImage.HOST)
  // Every value the manifest sets must pass the server's own configuration schema.
  t.doesNotThrow(() => loadConfig(env), 'the server accepts the manifest\'s environment')
  const [service] = ofKind('Service')
  t.equal(portByName(service.spec.ports[0].targetPort), exposed[0], 'the Service targets the container port')
  t.same(service.spec.selector, deployment.spec.selector.matchLabels, 'the Service selects the pods')
  t.same(deployment.spec.template.metadata.labels, { ...deployment.spec.template.metadata.labels, ...deployment.spec.selector.matchLabels })
})

t.test('probes: readiness on /readyz, liveness on /healthz (the HEALTHCHECK path), both answered', async (t) => {
  t.equal(container.readinessProbe.httpGet.path, '/readyz')
  t.equal(container.livenessProbe.httpGet.path, '/healthz')
  const healthcheck = instructions.find((line) => line.startsWith('HEALTHCHECK')) ?? ''
  t.match(healthcheck, /\/healthz\b/, 'the Dockerfile probes the same liveness path')
  const app = await buildTestApp()
  t.teardown(() => app.close())
  for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
    const { path, port } = container[probe].httpGet
    t.equal(portByName(port), container.ports[0].containerPort, `${probe} uses the container port`)
    const answer = await app.inject(path)
    t.equal(answer.statusCode, 200, `${probe}: ${path} answers 200`)
    t.equal(answer.headers['cache-control'], 'no-store', `${probe}: ${path} is never cached`)
  }
  app.lifecycle.accepting = false
  t.equal((await app.inject('/readyz')).statusCode, 503, 'readiness turns false at shutdown, liveness does not')
  t.equal((await app.inject('/healthz')).statusCode, 200)
  const graceMs = Number((container.env as Array<{ name: string; value: string }>).find((e) => e.name === 'CLOSE_GRACE_MS')?.value ?? loadConfig({}).CLOSE_GRACE_MS)
  t.ok(deployment.spec.template.spec.terminationGracePeriodSeconds * 1000 > graceMs, 'Kubernetes waits longer than the server\'s own grace period')
})

t.test('the image is the one the README builds, run as the Dockerfile\'s non-root user', async (t) => {
  const [repository, tag] = String(container.image).split(':')
  t.equal(repository.split('/').at(-1), pkg.name)
  t.equal(tag, pkg.version, 'tagged with the package version')
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  t.match(readme, new RegExp(`docker build -t ${pkg.name}\\b`), 'the README builds that image name')
  t.match(runtime, /^USER node$/m)
  const pod = deployment.spec.template.spec.securityContext
  t.equal(pod.runAsNonRoot, true)
  t.equal(pod.runAsUser, 1000, 'uid of `node` in the official Node images')
  t.equal(container.securityContext.readOnlyRootFilesystem, true)
  t.equal(container.securityContext.allowPrivilegeEscalation, false)
  t.same(container.securityContext.capabilities.drop, ['ALL'])
  t.match(dockerfile, /CMD \["node", "dist\/src\/server\.js"\]/, 'no npm at run time, which would write its cache and logs')
})

t.test('resources, autoscaling and disruption budget fit together', async (t) => {
  const mib = (value: string) => Number(/^(\d+)Mi$/.exec(value)?.[1])
  const { requests, limits } = container.resources
  // docs/performance.md: about 150 MB after start, up to about 240 MB under load.
  t.ok(mib(requests.memory) >= 150, 'the request covers the RSS after start')
  t.ok(mib(limits.memory) >= 256, 'the limit covers the peak under load')
  t.ok(mib(limits.memory) > mib(requests.memory))
  t.ok(requests.cpu, 'a CPU request, which the HPA\'s utilisation is measured against')
  const [hpa] = ofKind('HorizontalPodAutoscaler')
  t.equal(hpa.spec.scaleTargetRef.name, deployment.metadata.name)
  t.equal(hpa.spec.scaleTargetRef.kind, 'Deployment')
  t.ok(hpa.spec.minReplicas >= 2, 'two replicas at least, so one can be drained')
  t.ok(hpa.spec.maxReplicas > hpa.spec.minReplicas)
  const [pdb] = ofKind('PodDisruptionBudget')
  t.same(pdb.spec.selector.matchLabels, deployment.spec.selector.matchLabels)
  t.ok(pdb.spec.minAvailable < hpa.spec.minReplicas, 'the budget leaves a drain possible at the minimum replica count')
})

t.test('the shared rate-limit store: the URL the pods use reaches the Redis the manifests run, and only them', async (t) => {
  const env = Object.fromEntries((container.env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]))
  const url = new URL(env.RATE_LIMIT_REDIS_URL)
  t.equal(loadConfig(env).RATE_LIMIT_REDIS_URL, env.RATE_LIMIT_REDIS_URL, 'the server accepts the URL')
  const [redisDeployment] = redisOfKind('Deployment')
  const [redisService] = redisOfKind('Service')
  const [policy] = redisOfKind('NetworkPolicy')
  t.ok(redisDeployment && redisService && policy, 'a Redis Deployment, Service and NetworkPolicy')
  t.equal(url.hostname, redisService.metadata.name, 'the URL names the Redis Service')
  t.equal(Number(url.port), redisService.spec.ports[0].port, 'on its port')
  const redis = redisDeployment.spec.template.spec.containers[0]
  const named = (redis.ports as Array<{ name: string; containerPort: number }>).find((p) => p.name === redisService.spec.ports[0].targetPort)
  t.equal(named?.containerPort, 6379, 'the Service targets the Redis port')
  t.same(redisService.spec.selector, redisDeployment.spec.selector.matchLabels, 'the Service selects the Redis pod')
  t.same(redisDeployment.spec.template.metadata.labels, { ...redisDeployment.spec.template.metadata.labels, ...redisDeployment.spec.selector.matchLabels })
  // The API's Service, HPA and PDB select by name: Redis pods must not be taken for API pods.
  t.not(redisDeployment.spec.selector.matchLabels['app.kubernetes.io/name'], deployment.spec.selector.matchLabels['app.kubernetes.io/name'])
  t.match(redis.args.join(' '), /--save\s+--appendonly no/, 'no persistence: counters expire within a window')
  t.equal(redis.securityContext.readOnlyRootFilesystem, true)
  t.equal(redisDeployment.spec.template.spec.securityContext.runAsNonRoot, true)
  t.same(policy.spec.podSelector.matchLabels, redisDeployment.spec.selector.matchLabels, 'the policy guards the Redis pod')
  t.same(policy.spec.ingress[0].from[0].podSelector.matchLabels, deployment.spec.selector.matchLabels, 'and admits the API pods only')
})
