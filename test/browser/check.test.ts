// The embeddable claim checker (/embed/check) in a real browser (Debian's Chromium through playwright-core): paste
// a paragraph, press Check, and the flags appear highlighted inline at the right words, with the findings and
// their sources listed; no console error, no blocked request, no script from elsewhere.
import t from 'tap'
import { join } from 'node:path'
import { SCREENSHOTS, browserContext, listeningApi, whenChromium } from './harness.js'

await whenChromium(browserTest)

async function browserTest () {
  const api = await listeningApi(t)
  const context = await browserContext(t, { width: 1000, height: 900 })

  t.test('paste a paragraph, see the flags inline', { timeout: 60_000 }, async (t) => {
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    t.teardown(() => page.close())
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`) })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`))
    page.on('request', (request) => requests.push(request.url()))

    const response = await page.goto(`${api}/embed/check`)
    t.equal(response?.status(), 200)
    t.match(String(response?.headers()['content-security-policy']), /frame-ancestors \*/)
    t.notOk(response?.headers()['x-frame-options'], 'frameable')

    const paragraph = 'Iran issued Red Notices for Donald Trump and 47 other US officials. Interpol rejected the request, ' +
      'citing murder and terrorism charges. A Red Notice is not an international arrest warrant. <b>Not HTML</b> here.'
    await page.fill('#text', paragraph)
    await page.click('#check')
    await page.waitForFunction(() => document.querySelectorAll('#output mark').length === 2)

    const marks = await page.$$eval('#output mark', (nodes) => nodes.map((node) => ({
      text: node.textContent, id: (node as HTMLElement).dataset.misconception, title: (node as HTMLElement).title, className: node.className
    })))
    t.same(marks.map((m) => [m.text, m.id]), [
      ['Iran issued Red Notices', 'country-issues-notice'],
      ['Interpol rejected the request, citing murder', 'interpol-cited-charges']
    ])
    t.ok(marks.every((m) => m.title.length > 20), 'the correction on hover')
    t.same(marks.map((m) => m.className), ['medium', 'high'], 'coloured by severity')
    t.equal(await page.textContent('#output'), paragraph, 'the text around the marks is kept exactly, markup shown as text')
    t.equal(await page.locator('#output b').count(), 0, 'pasted markup is never rendered')
    t.equal(await page.locator('#findings li').count(), 2)
    t.match(await page.textContent('#findings li:first-child'), /General Secretariat/)
    t.ok(await page.locator('#findings li:first-child a[href^="https://"]').count() > 0, 'sources linked')
    t.match(await page.textContent('#status'), /2 passages flagged/)
    const background = await page.$eval('#output mark.high', (node) => getComputedStyle(node).backgroundColor)
    t.not(background, 'rgba(0, 0, 0, 0)', 'the highlight is visible')

    // Arabic, right to left.
    await page.fill('#text', 'أصدرت إيران نشرات حمراء بحق مسؤولين أمريكيين.')
    await page.click('#check')
    await page.waitForFunction(() => document.querySelectorAll('#output mark').length === 1 && /إيران/.test(document.querySelector('#output mark')?.textContent ?? ''))
    t.equal(await page.$eval('#output', (node) => getComputedStyle(node).direction), 'rtl')

    await page.screenshot({ path: join(SCREENSHOTS, 'claim-checker.png'), fullPage: true })
    t.same(problems, [], 'no console errors or failed requests')
    t.ok(requests.every((url) => url.startsWith(api)), 'nothing loaded from elsewhere')
  })
}
