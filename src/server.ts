// The process: read configuration, load the dataset (exit non-zero if it is broken), listen, close gracefully.
import closeWithGrace from 'close-with-grace'
import { createApp } from './app.js'
import { loadConfig } from './config.js'
import { DatasetError, loadDataset } from './data/load-dataset.js'

async function main () {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    console.error(`Invalid configuration: ${(error as Error).message}`)
    process.exit(2)
  }

  let dataset
  try {
    dataset = loadDataset(config.DATA_DIR).dataset
  } catch (error) {
    if (error instanceof DatasetError) {
      console.error(error.message)
      console.error('The service did not start: fix the data files above (npm run validate:data checks them).')
      process.exit(1)
    }
    throw error
  }

  const logger = process.stdout.isTTY && config.LOG_LEVEL !== 'silent'
    ? { level: config.LOG_LEVEL, transport: { target: 'pino-pretty' } }
    : { level: config.LOG_LEVEL }
  const app = await createApp({
    dataset,
    logger: (await prettyIfAvailable(logger)) as never,
    limits: {
      rateLimitMax: config.RATE_LIMIT_MAX,
      rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS,
      maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
      trustProxy: config.TRUST_PROXY
    }
  })

  closeWithGrace({ delay: config.CLOSE_GRACE_MS }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    // Readiness turns false first, so a load balancer stops sending new requests while in-flight ones finish.
    app.lifecycle.accepting = false
    await app.close()
  })

  await app.listen({ port: config.PORT, host: config.HOST })
}

/** pino-pretty is a dev dependency: use it on a terminal when installed, plain JSON lines otherwise. */
async function prettyIfAvailable (logger: { level: string; transport?: unknown }) {
  if (!logger.transport) return logger
  try {
    await import('pino-pretty')
    return logger
  } catch {
    return { level: logger.level }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
