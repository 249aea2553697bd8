// The process: read configuration, load the dataset (exit non-zero if it is broken), listen, close gracefully.
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { Server as NetServer, type Socket } from 'node:net'
import closeWithGrace from 'close-with-grace'
import { createApp } from './app.js'
import { loadConfig } from './config.js'
import { DatasetError, loadDataset } from './data/load-dataset.js'
import { loadDatasetCompiled, writeCompiledDataset, type CompiledDatasetOptions, type LoadSource } from './data/compiled-dataset.js'

/**
 * Set by the build (scripts/build.ts) to an id of its own: the compiled dataset is trusted only when this build
 * wrote it. Undefined when run from source (tsx), where code changes all the time: then data/ is always loaded whole.
 */
declare const __BUILD_ID__: string | undefined
const buildId = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : undefined

async function main () {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    console.error(`Invalid configuration: ${(error as Error).message}`)
    process.exit(2)
  }

  const compiled: CompiledDatasetOptions | undefined = buildId && config.COMPILED_DATASET
    ? { path: config.COMPILED_DATASET, buildId }
    : undefined
  let loaded
  try {
    loaded = compiled
      ? loadDatasetCompiled(config.DATA_DIR, compiled)
      : { ...loadDataset(config.DATA_DIR), source: { kind: 'files', reason: 'compiled datasets are off' } as LoadSource }
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(error.message)
      console.error('The service did not start: fix the data files above (npm run validate:data checks them).')
      process.exit(1)
    }
    throw error
  }

  const logger = process.stdout.isTTY && config.LOG_LEVEL !== 'silent'
    ? { level: config.LOG_LEVEL, transport: { target: 'pino-pretty' } }
    : { level: config.LOG_LEVEL }
  const { dataset } = loaded
  const app = await createApp({
    dataset,
    logger: (await prettyIfAvailable(logger)) as never,
    limits: {
      rateLimitMax: config.RATE_LIMIT_MAX,
      rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS,
      rateLimitRedisUrl: config.RATE_LIMIT_REDIS_URL,
      maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
      trustProxy: config.TRUST_PROXY
    },
    publicOrigin: config.PUBLIC_ORIGIN || null
  })

  const connections = trackConnections(app.server)
  closeWithGrace({ delay: config.CLOSE_GRACE_MS }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    // Readiness turns false first, so a load balancer stops sending new requests while in-flight ones finish.
    app.lifecycle.accepting = false
    await connections.drain()
    await app.close()
  })

  try {
    await app.listen({ port: config.PORT, host: config.HOST })
  } catch (error) {
    const reason = listenFault(error as NodeJS.ErrnoException, config.PORT, config.HOST)
    if (!reason) throw error
    console.error(`The service did not start: ${reason}`)
    process.exit(1)
  }
  app.log.info({ dataset: dataset.version, source: loaded.source.kind, reason: (loaded.source as { reason?: string }).reason }, 'dataset loaded')
  // After a full load, the next start can skip it: written once listening, so that it never delays the first answer.
  if (compiled && loaded.source.kind === 'files') saveCompiled(app.log, compiled, loaded.fingerprint, loaded.raw)
}

/**
 * Best effort: a read-only file system (deploy/ mounts the root read-only) only means the next start loads data/
 * whole again, which the image avoids by shipping the file the build compiled.
 */
function saveCompiled (log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void },
  options: CompiledDatasetOptions, fingerprint: string, raw: Parameters<typeof writeCompiledDataset>[2]) {
  writeCompiledDataset(options, fingerprint, raw).then(
    () => log.info({ path: options.path }, 'compiled dataset written for the next start'),
    (error: NodeJS.ErrnoException) => log.warn({ path: options.path, code: error.code }, 'the compiled dataset could not be written; the next start loads data/ whole')
  )
}

/** An operator's mistake in PORT or HOST, in one line that names it; undefined for anything else. */
export function listenFault (error: NodeJS.ErrnoException, port: number, host: string): string | undefined {
  switch (error.code) {
    case 'EADDRINUSE': return `PORT ${port} is already in use on ${host} (EADDRINUSE); stop the other process or choose another PORT.`
    case 'EACCES': return `PORT ${port} on ${host} needs privileges this process does not have (EACCES); choose a PORT above 1023.`
    case 'EADDRNOTAVAIL': return `HOST ${host} is not an address of this machine (EADDRNOTAVAIL).`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME': return `HOST ${host} cannot be resolved to an address (${error.code}).`
    default: return undefined
  }
}

/**
 * How long a connection that is idle when shutdown begins stays open. A keep-alive client may have sent its next
 * request just as the signal came: closing the socket then would reset that request. Within this time the request
 * arrives and is answered (with Connection: close); a client that sends nothing has its connection closed.
 */
export const IDLE_LINGER_MS = 300

/**
 * Keeps count of the connections and of the requests on each, so that shutdown can drain them without resetting
 * any request. Node's server.close() (which app.close() calls) destroys every connection with no request in
 * progress at once, including one whose next request is already in the socket buffer or on the wire: under
 * keep-alive load every client lost a request that way. And a request in flight was answered with
 * `Connection: keep-alive`, so its connection then stayed open for the whole keep-alive timeout.
 */
export function trackConnections (server: Server) {
  const inFlight = new Map<Socket, Set<ServerResponse>>()
  /**
   * socket.bytesRead when its last answer was sent: more since means a request (or its start) has arrived and is
   * not routed yet. Counted by the socket's handle, so the HTTP parser keeps reading it directly (a 'data'
   * listener would route every byte through JavaScript).
   */
  const readWhenIdle = new Map<Socket, number>()
  let draining = false
  let drained: (() => void) | undefined

  const settle = () => { if (draining && inFlight.size === 0) drained?.() }
  const busy = (socket: Socket) => (inFlight.get(socket)?.size ?? 0) > 0 || socket.bytesRead > (readWhenIdle.get(socket) ?? 0)
  /** A draining connection with nothing to answer is closed once it has stayed so for IDLE_LINGER_MS. */
  const closeWhenIdle = (socket: Socket) => {
    if (!draining || socket.destroyed) return
    const timer = setTimeout(() => {
      if (busy(socket)) return closeWhenIdle(socket)
      socket.end()
      // A peer that never closes its side must not hold the process.
      setTimeout(() => socket.destroy(), 1000).unref()
    }, IDLE_LINGER_MS)
    socket.once('close', () => clearTimeout(timer))
  }

  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, new Set())
    readWhenIdle.set(socket, 0)
    socket.once('close', () => { inFlight.delete(socket); readWhenIdle.delete(socket); settle() })
    // A connection accepted in the instant the signal came is drained like the others.
    if (draining) closeWhenIdle(socket)
  })
  // Before Fastify's listener, so that the header is set before any hook can answer (a cached answer is sent from
  // the first onRequest hook). Once Connection: close is sent, Node closes the connection after the answer.
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket
    const responses = inFlight.get(socket)
    if (!responses) return
    responses.add(response)
    if (draining) response.setHeader('connection', 'close')
    response.once('close', () => {
      responses.delete(response)
      if (responses.size === 0) readWhenIdle.set(socket, socket.bytesRead)
    })
  })

  return {
    /** Stops accepting connections and resolves once every open one has been answered and closed. */
    drain (): Promise<void> {
      draining = true
      // net.Server's close, not http.Server's: the latter destroys idle connections at once (see above).
      NetServer.prototype.close.call(server)
      for (const [socket, responses] of inFlight) {
        for (const response of responses) {
          if (!response.headersSent) response.setHeader('connection', 'close')
          // Already sent with keep-alive: close the connection once the answer is out.
          else response.once('finish', () => socket.end())
        }
        closeWhenIdle(socket)
      }
      return new Promise((resolve) => { drained = resolve; settle() })
    }
  }
}

/** pino-pretty is a dev dependency: use it on a terminal when installed, plain JSON lines otherwise. */
async function prettyIfAvailable (logger: { level: string; transport?: unknown }) {
  if (!logger.transport) return logger
  try {
    await import('pino-pretty')
    return logger
  } catch {
    return { level: logger.level }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
