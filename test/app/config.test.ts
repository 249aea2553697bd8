import t from 'tap'
import { loadConfig } from '../../src/config.js'
import { defaultDataDir } from '../../src/paths.js'

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
