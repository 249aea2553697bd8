// npm run bench -- --scale 100 (or --scale 1,10,100): the service on a dataset N times today's (bench/scale-data.ts)
// — start-up, memory, uncached search and filtered-list latency, and the rate of cached answers — to see how each
// grows with the data. With several factors the figures go into docs/performance.md ("Growth").
import autocannon from 'autocannon'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort } from '../scripts/free-port.js'
import { scaledData } from './scale-data.js'
import { buildService, cpuTimeOf, loadAverage, median, memoryOf, percentile, pinned, root, sleep, start, stop, waitFor200 } from './processes.js'

const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 3)
const UNCACHED = Number(process.env.BENCH_UNCACHED ?? 300)
const CACHED_SECONDS = Number(process.env.BENCH_DURATION ?? 5)

export interface ScaleFigures {
  factor: number
  counts: { cases: number; terms: number; provisions: number }
  dataMb: number
  /** Starts that read the compiled dataset (src/data/compiled-dataset.ts), as every start after the first does. */
  coldStartsMs: number[]
  /** CPU time the process used up to its first 200: steadier than wall-clock time on a busy machine. */
  startCpuMs: number[]
  /** The first start on new data: no compiled dataset yet, so data/ is parsed and checked whole (and compiled). */
  fullLoadStartMs: number
  fullLoadStartCpuMs: number
  /** Spawn to the first search answered: the search index is completed after the server listens. */
  searchReadyMs: number[]
  rssAfterStartMb: number
  search: { p50: number; p99: number; max: number }
  list: { p50: number; p99: number; max: number }
  cachedSearchRps: number
  cachedListRps: number
  rssAfterMb: number
  hwmMb: number
}

/** Sequential GETs of distinct URLs (so that none is answered from the cache), timed one by one, in ms. */
async function latencies (urls: string[]): Promise<{ p50: number; p99: number; max: number }> {
  const times: number[] = []
  for (const url of urls) {
    const began = performance.now()
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } })
    await response.arrayBuffer()
    times.push(performance.now() - began)
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`)
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times) }
}

async function cachedRate (url: string): Promise<number> {
  await fetch(url)
  const result = await autocannon({ url, connections: 10, duration: CACHED_SECONDS })
  return result.requests.average
}

async function measure (entry: string, factor: number): Promise<ScaleFigures> {
  console.log(`\n× ${factor}: generating the dataset …`)
  const scaled = factor === 1 ? undefined : scaledData(join(root, 'data'), factor)
  const dataDir = scaled?.dir ?? join(root, 'data')
  const dataMb = megabytesIn(dataDir)
  // The build compiled data/ (1×). Generated data get a compiled file of their own, which their first start writes
  // once it listens: that start is measured apart, as what a replica pays after a data change that skipped the build.
  const compiled = scaled ? `${scaled.dir}.compiled.json` : undefined
  try {
    const env = { LOG_LEVEL: 'warn', NODE_ENV: 'production', RATE_LIMIT_MAX: '0', DATA_DIR: dataDir, ...(compiled && { COMPILED_DATASET: compiled }) }
    const coldStartsMs: number[] = []
    const searchReadyMs: number[] = []
    const startCpuMs: number[] = []
    let fullLoadStartMs = 0
    let fullLoadStartCpuMs = 0
    let service
    let port = 0
    for (let i = compiled ? 0 : 1; i <= COLD_STARTS; i++) {
      port = await freePort()
      const began = performance.now()
      service = start('node', [entry], { ...env, PORT: String(port) })
      await waitFor200(`http://127.0.0.1:${port}/v1/notice-types/red`, service, 120_000)
      const wall = performance.now() - began
      const cpu = cpuTimeOf(service.pid!)
      if (i === 0) {
        fullLoadStartMs = wall
        fullLoadStartCpuMs = cpu
        while (!existsSync(compiled!)) await sleep(50)
        await stop(service)
        continue
      }
      coldStartsMs.push(wall)
      startCpuMs.push(cpu)
      if ((await fetch(`http://127.0.0.1:${port}/v1/search?q=notice&limit=1`)).status !== 200) throw new Error('search failed')
      searchReadyMs.push(performance.now() - began)
      if (i < COLD_STARTS) await stop(service)
    }
    const base = `http://127.0.0.1:${port}`
    const rssAfterStartMb = memoryOf(service!.pid!).rssMb

    // Queries from the dataset's own words: glossary names and case requesters.
    const meta = await (await fetch(`${base}/v1/meta`)).json() as { counts: Record<string, number> }
    const terms = await (await fetch(`${base}/v1/terms?limit=100`)).json() as { data: Array<{ labels?: { en?: string }; name?: string }> }
    const words = [...new Set(terms.data.flatMap((t) => String(t.labels?.en ?? t.name ?? '').toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 4))]
    const cases = await (await fetch(`${base}/v1/cases?limit=100`)).json() as { data: Array<{ requester?: { country?: string; entity?: string } }> }
    const requesters = [...new Set(cases.data.map((c) => c.requester?.country ?? c.requester?.entity).filter(Boolean))] as string[]
    // Distinct URLs: every query with its own page size, so that each is computed, not served from the cache.
    const searchUrls = (n: number, from: number) => Array.from({ length: n }, (_, i) =>
      `${base}/v1/search?q=${encodeURIComponent(words[(i + from) % words.length])}&limit=${1 + ((i + from) % 100)}&offset=${Math.floor((i + from) / 100)}`)
    const listUrls = (n: number, from: number) => Array.from({ length: n }, (_, i) =>
      `${base}/v1/cases?requester=${requesters[(i + from) % requesters.length]}&limit=${1 + ((i + from) % 100)}&offset=${Math.floor((i + from) / 100)}`)
    // Warm-up on other URLs: the first request of a route compiles its validator and serializer.
    await latencies([...searchUrls(20, 50_000), ...listUrls(20, 50_000)])
    const search = await latencies(searchUrls(UNCACHED, 0))
    const list = await latencies(listUrls(UNCACHED, 0))
    const cachedSearchRps = await cachedRate(`${base}/v1/search?q=article%203`)
    const cachedListRps = await cachedRate(`${base}/v1/cases?requester=IR`)
    const memory = memoryOf(service!.pid!)
    await stop(service!)
    const counts = scaled?.counts ?? { cases: meta.counts.cases, terms: meta.counts.terms, provisions: meta.counts.provisions }
    const figures: ScaleFigures = {
      factor,
      counts: counts as ScaleFigures['counts'],
      dataMb,
      coldStartsMs,
      searchReadyMs,
      startCpuMs,
      fullLoadStartMs,
      fullLoadStartCpuMs,
      rssAfterStartMb,
      search,
      list,
      cachedSearchRps,
      cachedListRps,
      rssAfterMb: memory.rssMb,
      hwmMb: memory.hwmMb
    }
    console.log(row(figures))
    return figures
  } finally {
    if (scaled) rmSync(scaled.dir, { recursive: true, force: true })
    if (compiled) rmSync(compiled, { force: true })
  }
}

/** Size of the data files the service reads at start-up. */
function megabytesIn (dir: string): number {
  let bytes = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.yaml')) bytes += statSync(join(entry.parentPath, entry.name)).size
  }
  return bytes / 1024 / 1024
}

const ms = (n: number) => n < 10 ? n.toFixed(1) : Math.round(n).toString()
const int = (n: number) => Math.round(n).toLocaleString('en-US')
const HEADER = '| data | cases / terms / provisions | YAML | first start on new data (CPU) | start-up (median) | its CPU time | first search | RSS after start | search p50 / p99 (uncached) | filtered list p50 / p99 (uncached) | cached search req/s | cached list req/s | RSS after load (peak) |\n' +
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
function row (f: ScaleFigures): string {
  const firstStart = f.factor === 1 ? 'compiled by the build' : `${int(f.fullLoadStartMs)} ms (${int(f.fullLoadStartCpuMs)} ms)`
  return `| ${f.factor}× | ${int(f.counts.cases)} / ${int(f.counts.terms)} / ${int(f.counts.provisions)} | ${f.dataMb.toFixed(1)} MB | ${firstStart} | ` +
    `${int(median(f.coldStartsMs))} ms (${f.coldStartsMs.map(int).join(', ')}) | ${int(median(f.startCpuMs))} ms | ${int(median(f.searchReadyMs))} ms | ${f.rssAfterStartMb.toFixed(0)} MB | ` +
    `${ms(f.search.p50)} / ${ms(f.search.p99)} ms | ${ms(f.list.p50)} / ${ms(f.list.p99)} ms | ` +
    `${int(f.cachedSearchRps)} | ${int(f.cachedListRps)} | ${f.rssAfterMb.toFixed(0)} MB (${f.hwmMb.toFixed(0)}) |`
}

function goals (f: ScaleFigures): string {
  const check = (name: string, value: number, bound: number, unit: string) =>
    `| ${name} | ${unit === 'ms' ? int(value) : value.toFixed(0)} ${unit} | ${value < bound ? 'met' : 'missed'} | ${Math.abs(bound - value).toFixed(0)} ${unit} ${value < bound ? 'under' : 'over'} |`
  return `| goal at ${f.factor}× (issue 13) | measured | | margin |\n|---|---:|---|---:|\n` + [
    check('start-up < 3 s', median(f.coldStartsMs), 3000, 'ms'),
    ...(f.factor === 1 ? [] : [check('start-up < 3 s, first start on new data (no compiled dataset yet)', f.fullLoadStartMs, 3000, 'ms')]),
    check('start-up < 3 s, counted in CPU time', median(f.startCpuMs), 3000, 'ms'),
    check('RSS < 300 MB (after start)', f.rssAfterStartMb, 300, 'MB'),
    check('RSS < 300 MB (peak under load)', f.hwmMb, 300, 'MB'),
    `| uncached search p99 < 20 ms | ${ms(f.search.p99)} ms | ${f.search.p99 < 20 ? 'met' : 'missed'} | ${ms(Math.abs(20 - f.search.p99))} ms ${f.search.p99 < 20 ? 'under' : 'over'} |`
  ].join('\n')
}

export async function scaleBenchmark (factors: number[]) {
  if (pinned) (await import('node:child_process')).spawnSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  const loadBefore = loadAverage()
  const entry = await buildService()
  const all: ScaleFigures[] = []
  for (const factor of factors) all.push(await measure(entry, factor))
  const loadAfter = loadAverage()
  const largest = all[all.length - 1]
  const text = `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Node ${process.version}, ` +
    `${pinned ? 'service pinned to CPU 0, client on CPU 1' : 'no CPU pinning'}; start-up is spawn to the first 200 of ` +
    `\`/v1/notice-types/red\`, median of ${COLD_STARTS} starts reading the compiled dataset; "first start on new data" is the one start before it exists (data/ parsed and checked whole, as after a data change that skipped the build; 1×: the build compiled data/); uncached latencies over ${UNCACHED} distinct URLs each, one at a ` +
    `time; "first search" is spawn to the first search answered (the index is completed after the server listens); cached rates with 10 connections for ${CACHED_SECONDS} s. Load average before: ${loadBefore}; after: ${loadAfter}.\n\n` +
    `${HEADER}\n${all.map(row).join('\n')}\n\n${goals(largest)}\n`
  console.log(`\n${text}`)
  if (factors.length < 2 || process.argv.includes('--quick')) {
    console.log('One factor or --quick: docs/performance.md left unchanged (run --scale 1,10,100 to rewrite its figures).')
    return
  }
  const docPath = join(root, 'docs', 'performance.md')
  const BEGIN = '<!-- scale:begin (written by npm run bench -- --scale 1,10,100) -->'
  const END = '<!-- scale:end -->'
  const doc = readFileSync(docPath, 'utf8')
  if (!doc.includes(BEGIN)) {
    console.log('docs/performance.md has no scale markers: figures not written.')
    return
  }
  const [before, rest] = doc.split(BEGIN)
  writeFileSync(docPath, `${before}${BEGIN}\n${text}${END}${rest.split(END)[1] ?? ''}`)
  console.log(`figures written to ${docPath}`)
}
