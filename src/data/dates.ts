// Partial dates ("2017-09", "1946") are compared by the first day of the period they name.

/** The first day of a partial date's period, as YYYY-MM-DD. */
export function periodStart(partial: string): string {
  // The common shapes without splitting: the assessment asks this of every provision and case it weighs.
  if (partial.length === 10) return partial
  if (partial.length === 7) return `${partial}-01`
  if (partial.length === 4) return `${partial}-01-01`
  const [year, month = '01', day = '01'] = partial.split('-')
  return `${year}-${month}-${day}`
}

/** Whether a YYYY-MM-DD string is a real calendar date (2021-02-30 is not). */
export function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value
}

/** Whether a partial date names a real period (a real day, a month 01–12, any year). */
export function isRealPartialDate(value: string): boolean {
  return value.length === 10 ? isRealDate(value) : /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(value)
}

export interface Dated { effectiveFrom?: string; effectiveTo?: string }

/** Whether a dated record was in force on `asOf` (YYYY-MM-DD); `effectiveTo` is exclusive. */
export function inForceOn(record: Dated, asOf: string): boolean {
  if (record.effectiveFrom && periodStart(record.effectiveFrom) > asOf) return false
  if (record.effectiveTo && periodStart(record.effectiveTo) <= asOf) return false
  return true
}

export function today(): string {
  return new Date().toISOString().slice(0, 10)
}
