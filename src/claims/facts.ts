// Checkable facts: statements the dataset can confirm or contradict, unlike a misconception's fixed claim. Today one:
// the number of INTERPOL member countries ("Interpol's 195 member countries"). The count has grown over the
// years, so a different figure is reported as differing from the dataset, not as wrong: it may have been right when
// the story was written.
import type { ClaimFinding } from '../../schemas/misconception.js'
import type { Confidence, Source } from '../../schemas/common.js'
import type { Language } from '../http/language.js'
import type { Sentence } from './text.js'

export interface FactContext { memberCount: number; sources: Source[]; confidence: Confidence; released: string }

const NUMBER = '([0-9\u0660-\u0669]{3})'
const MEMBER_COUNT: Record<Language, RegExp> = {
  en: new RegExp(`${NUMBER}\\s+member\\s+(?:countries|states|nations)`, 'giu'),
  fr: new RegExp(`${NUMBER}\\s+(?:pays|[ée]tats)\\s+membres`, 'giu'),
  es: new RegExp(`${NUMBER}\\s+(?:pa[ií]ses|estados|naciones)\\s+miembros?`, 'giu'),
  ar: new RegExp(`${NUMBER}\\s+(?:دولة|دول|بلدا|بلدًا)\\s+(?:عضوا|عضوًا|أعضاء|عضو)`, 'gu')
}
// The count must be INTERPOL's, not the United Nations' 193 member states.
const INTERPOL = /interpol|إنتربول|انتربول|الإنتربول/iu
const OTHER_BODY = /\b(?:UN|U\.N\.|United Nations|Nations unies|Naciones Unidas|ONU|EU|European Union)\b|الأمم المتحدة/u

const toNumber = (digits: string) => Number(digits.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)))

export function checkFacts (text: string, sentence: Sentence, languages: readonly Language[], context: FactContext,
  span: (from: number, to: number) => ClaimFinding['span']): ClaimFinding[] {
  const body = text.slice(sentence.start, sentence.end)
  if (!INTERPOL.test(body) || OTHER_BODY.test(body)) return []
  const findings: ClaimFinding[] = []
  for (const lang of languages) {
    for (const match of body.matchAll(MEMBER_COUNT[lang])) {
      const count = toNumber(match[1])
      if (count < 100 || count > 250) continue
      const from = sentence.start + (match.index ?? 0)
      const matches = count === context.memberCount
      findings.push({
        span: span(from, from + match[0].length),
        sentence: span(sentence.start, sentence.end),
        verdict: matches ? 'matches-dataset' : 'differs-from-dataset',
        fact: 'member-count',
        claim: `INTERPOL has ${count} member countries.`,
        correction: matches
          ? `The dataset also counts ${context.memberCount} member countries (release of ${context.released}).`
          : `The dataset counts ${context.memberCount} member countries (release of ${context.released}); the number has grown over the years, so ${count} may have been right when it was written.`,
        severity: matches ? 'low' : 'medium',
        lang,
        records: ['terms/member-country', 'terms/interpol'],
        sources: context.sources,
        confidence: context.confidence
      })
    }
  }
  return findings
}
