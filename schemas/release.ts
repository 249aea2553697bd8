import { Type, type Static } from 'typebox'
import { IsoDate, ref } from './common.js'

/** data/release.yaml: what a dataset release says about itself. */
export const Release = Type.Object({
  released: ref(IsoDate),
  licence: Type.Object({
    name: Type.String({ minLength: 1 }),
    spdx: Type.String({ minLength: 1 }),
    url: Type.String({ format: 'uri', pattern: '^https://' })
  }, { additionalProperties: false }),
  attribution: Type.String({ minLength: 1, maxLength: 500 }),
  disclaimer: Type.String({ minLength: 1, maxLength: 1000 })
}, { additionalProperties: false })
export type Release = Static<typeof Release>

export const Meta = Type.Object({
  name: Type.String(),
  datasetVersion: Type.String({ description: 'Content hash of the data files; changes with every data change.' }),
  released: Type.String({ format: 'date' }),
  counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Records per resource.' }),
  confidence: Type.Object({
    confirmed: Type.Integer({ minimum: 0 }),
    reported: Type.Integer({ minimum: 0 }),
    inferred: Type.Integer({ minimum: 0 })
  }, { additionalProperties: false, description: 'Records per confidence level, across all resources.' }),
  reviewedLast12Months: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
    description: 'Per curated resource, how many records were reviewed (their `reviewed` date) in the 12 months up to the day the service started.'
  }),
  licence: Release.properties.licence,
  attribution: Type.String(),
  disclaimer: Type.String(),
  docs: Type.String({ description: 'Where the interactive documentation is.' })
}, { $id: 'Meta', additionalProperties: false })
export type Meta = Static<typeof Meta>
