// Contract linting: the committed openapi.yaml passes Spectral (OpenAPI and OWASP rules, .spectral.yaml) and
// Redocly (redocly.yaml) with no warning; every waiver is written with its reason in those files.
import t from 'tap'
import { execFile } from 'node:child_process'
import { projectRoot } from '../src/paths.js'

function run (args: string[]): Promise<{ code: number, output: string }> {
  return new Promise((resolve) => {
    // --no: never download a linter; they are dev dependencies.
    execFile('npx', ['--no', ...args], { cwd: projectRoot, timeout: 90_000, env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }))
  })
}

t.test('spectral: OpenAPI and OWASP rules, failing on warnings', async (t) => {
  const { code, output } = await run(['spectral', 'lint', 'openapi.yaml', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn'])
  t.equal(code, 0, code === 0 ? 'clean' : output)
})

t.test('redocly: the recommended rules', async (t) => {
  const { code, output } = await run(['redocly', 'lint', 'openapi.yaml', '--config', 'redocly.yaml'])
  t.equal(code, 0, code === 0 ? 'clean' : output)
})
