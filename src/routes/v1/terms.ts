// GET /v1/terms and /v1/terms/{id}: the glossary.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Term } from '../../../schemas/term.js'
import { registerCollection } from '../../http/collection.js'
import { englishOf, localize } from '../../http/language.js'
import { slugParam } from './filters.js'

const termRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<Term>(app, {
    type: 'terms',
    tag: 'Glossary',
    noun: { one: 'term', many: 'terms' },
    item: Type.Ref('Term'),
    list: Type.Ref('TermList'),
    id: { name: 'id', schema: slugParam('Term id.', 'red-notice'), example: 'red-notice' },
    records: (dataset) => dataset.terms.all,
    find: (dataset, id) => dataset.terms.byId.get(id),
    keyOf: (record) => record.id,
    filters: {},
    localize: (record, lang) => localize(record, lang, englishOf.term(record)),
    definedTermSet: 'Glossary of INTERPOL notice terms',
    describe: {
      list: 'The glossary: NCB, General Secretariat, CCF, diffusion, public extract, provisional arrest, ' +
        'extradition, corrective measures and more, with aliases and links to related records. `q` matches ' +
        'names, aliases and definitions.',
      item: 'One term: its names in INTERPOL\'s official languages where known, aliases, definition and related records.'
    }
  })
}

export default termRoutes
