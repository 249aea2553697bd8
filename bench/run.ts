// npm run bench: the service against its two ceilings in one interleaved session, on this machine.
//   (a) the service, compiled, LOG_LEVEL=warn, rate limit raised out of the way;
//   (b) bare Fastify answering a constant body the size of the Red Notice record (bench/bare-fastify.ts);
//   (c) nginx serving those same bytes as a static file.
// Servers are pinned to CPU 0 and this process (autocannon) to CPU 1 when `taskset` exists, so each side gets a
// core. The host is noisy: compare the ratios within one run, not req/s across runs (docs/performance.md).
import autocannon from 'autocannon'
import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../scripts/free-port.js'
import { buildService, children, cpuTimeOf, loadAverage, median, memoryOf, pinned, root, start, stop, waitFor200 } from './processes.js'

// `--quick`: a smoke run of a few seconds that leaves docs/performance.md alone; `--scale N` (or `--scale 1,10,100`):
// the growth benchmark instead (bench/scale.ts).
const QUICK = process.argv.includes('--quick')
const scaleArgument = process.argv[process.argv.indexOf('--scale') + 1]
const SCALE = process.argv.includes('--scale') ? String(scaleArgument ?? '').split(',').map(Number) : undefined
const DURATION = Number(process.env.BENCH_DURATION ?? (QUICK ? 2 : 10))
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const WARMUP = Number(process.env.BENCH_WARMUP ?? (QUICK ? 1 : 3))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 2))
const COLD_STARTS = 5
// src/config.ts: RATE_LIMIT_MAX=0 turns the per-client rate limit off, so that the load generator (one client) is
// not throttled; load shedding (under-pressure) stays on as in production.
const UNTHROTTLED = { RATE_LIMIT_MAX: '0' }

function nginxBinary (): string {
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim().split('\n')[0]
  if (found) return found
  console.log('nginx is missing: apt-get install -y nginx …')
  execFileSync('apt-get', ['install', '-y', 'nginx'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  return '/usr/sbin/nginx'
}

function nginxConfig (dir: string, port: number): string {
  // One worker, as the other targets get one core; no access log, as the service logs at warn.
  return `worker_processes 1;
daemon off;
master_process on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000; keepalive_timeout 65;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location / { types {} default_type "application/json; charset=utf-8"; }
  }
}
`
}

interface Target { name: string; group: 'service' | 'ceiling'; url: string; options?: Partial<autocannon.Options>; expect: number }
interface Sample { reqs: number; p50: number; p99: number; unexpected: number }

async function load (target: Target, seconds: number): Promise<Sample> {
  // includeErrorStats: otherwise autocannon records latencies of 2xx answers only, and a 304 has none.
  const result = await autocannon({ url: target.url, connections: CONNECTIONS, duration: seconds, includeErrorStats: true, ...target.options } as autocannon.Options)
  const expected = result.statusCodeStats?.[String(target.expect) as `${number}`]?.count ?? 0
  return {
    reqs: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    unexpected: result.requests.total - expected + result.errors + result.timeouts
  }
}

async function main () {
  if (SCALE) {
    if (SCALE.length === 0 || SCALE.some((factor) => !Number.isInteger(factor) || factor < 1 || factor > 1000)) {
      throw new Error('--scale takes a factor or a comma-separated list of them, each 1 to 1000: --scale 100, --scale 1,10,100')
    }
    return (await import('./scale.js')).scaleBenchmark(SCALE)
  }
  if (pinned) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  const loadBefore = loadAverage()
  const entry = await buildService()
  const tmp = mkdtempSync(join(tmpdir(), 'notice-bench-'))
  const serviceEnv = { LOG_LEVEL: 'warn', NODE_ENV: 'production', ...UNTHROTTLED }

  // Cold start to the first 200 of a record, data validation included; the last start stays up for the load.
  const coldStarts: number[] = []
  const coldStartCpu: number[] = []
  let service: ChildProcess | undefined
  let servicePort = 0
  for (let i = 0; i < COLD_STARTS; i++) {
    servicePort = await freePort()
    const began = performance.now()
    service = start('node', [entry], { ...serviceEnv, PORT: String(servicePort) })
    await waitFor200(`http://127.0.0.1:${servicePort}/v1/notice-types/red`, service)
    coldStarts.push(performance.now() - began)
    coldStartCpu.push(cpuTimeOf(service.pid!))
    if (i < COLD_STARTS - 1) await stop(service)
  }
  const base = `http://127.0.0.1:${servicePort}`

  // autocannon asks for no content coding, so the validator to revalidate with is the identity body's.
  const red = await fetch(`${base}/v1/notice-types/red`, { headers: { 'accept-encoding': 'identity' } })
  const redBody = Buffer.from(await red.arrayBuffer())
  const etag = red.headers.get('etag') ?? ''
  const examples = await (await fetch(`${base}/v1/assessments/examples`)).json() as { data: Array<{ id: string; request: unknown }> }
  const iran = examples.data.find((example) => /iran/i.test(example.id)) ?? examples.data[0]

  // (b) and (c) serve the very bytes of the record.
  const bodyFile = join(tmp, 'red.json')
  writeFileSync(bodyFile, redBody)
  const barePort = await freePort()
  const bare = start('node', ['--import', 'tsx', join(root, 'bench', 'bare-fastify.ts')], { BODY_FILE: bodyFile, PORT: String(barePort) })
  await waitFor200(`http://127.0.0.1:${barePort}/red.json`, bare)

  const nginxDir = join(tmp, 'nginx')
  mkdirSync(join(nginxDir, 'www'), { recursive: true })
  mkdirSync(join(nginxDir, 'tmp'))
  copyFileSync(bodyFile, join(nginxDir, 'www', 'red.json'))
  // nginx workers run as an unprivileged user when started as root: they must be able to read the temp tree.
  for (const path of [tmp, nginxDir, join(nginxDir, 'www'), join(nginxDir, 'tmp')]) chmodSync(path, 0o755)
  chmodSync(join(nginxDir, 'www', 'red.json'), 0o644)
  const nginxPort = await freePort()
  writeFileSync(join(nginxDir, 'nginx.conf'), nginxConfig(nginxDir, nginxPort))
  const nginx = start(nginxBinary(), ['-c', join(nginxDir, 'nginx.conf'), '-p', nginxDir], {})
  await waitFor200(`http://127.0.0.1:${nginxPort}/red.json`, nginx)
  const nginxVersion = spawnSync(nginxBinary(), ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '')

  const targets: Target[] = [
    { name: '(b) bare Fastify, constant body', group: 'ceiling', url: `http://127.0.0.1:${barePort}/red.json`, expect: 200 },
    { name: '(c) nginx, static file', group: 'ceiling', url: `http://127.0.0.1:${nginxPort}/red.json`, expect: 200 },
    { name: 'GET /v1/notice-types/red', group: 'service', url: `${base}/v1/notice-types/red`, expect: 200 },
    { name: 'GET /v1/notice-types/red, 304', group: 'service', url: `${base}/v1/notice-types/red`, options: { headers: { 'if-none-match': etag } }, expect: 304 },
    { name: 'GET /v1/cases?requester=IR', group: 'service', url: `${base}/v1/cases?requester=IR`, expect: 200 },
    { name: 'GET /v1/search?q=article%203', group: 'service', url: `${base}/v1/search?q=article%203`, expect: 200 },
    {
      name: 'POST /v1/assessments (Iran)',
      group: 'service',
      url: `${base}/v1/assessments`,
      options: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(iran.request) },
      expect: 200
    }
  ]

  const samples = new Map<string, Sample[]>(targets.map((target) => [target.name, []]))
  const ratios = new Map<string, { bare: number[]; nginx: number[] }>(targets.map((target) => [target.name, { bare: [], nginx: [] }]))
  for (let round = 1; round <= ROUNDS; round++) {
    const byName = new Map<string, Sample>()
    for (const target of targets) {
      if (WARMUP > 0) await load(target, WARMUP)
      const sample = await load(target, DURATION)
      byName.set(target.name, sample)
      samples.get(target.name)!.push(sample)
      console.log(`round ${round}  ${target.name.padEnd(34)} ${Math.round(sample.reqs).toString().padStart(7)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms${sample.unexpected ? `  ${sample.unexpected} unexpected answers` : ''}`)
    }
    for (const target of targets) {
      ratios.get(target.name)!.bare.push(byName.get(target.name)!.reqs / byName.get(targets[0].name)!.reqs)
      ratios.get(target.name)!.nginx.push(byName.get(target.name)!.reqs / byName.get(targets[1].name)!.reqs)
    }
  }

  const loadAfter = loadAverage()
  const { rssMb, hwmMb } = memoryOf(service!.pid!)
  // The service's own RSS excludes the bare server and nginx, which are separate processes.
  for (const child of [nginx, bare, service!]) await stop(child)
  rmSync(tmp, { recursive: true, force: true })

  const rows = targets.map((target) => {
    const list = samples.get(target.name)!
    const r = ratios.get(target.name)!
    return {
      target,
      reqs: median(list.map((s) => s.reqs)),
      p50: Math.max(...list.map((s) => s.p50)),
      p99: Math.max(...list.map((s) => s.p99)),
      unexpected: list.reduce((sum, s) => sum + s.unexpected, 0),
      toBare: median(r.bare),
      toNginx: median(r.nginx),
      perRound: list.map((s) => Math.round(s.reqs))
    }
  })
  const cold = median(coldStarts)
  const row = (name: string) => rows.find((r) => r.target.name === name)!

  const goals = [
    goal('record GET ≥ 0.9× bare Fastify', row(targets[2].name).toBare, 0.9, 'ratio'),
    goal('304 revalidation ≥ 1.0× bare Fastify', row(targets[3].name).toBare, 1.0, 'ratio'),
    goal('filtered list ≥ 0.7× bare Fastify', row(targets[4].name).toBare, 0.7, 'ratio'),
    goal('search ≥ 0.5× bare Fastify', row(targets[5].name).toBare, 0.5, 'ratio'),
    goal('assessment ≥ 0.3× bare Fastify', row(targets[6].name).toBare, 0.3, 'ratio'),
    ...rows.filter((r) => r.target.group === 'service' && !r.target.name.startsWith('POST'))
      .map((r) => goal(`p99 < 10 ms: ${r.target.name}`, r.p99, 10, 'below', 'ms')),
    goal('cold start to first 200 < 1 s', cold, 1000, 'below', 'ms'),
    goal('RSS after the run < 150 MB', rssMb, 150, 'below', 'MB')
  ]

  const fmt = (n: number, digits = 2) => n.toFixed(digits)
  const table = [
    '| target | req/s (median) | per round | p50 ms | p99 ms | × (b) bare Fastify | × (c) nginx |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.target.name}${r.unexpected ? ` (${r.unexpected} unexpected answers)` : ''} | ${Math.round(r.reqs).toLocaleString('en-US')} | ${r.perRound.map((n) => n.toLocaleString('en-US')).join(' / ')} | ${r.p50} | ${r.p99} | ${fmt(r.toBare)} | ${fmt(r.toNginx)} |`)
  ].join('\n')
  const goalLines = goals.map((g) => `| ${g.name} | ${g.value} | ${g.met ? 'met' : 'missed'} | ${g.margin} |`).join('\n')
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown CPU'
  const figures = `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Node ${process.version}, ${nginxVersion}, ` +
    `${cpu} (${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} vCPUs), ` +
    `${CONNECTIONS} connections, ${DURATION} s per run after a ${WARMUP} s warm-up, ${ROUNDS} interleaved rounds, ` +
    `${pinned ? 'servers pinned to CPU 0 and autocannon to CPU 1' : 'no CPU pinning (taskset missing)'}. ` +
    `Body: the Red Notice record, ${redBody.length.toLocaleString('en-US')} bytes, identity coding. ` +
    `Load average (1, 5, 15 min) before the run: ${loadBefore}; at its end: ${loadAfter} (the benchmark itself keeps two ` +
    'cores busy, so anything above 2 is other work).\n\n' +
    `${table}\n\n` +
    `req/s is the median over rounds; the ratios are computed within each round, then the median taken; p50/p99 are ` +
    `the worst round's (autocannon, 1 ms resolution).\n\n` +
    `- Cold start to the first 200 of \`/v1/notice-types/red\` (spawn, data loaded and validated, listening): ` +
    `**${Math.round(cold)} ms** (median of ${COLD_STARTS}: ${coldStarts.map((ms) => Math.round(ms)).join(', ')} ms); ` +
    `the CPU time the process used until then: ${Math.round(median(coldStartCpu))} ms (median), which other work on the machine moves less than the wall-clock time.\n` +
    `- Service RSS after the run: **${fmt(rssMb, 1)} MB** (peak VmHWM ${fmt(hwmMb, 1)} MB).\n\n` +
    '| goal (issue 6) | measured | | margin |\n|---|---:|---|---:|\n' + goalLines + '\n'

  console.log(`\n${figures}`)
  if (QUICK || DURATION < 10 || CONNECTIONS !== 10 || ROUNDS < 2) {
    console.log('Shortened settings (--quick or BENCH_* overrides): docs/performance.md left unchanged.')
    return
  }
  const docPath = join(root, 'docs', 'performance.md')
  const BEGIN = '<!-- bench:begin (written by npm run bench) -->'
  const END = '<!-- bench:end -->'
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : `# Performance\n\n${BEGIN}\n${END}\n`
  const [before, rest] = doc.split(BEGIN)
  const after = rest?.split(END)[1] ?? ''
  writeFileSync(docPath, `${before}${BEGIN}\n${figures}${END}${after}`)
  console.log(`figures written to ${docPath}`)
}

function goal (name: string, value: number, bound: number, kind: 'ratio' | 'below', unit = '') {
  const met = kind === 'ratio' ? value >= bound : value < bound
  const digits = unit === 'MB' ? 1 : 0
  const shown = kind === 'ratio' ? `${value.toFixed(2)}×` : `${value.toFixed(digits)} ${unit}`
  const margin = kind === 'ratio'
    ? `${value >= bound ? '+' : ''}${((value / bound - 1) * 100).toFixed(0)} % against the bar`
    : `${Math.abs(value - bound).toFixed(digits)} ${unit} ${value < bound ? 'under' : 'over'}`
  return { name, value: shown, met, margin }
}

main().catch(async (error) => {
  console.error(error)
  for (const child of children) await stop(child)
  process.exit(1)
})
