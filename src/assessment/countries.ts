// A requester or nationality code to a country record: the ISO 3166-1 countries, then the few user-assigned codes
// the dataset records because people ask about them (Kosovo, XK), which are not in the ISO list the API serves.
import type { CountryBase, Dataset } from '../data/dataset.js'

export function findCountry (dataset: Dataset, code: string): CountryBase | undefined {
  const upper = code.toUpperCase()
  return dataset.countries.byId.get(upper) ?? dataset.userAssignedCountries?.byId.get(upper)
}

/** The name as it reads after "of": "of the United States", "of Iran". */
export function nameInSentence (dataset: Dataset, code: string): string {
  const name = findCountry(dataset, code)?.name ?? code.toUpperCase()
  return /^(?:United|Czech|Dominican|Central African|Democratic|Republic)\b|\bIslands$|^(?:Netherlands|Philippines|Bahamas|Comoros|Maldives|Gambia|Vatican City)$/.test(name) ? `the ${name}` : name
}

export const isKnownCountry = (dataset: Dataset, code: string) => findCountry(dataset, code) !== undefined
