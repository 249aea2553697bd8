// Words and sentences of a text, each with character offsets into the text it came from, and the folding that lets
// a pattern meet a word however it is written: case, accents, and Arabic letter variants and attached clitics.

export interface Token {
  /** The folded form patterns are compared with. */
  norm: string
  start: number
  end: number
}

export interface Sentence { start: number; end: number; tokens: Token[] }

const ARABIC = /[\u0600-\u06FF]/
// Attached conjunctions, prepositions and the article, longest first: والإنتربول → إنتربول. Only stripped when
// three letters or more remain, so that short words keep their meaning; patterns are folded the same way.
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل']

/** One word folded: lower case, no accents; in Arabic, one alef, ه for ة, ي for ى, no tashkeel or tatweel, no clitic. */
export function foldWord (word: string): string {
  let folded = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC')
  if (!ARABIC.test(folded)) return folded
  folded = folded.replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/ـ/g, '')
  for (const prefix of ARABIC_PREFIXES) {
    if (folded.startsWith(prefix) && folded.length - prefix.length >= 3) return folded.slice(prefix.length)
  }
  return folded
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu

/** The words of `text[from, to)`, with offsets into `text`. Apostrophes split words: l'Interpol → l, interpol. */
export function tokenize (text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  const slice = text.slice(from, to)
  for (const match of slice.matchAll(WORD)) {
    const start = from + (match.index ?? 0)
    tokens.push({ norm: foldWord(match[0]), start, end: start + match[0].length })
  }
  return tokens
}

// A sentence ends at . ! ? (or their Arabic forms) followed by a space or the end, at ; and at a line break. A
// semicolon ends a claim as surely as a full stop ("a Silver Notice asks for information; seizure needs…").
const SENTENCE_END = /[.!?؟。]+["'”’»)]*(?=\s|$)|[;؛]|\n+/g

/** Sentences of the text (ranges of `text`), each with its words. */
export function sentences (text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  const push = (end: number) => {
    const tokens = tokenize(text, start, end)
    // From the first visible character (an opening quotation mark belongs to the sentence), not the first word.
    let first = start
    while (first < end && /\s/.test(text[first])) first++
    if (tokens.length > 0) out.push({ start: first, end: trimEnd(text, end), tokens })
  }
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length
    push(end)
    start = end
  }
  push(text.length)
  return out
}

function trimEnd (text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--
  return end
}

/**
 * Ranges of `text` inside quotation marks: “…”, «…», „…“, ‹…›, and straight double quotes paired in order.
 * Single quotes are left alone: they double as apostrophes.
 */
export function quotedRanges (text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const pairs: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‹': '›' }
  let open: { char: string; at: number } | undefined
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (open) {
      const close = open.char === '"' ? '"' : pairs[open.char]
      if (char === close) { ranges.push([open.at, i + 1]); open = undefined }
    } else if (char === '"' || pairs[char] !== undefined) {
      open = { char, at: i }
    }
  }
  return ranges
}
