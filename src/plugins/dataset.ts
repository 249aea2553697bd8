// Makes the loaded dataset and its search index available to every route, typed by module augmentation.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Dataset } from '../data/dataset.js'
import { buildSearchIndex, type SearchIndex } from '../search/search-index.js'

declare module 'fastify' {
  interface FastifyInstance {
    dataset: Dataset
    searchIndex: SearchIndex
    /** False once shutdown has begun, so that /readyz sends traffic elsewhere first. */
    lifecycle: { accepting: boolean }
  }
}

export interface DatasetPluginOptions { dataset: Dataset }

async function datasetPlugin (app: FastifyInstance, options: DatasetPluginOptions) {
  app.decorate('dataset', options.dataset)
  app.decorate('searchIndex', buildSearchIndex(options.dataset))
  app.decorate('lifecycle', { accepting: true })
}

export default fp(datasetPlugin, { name: 'dataset' })
