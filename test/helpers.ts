// Shared by the tests: the real dataset, loaded once per test process, and the app built exactly as in production.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import { createApp } from '../src/app.js'
import { DatasetError, loadDataset, type DataProblem } from '../src/data/load-dataset.js'
import { parse, stringify } from 'yaml'
import type { Dataset } from '../src/data/dataset.js'
import type { Limits } from '../src/plugins/limits.js'
import { defaultDataDir } from '../src/paths.js'

let cached: Dataset | undefined
export function realDataset (): Dataset {
  cached ??= loadDataset(defaultDataDir).dataset
  return cached
}

/** The app on the real dataset; `limits` overrides the production limits (rate limit, load shedding, timeouts). */
export async function buildTestApp (limits: Partial<Limits> = {}): Promise<FastifyInstance> {
  const app = await createApp({ dataset: realDataset(), limits })
  await app.ready()
  return app
}

/** A throwaway copy of data/ to break on purpose. */
export function copyOfData (): string {
  const dir = mkdtempSync(join(tmpdir(), 'notice-data-'))
  cpSync(defaultDataDir, dir, { recursive: true })
  return dir
}

/** Replaces the first occurrence of `from` in a data file; fails loudly if the text is not there. */
export function editDataFile (dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file)
  const text = readFileSync(path, 'utf8')
  const next = text.replace(from, to)
  if (next === text) throw new Error(`${file} does not contain ${String(from)}`)
  writeFileSync(path, next)
}

export const json = <T = any>(response: { body: string }) => JSON.parse(response.body) as T // eslint-disable-line @typescript-eslint/no-explicit-any

/** Asserts the error contract on one answer (status, problem+json, code, title, detail, request id, no stack). */
export function isProblem (t: Test, response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string) {
  t.equal(response.statusCode, status)
  t.match(String(response.headers['content-type']), /^application\/problem\+json/)
  const body = json(response)
  t.equal(body.status, status)
  t.equal(body.code, code)
  t.type(body.title, 'string')
  t.type(body.detail, 'string')
  t.equal(body.requestId, response.headers['x-request-id'], 'the problem names the request id of the response')
  t.notMatch(response.body, /at .*\.(ts|js):\d+/, 'no stack trace')
  return body
}

/** A parsed data file, as the tests that break one see it. */
export type DataRecords = any // eslint-disable-line @typescript-eslint/no-explicit-any

/** Applies `mutate` to one parsed file of a fresh copy of data/, loads the copy, and returns the problems reported. */
export function dataProblemsAfter (file: string, mutate: (records: DataRecords) => void): DataProblem[] {
  const dir = copyOfData()
  try {
    const path = join(dir, file)
    const records = parse(readFileSync(path, 'utf8'))
    mutate(records)
    writeFileSync(path, stringify(records))
    loadDataset(dir)
    return []
  } catch (error) {
    if (error instanceof DatasetError) return error.problems
    throw error
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
