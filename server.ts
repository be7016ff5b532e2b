/**
 * Entry point of the HTTP host: `tsx server.ts` (production: NODE_ENV=production after `next build`).
 * `.env` files are loaded first, because the configuration is read when modules are imported.
 */
import nextEnv from '@next/env'

const dev = process.env.NODE_ENV !== 'production'
nextEnv.loadEnvConfig(process.cwd(), dev)

const { env } = await import('./src/env')
const { flushLogs, logger } = await import('./src/observability/logger')
const { startServer } = await import('./src/host/createServer')

try {
  const running = await startServer({ dev, port: env.PORT, host: env.HOST })
  logger.info(
    { url: running.url, mode: dev ? 'development' : 'production' },
    'MediaMesh is listening',
  )
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.shutdown(signal).then(
        () => flushLogs().then(() => process.exit(0)),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed')
          void flushLogs().then(() => process.exit(1))
        },
      )
    })
  }
} catch (error) {
  logger.fatal({ err: error }, 'MediaMesh failed to start')
  await flushLogs()
  process.exit(1)
}
