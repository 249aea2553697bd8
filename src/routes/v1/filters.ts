// Query-parameter schemas shared by several resources.
import { Type } from 'typebox'

/** Comma-separated ids (slugs or country codes), validated loosely; unknown ids simply match nothing. */
export const idList = (description: string, example: string) => Type.String({
  pattern: '^[A-Za-z0-9-]{1,64}(,[A-Za-z0-9-]{1,64})*$',
  maxLength: 2000,
  description: `${description} Comma-separated.`,
  examples: [example]
})

export const slugParam = (description: string, example: string) =>
  Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 64, description, examples: [example] })
