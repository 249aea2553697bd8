// Cards in French, Spanish and Arabic for every embeddable resource, in a real browser (Debian's Chromium through
// playwright-core): the iframe card page and the <notice-card> element of embed.js. Every piece of text must sit in
// an element whose language is the language of that text and whose computed direction is that language's
// direction, and no visual line may hold text of both directions. Screenshots go to artifacts/screenshots/.
import t, { type Test } from 'tap'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { SCREENSHOTS, browserContext, hostPage, listeningApi, whenChromium } from './harness.js'

const STEP_TIMEOUT = 15_000

const LANGS = ['fr', 'es', 'ar'] as const
/** One record per embeddable resource, chosen for the texts that tripped cards before (issue 11). */
const REFS = ['notice-types/red', 'grounds/article-3-political', 'terms/ncb', 'cases/iran-2021-us-officials', 'requesting-entities/icc']

await whenChromium(browserTests)

interface Audit {
  texts: number
  problems: string[]
  langs: string[]
  editorialTexts: number
  notes: Array<{ lang: string; text: string }>
}

/**
 * Runs in the page. For each text node under `root`: the language its element declares (the nearest `lang`, else
 * the shadow host's) must be the language the text is written in (Arabic script is `ar`, Latin letters are not),
 * the computed direction must be that language's, and no two pieces of text of different directions may share a
 * visual line (their line boxes overlap vertically).
 */
function auditInPage (root: Document | ShadowRoot): Audit {
  const RTL = new Set(['ar'])
  const host = root instanceof ShadowRoot ? root.host : null
  const problems: string[] = []
  const langs = new Set<string>()
  const boxes: Array<{ top: number; bottom: number; dir: string; text: string }> = []
  let texts = 0
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim()
    const element = node.parentElement
    if (!text || !element || ['STYLE', 'SCRIPT', 'TITLE'].includes(element.tagName)) continue
    texts++
    const lang = (element.closest('[lang]')?.getAttribute('lang') ?? host?.getAttribute('lang') ?? '').split('-')[0]
    langs.add(lang)
    const expected = RTL.has(lang) ? 'rtl' : 'ltr'
    const direction = getComputedStyle(element).direction
    const label = `${element.tagName.toLowerCase()}.${element.className} "${text.slice(0, 40)}"`
    if (!lang) problems.push(`${label}: no lang`)
    if (direction !== expected) problems.push(`${label}: lang=${lang} but direction ${direction}`)
    const arabic = /[\u0600-\u06ff]/.test(text)
    const latin = /[A-Za-zÀ-ÿ]/.test(text)
    if (arabic && lang !== 'ar') problems.push(`${label}: Arabic text marked lang=${lang}`)
    if (latin && !arabic && lang === 'ar') problems.push(`${label}: Latin text marked lang=ar`)
    const range = document.createRange()
    range.selectNodeContents(node)
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) boxes.push({ top: rect.top, bottom: rect.bottom, dir: direction, text: text.slice(0, 30) })
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
      if (a.dir !== b.dir && overlap > Math.min(a.bottom - a.top, b.bottom - b.top) / 2) {
        problems.push(`one line mixes directions: "${a.text}" (${a.dir}) and "${b.text}" (${b.dir})`)
      }
    }
  }
  const editorialTexts = root.querySelectorAll('[data-translation="editorial"]').length
  const notes = [...root.querySelectorAll('.note')].map((note) => ({ lang: note.getAttribute('lang') ?? '', text: note.textContent ?? '' }))
  return { texts, problems, langs: [...langs].sort(), editorialTexts, notes }
}

async function browserTests () {
  const api = await listeningApi(t)

  // A story page on another origin with one <notice-card> per resource and language.
  const cards = REFS.flatMap((ref) => LANGS.map((lang) => ({ ref, lang, id: `${ref.replace('/', '-')}-${lang}` })))
  const hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cards in three languages</title>
<script src="${api}/embed.js"></script></head><body>
${cards.map(({ ref, lang, id }) => `<notice-card id="${id}" ref="${ref}" lang="${lang}"></notice-card>`).join('\n')}
</body></html>`
  const hostOrigin = await hostPage(t, hostHtml, api)

  const context: BrowserContext = await browserContext(t, { width: 520, height: 420 })
  console.error(`# language screenshots saved under ${SCREENSHOTS}`)

  async function watchedPage () {
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT)
    const problems: string[] = []
    // Chromium asks every origin for /favicon.ico by itself; the service has none, and that 404 is not the page's.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`))
    return { page, problems }
  }

  const audit = (page: Page, cardId?: string) => page.evaluate(([source, id]) => {
    // The audit travels as source text: functions cannot cross into the page otherwise.
    const fn = new Function(`return (${source})`)() as (root: Document | ShadowRoot) => Audit // eslint-disable-line no-new-func
    const root = id ? document.getElementById(id)?.shadowRoot : document
    if (!root) throw new Error(`no shadow root for ${id}`)
    return fn(root)
  }, [auditInPage.toString(), cardId] as const)

  const noteCheck = (t: Test, lang: string, result: Audit) => {
    if (result.editorialTexts > 0) {
      t.equal(result.notes.length, 1, `${lang}: an editorial translation is shown, so the card says so`)
      t.equal(result.notes[0]?.lang, lang, 'in the card\'s own language')
    } else {
      t.equal(result.notes.length, 0, `${lang}: nothing editorial, no note`)
    }
  }

  t.test('iframe cards: French, Spanish and Arabic for every resource, each text in its own language and direction', { timeout: 120_000 }, async (t) => {
    const { page, problems } = await watchedPage()
    t.teardown(() => page.close())
    for (const ref of REFS) {
      for (const lang of LANGS) {
        await page.goto(`${api}/embed/${ref}?lang=${lang}`)
        const result = await audit(page)
        t.ok(result.texts >= 6, `${ref} ${lang}: ${result.texts} pieces of text checked`)
        t.same(result.problems, [], `${ref} ${lang}: every text's lang matches its script and its computed direction; no mixed line`)
        t.ok(result.langs.includes(lang), `${ref} ${lang}: the card speaks ${lang} (${result.langs.join(', ')})`)
        t.equal(await page.locator('h1').getAttribute('lang'), lang, `${ref} ${lang}: the name is translated`)
        t.equal(await page.locator('.summary').getAttribute('lang'), lang, `${ref} ${lang}: the summary is translated`)
        noteCheck(t, lang, result)
        await page.locator('.card').screenshot({ path: join(SCREENSHOTS, `card-${ref.replace('/', '-')}-${lang}.png`) })
      }
    }
    t.same(problems, [], 'no console errors')
  })

  t.test('<notice-card> elements from embed.js on another origin: the same checks inside each shadow root', { timeout: 120_000 }, async (t) => {
    const { page, problems } = await watchedPage()
    t.teardown(() => page.close())
    await page.setViewportSize({ width: 560, height: 900 })
    await page.goto(`${hostOrigin}/`)
    await page.waitForFunction(() => [...document.querySelectorAll('notice-card')]
      .every((card) => card.shadowRoot?.querySelector('.card .title')))
    for (const { ref, lang, id } of cards) {
      const result = await audit(page, id)
      t.ok(result.texts >= 6, `${ref} ${lang}: ${result.texts} pieces of text checked`)
      t.same(result.problems, [], `${ref} ${lang}: languages, directions and lines`)
      t.ok(result.langs.includes(lang), `${ref} ${lang}: the element speaks ${lang}`)
      noteCheck(t, lang, result)
      await page.locator(`#${id}`).screenshot({ path: join(SCREENSHOTS, `element-${id}.png`) })
    }
    t.same(problems, [], 'no console errors, CSP violations or CORS failures')
  })

  t.test('the landing page marks its Arabic and Spanish names the same way', { timeout: 60_000 }, async (t) => {
    const { page, problems } = await watchedPage()
    t.teardown(() => page.close())
    await page.setViewportSize({ width: 1000, height: 900 })
    await page.goto(`${api}/`)
    const result = await audit(page)
    t.same(result.problems, [], 'every text in its language and direction; no mixed line')
    t.same(result.langs, ['ar', 'en', 'es', 'fr'])
    await page.screenshot({ path: join(SCREENSHOTS, 'landing-languages.png'), fullPage: true })
    t.same(problems, [], 'no console errors')
  })

  t.test('the audit itself fails on the bugs it is there to catch', { timeout: 60_000 }, async (t) => {
    const { page } = await watchedPage()
    t.teardown(() => page.close())
    // English laid out right to left inside an Arabic card, and a source line mixing both directions.
    await page.setContent('<!doctype html><html lang="ar" dir="rtl"><body><p class="summary">English text in an Arabic card</p>' +
      '<p class="meta">المصدر: <a lang="en" dir="ltr">An English source title</a></p></body></html>')
    const result = await audit(page)
    t.match(result.problems.join('\n'), /Latin text marked lang=ar/)
    t.match(result.problems.join('\n'), /one line mixes directions/)
  })
}
