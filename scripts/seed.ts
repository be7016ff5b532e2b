/**
 * `npm run seed`: the deterministic demo catalogue and demo users (development only, no network).
 * Safe to run again: existing records are left as they are.
 */
import nextEnv from '@next/env'

import { parseCli } from './lib/cli'

parseCli({
  command: 'npm run seed',
  summary:
    'Creates the deterministic demo catalogue (programs, episodes, categories and cover images in\n' +
    'English and Arabic) and the demo users, in the database DATABASE_URL names. No network.\n' +
    'Safe to run again: what exists is left as it is. Refuses to run in production (the demo\n' +
    'users have a known password, SEED_PASSWORD).',
  examples: [
    'npm run seed                          # then: npm run reindex (npm run dev does both)',
  ],
  notes: 'Exit codes: 0 done, 1 failed or production, 2 usage error.',
})

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
