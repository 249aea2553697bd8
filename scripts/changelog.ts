// The dataset changelog's helpers (data/changelog.yaml, served as /v1/changes and its feeds).
//   npm run changelog:snapshot -- <release-date> <commit>
//       writes data/releases/<release-date>.ids.yaml: every record id of data/ as it was at <commit>, with a
//       content hash, so that the next release can be compared with it (git show, nothing else read).
//   npm run changelog:draft [-- --write]
//       compares the latest snapshot older than the newest changelog entry (the previous release) with today's
//       data/ and prints that entry's added/changed/removed lists, keeping the notes already written and putting
//       TODO where a note is missing. --write puts the result into data/changelog.yaml (this file's own format).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import jsYaml from 'js-yaml'
import { defaultDataDir } from '../src/paths.js'
import { difference, filesOnDisk, readSnapshot, recordContents, recordsOf, snapshotPath, type Snapshot } from '../src/changes/records.js'
import { formatChangelog } from '../src/changes/changelog-file.js'
import type { Changelog, ReleaseChanges } from '../schemas/changelog.js'

const [command, ...args] = process.argv.slice(2)

function snapshot (release: string, commit: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(release ?? '') || !commit) throw new Error('usage: changelog:snapshot -- <YYYY-MM-DD> <commit>')
  const full = execFileSync('git', ['rev-parse', commit], { encoding: 'utf8' }).trim()
  const records = recordsOf(filesAt(full))
  const header = `# Record ids of the ${release} dataset release with a hash of each record's content, generated from git\n` +
    `# commit ${full.slice(0, 7)} by \`npm run changelog:snapshot -- ${release} ${commit}\`. Do not edit: regenerate.\n`
  const path = snapshotPath(defaultDataDir, release)
  writeFileSync(path, header + jsYaml.dump({ release, commit: full, records }, { lineWidth: 120, sortKeys: true }))
  const count = Object.values(records).reduce((n, ids) => n + Object.keys(ids).length, 0)
  console.log(`${path}: ${count} records in ${Object.keys(records).length} resources`)
}

/** data/ as it was at a commit, read with git show. */
function filesAt (commit: string) {
  return execFileSync('git', ['ls-tree', '-r', '--name-only', commit, 'data/'], { encoding: 'utf8' })
    .split('\n').filter((path) => /\.ya?ml$/.test(path))
    .map((path) => ({ file: path.replace(/^data\//, ''), text: execFileSync('git', ['show', `${commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) }))
}

const titleOf = (record: Record<string, unknown> | undefined) => {
  const labels = record?.labels as { en?: string } | undefined
  const title = labels?.en ?? record?.title ?? record?.name ?? record?.claim ?? record?.shortTitle ?? record?.iso2 ?? record?.id
  return String(title).replace(/\s+/g, ' ').replace(/\.$/, '').slice(0, 200)
}

/**
 * A first note from the records themselves, for an editor to improve: what was added, which fields of a record
 * changed (read from the snapshot's commit). A removal needs its reason written by a person.
 */
function proposedNote (kind: 'added' | 'changed' | 'removed', ref: string, now: Map<string, Record<string, unknown>>, before: () => Map<string, Record<string, unknown>>): string {
  if (kind === 'added') return `New: ${titleOf(now.get(ref))}.`
  if (kind === 'removed') return `TODO: why ${titleOf(before().get(ref))} was removed.`
  const old = before().get(ref) ?? {}
  const current = now.get(ref) ?? {}
  const fields = [...new Set([...Object.keys(old), ...Object.keys(current)])]
    .filter((key) => key !== 'reviewed' && JSON.stringify(old[key]) !== JSON.stringify(current[key]))
  return `${titleOf(current)}: ${fields.length > 0 ? fields.join(', ') : 'review date'} revised.`
}

function draft (write: boolean) {
  const changelogPath = join(defaultDataDir, 'changelog.yaml')
  const changelog = jsYaml.load(readFileSync(changelogPath, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as Changelog
  const [latest] = changelog.releases
  const previous = readdirSync(join(defaultDataDir, 'releases'))
    .map((file) => /^(\d{4}-\d{2}-\d{2})\.ids\.yaml$/.exec(file)?.[1]).filter((date): date is string => Boolean(date) && date! < latest.date).sort().at(-1)
  if (!previous) throw new Error(`no snapshot older than ${latest.date} in data/releases/`)
  const snapshotOf: Snapshot = readSnapshot(defaultDataDir, previous)
  const onDisk = filesOnDisk(defaultDataDir)
  const diff = difference(snapshotOf.records, recordsOf(onDisk))
  const now = recordContents(onDisk)
  let old: Map<string, Record<string, unknown>> | undefined
  const before = () => (old ??= recordContents(filesAt(snapshotOf.commit)))
  const notes = new Map<string, string>()
  for (const kind of ['added', 'changed', 'removed'] as const) for (const item of latest[kind]) notes.set(`${kind} ${item.ref}`, item.note)
  const entry: ReleaseChanges = { ...latest }
  for (const kind of ['added', 'changed', 'removed'] as const) {
    entry[kind] = diff[kind].map((ref) => ({ ref, note: notes.get(`${kind} ${ref}`) ?? proposedNote(kind, ref, now, before) }))
  }
  const todo = (['added', 'changed', 'removed'] as const).reduce((n, kind) => n + entry[kind].filter((item) => !notes.has(`${kind} ${item.ref}`)).length, 0)
  console.error(`${latest.date} against the ${previous} snapshot: ${diff.added.length} added, ${diff.changed.length} changed, ` +
    `${diff.removed.length} removed; ${todo} new note(s) proposed from the records, to review`)
  if (write) {
    writeFileSync(changelogPath, formatChangelog({ releases: [entry, ...changelog.releases.slice(1)] }))
    console.error(`${changelogPath} updated`)
  } else {
    process.stdout.write(formatChangelog({ releases: [entry] }).replace(/^#.*\n/gm, ''))
  }
}

try {
  if (command === 'snapshot') snapshot(args[0], args[1])
  else if (command === 'draft') draft(args.includes('--write'))
  else throw new Error('usage: tsx scripts/changelog.ts snapshot <date> <commit> | draft [--write]')
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
