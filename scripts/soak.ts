// npm run soak: the real process, built as `npm run build` builds it (bench/processes.ts), under sustained load:
// 120 s at 50 connections over a mix of every GET operation in openapi.yaml (with the documented examples), the
// service routes and every documented POST example. Prints errors,
// timeouts, non-2xx and 5xx counts, req/s, p99, RSS sampled every second from /proc/<pid>/status and the live heap
// after each full garbage collection (the server runs with --trace-gc), and exits non-zero on any error, timeout or
// 5xx, or on growth of 10 % or more: of the live heap from the first full collection under load to the last, or,
// when fewer than two happened, of RSS from the first to the last 10 s.
//   SOAK_DURATION=15 npm run soak    a quick run (seconds); SOAK_CONNECTIONS overrides the 50 connections.
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { buildService } from '../bench/processes.js'
import { freePort } from './free-port.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const DURATION_S = Number(process.env.SOAK_DURATION ?? 120)
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50)
const WINDOW_S = Math.max(1, Math.min(10, Math.floor(DURATION_S / 3)))
const MAX_GROWTH = 0.10

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

/** `--trace-gc`'s line for a full collection: "… ms: Mark-Compact 75.2 (104.0) -> 30.5 (82.0) MB, …". */
const FULL_GC = / ms: Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every GET operation with its path parameters filled from the documented examples, and a POST per example. */
function requestMix (base: string): autocannon.Request[] {
  const doc = parse(readFileSync(join(root, 'openapi.yaml'), 'utf8')) as Json
  const requests: autocannon.Request[] = []
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    if (item.get) {
      const params: Json[] = item.get.parameters ?? []
      let url = path
      for (const param of params.filter((p) => p.in === 'path')) {
        const value = param.example ?? param.schema?.example ?? param.schema?.enum?.[0]
        if (value === undefined) throw new Error(`${path}: no example for the path parameter ${param.name}`)
        url = url.replace(`{${param.name}}`, encodeURIComponent(String(value)))
      }
      const required = params.filter((p) => p.in === 'query' && p.required)
      // Examples that name the service's own address (oEmbed's url) must name this server.
      const query = required.map((p) => `${p.name}=${encodeURIComponent(String(p.example ?? p.schema?.example ?? '').replace(/^https?:\/\/localhost:\d+/, base))}`)
      requests.push({ method: 'GET', path: query.length ? `${url}?${query.join('&')}` : url })
      // A list also answers a search, the most expensive common query.
      if (params.some((p) => p.in === 'query' && p.name === 'q') && !required.length) requests.push({ method: 'GET', path: `${url}?q=red` })
    }
    const examples = item.post?.requestBody?.content?.['application/json']?.examples
    for (const example of Object.values<Json>(examples ?? {})) {
      requests.push({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(example.value) })
    }
  }
  for (const path of ['/healthz', '/readyz', '/openapi.json', '/docs/']) requests.push({ method: 'GET', path })
  return requests
}

function rssKb (pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) : NaN
}
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length

async function main () {
  const entry = await buildService()
  const port = await freePort()
  // The node process itself, so that /proc/<pid> is the server's. Rate limit off: autocannon is one client.
  // Load shedding stays on as in production: a 503 under this load would be a finding.
  // RSS alone misleads: V8 lets the heap grow for a minute or more under load before its first full collection
  // (measured: 20 → 75 MB, then 30 MB live after every collection), so a 60 s window read that growth as a leak.
  const server = spawn(process.execPath, ['--trace-gc', entry], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const fullCollections: Array<{ at: number; liveMb: number }> = []
  createInterface({ input: server.stdout! }).on('line', (line) => {
    const collection = FULL_GC.exec(line)
    if (collection) fullCollections.push({ at: Date.now(), liveMb: Number(collection[1]) })
    else if (!line.includes(' ms: ')) console.log(line) // the server's own output; other GC lines are dropped
  })
  const stop = () => { if (server.exitCode === null) server.kill('SIGTERM') }
  process.on('exit', () => { if (server.exitCode === null) server.kill('SIGKILL') })

  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; ; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    try { if ((await fetch(`${base}/readyz`)).ok) break } catch { /* not listening yet */ }
    if (attempt > 240) throw new Error('the server did not become ready in 60 s')
    await sleep(250)
  }

  const requests = requestMix(base)
  // Each path once before the load: a wrong example would otherwise hide among thousands of answers.
  for (const request of requests) {
    const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as string | undefined })
    if (!response.ok) throw new Error(`${request.method} ${request.path}: ${response.status} before the load`)
    await response.arrayBuffer()
  }
  console.log(`soak: ${DURATION_S} s at ${CONNECTIONS} connections over ${requests.length} requests (pid ${server.pid})`)

  const samples: number[] = []
  const sampler = setInterval(() => samples.push(rssKb(server.pid!)), 1000)
  const loadBegan = Date.now()
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, requests, timeout: 10 })
  clearInterval(sampler)

  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [Number(code), stat.count ?? 0] as const)
  const count = (test: (status: number) => boolean) => statuses.filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0)
  const fiveHundreds = count((status) => status >= 500)
  const notOk = count((status) => status < 200 || status >= 400)
  const first = mean(samples.slice(0, WINDOW_S))
  const last = mean(samples.slice(-WINDOW_S))
  const rssGrowth = (last - first) / first
  const underLoad = fullCollections.filter((collection) => collection.at >= loadBegan)
  const heapGrowth = underLoad.length >= 2 ? (underLoad.at(-1)!.liveMb - underLoad[0].liveMb) / underLoad[0].liveMb : undefined

  console.log(`requests:        ${result.requests.total} (${Math.round(result.requests.average)} req/s average)`)
  console.log(`latency:         p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
  console.log(`status codes:    ${statuses.map(([status, n]) => `${status}: ${n}`).join(', ')}`)
  console.log(`errors:          ${result.errors}`)
  console.log(`timeouts:        ${result.timeouts}`)
  console.log(`non-2xx/3xx:     ${notOk}`)
  console.log(`5xx:             ${fiveHundreds}`)
  console.log(`RSS (MB):        ${samples.map((kb) => (kb / 1024).toFixed(0)).join(' ')}`)
  console.log(`RSS growth:      ${(first / 1024).toFixed(1)} MB (mean of the first ${WINDOW_S} s) -> ${(last / 1024).toFixed(1)} MB (last ${WINDOW_S} s): ${(rssGrowth * 100).toFixed(1)} %`)
  console.log(`live heap (MB):  ${underLoad.map((collection) => collection.liveMb.toFixed(1)).join(' ') || '-'} (after each full collection under load)`)
  if (heapGrowth !== undefined) {
    console.log(`live heap growth: ${underLoad[0].liveMb.toFixed(1)} MB -> ${underLoad.at(-1)!.liveMb.toFixed(1)} MB: ${(heapGrowth * 100).toFixed(1)} %`)
  } else {
    console.log(`live heap growth: fewer than two full collections under load; judged on RSS`)
  }

  stop()
  const failures = [
    result.errors > 0 && `${result.errors} errors`,
    result.timeouts > 0 && `${result.timeouts} timeouts`,
    fiveHundreds > 0 && `${fiveHundreds} 5xx answers`,
    heapGrowth !== undefined && !(heapGrowth < MAX_GROWTH) && `the live heap grew by ${(heapGrowth * 100).toFixed(1)} % (limit ${MAX_GROWTH * 100} %)`,
    heapGrowth === undefined && !(rssGrowth < MAX_GROWTH) && `RSS grew by ${(rssGrowth * 100).toFixed(1)} % (limit ${MAX_GROWTH * 100} %)`
  ].filter(Boolean)
  if (failures.length) {
    console.error(`soak failed: ${failures.join('; ')}`)
    process.exitCode = 1
  } else {
    console.log(`soak passed: no errors, timeouts or 5xx, and ${heapGrowth === undefined ? 'RSS' : 'live heap'} growth under 10 %`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
