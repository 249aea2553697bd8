// A rate-limit store shared by every replica (RATE_LIMIT_REDIS_URL), which falls back to counting in the process
// when Redis cannot answer. With N replicas each counting on its own, a client gets N times the limit the operator
// set; counting in Redis makes the limit the operator's again. Redis is an aid, not a dependency: when it is down
// or slow the service keeps serving and each replica counts locally (the limit it had before Redis), logs the
// change once, reports it on /readyz, and goes back to Redis by itself when Redis answers again.
import { createRequire } from 'node:module'
import type { Redis } from 'ioredis'
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyRateLimitOptions, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'

/** What a store answers for one key: hits in the window, and milliseconds until the window resets. */
interface Count { current: number; ttl: number }
type Callback = (error: Error | null, result?: Count) => void
/** The store contract of @fastify/rate-limit (its index.js: `new Store(globalParams)`, then incr/read/child). */
interface Store {
  incr (key: string, callback: Callback, timeWindow: number, max: number): void
  read? (key: string, callback: Callback, timeWindow: number, max: number): void
  child (routeOptions: unknown): Store
}
/** What @fastify/rate-limit passes to a store's constructor (its global parameters; untyped in its declarations). */
type StoreParams = FastifyRateLimitOptions & { continueExceeding?: boolean; exponentialBackoff?: boolean }

// @fastify/rate-limit's own stores (not in its type declarations): the Lua script that counts atomically in Redis
// and the LRU it counts with in memory are reused rather than rewritten.
const require = createRequire(import.meta.url)
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key?: string) => Store
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => Store

/** `redis`: counted in Redis; `local-fallback`: Redis is unreachable, counted in this process until it is back. */
export type SharedStoreState = 'redis' | 'local-fallback'

export interface SharedStoreOptions {
  url: string
  log: FastifyBaseLogger
  /** Keys are `<namespace><client>`; one Redis can serve several deployments. */
  namespace?: string
  /** Giving up on a connection attempt; short, so that a start-up without Redis is not held up. */
  connectTimeoutMs?: number
  /** Giving up on one count: a request never waits longer than this for Redis. */
  commandTimeoutMs?: number
}

export interface SharedStore {
  /** The class to pass to @fastify/rate-limit as `store`. */
  Store: FastifyRateLimitStoreCtor
  state (): { store: SharedStoreState; since: string }
  close (): Promise<void>
}

export async function sharedRateLimitStore (options: SharedStoreOptions): Promise<SharedStore> {
  const { log } = options
  // Loaded only when configured: ioredis is a fair share of the start-up of a process that does not use it.
  const { Redis } = await import('ioredis')
  const redis = new Redis(options.url, {
    connectTimeout: options.connectTimeoutMs ?? 1000,
    commandTimeout: options.commandTimeoutMs ?? 250,
    // A count that cannot be sent now is not queued or retried: it is counted locally at once instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // Keep trying to reconnect, never more than 2 s apart, so that the shared limit comes back soon after Redis.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000)
  })

  let state: SharedStoreState = 'local-fallback'
  let since = new Date().toISOString()
  let reported = false
  const goDown = (reason: string) => {
    // Logged once per outage (ioredis reports every failed reconnection attempt): the state is on /readyz.
    if (state === 'local-fallback' && reported) return
    state = 'local-fallback'
    since = new Date().toISOString()
    reported = true
    log.warn({ reason }, 'rate limit: Redis unavailable, counting per process until it is back')
  }
  const goUp = () => {
    if (state === 'redis') return
    state = 'redis'
    since = new Date().toISOString()
    reported = true
    log.info('rate limit: counting in Redis, shared by every replica')
  }
  redis.on('ready', goUp)
  // Without an error listener ioredis would crash the process on a refused connection.
  redis.on('error', (error: Error) => goDown(error.message))
  redis.on('close', () => goDown('connection closed'))

  const namespace = options.namespace ?? 'interpol-notice-api:rate-limit:'

  class FallbackStore implements Store {
    constructor (params: StoreParams,
      private readonly shared = new RedisStore(Boolean(params.continueExceeding), Boolean(params.exponentialBackoff), redis, namespace),
      private readonly local = new LocalStore(Boolean(params.continueExceeding), Boolean(params.exponentialBackoff))) {}

    incr (key: string, callback: Callback, timeWindow: number, max: number) {
      if (redis.status !== 'ready') {
        this.local.incr(key, callback, timeWindow, max)
        return
      }
      this.shared.incr(key, (error, result) => {
        if (!error) return callback(null, result)
        goDown(error.message)
        this.local.incr(key, callback, timeWindow, max)
      }, timeWindow, max)
    }

    read (key: string, callback: Callback, timeWindow: number, max: number) {
      const local = () => this.local.read!(key, callback, timeWindow, max)
      if (redis.status !== 'ready') return local()
      this.shared.read!(key, (error, result) => error ? local() : callback(null, result), timeWindow, max)
    }

    child (routeOptions: unknown): Store {
      // A route with its own limit counts apart from the global one, in Redis and locally alike (each store's own
      // child keys the count by method and route).
      const params = routeOptions as StoreParams
      return new FallbackStore(params, this.shared.child(routeOptions), this.local.child(routeOptions))
    }
  }

  return {
    Store: FallbackStore,
    state: () => ({ store: state, since }),
    close: async () => {
      redis.removeAllListeners('close')
      redis.removeAllListeners('error')
      redis.on('error', () => {})
      redis.disconnect()
    }
  }
}
