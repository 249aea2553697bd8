// A requester or nationality code to a country record: the ISO 3166-1 countries, then the few user-assigned codes
// the dataset records because people ask about them (Kosovo, XK), which are not in the ISO list the API serves.
import type { CountryBase, Dataset } from '../data/dataset.js'

export function findCountry (dataset: Dataset, code: string): CountryBase | undefined {
  const upper = code.toUpperCase()
  return dataset.countries.byId.get(upper) ?? dataset.userAssignedCountries?.byId.get(upper)
}

export const isKnownCountry = (dataset: Dataset, code: string) => findCountry(dataset, code) !== undefined
