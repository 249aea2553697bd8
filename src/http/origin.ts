// The scheme and host that absolute URLs in answers name (JSON-LD ids, embed, oEmbed and landing-page links).
// PUBLIC_ORIGIN when configured; otherwise the request's own Host header on the connection's own scheme. Never
// X-Forwarded-Proto or X-Forwarded-Host: a client could write anything there, and a shared cache that does not
// vary on them would keep the poisoned answer for everyone (issue 14). Set PUBLIC_ORIGIN behind a proxy.
import type { TLSSocket } from 'node:tls'
import type { FastifyRequest } from 'fastify'
import { ProblemError } from './problems.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_ORIGIN (`https://api.example.org`), or null to name the request's own Host. */
    publicOrigin: string | null
  }
  interface FastifyRequest {
    /** Set when an answer named the request's Host: the response cache then keys on it (representations.ts). */
    originFromHost?: boolean
  }
}

// A host name (RFC 1123 labels) or an IPv4 or bracketed IPv6 address, and an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::(\d{1,5}))?$/i

/** The Host header, lower-cased, when it is a well-formed host and port; undefined otherwise (missing, empty, junk). */
export function validHost (host: string | undefined): string | undefined {
  if (!host || host.length > 260) return undefined
  const match = HOST.exec(host)
  if (!match || (match[1] !== undefined && Number(match[1]) > 65535)) return undefined
  return host.toLowerCase()
}

/**
 * PUBLIC_ORIGIN as configured: an http or https origin (scheme, host and optional port; no path, query,
 * credentials or fragment), returned without a trailing slash. Throws an error naming the variable otherwise.
 */
export function parsePublicOrigin (value: string): string | null {
  if (value === '') return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an absolute http or https URL such as https://api.example.org (got "${value}")`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_ORIGIN must use http or https (got ${url.protocol})`)
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new Error(`PUBLIC_ORIGIN must be an origin only, scheme, host and port, with no path, query or credentials (got "${value}")`)
  }
  return url.origin
}

/** The origin absolute URLs are built from; a 400 `invalid-host` problem when it must come from a bad Host. */
export function origin (request: FastifyRequest): string {
  const configured = request.server.publicOrigin
  if (configured) return configured
  const own = hostOrigin(request)
  if (!own) {
    throw new ProblemError('invalid-host', 'The Host header is missing or is not a valid host name and port, so the absolute URLs of this answer cannot be written.')
  }
  request.originFromHost = true
  return own
}

/** The request's own origin (connection scheme and Host) when the Host is well-formed; never throws. */
export function hostOrigin (request: FastifyRequest): string | undefined {
  const host = validHost(request.headers.host)
  return host && `${(request.raw.socket as TLSSocket | undefined)?.encrypted ? 'https' : 'http'}://${host}`
}
