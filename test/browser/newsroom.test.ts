// The newsroom features in a real browser (Debian's Chromium through playwright-core): Swagger UI, the embed
// script and the iframe card on a page from another origin, languages and direction. Screenshots go to
// artifacts/screenshots/ so that CI can show them.
import t from 'tap'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { realDataset } from '../helpers.js'
import { SCREENSHOTS, browserContext, hostPage, listeningApi, whenChromium } from './harness.js'

const STEP_TIMEOUT = 15_000

await whenChromium(browserTests)

async function browserTests () {
  const api = await listeningApi(t)

  // A newsroom page on another origin, with a strict policy of its own: scripts, requests and frames from the
  // API only, and no inline styles, so that any hidden dependency of the embeds shows up as a CSP violation.
  const hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A story with notice cards</title>
<script src="${api}/embed.js"></script></head><body>
<h1>How a Red Notice works</h1>
<notice-card id="card-en" ref="notice-types/red"></notice-card>
<notice-card id="card-fr" ref="notice-types/red" lang="fr"></notice-card>
<notice-card id="card-ar" ref="notice-types/red" lang="ar"></notice-card>
<iframe id="frame" src="${api}/embed/notice-types/red" width="480" height="300" title="Red Notice"></iframe>
</body></html>`
  const hostOrigin = await hostPage(t, hostHtml, api)

  const context: BrowserContext = await browserContext(t, { width: 1100, height: 900 })

  t.comment(`screenshots: ${SCREENSHOTS}`)
  console.error(`# browser screenshots saved under ${SCREENSHOTS}`)

  /** A page that records console errors, uncaught exceptions and failed requests. */
  async function watchedPage () {
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT)
    const problems: string[] = []
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`) })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`))
    return { page, problems }
  }

  const shadowText = (page: Page, id: string, selector: string) =>
    page.evaluate(([cardId, sel]) => document.getElementById(cardId)?.shadowRoot?.querySelector(sel)?.textContent ?? null, [id, selector])

  t.test('Swagger UI renders every operation, and "Try it out" on GET /v1/notice-types/{id} shows a 200 body', { timeout: 60_000 }, async (t) => {
    const { page, problems } = await watchedPage()
    t.teardown(() => page.close())
    const spec = await (await fetch(`${api}/docs/json`)).json() as { paths: Record<string, Record<string, unknown>> }
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
    const operations = Object.values(spec.paths).flatMap((item) => Object.keys(item).filter((key) => methods.includes(key))).length
    t.ok(operations > 10, `${operations} operations in the document`)

    await page.goto(`${api}/docs/`)
    await page.waitForFunction((count) => document.querySelectorAll('.opblock').length >= count, operations)
    t.equal(await page.locator('.opblock').count(), operations, 'one block per operation')

    const block = page.locator('.opblock', { has: page.locator('.opblock-summary-path[data-path="/v1/notice-types/{id}"]') })
    await block.locator('.opblock-summary').first().click()
    await block.locator('.try-out__btn').click()
    const input = block.locator('input[placeholder="id"]')
    await input.fill('red')
    await block.locator('button.execute').click()
    const status = block.locator('.live-responses-table tbody .response-col_status').first()
    await status.waitFor()
    t.equal((await status.textContent())?.trim(), '200')
    const body = await block.locator('.live-responses-table tbody .response-col_description pre').first().textContent()
    t.match(body, /"id": "red"/)
    t.match(body, /Red Notice/)
    await page.screenshot({ path: join(SCREENSHOTS, 'docs.png') })
    t.same(problems, [], 'no console errors or failed requests')
  })

  t.test('a page on another origin: <notice-card> elements and an iframe card', { timeout: 60_000 }, async (t) => {
    const { page, problems } = await watchedPage()
    t.teardown(() => page.close())
    t.not(new URL(hostOrigin).origin, new URL(api).origin, 'two different origins')
    await page.goto(`${hostOrigin}/`)
    await page.waitForFunction(() => [...document.querySelectorAll('notice-card')]
      .every((card) => card.shadowRoot?.querySelector('.card .title')))

    t.equal(await shadowText(page, 'card-en', '.title'), 'Red Notice')
    t.match(await shadowText(page, 'card-en', '.summary'), /^To locate and arrest a person wanted/)
    t.match(await page.evaluate(() => document.getElementById('card-en')?.shadowRoot?.querySelector('.card')?.textContent ?? ''), new RegExp(`Dataset: ${realDataset().version}`), 'the version, read from an exposed header')
    t.equal(await shadowText(page, 'card-fr', '.title'), 'Notice rouge', 'the French name')
    t.match(await shadowText(page, 'card-fr', '.summary'), /^Localisation et arrestation/, 'INTERPOL\'s own French wording')
    t.equal(await shadowText(page, 'card-ar', '.title'), 'النشرة الحمراء')
    const direction = (id: string, selector: string) => page.evaluate(([cardId, sel]) => {
      const node = document.getElementById(cardId)?.shadowRoot?.querySelector(sel)
      return node ? getComputedStyle(node).direction : null
    }, [id, selector])
    t.equal(await direction('card-ar', '.card'), 'rtl', 'the Arabic card runs right to left')
    t.equal(await direction('card-ar', '.title'), 'rtl')
    t.equal(await direction('card-en', '.card'), 'ltr')

    const frame = page.frameLocator('#frame')
    await frame.locator('h1').waitFor()
    t.equal(await frame.locator('h1').textContent(), 'Red Notice')
    t.match(await frame.locator('.summary').textContent(), /^To locate and arrest a person wanted/)
    await page.screenshot({ path: join(SCREENSHOTS, 'host-page.png'), fullPage: true })
    t.same(problems, [], 'no console errors, CSP violations or CORS failures')
  })

  t.test('the embed page alone: Arabic right to left, French, and a dark variant', { timeout: 60_000 }, async (t) => {
    const { page, problems } = await watchedPage()
    t.teardown(() => page.close())
    await page.goto(`${api}/embed/notice-types/red?lang=ar`)
    t.equal(await page.locator('h1').textContent(), 'النشرة الحمراء')
    t.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.card') as Element).direction), 'rtl')
    await page.screenshot({ path: join(SCREENSHOTS, 'embed-ar.png') })

    await page.goto(`${api}/embed/notice-types/red?lang=fr`)
    t.equal(await page.locator('h1').textContent(), 'Notice rouge')
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.card') as Element).backgroundColor)
    await page.emulateMedia({ colorScheme: 'light' })
    const light = await background()
    await page.emulateMedia({ colorScheme: 'dark' })
    const dark = await background()
    t.not(light, dark, `light ${light}, dark ${dark}`)
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${api}/embed/notice-types/red`)
    await page.screenshot({ path: join(SCREENSHOTS, 'embed.png') })
    t.ok(existsSync(join(SCREENSHOTS, 'embed.png')))
    t.same(problems, [], 'no console errors')
  })
}
