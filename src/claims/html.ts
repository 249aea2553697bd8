// HTML copy as the checker reads it: tags skipped, entities decoded, block elements ending a sentence, and for every
// character of the plain text, where it came from in the HTML, so that answers point into the text as sent.
// No HTML parser is installed (only escapers); this is a reader of prose, not a full parser: it needs only to
// find text between tags, skip script and style, and decode entities.

export interface MappedText {
  text: string
  /** For each character of `text`: the offset of the source characters it came from, and the offset after them. */
  starts: number[]
  ends: number[]
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', bdquo: '„', ndash: '–', mdash: '—', hellip: '…', eacute: 'é', egrave: 'è', ecirc: 'ê',
  agrave: 'à', acirc: 'â', ccedil: 'ç', icirc: 'î', ocirc: 'ô', ucirc: 'û', ugrave: 'ù', aacute: 'á', iacute: 'í',
  oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü', euml: 'ë', iuml: 'ï', Eacute: 'É', shy: ''
}

// Elements after which a new sentence starts, whatever punctuation the text has.
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'blockquote',
  'section', 'article', 'header', 'footer', 'figcaption', 'dt', 'dd', 'hr', 'table', 'pre', 'aside', 'title'])
const SKIPPED = new Set(['script', 'style', 'noscript', 'template'])

/** Plain text identical to the input, each character mapped to itself. */
export function plain (text: string): MappedText {
  const starts = Array.from({ length: text.length }, (_, i) => i)
  return { text, starts, ends: starts.map((i) => i + 1) }
}

export function htmlToText (html: string): MappedText {
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  const emit = (chars: string, from: number, to: number) => {
    // By UTF-16 unit, so that the maps stay as long as the text (an astral character is two units).
    for (let k = 0; k < chars.length; k++) { text += chars[k]; starts.push(from); ends.push(to) }
  }
  let i = 0
  while (i < html.length) {
    const char = html[i]
    if (char === '<') {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4)
        i = close < 0 ? html.length : close + 3
        continue
      }
      const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(i, i + 40))
      if (!tag) { emit('<', i, i + 1); i++; continue }
      const close = tagEnd(html, i)
      const name = tag[1].toLowerCase()
      const closing = html[i + 1] === '/'
      if (!closing && SKIPPED.has(name)) {
        const endTag = html.toLowerCase().indexOf(`</${name}`, close)
        i = endTag < 0 ? html.length : tagEnd(html, endTag)
        continue
      }
      // A block boundary becomes a line break (mapped to the tag), which ends the sentence before it.
      if (BLOCKS.has(name)) emit('\n', i, close)
      i = close
      continue
    }
    if (char === '&') {
      const entity = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/.exec(html.slice(i, i + 12))
      if (entity) {
        const decoded = decodeEntity(entity[1])
        if (decoded !== undefined) {
          emit(decoded, i, i + entity[0].length)
          i += entity[0].length
          continue
        }
      }
    }
    emit(char, i, i + 1)
    i++
  }
  return { text, starts, ends }
}

/** The offset after a tag's closing `>`, skipping `>` inside quoted attribute values. */
function tagEnd (html: string, from: number): number {
  let quote: string | undefined
  for (let i = from + 1; i < html.length; i++) {
    const char = html[i]
    if (quote) { if (char === quote) quote = undefined } else if (char === '"' || char === "'") quote = char
    else if (char === '>') return i + 1
  }
  return html.length
}

function decodeEntity (body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
    if (!Number.isFinite(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
    return String.fromCodePoint(code)
  }
  return NAMED[body]
}
