// GET /v1/instruments and /v1/instruments/{id}: the legal texts.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { INSTRUMENT_KINDS, type Instrument } from '../../../schemas/instrument.js'
import { registerCollection, valueList } from '../../http/collection.js'
import { slugParam } from './filters.js'

const instrumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<Instrument>(app, {
    type: 'instruments',
    tag: 'Rules',
    noun: { one: 'instrument', many: 'instruments' },
    item: Type.Ref('Instrument'),
    list: Type.Ref('InstrumentList'),
    id: { name: 'id', schema: slugParam('Instrument id.', 'rpd'), example: 'rpd' },
    records: (dataset) => dataset.instruments.all,
    find: (dataset, id) => dataset.instruments.byId.get(id),
    keyOf: (record) => record.id,
    dated: true,
    filters: {
      kind: { schema: valueList(INSTRUMENT_KINDS, 'Kind of instrument.'), matches: (i, values) => values.includes(i.kind) }
    },
    describe: {
      list: 'The legal texts behind the notice system: the Constitution, the Rules on the Processing of Data (RPD), ' +
        'the CCF Statute, the Repository of Practice on Article 3, General Assembly resolutions (the 2017 refugee ' +
        'resolution among them) and the UN Security Council resolutions behind the Special Notice, with adoption, ' +
        'entry into force and amendments. `asOf` keeps those in force that day.',
      item: 'One legal instrument with its dates, amendments and sources.'
    }
  })
}

export default instrumentRoutes
