// Makes the loaded dataset and its search index available to every route, typed by module augmentation.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Dataset } from '../data/dataset.js'
import { incrementalSearchIndex, type SearchAnswer, type SearchPage, type SearchType } from '../search/search-index.js'

declare module 'fastify' {
  interface FastifyInstance {
    dataset: Dataset
    /** Answers once the index is complete: it is filled between requests after start-up. */
    searchIndex: { search (query: string, types?: readonly SearchType[], page?: SearchPage): Promise<SearchAnswer> }
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
  // dataset indexing is most of the start. A search that arrives earlier waits for the index (completing it in one
  // go instead would block every other request for seconds on a large dataset, and trip the load shedding).
  const index = incrementalSearchIndex(options.dataset)
  let indexed!: () => void
  const complete = new Promise<void>((resolve) => { indexed = resolve })
  app.decorate('searchIndex', {
    search: async (query: string, types?: readonly SearchType[], page?: SearchPage) => {
      await complete
      return index.search(query, types, page)
    }
  })
  let closing = false
  app.addHook('onReady', async () => {
    const next = () => {
      if (closing) return
      if (index.step(SEARCH_INDEX_CHUNK)) setImmediate(next)
      else indexed()
    }
    setImmediate(next)
  })
  // A search still waiting at shutdown gets its answer.
  app.addHook('onClose', async () => {
    closing = true
    index.complete()
    indexed()
  })
  app.decorate('lifecycle', { accepting: true })
}

export default fp(datasetPlugin, { name: 'dataset' })
