// The pieces of the claim checker on their own: folding, the phrasing language, HTML offsets, and the integrity
// rule that stops a release whose phrasings do not compile.
import t from 'tap'
import { loadDataset, DatasetError } from '../../src/data/load-dataset.js'
import { htmlToText } from '../../src/claims/html.js'
import { compilePattern, matchPattern, slotOf } from '../../src/claims/patterns.js'
import { foldWord, quotedRanges, sentences, tokenize } from '../../src/claims/text.js'
import { copyOfData, editDataFile } from '../helpers.js'

const slots = { country: slotOf(['Iran', 'United States', 'إيران']) }
const matches = (pattern: string, text: string) => Boolean(matchPattern(compilePattern(pattern, slots), tokenize(text), slots))

t.test('folding: case, accents, Arabic letter variants and attached clitics', async (t) => {
  t.equal(foldWord('Arrêt'), 'arret')
  t.equal(foldWord('NOTIFICACIÓN'), 'notificacion')
  t.equal(foldWord('الإنتربول'), foldWord('انتربول'), 'article and hamza')
  t.equal(foldWord('والإنتربول'), foldWord('إنتربول'), 'conjunction and article')
  t.equal(foldWord('مذكرة'), foldWord('مذكره'), 'ta marbuta')
  t.equal(foldWord('بلد'), 'بلد', 'a short word keeps its first letter')
})

t.test('the phrasing language', async (t) => {
  t.ok(matches('red notice* is ... arrest warrant*', 'A Red Notice is effectively an international arrest warrant'))
  t.notOk(matches('red notice* is ... arrest warrant*', 'A Red Notice is one thing and, later, after many more words, an arrest warrant'), 'a gap is at most six words')
  t.ok(matches('interpol [has] issu* [a|an] warrant*', 'Interpol issued a warrant'))
  t.ok(matches('interpol [has] issu* [a|an] warrant*', 'Interpol has issued warrants'))
  t.notOk(matches('interpol [has] issu* [a|an] warrant*', 'Interpol has not issued a warrant'), 'words are adjacent unless a gap says otherwise')
  t.ok(matches('<country> issu* red notice*', 'The United States issued red notices'), 'a multi-word slot')
  t.ok(matches('اصدرت <country> نشرات', 'أصدرت إيران نشرات حمراء'))
  t.ok(matches("mandat d'arrêt international", "un mandat d’arrêt international"), 'apostrophes split words on both sides')
  t.throws(() => compilePattern('... red notice', slots), { message: /starts and ends with a word/ })
  t.throws(() => compilePattern('red <planet>', slots), { message: /unknown slot/ })
  t.throws(() => compilePattern('[optional] [only]', slots), { message: /at least one required word/ })
  t.throws(() => compilePattern('red (notice)', slots), { message: /is not a word/ })
})

t.test('sentences and quotations', async (t) => {
  const text = 'One claim. Another one; a third\nand a fourth? «Quoted» and “curly” and "straight".'
  t.same(sentences(text).map((s) => text.slice(s.start, s.end)), ['One claim.', 'Another one;', 'a third', 'and a fourth?', '«Quoted» and “curly” and "straight".'])
  t.same(quotedRanges(text).map(([a, b]) => text.slice(a, b)), ['«Quoted»', '“curly”', '"straight"'])
})

t.test('HTML: every character of the text maps back into the HTML, astral characters and entities included', async (t) => {
  const html = '<p title="a > b">Caf&eacute; &#x1F600; <!-- x --><i>Interpol</i>&amp;co</p><style>p{}</style><br>end'
  const { text, starts, ends } = htmlToText(html)
  t.equal(text, '\nCafé \u{1F600} Interpol&co\n\nend', 'block elements end sentences; style is skipped')
  t.equal(starts.length, text.length)
  t.equal(ends.length, text.length)
  const at = text.indexOf('Interpol')
  t.equal(html.slice(starts[at], ends[at + 'Interpol'.length - 1]), 'Interpol')
  const emoji = text.indexOf('\u{1F600}')
  t.equal(html.slice(starts[emoji], ends[emoji + 1]), '&#x1F600;', 'both UTF-16 units of the emoji map to its entity')
  const amp = text.indexOf('&')
  t.equal(html.slice(starts[amp], ends[amp]), '&amp;')
})

t.test('a phrasing that does not compile stops the dataset from loading, naming the field', async (t) => {
  const dir = copyOfData()
  editDataFile(dir, 'misconceptions.yaml', '- "red notice* is|are|was|were|amount*|act* ... international|global|worldwide|world arrest warrant*"', '- "red <planet> warrant"')
  editDataFile(dir, 'misconceptions.yaml', '    - notice-types/red\n', '    - notice-types/mauve\n')
  let error: unknown
  try { loadDataset(dir) } catch (caught) { error = caught }
  t.ok(error instanceof DatasetError)
  t.match((error as Error).message, /misconceptions\.yaml: record red-notice-arrest-warrant, field phrasings\.en\[0\]: .*unknown slot <planet>/)
  t.match((error as Error).message, /related\[0\]: "notice-types\/mauve" does not resolve/)
})
