// Configuration is a schema: every variable is named, typed and defaulted here and documented in .env.example.
import envSchema from 'env-schema'
import { Type, type Static } from 'typebox'
import { defaultDataDir } from './paths.js'

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on (0: any free port).' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 in a container.' }),
  LOG_LEVEL: Type.String({
    enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level; `warn` turns off per-request logging.'
  }),
  DATA_DIR: Type.String({ minLength: 1, default: defaultDataDir, description: 'Folder holding the dataset.' }),
  CLOSE_GRACE_MS: Type.Integer({ minimum: 100, maximum: 120000, default: 10000, description: 'How long shutdown waits for in-flight requests.' })
}, { additionalProperties: true })
export type Config = Static<typeof ConfigSchema>

/** Reads and validates the environment; a missing or invalid variable throws an error that names it. */
export function loadConfig (env: NodeJS.ProcessEnv = process.env): Config {
  return envSchema<Config>({ schema: ConfigSchema as never, data: env, dotenv: false })
}
