// Configuration is a schema: every variable is named, typed and defaulted here and documented in .env.example.
import { isIP } from 'node:net'
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import { defaultCompiledDataset, defaultDataDir } from './paths.js'
import { parsePublicOrigin } from './http/origin.js'

/** Defaults of the limits (src/plugins/limits.ts), shared so that tests build the app with the production values. */
export const LIMIT_DEFAULTS = { RATE_LIMIT_MAX: 300, RATE_LIMIT_WINDOW_MS: 60_000, MAX_EVENT_LOOP_DELAY_MS: 1000 } as const

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on (0: any free port).' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 in a container.' }),
  LOG_LEVEL: Type.String({
    enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level; `warn` turns off per-request logging.'
  }),
  DATA_DIR: Type.String({ minLength: 1, default: defaultDataDir, description: 'Folder holding the dataset.' }),
  COMPILED_DATASET: Type.String({
    default: defaultCompiledDataset,
    description: 'File keeping the dataset as this build checked it (written by `npm run build` for data/, and after a ' +
      'start that had to load DATA_DIR whole). Start-up reads it instead of parsing and checking DATA_DIR when it was ' +
      'made from the same files by the same build; empty: always load DATA_DIR whole (docs/performance.md).'
  }),
  CLOSE_GRACE_MS: Type.Integer({ minimum: 100, maximum: 120000, default: 10000, description: 'How long shutdown waits for in-flight requests.' }),
  RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: 1_000_000, default: LIMIT_DEFAULTS.RATE_LIMIT_MAX, description: 'Requests per client per window; 0 turns the rate limit off.' }),
  RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: LIMIT_DEFAULTS.RATE_LIMIT_WINDOW_MS, description: 'Length of the rate-limit window.' }),
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: LIMIT_DEFAULTS.MAX_EVENT_LOOP_DELAY_MS, description: 'Event-loop delay above which requests get a 503; 0 turns load shedding off.' }),
  RATE_LIMIT_REDIS_URL: Type.String({
    default: '',
    pattern: '^(|rediss?://[^\\s]+)$',
    description: 'redis:// or rediss:// URL: count the rate limit in Redis, shared by every replica; empty counts per ' +
      'process. When Redis is unreachable each process counts on its own until it is back (docs/deploy.md).'
  }),
  PUBLIC_ORIGIN: Type.String({
    default: '',
    description: 'The http or https origin clients reach the service at (https://api.example.org): absolute URLs in ' +
      'answers (JSON-LD, embeds, oEmbed, the landing page) are built from it. Empty: from each request\'s Host header. ' +
      'Never from X-Forwarded-* headers.'
  }),
  TRUST_PROXY: Type.String({
    default: '',
    pattern: '^(|true|false|[0-9]{1,2}|[A-Za-z0-9:./]+(, *[A-Za-z0-9:./]+)*)$',
    description: 'Behind a reverse proxy, which proxies to trust for X-Forwarded-For (the client the rate limit counts): ' +
      'empty (none), true (all), a hop count, or addresses/CIDRs/loopback, comma-separated.'
  })
}, { additionalProperties: true })
export type Config = Static<typeof ConfigSchema>

/**
 * Reads and validates the environment; a missing or invalid variable throws an error that names it.
 * Checked with TypeBox's own functions on the schema above (defaults, then strings converted to the declared types,
 * then the check): env-schema compiled Ajv's meta-schema at import, about 70 ms of every start for nine variables.
 */
export function loadConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const declared: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(ConfigSchema.properties)) {
    const value = env[name]
    if (value !== undefined) declared[name] = isNumeric(schema) ? numberOf(value) : value
  }
  const config = Value.Default(ConfigSchema, declared) as Config
  const problems = [...Value.Errors(ConfigSchema, config)].map((error) => {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues
    return `${variableOf(error.instancePath)} ${error.message}${allowed ? ` (${allowed.join(', ')})` : ''}`
  })
  if (problems.length > 0) throw new Error(problems.join('; '))
  config.PUBLIC_ORIGIN = parsePublicOrigin(config.PUBLIC_ORIGIN) ?? ''
  checkTrustProxy(config.TRUST_PROXY)
  return config
}

const isNumeric = (schema: { type?: unknown }) => schema.type === 'integer' || schema.type === 'number'
/** Digits become a number; anything else ("eighty", "1m", "") stays a string, which the check then refuses by name. */
const numberOf = (value: string): number | string => (/^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value)

/** `/PORT` → `PORT`. */
const variableOf = (instancePath: string) => instancePath.replace(/^\//, '') || 'environment'

/**
 * TRUST_PROXY's pattern lets through words and addresses that Fastify (proxy-addr) would only refuse later, with a
 * TypeError that does not name the variable: each entry must be a hop count, a keyword, an IP address or a CIDR.
 */
export function checkTrustProxy (value: string): void {
  if (value === '' || value === 'true' || value === 'false' || /^\d+$/.test(value)) return
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) continue
    const [address, prefix, ...rest] = entry.split('/')
    const version = isIP(address)
    const bits = version === 4 ? 32 : 128
    const validPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits) ||
      (version === 4 && isIP(prefix) === 4)
    if (version === 0 || !validPrefix || rest.length > 0) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address, a CIDR (10.0.0.0/8), loopback, linklocal or uniquelocal`)
    }
  }
}
