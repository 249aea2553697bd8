// Issue 13, item 4: errors raised before routing (headers too large, a malformed request) answer problem+json with
// a code; an oversized body gets its 413 even while the client is still sending; every problem `type` points at
// this service's own page about the code.
import t from 'tap'
import { connect, type AddressInfo } from 'node:net'
import { DRAIN_LIMIT_BYTES, PROBLEM_CODES } from '../../src/http/problems.js'
import { buildTestApp, json } from '../helpers.js'

const app = await buildTestApp({ rateLimitMax: 0 })
t.teardown(() => app.close())
await app.listen({ port: 0, host: '127.0.0.1' })
const port = (app.server.address() as AddressInfo).port

/** Writes raw bytes and returns everything the server sent before it closed the connection. */
function raw (text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let received = ''
    socket.on('data', (chunk) => { received += chunk })
    socket.on('close', () => resolve(received))
    socket.on('error', () => {})
  })
}

function parse (answer: string) {
  const [head, body] = answer.split('\r\n\r\n', 2)
  return { status: Number(head.split(' ')[1]), head, body: body ? JSON.parse(body) : undefined }
}

const cases: Array<[string, string, number, string]> = [
  ['headers too large', `GET /v1/notice-types HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'header-too-large'],
  ['a request line too large', `GET /v1/notice-types?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`, 431, 'header-too-large'],
  ['a malformed request line', 'GET / HTTP/9.9x\r\n\r\n', 400, 'bad-request'],
  ['a malformed header', 'GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n', 400, 'bad-request'],
  ['conflicting body framing', 'POST /v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400, 'bad-request'],
  ['not HTTP at all', '\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n', 400, 'bad-request']
]
for (const [what, text, status, code] of cases) {
  t.test(`${what}: ${status} problem+json with code ${code}`, async (t) => {
    const answer = parse(await raw(text))
    t.equal(answer.status, status)
    t.match(answer.head, /content-type: application\/problem\+json/i)
    t.match(answer.head, /x-request-id: [0-9a-f-]{36}/i)
    t.match(answer.body, { status, code, type: `/docs/problems#${code}`, title: String, detail: String, requestId: String })
  })
}

t.test('an Expect other than 100-continue is a 417 problem', async (t) => {
  const answer = parse(await raw('GET /v1/notice-types HTTP/1.1\r\nHost: localhost\r\nExpect: magic\r\nConnection: close\r\n\r\n'))
  t.equal(answer.status, 417)
  t.match(answer.head, /content-type: application\/problem\+json/i)
  t.match(answer.body, { code: 'expectation-failed', status: 417 })
})

/**
 * A POST of `total` bytes announced up front from a client that reads nothing until its upload is done (as many
 * HTTP clients do): it sends in chunks, pausing between them so that the server has answered long before the end.
 * If the server closed the connection under it, its later chunks draw a TCP reset, and a reset discards the
 * answer waiting unread in the client's receive buffer.
 */
function oversizedUpload (total: number, framing: 'length' | 'chunked' = 'length'): Promise<{ answer: string; error?: string; sent: number }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.pause()
    let answer = ''
    let error: string | undefined
    socket.on('error', (err: NodeJS.ErrnoException) => { error = err.code ?? err.message })
    let sent = 0
    socket.on('close', () => resolve({ answer, error, sent }))
    socket.on('data', (chunk) => {
      answer += chunk
      const length = Number(/content-length: (\d+)/i.exec(answer)?.[1] ?? -1)
      const at = answer.indexOf('\r\n\r\n')
      if (at >= 0 && length >= 0 && Buffer.byteLength(answer) - at - 4 >= length) socket.destroy()
    })
    socket.once('connect', () => {
      const framingHeader = framing === 'length' ? `Content-Length: ${total}` : 'Transfer-Encoding: chunked'
      socket.write(`POST /v1/assessments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${framingHeader}\r\n\r\n`)
      const more = () => {
        if (socket.destroyed) return
        if (sent >= total) {
          if (framing === 'chunked') socket.write('0\r\n\r\n')
          return setTimeout(() => socket.resume(), 100)
        }
        const size = Math.min(8192, total - sent)
        sent += size
        const bytes = 'x'.repeat(size)
        socket.write(framing === 'length' ? bytes : `${size.toString(16)}\r\n${bytes}\r\n`, () => setTimeout(more, 2))
      }
      more()
    })
  })
}

t.test('a body over the limit gets its 413 while the client is still sending, without a reset', async (t) => {
  for (let run = 0; run < 3; run++) {
    const { answer, error } = await oversizedUpload(300_000)
    t.equal(error, undefined, `run ${run}: no connection error`)
    t.match(answer, /^HTTP\/1\.1 413 /, `run ${run}: the 413 arrived`)
    t.match(answer, /"code":"payload-too-large"/)
  }
})

t.test('a chunked body over the limit gets its 413 too, without a reset', async (t) => {
  for (let run = 0; run < 3; run++) {
    const { answer, error } = await oversizedUpload(300_000, 'chunked')
    t.equal(error, undefined, `run ${run}: no connection error`)
    t.match(answer, /^HTTP\/1\.1 413 /, `run ${run}: the 413 arrived`)
    t.match(answer, /"code":"payload-too-large"/)
  }
})

t.test('an endless body is not read for ever: the connection is cut after about 1 MB more', async (t) => {
  for (const framing of ['length', 'chunked'] as const) {
    const { sent } = await oversizedUpload(8 * DRAIN_LIMIT_BYTES, framing)
    t.ok(sent < 4 * DRAIN_LIMIT_BYTES, `${framing}: cut after ${sent} bytes of ${8 * DRAIN_LIMIT_BYTES}`)
  }
})

t.test('every problem type points at /docs/problems, which documents every code', async (t) => {
  const notFound = json(await app.inject('/v1/nothing-here'))
  t.equal(notFound.type, '/docs/problems#not-found')
  const page = await app.inject('/docs/problems')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html/)
  t.match(page.headers['content-security-policy'], /default-src 'self'/, 'under the site CSP')
  t.notMatch(page.body, /<script/, 'no script, so the CSP has nothing to forbid')
  for (const [code, status] of Object.entries(PROBLEM_CODES)) {
    t.match(page.body, new RegExp(`<dt id="${code}">.*${status} `), `${code} (${status}) is documented`)
  }
  t.notMatch(JSON.stringify(notFound), /httpstatuses\.io/, 'no third-party site')
})
