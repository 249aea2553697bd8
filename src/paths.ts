import { fileURLToPath } from 'node:url'
import { basename, dirname, join } from 'node:path'

// This file runs from src/ (tests, tsx) and from dist/src/ (production); both resolve to the project root.
const here = dirname(fileURLToPath(import.meta.url))
const up = join(here, '..')
export const projectRoot = basename(up) === 'dist' ? join(up, '..') : up
export const defaultDataDir = join(projectRoot, 'data')
/** Where the build keeps the compiled dataset (src/data/compiled-dataset.ts), beside the bundle it belongs to. */
export const defaultCompiledDataset = join(projectRoot, 'dist', 'dataset.compiled.json')
