// Integrity rules for provisions and the lists that cite them. Each guards a mistake found in a fact-check of the
// data: a provision marked `confirmed` with nothing to show where it was read, an id naming one article while the
// record holds another, and a notice type citing the article of a different notice type (Orange and Purple were
// swapped at RPD Arts. 92-93 until December 2026).
import type { Located } from './load-dataset.js'
import type { NoticeType, Provision } from '../../schemas/index.js'

type Report = (file: string, record: string) => (field: string, message: string) => void

/** Ids that name an article: `rpd-83-1-a`, `constitution-32`, `ccf-statute-41`; the captured group is the number. */
const ARTICLE_ID = /^(?:rpd|constitution|ccf-statute)-(\d+)(?:-|$)/

/**
 * A provision is `confirmed` only where it was read in a primary text, so it must cite a primary source and say
 * where in it (a locator such as "Art. 3(1)"). An id that names an article must agree with the article field.
 */
export function checkProvisions (provisions: ReadonlyArray<Located<Provision>>, reporter: Report): void {
  for (const { file, value } of provisions) {
    const report = reporter(file, value.id)
    if (value.confidence === 'confirmed' && !value.sources.some((source) => source.kind === 'primary' && source.locator)) {
      report('sources', 'a confirmed provision needs a primary source with a locator (where in the text it was read)')
    }
    const named = ARTICLE_ID.exec(value.id)?.[1]
    if (named && !new RegExp(`^${named}(?!\\d)`).test(value.article ?? '')) {
      report('article', `the id names Art. ${named} but the article is "${value.article ?? ''}"`)
    }
  }
}

/**
 * A notice type cites only provisions that apply to it: a provision with a non-empty `appliesTo` that leaves the
 * notice type out belongs to another type. Provisions that apply to all processing (`appliesTo: []`) are fine.
 */
export function checkNoticeTypeProvisions (
  noticeTypes: ReadonlyArray<Located<NoticeType>>, provisions: ReadonlyArray<Located<Provision>>, reporter: Report
): void {
  const appliesTo = new Map(provisions.map(({ value }) => [value.id, value.appliesTo]))
  for (const { file, value } of noticeTypes) {
    const report = reporter(file, value.id)
    const check = (ids: readonly string[] | undefined, field: string) => ids?.forEach((id, index) => {
      const types = appliesTo.get(id)
      if (types && types.length > 0 && !types.includes(value.id)) {
        report(`${field}[${index}]`, `provision "${id}" applies to ${types.join(', ')}, not to ${value.id}`)
      }
    })
    check(value.provisions, 'provisions')
    value.conditions.forEach((condition, index) => check(condition.provisions, `conditions[${index}].provisions`))
  }
}
