// The whole body checked at once, before Fastify's own validation: the schema without type coercion (a number sent
// as a string is refused, not read as a number) and the references a schema cannot check. One answer names every
// problem, schema errors and unknown ids together (issue 13, item 4).
import { Compile } from 'typebox/compile'
import { AssessmentRequest } from '../../schemas/assessment.js'
import type { Dataset } from '../data/dataset.js'
import { fieldErrors } from '../http/problems.js'
import { checkReferences, type FieldProblem } from './check-references.js'

const validator = Compile(AssessmentRequest)

interface SchemaError { instancePath: string; schemaPath: string; keyword: string; message?: string; params: Record<string, unknown> }

/** TypeBox reports errors in ajv's shape, with a few differences that fieldErrors expects in ajv's own form. */
function asAjvErrors (errors: SchemaError[]) {
  return errors.flatMap((error) => {
    if (error.keyword === 'additionalProperties') return [] // reported once per field as the "false schema" below
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) {
      const parts = error.instancePath.split('/')
      return [{ ...error, keyword: 'additionalProperties', instancePath: parts.slice(0, -1).join('/'), params: { additionalProperty: parts[parts.length - 1] } }]
    }
    if (error.keyword === 'required' && Array.isArray(error.params.requiredProperties)) {
      return (error.params.requiredProperties as string[]).map((missingProperty) => ({ ...error, params: { missingProperty } }))
    }
    return [error]
  })
}

export function validateAssessmentBody (body: unknown, dataset: Dataset): FieldProblem[] {
  const schemaProblems = validator.Check(body) ? [] : fieldErrors('body', asAjvErrors([...validator.Errors(body)] as SchemaError[]))
  const seen = new Set(schemaProblems.map((problem) => problem.field))
  return [...schemaProblems, ...checkReferences(body, dataset).filter((problem) => !seen.has(problem.field))]
}
