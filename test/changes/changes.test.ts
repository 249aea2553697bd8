// The change feed: data/changelog.yaml matches the real difference between the previous release's records
// (data/releases/<date>.ids.yaml, itself checked against git) and today's data/; /v1/changes filters; the Atom and
// JSON feeds; ETags and 304s.
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { defaultDataDir } from '../../src/paths.js'
import { difference, filesOnDisk, readSnapshot, recordsOf } from '../../src/changes/records.js'
import { buildTestApp, isProblem, json, realDataset } from '../helpers.js'

const dataset = realDataset()
const { releases } = dataset.changelog
const snapshots = readdirSync(join(defaultDataDir, 'releases')).map((file) => /^(\d{4}-\d{2}-\d{2})\.ids\.yaml$/.exec(file)?.[1]).filter(Boolean) as string[]

t.test('releases are newest first, and every release but the newest has its snapshot', async (t) => {
  const dates = releases.map((r) => r.date)
  t.same(dates, [...dates].sort().reverse(), 'newest first')
  t.equal(new Set(dates).size, dates.length, 'one entry per release')
  for (const date of dates.slice(1)) t.ok(snapshots.includes(date), `data/releases/${date}.ids.yaml`)
  t.equal(dates[0], dataset.release.released > dates[0] ? dataset.release.released : dates[0], 'the newest entry is not older than data/release.yaml')
})

t.test('each snapshot is what git holds for its release commit', async (t) => {
  for (const date of snapshots) {
    const snapshot = readSnapshot(defaultDataDir, date)
    const files = execFileSync('git', ['ls-tree', '-r', '--name-only', snapshot.commit, 'data/'], { encoding: 'utf8' })
      .split('\n').filter((path) => /\.ya?ml$/.test(path))
      .map((path) => ({ file: path.replace(/^data\//, ''), text: execFileSync('git', ['show', `${snapshot.commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) }))
    t.same(recordsOf(files), snapshot.records, `${date} (${snapshot.commit.slice(0, 7)})`)
  }
})

t.test('the newest entry lists exactly what differs between the previous release and today', async (t) => {
  const [latest, previous] = releases
  const diff = difference(readSnapshot(defaultDataDir, previous.date).records, recordsOf(filesOnDisk(defaultDataDir)))
  const refs = (kind: 'added' | 'changed' | 'removed') => latest[kind].map((item) => item.ref).sort()
  t.same(refs('added'), diff.added, 'added: every new id, and only those (npm run changelog:draft lists them)')
  t.same(refs('removed'), diff.removed, 'removed: every id gone since the previous release')
  t.same(refs('changed'), diff.changed, 'changed: every record whose content differs')
  for (const kind of ['added', 'changed', 'removed'] as const) {
    for (const item of latest[kind]) t.notMatch(item.note, /^TODO/, `${kind} ${item.ref} has a note`)
  }
  t.ok(latest.added.some((item) => item.ref === 'misconceptions/country-issues-notice'), 'the misconceptions arrived in this release')
})

t.test('GET /v1/changes: filters, pagination, ETag and 304', async (t) => {
  const app = await buildTestApp()
  t.teardown(() => app.close())
  const all = json(await app.inject('/v1/changes?limit=100'))
  const total = releases.reduce((n, r) => n + r.added.length + r.changed.length + r.removed.length, 0)
  t.equal(all.total, total)
  t.equal(all.data[0].release, releases[0].date)
  for (const change of all.data) {
    t.equal(change.ref, `${change.resource}/${change.id}`)
    t.equal(change.href, `/v1/${change.ref}`)
  }

  const misconceptions = json(await app.inject('/v1/changes?resource=misconceptions&change=added&limit=100'))
  t.equal(misconceptions.total, dataset.misconceptions.all.length, 'each misconception was added in this release')
  t.ok(misconceptions.data.every((c: { resource: string; change: string }) => c.resource === 'misconceptions' && c.change === 'added'))
  const href = misconceptions.data[0].href
  t.equal((await app.inject(href)).statusCode, 200, `${href} resolves`)

  t.equal(json(await app.inject('/v1/changes?since=2099-01-01')).total, 0, 'nothing after the newest release')
  t.equal(json(await app.inject(`/v1/changes?release=${releases[0].date}&limit=1`)).total, releases[0].added.length + releases[0].changed.length + releases[0].removed.length)

  const page = await app.inject('/v1/changes?limit=2&resource=cases')
  t.match(String(page.headers.link), /rel="next"/)
  t.match(String(page.headers.link), /resource=cases/)
  const etag = String(page.headers.etag)
  t.match(etag, /^"/, 'a strong ETag')
  t.equal((await app.inject({ url: '/v1/changes?limit=2&resource=cases', headers: { 'if-none-match': etag } })).statusCode, 304)

  isProblem(t, await app.inject('/v1/changes?since=2026-02-30'), 400, 'invalid-query')
  isProblem(t, await app.inject('/v1/changes?resource=weather'), 400, 'invalid-query')
  isProblem(t, await app.inject('/v1/changes?unknown=1'), 400, 'invalid-query')
})

t.test('the Atom and JSON feeds: one entry per release, narrowed by resource, with ETags', async (t) => {
  const app = await buildTestApp()
  t.teardown(() => app.close())
  const atom = await app.inject({ url: '/v1/changes/feed.atom', headers: { host: 'api.example.org' } })
  t.equal(atom.statusCode, 200)
  t.match(String(atom.headers['content-type']), /^application\/atom\+xml/)
  t.match(atom.body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/)
  t.equal(atom.body.match(/<entry>/g)?.length, releases.length)
  t.match(atom.body, new RegExp(`Dataset release ${releases[0].date}`))
  t.match(atom.body, /http:\/\/api\.example\.org\/v1\/misconceptions\/country-issues-notice/, 'absolute links to the records')
  const etag = String(atom.headers.etag)
  t.equal((await app.inject({ url: '/v1/changes/feed.atom', headers: { host: 'api.example.org', 'if-none-match': etag } })).statusCode, 304)

  const feed = await app.inject('/v1/changes/feed.json?resource=misconceptions')
  t.match(String(feed.headers['content-type']), /^application\/feed\+json/)
  const body = json(feed)
  t.match(body.version, /^https:\/\/jsonfeed\.org\/version\//)
  t.equal(body.items.length, 1, 'only the release that touched misconceptions')
  t.match(body.items[0].content_html, /misconceptions\/red-notice-means-guilty/)
  t.notMatch(body.items[0].content_html, /cases\//, 'other collections left out')
  t.match(body.feed_url, /feed\.json\?resource=misconceptions$/)
  isProblem(t, await app.inject('/v1/changes/feed.json?resource=nope'), 400, 'invalid-query')
  isProblem(t, await app.inject({ url: '/v1/changes/feed.atom', headers: { accept: 'application/json' } }), 406, 'not-acceptable')
})
