// data/changelog.yaml is written by people and by `npm run changelog:draft -- --write`; both use this layout.
import type { Changelog } from '../../schemas/changelog.js'

export const CHANGELOG_HEADER = `# What each dataset release changed, newest first (schema: schemas/changelog.ts). Served as /v1/changes and as
# Atom and JSON feeds (/v1/changes/feed.atom, /v1/changes/feed.json). Every record added, changed or removed gets a
# one-line note. \`npm run changelog:draft\` lists the differences between the previous release's snapshot
# (data/releases/<date>.ids.yaml) and today's data/, keeping the notes written here; test/changes checks that the
# newest entry's lists match that difference exactly.
`

const quote = (text: string) => JSON.stringify(text)

export function formatChangelog (changelog: Changelog): string {
  const lines: string[] = [CHANGELOG_HEADER.trimEnd(), 'releases:']
  for (const release of changelog.releases) {
    lines.push(`  - date: "${release.date}"`, `    summary: ${quote(release.summary)}`)
    for (const kind of ['added', 'changed', 'removed'] as const) {
      if (release[kind].length === 0) { lines.push(`    ${kind}: []`); continue }
      lines.push(`    ${kind}:`)
      for (const item of release[kind]) lines.push(`      - ref: ${item.ref}`, `        note: ${quote(item.note)}`)
    }
  }
  return lines.join('\n') + '\n'
}
