// Shared by the tests: the real dataset, loaded once per test process, and the app built exactly as in production.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createApp } from '../src/app.js'
import { loadDataset } from '../src/data/load-dataset.js'
import type { Dataset } from '../src/data/dataset.js'
import { defaultDataDir } from '../src/paths.js'

let cached: Dataset | undefined
export function realDataset (): Dataset {
  cached ??= loadDataset(defaultDataDir).dataset
  return cached
}

export async function buildTestApp (): Promise<FastifyInstance> {
  const app = await createApp({ dataset: realDataset() })
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
