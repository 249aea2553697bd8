// Error responses as every route documents them: RFC 9457 problem documents under application/problem+json.
import { Type } from 'typebox'
import { PROBLEM_TYPE } from './problems.js'

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid parameters: `code` is `invalid-query`, `invalid-parameter` or `invalid-body`, and `errors` names each field.',
  404: 'Not found (`not-found`); for an unknown id, `suggestions` lists the nearest ids.',
  405: 'Method not allowed (`method-not-allowed`); the `Allow` header lists the methods.',
  406: 'None of the `Accept` types can be served (`not-acceptable`); `supported` lists them.',
  413: 'The request body is too large (`payload-too-large`).',
  415: 'The request body is not JSON (`unsupported-media-type`).',
  429: 'Too many requests (`rate-limited`); see `Retry-After`.',
  500: 'Internal error (`internal-error`); no internals are disclosed.',
  503: 'Not ready or overloaded (`service-unavailable`).'
}

const problemRef = Type.Ref('Problem')

export function errorResponses (...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, {
    description: DESCRIPTIONS[status] ?? 'Error.',
    content: { [PROBLEM_TYPE]: { schema: problemRef } }
  }]))
}
