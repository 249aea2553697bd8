// The changelog as a list of changes (GET /v1/changes) and as Atom 1.0 and JSON Feed 1.1 documents, built with
// the `feed` package: one entry per release, listing what it added, changed and removed.
import escapeHtml from 'escape-html'
import { Feed } from 'feed'
import type { DatasetChange as Change, Changelog, ReleaseChanges } from '../../schemas/changelog.js'
import { CHANGE_KINDS } from '../../schemas/changelog.js'

export const CHANGE_RESOURCES = ['notice-types', 'instruments', 'provisions', 'grounds', 'requesting-entities', 'cases', 'terms',
  'countries', 'misconceptions'] as const

export interface ChangeFilter { resources?: string[]; since?: string; release?: string; change?: string[] }

const pathOf = (ref: string) => `/v1/${ref}`

/** Every change of every release matching the filter, newest release first, then added, changed, removed. */
export function changesOf (changelog: Changelog, filter: ChangeFilter = {}): Change[] {
  const out: Change[] = []
  for (const release of releasesOf(changelog, filter)) {
    for (const change of CHANGE_KINDS) {
      if (filter.change && !filter.change.includes(change)) continue
      for (const item of release[change]) {
        const [resource, id] = item.ref.split('/') as [string, string]
        if (filter.resources && !filter.resources.includes(resource)) continue
        out.push({ release: release.date, change, resource, id, ref: item.ref, href: pathOf(item.ref), note: item.note })
      }
    }
  }
  return out
}

function releasesOf (changelog: Changelog, filter: ChangeFilter): ReleaseChanges[] {
  return changelog.releases.filter((release) =>
    (!filter.since || release.date >= filter.since) && (!filter.release || release.date === filter.release))
}

export interface FeedContext { origin: string; licence: string; filter: ChangeFilter; selfQuery: string }

const LABELS: Record<string, string> = { added: 'Added', changed: 'Changed', removed: 'Removed' }

/** The feed for a filter: one item per release that has matching changes (or, unfiltered, every release). */
export function buildFeed (changelog: Changelog, context: FeedContext): Feed {
  const { origin, filter } = context
  const releases = releasesOf(changelog, filter)
  const updated = releases[0]?.date ?? changelog.releases[0].date
  const scope = filter.resources ? ` (${filter.resources.join(', ')})` : ''
  const feed = new Feed({
    id: `${origin}/v1/changes${context.selfQuery}`,
    title: `INTERPOL notice API: dataset changes${scope}`,
    description: 'What each release of the dataset added, changed and removed: notice types, rules, cases, countries, misconceptions.',
    link: `${origin}/v1/changes${context.selfQuery}`,
    language: 'en',
    updated: new Date(`${updated}T00:00:00Z`),
    generator: 'interpol-notice-api',
    copyright: context.licence,
    feedLinks: { atom: `${origin}/v1/changes/feed.atom${context.selfQuery}`, json: `${origin}/v1/changes/feed.json${context.selfQuery}` }
  })
  for (const release of releases) {
    const changes = changesOf({ releases: [release] }, filter)
    if (filter.resources && changes.length === 0) continue
    const counts = CHANGE_KINDS.map((kind) => `${changes.filter((c) => c.change === kind).length} ${kind}`).join(', ')
    const items = changes.map((c) =>
      `<li>${LABELS[c.change]} <a href="${escapeHtml(origin + c.href)}">${escapeHtml(c.ref)}</a>: ${escapeHtml(c.note)}</li>`).join('')
    feed.addItem({
      title: `Dataset release ${release.date}: ${counts}`,
      id: `${origin}/v1/changes?release=${release.date}`,
      link: `${origin}/v1/changes?release=${release.date}${filter.resources ? `&resource=${filter.resources.join(',')}` : ''}`,
      date: new Date(`${release.date}T00:00:00Z`),
      description: release.summary,
      content: `<p>${escapeHtml(release.summary)}</p>${items ? `<ul>${items}</ul>` : ''}`
    })
  }
  return feed
}
