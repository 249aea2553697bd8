// GET /: a plain HTML page saying what the service is, with live counts, example calls and the licence.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import escapeHtml from 'escape-html'
import { datasetStats } from '../data/stats.js'
import { origin } from '../http/origin.js'
import { LANGUAGES, directionOf, englishOf, localizedBlock } from '../http/language.js'

const RESOURCES: Array<{ key: string; path: string; what: string }> = [
  { key: 'notice-types', path: '/v1/notice-types', what: 'the colour notices, the UN Special Notice, diffusions and abolished types' },
  { key: 'grounds', path: '/v1/grounds', what: 'why requests are refused or notices deleted (Article 3 first)' },
  { key: 'cases', path: '/v1/cases', what: 'public cases and CCF decisions that show the rules at work' },
  { key: 'terms', path: '/v1/terms', what: 'the glossary, with names in INTERPOL\'s official languages' },
  { key: 'provisions', path: '/v1/provisions', what: 'the articles of the rules a notice must meet' },
  { key: 'instruments', path: '/v1/instruments', what: 'the legal texts: Constitution, RPD, CCF Statute, resolutions' },
  { key: 'requesting-entities', path: '/v1/requesting-entities', what: 'international bodies that may request notices' },
  { key: 'countries', path: '/v1/countries', what: 'every ISO country, with INTERPOL membership and restrictions' }
]

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
code,pre{font:14px/1.4 ui-monospace,monospace}pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;border-radius:6px}
table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:start;border-bottom:1px solid #d0d7de}
dl.names dd{margin:0 0 .4rem 1.5rem;font-size:1.1rem}a{color:#0b5cad}@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}pre{background:#161b22}a{color:#58a6ff}td,th{border-color:#30363d}}`

const landingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { counts } = datasetStats(app.dataset)
  const { release, version } = app.dataset
  const LANGUAGE_NAMES = { en: 'English', fr: 'French', es: 'Spanish', ar: 'Arabic' }
  const MARKINGS: Record<string, string> = { original: 'the record\'s English', official: 'official: INTERPOL\'s wording', editorial: 'editorial: the project\'s translation' }
  // The Red Notice's name in each language, each marked with the language it is in, so that an Arabic name runs
  // right to left in an element of its own.
  const red = app.dataset.noticeTypes.byId.get('red')
  const languageRows = red
    ? LANGUAGES.map((lang) => {
      const block = localizedBlock(red, englishOf.noticeType(red), lang)
      // The language and the marking on one line, the name on the next: an Arabic name never shares a line with English.
      return `<dt><code>${lang}</code> ${LANGUAGE_NAMES[lang]}, ${escapeHtml(MARKINGS[block.nameTranslation])}</dt>` +
        `<dd lang="${block.nameLang}" dir="${directionOf(block.nameLang)}">${escapeHtml(block.name)}</dd>`
    }).join('')
    : ''

  app.get('/', { schema: { hide: true }, config: { produces: ['text/html'] } }, async (request, reply) => {
    const base = origin(request)
    const rows = RESOURCES.map(({ key, path, what }) =>
      `<tr><td><a href="${path}">${escapeHtml(key)}</a></td><td data-count="${key}">${counts[key] ?? 0}</td><td>${escapeHtml(what)}</td></tr>`).join('')
    const examples = [
      `curl ${base}/v1/notice-types/red`,
      `curl '${base}/v1/notice-types/red?lang=fr'`,
      `curl '${base}/v1/grounds/article-3-political?lang=es'`,
      `curl '${base}/v1/cases/iran-2021-us-officials?lang=ar'`,
      `curl -H 'Accept: text/csv' ${base}/v1/cases`,
      `curl -H 'Accept: application/ld+json' ${base}/v1/terms/red-notice`,
      `curl '${base}/v1/search?q=wanted%20notice'`,
      `curl '${base}/oembed?url=${base}/embed/notice-types/red'`
    ].map(escapeHtml).join('\n')
    const snippet = escapeHtml(`<script src="${base}/embed.js" async></script>\n<notice-card ref="notice-types/red" lang="fr"></notice-card>`)
    const html = `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light dark">
<title>INTERPOL Notice API</title><style>${STYLE}</style></head><body>
<main>
<h1>INTERPOL Notice API</h1>
<p>A public, read-only REST API that explains INTERPOL's notice system: the notice types, who may request them,
the rules they must meet, the grounds on which they are refused or deleted, and the cases that show those rules at
work. Every record cites its sources. It is reference information, not legal advice and not an INTERPOL service.</p>
<h2>Resources</h2>
<table><thead><tr><th>resource</th><th>records</th><th>what</th></tr></thead><tbody>${rows}</tbody></table>
<p>${counts['member-countries'] ?? 0} member countries · search everything at <a href="/v1/search?q=red%20notice">/v1/search?q=…</a> ·
assess a hypothetical request with <code>POST /v1/assessments</code> (<a href="/v1/assessments/examples">examples</a>).</p>
<h2>Try it</h2>
<pre dir="ltr">${examples}</pre>
<h2>Languages</h2>
<p>Notice types, grounds, terms, requesting entities and cases give their name and one-line summary in English,
French, Spanish and Arabic (<code>?lang=</code> or <code>Accept-Language</code>), in a <code>localized</code> block
that says for each text which language it is in and whether it is <strong>official</strong> (INTERPOL's own wording,
with the source it was read in) or <strong>editorial</strong> (the project's translation, reviewed against the
English, and not INTERPOL's wording). Cards and CSV carry the same marking. Every list also answers as CSV
(<code>?format=csv</code>).</p>
<p>The Red Notice's name, as the API gives it in each language:</p>
<dl class="names">${languageRows}</dl>
<h2>Embed a card</h2>
<p>An iframe of <a href="/embed/notice-types/red">/embed/notice-types/red</a>, oEmbed at <code>/oembed?url=…</code>,
or one script tag and an element:</p>
<pre dir="ltr">${snippet}</pre>
<h2>Documentation</h2>
<p><a href="/docs">Interactive documentation (Swagger UI)</a> · <a href="/openapi.json">OpenAPI 3.1 (JSON)</a> ·
<a href="/openapi.yaml">OpenAPI (YAML)</a> · <a href="/v1/meta">/v1/meta</a></p>
<h2>Licence</h2>
<p>Dataset released ${escapeHtml(release.released)}, version <code>${escapeHtml(version)}</code>, under
<a href="${escapeHtml(release.licence.url)}" rel="license">${escapeHtml(release.licence.name)}</a>.
${escapeHtml(release.attribution)}</p>
<p>${escapeHtml(release.disclaimer)}</p>
</main></body></html>`
    return reply.type('text/html; charset=utf-8').send(html)
  })
}

export default landingRoutes
