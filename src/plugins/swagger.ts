// The OpenAPI 3.1 document, generated from the route schemas, and Swagger UI at /docs.
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import { MAX_LISTED_ERRORS, PROBLEM_CODES, PROBLEMS_PAGE } from '../http/problems.js'
import { packageInfo } from '../package-info.js'
import { documentLimits } from './limits.js'

export const TAGS = [
  { name: 'Notice types', description: 'The colour-coded notices, the INTERPOL–UN Security Council Special Notice, diffusions for comparison, and abolished types.' },
  { name: 'Rules', description: 'The legal instruments and the provisions a notice must meet.' },
  { name: 'Grounds', description: 'Why INTERPOL refuses a request or deletes a notice — Article 3 above all.' },
  { name: 'Requesters', description: 'Who may ask for a notice: member countries through their NCB, and international bodies.' },
  { name: 'Cases', description: 'Public cases and CCF decision excerpts that show the grounds at work.' },
  { name: 'Glossary', description: 'Terms reporters meet, defined precisely.' },
  { name: 'Search', description: 'Ranked search across every resource.' },
  { name: 'Claims', description: 'Misconceptions reporters repeat about notices, and a checker that finds them in a text.' },
  { name: 'Changes', description: 'What changed in the dataset from one release to the next, as a list and as Atom and JSON feeds.' },
  { name: 'Assessment', description: 'Measure a hypothetical notice request against the published rules, with reasons, citations and precedents.' },
  { name: 'Service', description: 'Dataset version, counts and licence.' },
  { name: 'MCP', description: 'The Model Context Protocol endpoint, for AI assistants.' }
]

const DESCRIPTION = `Explains INTERPOL's notice system — notice types, who may request them, the rules they must meet and
the grounds on which they are refused or deleted — with the cases that show those rules at work. Every record
carries its sources and a \`confidence\` (\`confirmed\` from a primary text, \`reported\` by secondary or news
sources, or \`inferred\`).

This is reference information about published rules, not legal advice and not an official INTERPOL service.

**Conventions.** Lists take \`limit\` (1–100), \`offset\`, \`q\` and \`ids\`, answer \`{ data, total, limit, offset }\`
and an RFC 8288 \`Link\` header. Unknown query parameters are a 400. Dated resources take \`asOf=YYYY-MM-DD\`.
Every GET carries a strong \`ETag\` (answered with 304 on \`If-None-Match\`), \`Last-Modified\` and
\`X-Dataset-Version\`. Errors are RFC 9457 \`application/problem+json\` with a stable \`code\`:
${Object.entries(PROBLEM_CODES).map(([code, status]) => `\`${code}\` (${status})`).join(', ')}. Each problem's \`type\`
is this service's page about its code, [${PROBLEMS_PAGE}](${PROBLEMS_PAGE}) (\`${PROBLEMS_PAGE}#not-found\`), and
\`errors\` lists at most ${MAX_LISTED_ERRORS} fields (\`detail\` counts the rest). Requests refused before routing (header
fields too large, a malformed request line) are problems too. Absolute URLs in answers (JSON-LD, embeds, oEmbed) are
built from the configured public origin, or from the request's own \`Host\`; never from \`X-Forwarded-*\` headers.
Numbers in query strings are written in decimal digits.`

async function swaggerPlugin (app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'INTERPOL Notice API',
        version: packageInfo.version,
        description: DESCRIPTION,
        license: { name: 'Dataset: CC BY 4.0', identifier: 'CC-BY-4.0' },
        contact: { name: 'interpol-notice-api maintainers' }
      },
      // x-internal and the environment in the description: the API inventory a reader needs (OWASP API9).
      servers: [{ url: '/', description: 'This server (production, or a local copy: paths are relative to it)', 'x-internal': false } as never],
      tags: TAGS
    },
    // The rate limit, overload and internal-error answers every operation can give (src/plugins/limits.ts).
    transformObject: (document) => documentLimits('openapiObject' in document ? document.openapiObject : document.swaggerObject),
    // Shared schemas keep their names (NoticeType, Problem) instead of def-N.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`)
    }
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { deepLinking: true, docExpansion: 'list', tryItOutEnabled: false },
    staticCSP: false
  })
}

export default fp(swaggerPlugin, { name: 'swagger' })
