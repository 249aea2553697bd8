// GET /v1/countries and /v1/countries/{iso2}: every ISO country, its INTERPOL membership and what it may request.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { CountryBase } from '../../data/dataset.js'
import { today } from '../../data/dates.js'
import { countryOn, isMemberOn, restrictionsOn } from '../../domain/country-on.js'
import { registerCollection } from '../../http/collection.js'

const dayOf = (asOf: string | undefined) => asOf ?? today()

const countryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  registerCollection<CountryBase>(app, {
    type: 'countries',
    tag: 'Requesters',
    noun: { one: 'country', many: 'countries' },
    item: Type.Ref('Country'),
    list: Type.Ref('CountryList'),
    id: {
      name: 'iso2',
      schema: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code, any case.', examples: ['RU'] }),
      normalise: (raw) => raw.toUpperCase(),
      example: 'RU'
    },
    records: (dataset) => dataset.countries.all,
    // A user-assigned code the dataset curates (Kosovo, XK) answers by its code, so that a reporter who meets it in
    // an assessment can look it up; it stays out of the list, which is the ISO 3166-1 list.
    find: (dataset, iso2) => dataset.countries.byId.get(iso2) ?? dataset.userAssignedCountries?.byId.get(iso2),
    keyOf: (record) => record.iso2,
    filters: {
      member: {
        schema: Type.Boolean({ description: 'INTERPOL members (true) or not (false), on `asOf` when given.' }),
        matches: (c, [value], _dataset, asOf) => isMemberOn(c, dayOf(asOf)) === (value === 'true')
      },
      restricted: {
        schema: Type.Boolean({ description: 'Countries under a restriction (prior review, corrective measures) on `asOf` when given.' }),
        matches: (c, [value], _dataset, asOf) => (restrictionsOn(c, dayOf(asOf)).length > 0) === (value === 'true')
      }
    },
    view: (country, { asOf, dataset }) => countryOn(country, asOf, dataset),
    describe: {
      list: 'Every ISO 3166-1 country (codes and names from the maintained world-countries package) with its ' +
        'INTERPOL membership (196 members), admission date where known, NCB city where known, restrictions in ' +
        'force, and `canRequest`: for each notice type whether the country may request it and why. Filter by ' +
        '`member` or `restricted`; `asOf` answers for that day (Palau was not a member in 2022; Russia was ' +
        'unrestricted in 2021).',
      item: 'One country as it stood today, or on `asOf`: membership, restrictions in force and their history, and ' +
        'what it may request. Codes are accepted in any case. A user-assigned code the dataset records also answers ' +
        '(XK, Kosovo: not an ISO 3166-1 code, not a member; `notes` gives the reason and `sources` the reports), ' +
        'though the list, which is the ISO 3166-1 list, does not include it.'
    }
  })
}

export default countryRoutes
