// Makes the loaded dataset and its search index available to every route, typed by module augmentation.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Dataset } from '../data/dataset.js'
import { incrementalSearchIndex, type SearchIndex } from '../search/search-index.js'

declare module 'fastify' {
  interface FastifyInstance {
    dataset: Dataset
    searchIndex: SearchIndex
    /** False once shutdown has begun, so that /readyz sends traffic elsewhere first. */
    lifecycle: { accepting: boolean }
  }
}

export interface DatasetPluginOptions { dataset: Dataset }

/** Records indexed per turn of the event loop: a few milliseconds of work, so that requests are not held up. */
const SEARCH_INDEX_CHUNK = 100

async function datasetPlugin (app: FastifyInstance, options: DatasetPluginOptions) {
  app.decorate('dataset', options.dataset)
  // Indexed a chunk at a time once the app is ready, between requests, rather than before it listens: on a large
  // dataset indexing is most of the start. A search that arrives earlier completes the index first.
  const searchIndex = incrementalSearchIndex(options.dataset)
  app.decorate('searchIndex', searchIndex)
  let closing = false
  app.addHook('onReady', async () => {
    const next = () => { if (!closing && searchIndex.step(SEARCH_INDEX_CHUNK)) setImmediate(next).unref() }
    setImmediate(next).unref()
  })
  app.addHook('onClose', async () => { closing = true })
  app.decorate('lifecycle', { accepting: true })
}

export default fp(datasetPlugin, { name: 'dataset' })
