import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigSchema, loadConfig } from '../../src/config.js'
import { defaultDataDir, projectRoot } from '../../src/paths.js'

t.test('defaults', async (t) => {
  const config = loadConfig({})
  t.equal(config.PORT, 3000)
  t.equal(config.HOST, '127.0.0.1')
  t.equal(config.LOG_LEVEL, 'info')
  t.equal(config.DATA_DIR, defaultDataDir)
})

t.test('values from the environment are typed', async (t) => {
  const config = loadConfig({ PORT: '8080', LOG_LEVEL: 'warn', HOST: '0.0.0.0' })
  t.equal(config.PORT, 8080)
  t.equal(config.LOG_LEVEL, 'warn')
})

t.test('an invalid variable is an error that names it', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/)
  t.throws(() => loadConfig({ PORT: '70000' }), /PORT/)
  t.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/)
})

t.test('the limits: defaults, typed values, and a clear error for an invalid one', async (t) => {
  const defaults = loadConfig({})
  t.equal(defaults.RATE_LIMIT_MAX, 300)
  t.equal(defaults.RATE_LIMIT_WINDOW_MS, 60000)
  t.equal(defaults.MAX_EVENT_LOOP_DELAY_MS, 1000)
  const config = loadConfig({ RATE_LIMIT_MAX: '0', RATE_LIMIT_WINDOW_MS: '1000', MAX_EVENT_LOOP_DELAY_MS: '0' })
  t.equal(config.RATE_LIMIT_MAX, 0, '0 turns the rate limit off')
  t.equal(config.RATE_LIMIT_WINDOW_MS, 1000)
  t.equal(config.MAX_EVENT_LOOP_DELAY_MS, 0)
  t.throws(() => loadConfig({ RATE_LIMIT_MAX: 'many' }), /RATE_LIMIT_MAX/)
  t.throws(() => loadConfig({ RATE_LIMIT_MAX: '-1' }), /RATE_LIMIT_MAX/)
  t.throws(() => loadConfig({ RATE_LIMIT_MAX: '1.5' }), /RATE_LIMIT_MAX/)
  t.throws(() => loadConfig({ RATE_LIMIT_WINDOW_MS: '10' }), /RATE_LIMIT_WINDOW_MS/, 'a window under a second')
  t.throws(() => loadConfig({ RATE_LIMIT_WINDOW_MS: '1m' }), /RATE_LIMIT_WINDOW_MS/)
  t.throws(() => loadConfig({ MAX_EVENT_LOOP_DELAY_MS: '-5' }), /MAX_EVENT_LOOP_DELAY_MS/)
  t.equal(defaults.TRUST_PROXY, '', 'no proxy is trusted by default')
  for (const value of ['true', '1', '10.0.0.0/8', 'loopback, 10.0.0.1']) t.equal(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY, value)
  t.throws(() => loadConfig({ TRUST_PROXY: 'any proxy!' }), /TRUST_PROXY/)
})

t.test('every variable is documented in the README\'s table and in .env.example', async (t) => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  const example = readFileSync(join(projectRoot, '.env.example'), 'utf8')
  for (const name of Object.keys(ConfigSchema.properties)) {
    t.match(readme, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `README: ${name}`)
    t.match(example, new RegExp(`^${name}=`, 'm'), `.env.example: ${name}`)
  }
})
