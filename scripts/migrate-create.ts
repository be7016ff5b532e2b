/**
 * `npm run migrate:create -- <name>`: a new migration from the difference between the collections
 * and the latest snapshot, then marked as generated code (see mark-migrations-generated.ts).
 */
import { ROOT } from './lib/paths'
import { runOrExit } from './lib/run'

const name = process.argv[2]
if (!name) {
  console.error('usage: npm run migrate:create -- <name>   (e.g. add_episode_rating)')
  process.exit(2)
}
await runOrExit('npx', ['payload', 'migrate:create', name], {
  cwd: ROOT,
  env: { DATABASE_SCHEMA: 'migrate' },
})
await runOrExit('npx', ['tsx', 'scripts/mark-migrations-generated.ts'], { cwd: ROOT })
