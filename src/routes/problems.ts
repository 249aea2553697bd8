// GET /docs/problems: what every problem `code` means. Each problem's `type` points here (`/docs/problems#not-found`),
// so a developer who meets an error can read about it on this service rather than on a third-party site.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import escapeHtml from 'escape-html'
import { PROBLEM_CODES, PROBLEM_MEANINGS, PROBLEMS_PAGE, problemTitle, type ProblemCode } from '../http/problems.js'

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
code{font:14px/1.4 ui-monospace,monospace}dt{margin-top:1rem;font-weight:600}dd{margin-inline-start:1.5rem}:target{background:#fff8c5}
a{color:#0b5cad}@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}a{color:#58a6ff}:target{background:#3b2e00}}`

/** The page, built once: it depends on nothing but the list of codes. */
export function problemsPage (): string {
  const entries = (Object.keys(PROBLEM_CODES) as ProblemCode[]).map((code) =>
    `<dt id="${code}"><a href="#${code}"><code>${code}</code></a> · ${PROBLEM_CODES[code]} ${escapeHtml(problemTitle(code))}</dt>` +
    `<dd>${escapeHtml(PROBLEM_MEANINGS[code]).replace(/`([^`]+)`/g, '<code>$1</code>')}</dd>`).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark">
<title>Problem codes · INTERPOL Notice API</title><style>${STYLE}</style></head><body><main>
<h1>Problem codes</h1>
<p>Every error this service sends is an RFC 9457 <code>application/problem+json</code> document with a stable
<code>code</code>, a <code>status</code> equal to the HTTP status, a <code>title</code>, a <code>detail</code> for
people and the <code>requestId</code> that finds it in the logs. Its <code>type</code> is this page, at the code's
anchor. Lists of field errors (<code>errors</code>) hold at most 20 entries; <code>detail</code> says how many more
there were.</p>
<dl>
${entries}
</dl>
<p><a href="/docs">Interactive documentation</a> · <a href="/">Home</a></p>
</main></body></html>`
}

const problemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const html = problemsPage()
  // Exempt from the rate limit (src/plugins/limits.ts): it is where a 429 points.
  app.get(PROBLEMS_PAGE, { schema: { hide: true }, config: { produces: ['text/html'] } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(html))
}

export default problemRoutes
