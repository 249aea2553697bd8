// Readable English for the controlled vocabulary, so that reasons never show raw identifiers ("a armed-conflict",
// "a subject who is journalist"). Every id of schemas/vocabulary.ts has a phrase here (checked by a test).
import { OFFENCE_CATEGORIES, OFFENCE_CONTEXTS, SUBJECT_ROLES } from '../../schemas/vocabulary.js'

type Words<T extends readonly string[]> = Record<T[number], string>

/** A person: "a journalist", "a former head of state". */
export const ROLE_WORDS: Words<typeof SUBJECT_ROLES> = {
  'head-of-state': 'a sitting head of state or government',
  'former-head-of-state': 'a former head of state or government',
  'government-official': 'a government official',
  politician: 'a politician',
  'military-officer': 'a military officer',
  diplomat: 'a diplomat',
  journalist: 'a journalist',
  'human-rights-defender': 'a human-rights defender',
  'political-opposition': 'an opposition figure',
  'religious-figure': 'a religious leader or figure',
  'business-person': 'a business person',
  'private-individual': 'a private individual',
  refugee: 'a refugee'
}

/** An offence, as the object of "charged with": "murder", "an unfunded cheque or unpaid debt". */
export const CATEGORY_WORDS: Words<typeof OFFENCE_CATEGORIES> = {
  murder: 'murder',
  terrorism: 'terrorism',
  fraud: 'fraud',
  corruption: 'corruption',
  embezzlement: 'embezzlement',
  'drug-trafficking': 'drug trafficking',
  'sexual-offence': 'a sexual offence',
  cybercrime: 'cybercrime',
  'money-laundering': 'money laundering',
  'unpaid-debt-or-cheque': 'an unfunded cheque or unpaid debt',
  'breach-of-contract': 'a breach of contract',
  'family-dispute': 'an offence arising from a family dispute',
  'child-abduction': 'child abduction',
  'defamation-or-speech': 'defamation or another speech offence',
  'unauthorised-protest': 'taking part in an unauthorised protest',
  'treason-espionage-sedition': 'treason, espionage or sedition',
  'desertion-or-military-offence': 'desertion or another military offence',
  'blasphemy-or-religious-offence': 'blasphemy or another religious offence',
  'crimes-against-humanity-or-war-crimes': 'crimes against humanity or war crimes',
  'membership-of-banned-organisation': 'membership of a banned organisation',
  theft: 'theft',
  'organised-crime': 'organised crime',
  'consensual-sexual-conduct': 'consensual sexual conduct between adults',
  prostitution: 'prostitution by the person themself',
  'personal-drug-use': 'drug use or possession for personal use',
  apostasy: 'apostasy',
  'dress-code-or-public-morality': 'breaching a dress code or public-morality rule',
  other: 'an offence of another kind'
}

/** A setting, after "in": "an armed conflict", "a protest". */
export const CONTEXT_WORDS: Words<typeof OFFENCE_CONTEXTS> = {
  'armed-conflict': 'an armed conflict',
  'military-operation': 'a military operation',
  'election-or-political-crisis': 'an election or political crisis',
  protest: 'a protest',
  'religious-practice': 'the practice of a religion',
  'private-commercial-dispute': 'a private commercial dispute',
  'family-matter': 'a family matter',
  'coup-or-unconstitutional-change': 'a coup or unconstitutional change of power',
  'ethnic-or-racial-tension': 'ethnic or racial tension',
  'opposition-activity': 'opposition political activity',
  'ordinary-criminal': 'ordinary criminal activity'
}

const lookup = (words: Record<string, string>, id: string) => words[id] ?? id.replace(/-/g, ' ')

export const role = (id: string) => lookup(ROLE_WORDS, id)
export const category = (id: string) => lookup(CATEGORY_WORDS, id)
export const context = (id: string) => lookup(CONTEXT_WORDS, id)

/** "a, b and c". */
export function and (items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** "a, b or c". */
export function or (items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
}

export const roles = (ids: readonly string[]) => and(ids.map(role))
export const categories = (ids: readonly string[]) => and(ids.map(category))
export const contexts = (ids: readonly string[]) => and(ids.map(context))

/** "a Red Notice", "an INTERPOL–United Nations Security Council Special Notice": the article by sound. */
export function article (noun: string): string {
  return /^(?:[aeio]|u(?!ni|s)|INTERPOL|UN\b|RPD|ICC)/i.test(noun) ? `an ${noun}` : `a ${noun}`
}

/** A notice type's name in running text: "Red Notice", but "diffusion" (INTERPOL does not capitalise it). */
export const noticeName = (type: { kind: string, labels: { en: string } }) => type.kind === 'diffusion' ? type.labels.en.toLowerCase() : type.labels.en
