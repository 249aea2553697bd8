// What both benchmarks (bench/run.ts, bench/scale.ts) need: the service built as production runs it, processes
// pinned to a core, a wait for the first 200, and a median.
import { spawn, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildServer } from '../scripts/build.js'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export const pinned = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset')
const onCore = (core: number, command: string, args: string[]) =>
  pinned ? ['taskset', ['-c', String(core), command, ...args]] as const : [command, args] as const

export const children: ChildProcess[] = []
/** A server process on CPU 0 (the load generator runs on CPU 1); its stderr goes to ours. */
export function start (command: string, args: string[], env: Record<string, string>, cwd = root): ChildProcess {
  const [cmd, argv] = onCore(0, command, args)
  const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  child.stderr?.on('data', (chunk) => process.stderr.write(chunk))
  children.push(child)
  return child
}
export async function stop (child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, sleep(5000)])
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}
process.on('exit', () => { for (const child of children) if (child.exitCode === null) child.kill('SIGKILL') })

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
export async function waitFor200 (url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`)
    try {
      if ((await fetch(url)).status === 200) return
    } catch { /* not listening yet */ }
    await sleep(5)
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`)
}
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** Resident set size of a process, current and peak, in MB. */
export function memoryOf (pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN)
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 }
}

/**
 * CPU time a process has used so far (user + system, all its threads), in ms. Unlike wall-clock time it hardly
 * moves when other work shares the cores, so it is the steadier measure of start-up on a busy machine.
 */
export function cpuTimeOf (pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10 // clock ticks of 10 ms (USER_HZ = 100 on Linux)
}

/** Other work on the machine skews every figure; the load average says how much there was. */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

/**
 * The server as production runs it: the esbuild bundle of `npm run build` (scripts/build.ts). Built into
 * node_modules/.cache so that packages left external resolve from the project and the `dist/` of `npm start` is
 * left alone; package.json and data/ are linked in so that src/paths.ts finds them as it would in the project.
 * Returns the entry point.
 */
export async function buildService (): Promise<string> {
  const out = join(root, 'node_modules', '.cache', 'bench-build')
  console.log('building the service (esbuild bundle, as npm run build) …')
  const entry = join(out, 'dist', 'src', 'server.js')
  await buildServer(entry)
  mkdirSync(out, { recursive: true })
  copyFileSync(join(root, 'package.json'), join(out, 'package.json'))
  if (!existsSync(join(out, 'data'))) symlinkSync(join(root, 'data'), join(out, 'data'))
  if (existsSync(join(root, 'openapi.yaml'))) copyFileSync(join(root, 'openapi.yaml'), join(out, 'openapi.yaml'))
  return entry
}
