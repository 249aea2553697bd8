// What the browser tests share: Debian's Chromium (skipped with a reason outside CI, a failure under CI when it is
// missing), the API on a free port, a newsroom host page on another origin, and one persistent browser context.
import t, { type Test } from 'tap'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext } from 'playwright-core'
import { createApp } from '../../src/app.js'
import { realDataset } from '../helpers.js'

/** Teardowns run last-registered first, so the browser closes before the servers it is still connected to. */
const cleanups = new WeakMap<Test, Array<() => unknown>>()
function later (test: Test, cleanup: () => unknown) {
  let stack = cleanups.get(test)
  if (!stack) {
    const created: Array<() => unknown> = []
    cleanups.set(test, created)
    test.teardown(async () => { for (const run of created.reverse()) await run() })
    stack = created
  }
  stack.push(cleanup)
}

export const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-quic', '--disable-sync']
export const SCREENSHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url))

/** Runs `tests` when Chromium is installed; otherwise skips with a reason, or fails under CI, which must install it. */
export async function whenChromium (tests: () => Promise<void>) {
  if (existsSync(CHROMIUM)) return tests()
  if (process.env.CI) t.fail(`${CHROMIUM} is missing: CI must install Debian's chromium package (see .ci/run)`)
  else t.plan(0, `browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)
}

/** The app on the real dataset, listening on a free loopback port; closed when `test` ends. */
export async function listeningApi (test: Test): Promise<string> {
  const app = await createApp({ dataset: realDataset() })
  await app.listen({ port: 0, host: '127.0.0.1' })
  later(test, () => app.close())
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

/**
 * A newsroom page on another origin with a strict policy of its own (scripts, requests and frames from the API only,
 * no inline styles), so that any hidden dependency of the embeds shows up as a CSP violation.
 */
export async function hostPage (test: Test, html: string, api: string): Promise<string> {
  const host: Server = createServer((request, response) => {
    if (request.url === '/') {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src ${api}; connect-src ${api}; frame-src ${api}; style-src 'self'`
      })
      response.end(html)
    } else {
      response.writeHead(204).end()
    }
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  later(test, () => new Promise((resolve) => host.close(resolve)))
  return `http://127.0.0.1:${(host.address() as AddressInfo).port}`
}

/** A headless Chromium context with a profile of its own; screenshots go to SCREENSHOTS. */
export async function browserContext (test: Test, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core')
  mkdirSync(SCREENSHOTS, { recursive: true })
  const userDataDir = mkdtempSync(join(tmpdir(), 'notice-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, timeout: 30_000 })
  later(test, async () => {
    await context.close().catch(() => {})
    rmSync(userDataDir, { recursive: true, force: true })
  })
  return context
}
