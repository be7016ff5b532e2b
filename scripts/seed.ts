/**
 * `npm run seed`: the deterministic demo catalogue and demo users (development only, no network).
 * Safe to run again: existing records are left as they are.
 */
import nextEnv from '@next/env'

nextEnv.loadEnvConfig(process.cwd(), true)

const { env } = await import('../src/env')
const { runSeed } = await import('./seed/runSeed')

if (env.isProduction) {
  console.error(
    '✗ npm run seed creates demo users with a known password; it refuses to run in production.',
  )
  process.exit(1)
}
await runSeed()
process.exit(0)
