// The claim checker against its corpus (test/claims/corpus.yaml): real-style sentences in en, fr, es and ar that
// must or must not be flagged. Counts (sentence, misconception) pairs, prints precision and recall per language and
// overall, and holds the checker to precision >= 0.95 and recall >= 0.85.
import t from 'tap'
import { readFileSync } from 'node:fs'
import jsYaml from 'js-yaml'
import { buildClaimChecker } from '../../src/claims/check.js'
import type { Language } from '../../src/http/language.js'
import { realDataset } from '../helpers.js'

interface Entry { lang: Language; text: string; expect: string[]; set?: 'holdout' }
const corpus = jsYaml.load(readFileSync(new URL('./corpus.yaml', import.meta.url), 'utf8')) as Entry[]
const dataset = realDataset()
const checker = buildClaimChecker(dataset.misconceptions.all)
const known = new Set(dataset.misconceptions.byId.keys())

t.test('the corpus is large enough, covers the four languages and names only known misconceptions', async (t) => {
  t.ok(corpus.length >= 80, `${corpus.length} sentences`)
  for (const lang of ['en', 'fr', 'es', 'ar']) {
    const entries = corpus.filter((e) => e.lang === lang)
    t.ok(entries.some((e) => e.expect.length > 0) && entries.some((e) => e.expect.length === 0), `${lang}: false and true sentences`)
  }
  const unknown = corpus.flatMap((entry) => entry.expect).filter((id) => !known.has(id))
  t.same(unknown, [], 'every expected id is a misconception in data/misconceptions.yaml')
})

t.test('precision and recall on the corpus', async (t) => {
  const tally = new Map<string, { tp: number; fp: number; fn: number }>()
  const misses: string[] = []
  for (const entry of corpus) {
    // Each sentence checked on its own, with every language's phrasings tried (as the API does by default).
    const flagged = new Set(checker.check(entry.text).findings.filter((f) => f.verdict === 'misconception').map((f) => f.misconception!))
    for (const key of [entry.lang, 'all', ...(entry.set ? [entry.set] : [])]) {
      const counts = tally.get(key) ?? { tp: 0, fp: 0, fn: 0 }
      for (const id of flagged) if (entry.expect.includes(id)) counts.tp++; else counts.fp++
      for (const id of entry.expect) if (!flagged.has(id)) counts.fn++
      tally.set(key, counts)
    }
    for (const id of flagged) if (!entry.expect.includes(id)) misses.push(`false positive ${id}: ${entry.text}`)
    for (const id of entry.expect) if (!flagged.has(id)) misses.push(`missed ${id}: ${entry.text}`)
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)
  for (const [key, c] of tally) {
    t.comment(`${key}: precision ${ratio(c.tp, c.tp + c.fp).toFixed(3)} recall ${ratio(c.tp, c.tp + c.fn).toFixed(3)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`)
  }
  for (const miss of misses) t.comment(miss)
  const all = tally.get('all')!
  t.ok(ratio(all.tp, all.tp + all.fp) >= 0.95, `precision ${ratio(all.tp, all.tp + all.fp).toFixed(3)} >= 0.95`)
  t.ok(ratio(all.tp, all.tp + all.fn) >= 0.85, `recall ${ratio(all.tp, all.tp + all.fn).toFixed(3)} >= 0.85`)
})
