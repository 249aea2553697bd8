// The framework's ceiling: Fastify with no logger, no hooks and no schema, answering one constant JSON body (the
// bytes of the Red Notice record, written to BODY_FILE by bench/run.ts) on every path.
import { readFileSync } from 'node:fs'
import Fastify from 'fastify'

const body = readFileSync(process.env.BODY_FILE ?? '')
const app = Fastify({ logger: false })
app.get('/*', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
