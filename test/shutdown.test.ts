// Graceful shutdown on the real process (src/server.ts): on SIGTERM readiness turns false, a request already in
// flight completes, new connections are refused, and the process exits 0 within CLOSE_GRACE_MS.
import t from 'tap'
import { spawn } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { projectRoot } from '../src/paths.js'

const CLOSE_GRACE_MS = 5000

/** A raw HTTP/1.1 exchange whose request is written in parts, so that it can be in flight across the signal. */
function rawExchange (port: number) {
  const socket: Socket = connect(port, '127.0.0.1')
  let received = ''
  socket.on('data', (chunk) => { received += chunk })
  socket.on('error', () => {})
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  /** Resolves with status, headers and body once the whole response (Content-Length) has arrived. */
  const response = new Promise<{ status: number, headers: string, body: string }>((resolve) => {
    const check = () => {
      const end = received.indexOf('\r\n\r\n')
      if (end < 0) return
      const head = received.slice(0, end)
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0)
      const body = received.slice(end + 4)
      if (Buffer.byteLength(body) >= length) resolve({ status: Number(head.split(' ')[1]), headers: head, body })
    }
    socket.on('data', check)
  })
  return { socket, connected, closed, response, write: (text: string) => new Promise<void>((resolve) => socket.write(text, () => resolve())) }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

t.test('SIGTERM: readiness turns false, the in-flight request completes, the process exits 0', async (t) => {
  // The node process itself (not npm, which would need its own signal handling), from source: `npm start`
  // would rebuild dist/.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CLOSE_GRACE_MS: String(CLOSE_GRACE_MS) },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  let output = ''
  const lines: Array<(line: string) => void> = []
  child.stdout.on('data', (chunk) => {
    output += chunk
    for (const listener of lines) listener(output)
  })
  child.stderr.on('data', (chunk) => { output += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const logged = (pattern: RegExp, ms: number) => new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no log line ${pattern} within ${ms} ms; output: ${output}`)), ms)
    const listener = (text: string) => {
      const match = pattern.exec(text)
      if (match) { clearTimeout(timer); resolve(match) }
    }
    lines.push(listener)
    listener(output)
  })

  const port = Number((await logged(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/, 60_000))[1])
  t.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200, 'ready before the signal')

  // In flight: an assessment whose headers have arrived and whose body is still coming.
  const body = JSON.stringify({
    noticeType: 'red',
    requester: { country: 'FR' },
    subject: { roles: ['private-individual'] },
    offence: { summary: 'Murder', categories: ['murder'], context: ['ordinary-criminal'], maxPenaltyMonths: 360 },
    judicial: { arrestWarrant: true }
  })
  const inFlight = rawExchange(port)
  await inFlight.connected
  await inFlight.write(`POST /v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`)
  // A readiness probe already connected whose request completes after the signal, as a load balancer's would.
  const probe = rawExchange(port)
  await probe.connected
  await probe.write('GET /readyz HTTP/1.1\r\nHost: localhost\r\n')
  await sleep(200)

  const signalled = Date.now()
  child.kill('SIGTERM')
  await logged(/"msg":"shutting down"/, 5000)
  await sleep(100)

  await probe.write('\r\n')
  const ready = await probe.response
  t.equal(ready.status, 503, 'readiness is false once shutdown has begun')
  t.match(ready.headers, /content-type: application\/problem\+json/i)
  t.match(JSON.parse(ready.body), { code: 'service-unavailable', detail: /shutting down/ })

  await t.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'new connections are refused')

  await inFlight.write(body.slice(20))
  const assessed = await inFlight.response
  t.equal(assessed.status, 200, 'the in-flight request completes')
  t.match(JSON.parse(assessed.body), { verdict: String })
  inFlight.socket.end()
  probe.socket.end()

  const code = await Promise.race([exited, sleep(CLOSE_GRACE_MS + 2000).then(() => 'still running')])
  t.equal(code, 0, 'the process exits 0')
  t.ok(Date.now() - signalled < CLOSE_GRACE_MS, `exited ${Date.now() - signalled} ms after SIGTERM, within CLOSE_GRACE_MS`)
  t.notMatch(output, /"level":(50|60)/, 'no error was logged')
})
