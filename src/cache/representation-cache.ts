// Serialised answers kept once computed: the identity body with its strong ETag, and gzip and brotli variants made
// on first demand. The data only change with a release, so an answer keyed by its URL and negotiated variant never
// goes stale while the process lives; memory is what bounds it, since query strings are unbounded.
import { createHash } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Coding = 'br' | 'gzip' | 'identity'

export interface Representation { body: Buffer; etag: string }

/** Headers the handler set (or changed) and those it removed, replayed on every answer from the cache. */
export interface StoredHeaders { set: Array<[string, string | number | string[]]>; removed: string[] }

/** Below this size compression saves less than the framing and CPU it costs. */
export const MIN_COMPRESSIBLE_BYTES = 512

/**
 * A strong ETag names exact bytes (RFC 9110 §8.8.1), and a gzip or brotli body is other bytes than the identity
 * one, so each coding gets the hash of its own bytes. Hashing the compressed output (not suffixing the identity hash)
 * keeps that true even if two replicas on different zlib builds compress differently.
 */
export function strongEtag (body: Buffer, coding: Coding): string {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27)
  return coding === 'identity' ? `"${hash}"` : `"${coding === 'gzip' ? 'gz' : 'br'}-${hash}"`
}

function compress (body: Buffer, coding: Exclude<Coding, 'identity'>): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: 9 })
  // Quality 11 costs tens of milliseconds on the large documents (the OpenAPI document); it is paid once per entry.
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: body.length > 64 * 1024 ? 9 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
    }
  })
}

export class CachedAnswer {
  readonly identity: Representation
  /** When the cache last moved it to the young end (RepresentationCache.get). */
  touched = 0
  /** null: tried, and compression did not make it smaller (or the body is too small to bother). */
  private readonly encoded: { gzip?: Representation | null; br?: Representation | null } = {}

  constructor (body: Buffer, readonly headers: StoredHeaders, private readonly onGrow: (bytes: number) => void) {
    this.identity = { body, etag: strongEtag(body, 'identity') }
  }

  /** The representation for a coding, compressing at first use; identity when compression does not pay. */
  get (coding: Coding): { coding: Coding; representation: Representation } {
    if (coding === 'identity' || this.identity.body.length < MIN_COMPRESSIBLE_BYTES) return { coding: 'identity', representation: this.identity }
    let representation = this.encoded[coding]
    if (representation === undefined) {
      const body = compress(this.identity.body, coding)
      representation = body.length < this.identity.body.length ? { body, etag: strongEtag(body, coding) } : null
      this.encoded[coding] = representation
      if (representation) this.onGrow(body.length)
    }
    return representation ? { coding, representation } : { coding: 'identity', representation: this.identity }
  }

  get bytes (): number {
    return this.identity.body.length + (this.encoded.gzip?.body.length ?? 0) + (this.encoded.br?.body.length ?? 0)
  }
}

export interface CacheLimits { maxEntries: number; maxBytes: number }

/**
 * A least-recently-used map bounded by entry count and by bytes held (bodies plus a per-entry allowance for the
 * key and headers). A Map iterates in insertion order, so re-inserting an entry marks it recently used. Only an
 * entry in the older half is re-inserted on a hit: a hot entry is then hashed once per hit instead of three times,
 * and what gets evicted is still something no one asked for during the last half-turn of the cache.
 */
export class RepresentationCache {
  private readonly entries = new Map<string, CachedAnswer>()
  private heldBytes = 0
  private clock = 0
  hits = 0
  misses = 0

  constructor (readonly limits: CacheLimits) {}

  get size (): number { return this.entries.size }
  get bytes (): number { return this.heldBytes }

  get (key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) {
      this.misses++
      return undefined
    }
    this.hits++
    if (this.clock - entry.touched > this.entries.size / 2) {
      this.entries.delete(key)
      this.entries.set(key, entry)
      entry.touched = ++this.clock
    }
    return entry
  }

  set (key: string, body: Buffer, headers: StoredHeaders): CachedAnswer {
    const previous = this.entries.get(key)
    if (previous) this.remove(key, previous)
    const entry: CachedAnswer = new CachedAnswer(body, headers, (bytes) => {
      // An entry already evicted may still be compressing for the request holding it: not ours to count.
      if (this.entries.get(key) !== entry) return
      this.heldBytes += bytes
      this.evict()
    })
    this.entries.set(key, entry)
    entry.touched = ++this.clock
    this.heldBytes += entry.bytes + overhead(key)
    this.evict()
    return entry
  }

  clear (): void {
    this.entries.clear()
    this.heldBytes = 0
  }

  private remove (key: string, entry: CachedAnswer): void {
    this.entries.delete(key)
    this.heldBytes -= entry.bytes + overhead(key)
  }

  private evict (): void {
    while (this.entries.size > this.limits.maxEntries || (this.heldBytes > this.limits.maxBytes && this.entries.size > 0)) {
      const oldest = this.entries.keys().next().value as string
      this.remove(oldest, this.entries.get(oldest)!)
    }
  }
}

// The key and the stored headers, roughly: enough that a flood of tiny answers under long URLs is still bounded.
const overhead = (key: string) => 256 + key.length * 2

const parsedAcceptEncoding = new Map<string, Coding>()

/**
 * The coding to answer in (RFC 9110 §12.5.3): highest q wins, brotli before gzip before identity on a tie; `*`
 * stands for codings not listed; identity is acceptable unless refused by `identity;q=0` or `*;q=0`. When nothing
 * is acceptable the identity body is sent anyway, as the RFC allows. Memoised: clients send few distinct headers.
 */
export function chooseCoding (header: string | undefined): Coding {
  if (!header) return 'identity'
  const known = parsedAcceptEncoding.get(header)
  if (known) return known
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    let weight = 1
    for (const param of params) {
      const [k, v] = param.trim().split('=')
      if (k === 'q') weight = Number.isFinite(Number(v)) ? Math.min(1, Math.max(0, Number(v))) : 0
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, weight)
  }
  const star = q.get('*')
  // An unlisted identity ranks with the least-preferred listed coding (as the negotiator package does), so that
  // `gzip;q=0.5` still means gzip.
  const listed = [...q.values()].filter((weight) => weight > 0)
  const implicitIdentity = star ?? (listed.length > 0 ? Math.min(...listed) : 1)
  const weightOf = (coding: Coding) => q.get(coding) ?? (coding === 'identity' ? implicitIdentity : star ?? 0)
  let best: Coding = 'identity'
  let bestWeight = 0
  for (const coding of ['br', 'gzip', 'identity'] as const) {
    const weight = weightOf(coding)
    if (weight > bestWeight) { best = coding; bestWeight = weight }
  }
  if (parsedAcceptEncoding.size >= 256) parsedAcceptEncoding.clear()
  parsedAcceptEncoding.set(header, best)
  return best
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored, `*` matches any current answer. */
export function noneMatch (header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header === etag) return true
  for (const raw of header.split(',')) {
    const tag = raw.trim()
    if (tag === '*' || tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true
  }
  return false
}
