// The embeddable card: one model built from a record, one stylesheet, rendered as a standalone page for iframes
// (here) and in a shadow root by the <notice-card> element (script.ts). Both take the same fields of the same JSON,
// so that an iframe and the element show the same thing.
import escapeHtml from 'escape-html'
import type { Dataset } from '../data/dataset.js'
import { DEFAULT_LANGUAGE, directionOf, localize, type Language } from '../http/language.js'

export const EMBED_RESOURCES = ['notice-types', 'grounds', 'terms', 'cases'] as const
export type EmbedResource = typeof EMBED_RESOURCES[number]

export const CARD_WIDTH = 480
export const CARD_HEIGHT = 300
/** Longest summary a card shows; the full text is one link away. */
export const SUMMARY_LIMIT = 420

/** Words of the card itself, in each language we answer in. */
export const UI_TEXT: Record<Language, { source: string; record: string; dataset: string }> = {
  en: { source: 'Source', record: 'Full record', dataset: 'Dataset' },
  fr: { source: 'Source', record: 'Fiche complète', dataset: 'Données' },
  es: { source: 'Fuente', record: 'Ficha completa', dataset: 'Datos' },
  ar: { source: 'المصدر', record: 'السجل الكامل', dataset: 'البيانات' }
}

export const KICKERS: Record<EmbedResource, string> = {
  'notice-types': 'INTERPOL notice type',
  grounds: 'Ground for refusal or deletion',
  terms: 'INTERPOL glossary',
  cases: 'Case'
}

export interface CardText { text: string; lang: string }

export interface Card {
  resource: EmbedResource
  id: string
  lang: Language
  dir: 'ltr' | 'rtl'
  kicker: string
  title: CardText
  summary: CardText
  facts: string[]
  colour?: string
  source?: { title: string; url: string }
  recordUrl: string
  embedUrl: string
  version: string
}

/** Cuts at the last sentence or word end before the limit, so a card never shows half a word. */
export function shorten (text: string, limit = SUMMARY_LIMIT): string {
  if (text.length <= limit) return text
  const cut = text.slice(0, limit)
  const sentence = cut.lastIndexOf('. ')
  if (sentence > limit / 2) return cut.slice(0, sentence + 1)
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`
}

interface Sourced { sources: Array<{ title: string; url: string }> }

const firstSource = (record: Sourced) => record.sources[0] ? { title: record.sources[0].title, url: record.sources[0].url } : undefined

/** Notice types and terms have translated names and short definitions; the other resources are English only. */
function localizedText (record: Parameters<typeof localize>[0], lang: Language, longText: string) {
  const { localized } = localize(record, lang, longText)
  return {
    title: { text: localized.name, lang: localized.nameLang },
    summary: { text: shorten(localized.summary), lang: localized.summaryLang }
  }
}

const englishText = (title: string, summary: string) =>
  ({ title: { text: title, lang: DEFAULT_LANGUAGE }, summary: { text: shorten(summary), lang: DEFAULT_LANGUAGE } })

type CardContent = Pick<Card, 'title' | 'summary' | 'facts' | 'colour' | 'source'>

function contentOf (dataset: Dataset, resource: EmbedResource, id: string, lang: Language): CardContent | undefined {
  switch (resource) {
    case 'notice-types': {
      const found = dataset.noticeTypes.byId.get(id)
      return found && { ...localizedText(found, lang, found.purpose), facts: [found.kind, found.status], colour: found.colour?.hex, source: firstSource(found) }
    }
    case 'terms': {
      const found = dataset.terms.byId.get(id)
      return found && { ...localizedText(found, lang, found.definition), facts: [], source: firstSource(found) }
    }
    case 'grounds': {
      const found = dataset.grounds.byId.get(id)
      return found && { ...englishText(found.title, found.description), facts: [found.family], source: firstSource(found) }
    }
    case 'cases': {
      const found = dataset.cases.byId.get(id)
      return found && {
        ...englishText(found.title, found.summary),
        facts: [found.date, found.outcome, found.decidedBy].filter((fact): fact is string => Boolean(fact)),
        source: firstSource(found)
      }
    }
  }
}

export function buildCard (dataset: Dataset, resource: EmbedResource, id: string, lang: Language, origin: string): Card | undefined {
  const content = contentOf(dataset, resource, id, lang)
  if (!content) return undefined
  return {
    ...content,
    resource,
    id,
    lang,
    dir: directionOf(lang),
    kicker: KICKERS[resource],
    recordUrl: `${origin}/v1/${resource}/${id}`,
    embedUrl: `${origin}/embed/${resource}/${id}`,
    version: dataset.version
  }
}

/** Shared by the page and the shadow root; system fonts only, and the reader's light or dark preference. */
export const CARD_CSS = `
.card{box-sizing:border-box;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;
color:#1b1f24;background:#fff;border:1px solid #d0d7de;border-radius:10px;padding:14px 16px;max-width:${CARD_WIDTH}px;
border-inline-start:6px solid var(--accent,#0b5cad)}
.kicker{margin:0;font-size:12px;letter-spacing:.04em;text-transform:uppercase;color:#57606a}
.title{margin:2px 0 6px;font-size:20px;line-height:1.25}
.summary{margin:0 0 8px}
.facts{margin:0 0 8px;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:6px}
.facts li{font-size:12px;border:1px solid #d0d7de;border-radius:999px;padding:1px 8px}
.meta{margin:0;font-size:12px;color:#57606a}
.meta a{color:#0b5cad}
@media (prefers-color-scheme:dark){.card{color:#e6edf3;background:#0d1117;border-color:#30363d}
.kicker,.meta{color:#9da7b3}.facts li{border-color:#30363d}.meta a{color:#58a6ff}}
`.trim()

/** The card's inner markup; every value from the data goes through escape-html. */
export function renderCard (card: Card): string {
  const ui = UI_TEXT[card.lang]
  const text = (tag: string, cls: string, value: CardText) =>
    `<${tag} class="${cls}" lang="${escapeHtml(value.lang)}" dir="${directionOf(value.lang)}">${escapeHtml(value.text)}</${tag}>`
  const facts = card.facts.length > 0
    ? `<ul class="facts" lang="en" dir="ltr">${card.facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>`
    : ''
  const source = card.source
    ? `${escapeHtml(ui.source)}: <a href="${escapeHtml(card.source.url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(card.source.title)}</a> · `
    : ''
  const style = card.colour ? ` style="--accent:${escapeHtml(card.colour)}"` : ''
  return `<article class="card" lang="${card.lang}" dir="${card.dir}"${style} aria-labelledby="card-title">` +
    `<p class="kicker" lang="en" dir="ltr">${escapeHtml(card.kicker)}</p>` +
    text('h1', 'title', card.title).replace('<h1 ', '<h1 id="card-title" ') +
    text('p', 'summary', card.summary) +
    facts +
    `<p class="meta">${source}<a href="${escapeHtml(card.recordUrl)}" target="_blank" rel="noopener noreferrer">${escapeHtml(ui.record)}</a>` +
    ` · ${escapeHtml(ui.dataset)} <span lang="en" dir="ltr">${escapeHtml(card.version)}</span></p>` +
    '</article>'
}

/** A whole page for an iframe: no scripts, no external assets, the oEmbed discovery link in the head. */
export function renderCardPage (card: Card, oembedUrl: string): string {
  return '<!doctype html>' +
    `<html lang="${card.lang}" dir="${card.dir}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="color-scheme" content="light dark">' +
    `<title>${escapeHtml(card.title.text)}</title>` +
    `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembedUrl)}" title="${escapeHtml(card.title.text)}">` +
    `<style>html,body{margin:0;padding:0;background:transparent}body{padding:4px}${CARD_CSS}</style>` +
    `</head><body>${renderCard(card)}</body></html>`
}
