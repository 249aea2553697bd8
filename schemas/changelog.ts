// data/changelog.yaml: what each dataset release changed, record by record, served as /v1/changes and as Atom and
// JSON feeds. Schema of the file and of the answers.
import { Type, type Static } from 'typebox'
import { IsoDate, listOf, ref } from './common.js'
import { RecordRef } from './misconception.js'

export const CHANGE_KINDS = ['added', 'changed', 'removed'] as const

const Note = Type.String({ minLength: 1, maxLength: 300, pattern: '^[^\\n]*$', description: 'One line: what changed and why.' })
const ChangeItem = Type.Object({ ref: RecordRef, note: Note }, { additionalProperties: false })

export const ReleaseChanges = Type.Object({
  date: ref(IsoDate),
  summary: Type.String({ minLength: 1, maxLength: 600, description: 'The release in a sentence or two.' }),
  added: Type.Array(ChangeItem, { description: 'Records new in this release.' }),
  changed: Type.Array(ChangeItem, { description: 'Records whose content changed (a correction, a new source, a rule that ended).' }),
  removed: Type.Array(ChangeItem, { description: 'Records no longer in the dataset, with the reason.' })
}, { additionalProperties: false })
export type ReleaseChanges = Static<typeof ReleaseChanges>

/** The file: releases, newest first. */
export const Changelog = Type.Object({
  releases: Type.Array(ReleaseChanges, { minItems: 1 })
}, { additionalProperties: false })
export type Changelog = Static<typeof Changelog>

export const DatasetChange = Type.Object({
  release: Type.String({ format: 'date', description: 'The release date (YYYY-MM-DD).' }),
  change: Type.String({ enum: [...CHANGE_KINDS] }),
  resource: Type.String({ description: 'The collection: notice-types, cases, countries, …' }),
  id: Type.String(),
  ref: Type.String({ description: '`<resource>/<id>`.' }),
  href: Type.String({ description: 'The record\'s path (a removed record answers 404).' }),
  note: Type.String()
}, { $id: 'DatasetChange', additionalProperties: false, description: 'One record added, changed or removed by a release.' })
export type DatasetChange = Static<typeof DatasetChange>

export const DatasetChangeList = listOf(Type.Ref('DatasetChange'), 'DatasetChangeList')
