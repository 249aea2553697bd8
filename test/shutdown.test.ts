// Graceful shutdown on the real process (src/server.ts): on SIGTERM readiness turns false, a request already in
// flight completes, new connections are refused, and the process exits 0 within CLOSE_GRACE_MS.
import t, { type Test } from 'tap'
import { spawn } from 'node:child_process'
import { Agent, request as httpRequest } from 'node:http'
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

  // A new TCP connection (fetch could reuse the keep-alive connection of the probe above, which is still served).
  const refused = await new Promise<string | undefined>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => { socket.destroy(); resolve(undefined) })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code))
  })
  t.equal(refused, 'ECONNREFUSED', 'new connections are refused')

  await inFlight.write(body.slice(20))
  const assessed = await inFlight.response
  t.equal(assessed.status, 200, 'the in-flight request completes')
  t.match(JSON.parse(assessed.body), { verdict: String })
  t.match(assessed.headers, /connection: close/i, 'its answer says Connection: close')
  await inFlight.closed
  t.pass('the server closed the connection after the answer, without waiting for the keep-alive timeout')
  probe.socket.end()

  const code = await Promise.race([exited, sleep(CLOSE_GRACE_MS + 2000).then(() => 'still running')])
  t.equal(code, 0, 'the process exits 0')
  t.ok(Date.now() - signalled < CLOSE_GRACE_MS, `exited ${Date.now() - signalled} ms after SIGTERM, within CLOSE_GRACE_MS`)
  t.notMatch(output, /"level":(50|60)/, 'no error was logged')
})

const ASSESSMENT = JSON.stringify({
  noticeType: 'red',
  requester: { country: 'FR' },
  subject: { roles: ['private-individual'] },
  offence: { summary: 'Murder', categories: ['murder'], context: ['ordinary-criminal'], maxPenaltyMonths: 360 },
  judicial: { arrestWarrant: true }
})

/** The real process from source, its port read from the log; `exited` resolves with the exit code. */
async function startServer (t: Test, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0', CLOSE_GRACE_MS: '20000', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
  let output = ''
  child.stdout.on('data', (chunk) => { output += chunk })
  child.stderr.on('data', (chunk) => { output += chunk })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  let port = 0
  for (let waited = 0; !port; waited += 50) {
    if (waited > 60_000 || child.exitCode !== null) throw new Error(`the server did not start: ${output}`)
    port = Number(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? 0)
    await sleep(50)
  }
  return { child, port, exited, output: () => output }
}

interface Outcome { status?: number; connection?: string; error?: string }

/** One request through a keep-alive agent: the status and Connection header, or the error code. */
function send (agent: Agent, port: number, post: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = httpRequest({
      agent,
      host: '127.0.0.1',
      port,
      method: post ? 'POST' : 'GET',
      path: post ? '/v1/assessments' : '/v1/notice-types/red',
      headers: post ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ASSESSMENT) } : {}
    }, (response) => {
      response.resume()
      response.on('end', () => resolve({ status: response.statusCode, connection: String(response.headers.connection) }))
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    })
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    request.end(post ? ASSESSMENT : undefined)
  })
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  t.test(`${signal} under keep-alive load: no request is reset, the last answers say Connection: close, prompt exit`, async (t) => {
    const server = await startServer(t)
    const clients = 8
    let signalled = false
    const outcomes: Array<Outcome & { afterSignal: boolean }> = []
    /**
     * A client on one keep-alive connection sending GETs and POSTs back to back. It stops at the first refused
     * connection: after an answer with Connection: close (or an idle connection closed by the server) its agent
     * opens a new connection, which a draining server refuses. Any other error is a reset request.
     */
    const client = async (index: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      for (let n = 0; ; n++) {
        const outcome = await send(agent, server.port, (n + index) % 2 === 0)
        if (outcome.error === 'ECONNREFUSED' && signalled) break
        outcomes.push({ ...outcome, afterSignal: signalled })
        if (outcome.error) break
      }
      agent.destroy()
    }
    const load = Promise.all(Array.from({ length: clients }, (_, index) => client(index)))
    await sleep(1500)
    t.ok(outcomes.length > clients, `${outcomes.length} requests answered before the signal`)
    signalled = true
    const at = Date.now()
    server.child.kill(signal)
    await load
    const code = await server.exited
    const elapsed = Date.now() - at

    const errors = outcomes.filter((outcome) => outcome.error)
    t.same(errors, [], 'no request failed or was reset')
    t.same(outcomes.filter((outcome) => outcome.status !== 200), [], 'every request was answered 200')
    const closing = outcomes.filter((outcome) => outcome.afterSignal && outcome.connection === 'close')
    t.ok(closing.length >= 1, `${closing.length} answers after the signal said Connection: close`)
    t.equal(code, 0, 'the process exits 0')
    // The keep-alive timeout is 5 s: a drain that waited for idle connections to time out would take longer.
    t.ok(elapsed < 4000, `exited ${elapsed} ms after ${signal}, before the keep-alive timeout`)
    t.notMatch(server.output(), /"level":(50|60)/, 'no error was logged')
  })
}
