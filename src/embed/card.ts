// The embeddable card: one model built from a record, one stylesheet, rendered as a standalone page for iframes
// (here) and in a shadow root by the <notice-card> element (script.ts). Both take the same fields of the same JSON,
// so that an iframe and the element show the same thing.
import escapeHtml from 'escape-html'
import type { Dataset } from '../data/dataset.js'
import { directionOf, englishOf, localizedBlock, type Language } from '../http/language.js'
import type { Localized } from '../../schemas/common.js'

export const EMBED_RESOURCES = ['notice-types', 'grounds', 'terms', 'cases', 'requesting-entities'] as const
export type EmbedResource = typeof EMBED_RESOURCES[number]

export const CARD_WIDTH = 480
export const CARD_HEIGHT = 300
/** Longest summary a card shows; the full text is one link away. */
export const SUMMARY_LIMIT = 420

/** Words of the card itself, in each language we answer in (the card's own chrome, not data). */
export const UI_TEXT: Record<Language, {
  source: string; record: string; dataset: string
  editorial: { both: string; name: string; summary: string }
  kickers: Record<EmbedResource, string>
}> = {
  en: {
    source: 'Source',
    record: 'Full record',
    dataset: 'Dataset',
    editorial: { both: '', name: '', summary: '' },
    kickers: { 'notice-types': 'INTERPOL notice type', grounds: 'Ground for refusal or deletion', terms: 'INTERPOL glossary', cases: 'Case', 'requesting-entities': 'Body that may request notices' }
  },
  fr: {
    source: 'Source',
    record: 'Fiche complète',
    dataset: 'Données',
    editorial: {
      both: 'Traduction éditoriale, pas le texte d’INTERPOL',
      name: 'Nom : traduction éditoriale, pas le texte d’INTERPOL',
      summary: 'Résumé : traduction éditoriale, pas le texte d’INTERPOL'
    },
    kickers: { 'notice-types': 'Type de notice INTERPOL', grounds: 'Motif de refus ou de suppression', terms: 'Glossaire INTERPOL', cases: 'Affaire', 'requesting-entities': 'Entité pouvant demander des notices' }
  },
  es: {
    source: 'Fuente',
    record: 'Ficha completa',
    dataset: 'Datos',
    editorial: {
      both: 'Traducción editorial, no es el texto de INTERPOL',
      name: 'Nombre: traducción editorial, no es el texto de INTERPOL',
      summary: 'Resumen: traducción editorial, no es el texto de INTERPOL'
    },
    kickers: { 'notice-types': 'Tipo de notificación de INTERPOL', grounds: 'Motivo de denegación o eliminación', terms: 'Glosario de INTERPOL', cases: 'Caso', 'requesting-entities': 'Entidad que puede solicitar notificaciones' }
  },
  ar: {
    source: 'المصدر',
    record: 'السجل الكامل',
    dataset: 'البيانات',
    editorial: {
      both: 'ترجمة تحريرية، وليست نص الإنتربول',
      name: 'الاسم: ترجمة تحريرية، وليست نص الإنتربول',
      summary: 'الملخص: ترجمة تحريرية، وليست نص الإنتربول'
    },
    kickers: { 'notice-types': 'نوع من نشرات الإنتربول', grounds: 'سبب للرفض أو الحذف', terms: 'مسرد الإنتربول', cases: 'قضية', 'requesting-entities': 'جهة يجوز لها طلب النشرات' }
  }
}

/** A piece of text and the language it is actually in, which decides its `lang` and `dir` on the card. */
export interface CardText { text: string; lang: string }
export type Translation = Localized['nameTranslation']

export interface Card {
  resource: EmbedResource
  id: string
  lang: Language
  dir: 'ltr' | 'rtl'
  kicker: CardText
  title: CardText & { translation: Translation }
  summary: CardText & { translation: Translation }
  /** Which of the texts are the project's translation, said in the card's language; empty when none is. */
  editorialNote?: CardText
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

/** Which editorial note, if any: one for the name, one for the summary, or one for both. */
export function editorialKey (name: Translation, summary: Translation): 'both' | 'name' | 'summary' | undefined {
  if (name === 'editorial' && summary === 'editorial') return 'both'
  if (name === 'editorial') return 'name'
  if (summary === 'editorial') return 'summary'
  return undefined
}

interface Sourced { sources: Array<{ title: string; url: string }> }

const firstSource = (record: Sourced) => record.sources[0] ? { title: record.sources[0].title, url: record.sources[0].url } : undefined

type CardContent = { localized: Localized } & Pick<Card, 'facts' | 'colour' | 'source'>

function contentOf (dataset: Dataset, resource: EmbedResource, id: string, lang: Language): CardContent | undefined {
  switch (resource) {
    case 'notice-types': {
      const found = dataset.noticeTypes.byId.get(id)
      return found && { localized: localizedBlock(found, englishOf.noticeType(found), lang), facts: [found.kind, found.status], colour: found.colour?.hex, source: firstSource(found) }
    }
    case 'terms': {
      const found = dataset.terms.byId.get(id)
      return found && { localized: localizedBlock(found, englishOf.term(found), lang), facts: [], source: firstSource(found) }
    }
    case 'grounds': {
      const found = dataset.grounds.byId.get(id)
      return found && { localized: localizedBlock(found, englishOf.ground(found), lang), facts: [found.family], source: firstSource(found) }
    }
    case 'cases': {
      const found = dataset.cases.byId.get(id)
      return found && {
        localized: localizedBlock(found, englishOf.case(found), lang),
        facts: [found.date, found.outcome, found.decidedBy].filter((fact): fact is string => Boolean(fact)),
        source: firstSource(found)
      }
    }
    case 'requesting-entities': {
      const found = dataset.requestingEntities.byId.get(id)
      return found && { localized: localizedBlock(found, englishOf.requestingEntity(found), lang), facts: [found.kind], source: firstSource(found) }
    }
  }
}

export function buildCard (dataset: Dataset, resource: EmbedResource, id: string, lang: Language, origin: string): Card | undefined {
  const content = contentOf(dataset, resource, id, lang)
  if (!content) return undefined
  const { localized, ...rest } = content
  const ui = UI_TEXT[lang]
  const note = editorialKey(localized.nameTranslation, localized.summaryTranslation)
  return {
    ...rest,
    resource,
    id,
    lang,
    dir: directionOf(lang),
    kicker: { text: ui.kickers[resource], lang },
    title: { text: localized.name, lang: localized.nameLang, translation: localized.nameTranslation },
    summary: { text: shorten(localized.summary), lang: localized.summaryLang, translation: localized.summaryTranslation },
    ...(note ? { editorialNote: { text: ui.editorial[note], lang } } : {}),
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
.summary{margin:0 0 6px}
.note{margin:0 0 8px;font-size:12px;font-style:italic;color:#9a4d00}
.facts{margin:0 0 8px;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:6px}
.facts li{font-size:12px;border:1px solid #d0d7de;border-radius:999px;padding:1px 8px}
.meta{margin:0;font-size:12px;color:#57606a}
.meta a{color:#0b5cad}
@media (prefers-color-scheme:dark){.card{color:#e6edf3;background:#0d1117;border-color:#30363d}
.kicker,.meta{color:#9da7b3}.note{color:#f0a35e}.facts li{border-color:#30363d}.meta a{color:#58a6ff}}
`.trim()

/** Source titles in the data are English; a title in Arabic script would be marked as such. */
export const textLang = (text: string) => (/[\u0600-\u06ff]/.test(text) ? 'ar' : 'en')

const attrs = (lang: string) => `lang="${escapeHtml(lang)}" dir="${directionOf(lang)}"`

/**
 * A label in the card's language and a value in its own: on one line when both run the same way, on two lines
 * otherwise, so that no line mixes right-to-left and left-to-right text (the bidi algorithm would reorder it).
 */
export function labelled (label: string, cardLang: string, valueHtml: string, valueLang: string): string {
  if (directionOf(cardLang) === directionOf(valueLang)) {
    return `<p class="meta" ${attrs(cardLang)}>${escapeHtml(label)}: <span ${attrs(valueLang)}>${valueHtml}</span></p>`
  }
  return `<p class="meta" ${attrs(cardLang)}>${escapeHtml(label)}:</p><p class="meta" ${attrs(valueLang)}>${valueHtml}</p>`
}

const link = (url: string, text: string) => `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`

/**
 * The card's inner markup; every value from the data goes through escape-html. Every element that holds text
 * carries the language that text is actually in and that language's direction: in an Arabic card an English
 * fallback name stays left-to-right in its own element, and ids, dates and source titles sit on their own lines.
 */
export function renderCard (card: Card): string {
  const ui = UI_TEXT[card.lang]
  const text = (tag: string, cls: string, value: CardText & { translation?: Translation }, extra = '') =>
    `<${tag} class="${cls}"${extra} ${attrs(value.lang)}${value.translation ? ` data-translation="${value.translation}"` : ''}>${escapeHtml(value.text)}</${tag}>`
  const facts = card.facts.length > 0
    ? `<ul class="facts" ${attrs('en')}>${card.facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>`
    : ''
  const note = card.editorialNote ? text('p', 'note', card.editorialNote) : ''
  const source = card.source ? labelled(ui.source, card.lang, link(card.source.url, card.source.title), textLang(card.source.title)) : ''
  const style = card.colour ? ` style="--accent:${escapeHtml(card.colour)}"` : ''
  return `<article class="card" lang="${card.lang}" dir="${card.dir}"${style} aria-labelledby="card-title">` +
    text('p', 'kicker', card.kicker) +
    text('h1', 'title', card.title, ' id="card-title"') +
    text('p', 'summary', card.summary) +
    note +
    facts +
    source +
    `<p class="meta" ${attrs(card.lang)}>${link(card.recordUrl, ui.record)}</p>` +
    labelled(ui.dataset, card.lang, escapeHtml(card.version), 'en') +
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
