// "Did you mean": the known ids nearest to an unknown one, so a typo in a URL is one click from the answer.
import { distance } from 'fastest-levenshtein'

export function nearestIds (wanted: string, ids: Iterable<string>, max = 3): string[] {
  const needle = wanted.toLowerCase()
  const tolerance = Math.max(2, Math.floor(needle.length / 3))
  return [...ids]
    .map((id) => {
      const lower = id.toLowerCase()
      const prefix = lower.startsWith(needle) || needle.startsWith(lower)
      return { id, score: prefix ? 0.5 : distance(needle, lower) }
    })
    .filter((candidate) => candidate.score <= tolerance)
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((candidate) => candidate.id)
}
