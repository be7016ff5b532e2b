/**
 * `npm run migrate:create -- <name>`: a new migration from the difference between the collections
 * and the latest snapshot, then marked as generated code (see mark-migrations-generated.ts).
 */
import { parseCli } from './lib/cli'
import { ROOT } from './lib/paths'
import { runOrExit } from './lib/run'

const {
  positionals: [name],
} = parseCli({
  command: 'npm run migrate:create --',
  args: '<name>',
  positionals: { min: 1, max: 1 },
  summary:
    'Writes a new migration to src/migrations from the difference between the collections and the\n' +
    'latest migration snapshot (in a scratch schema, "migrate"), and marks it as generated code.',
  examples: ['npm run migrate:create -- add_episode_rating'],
})
await runOrExit('npx', ['payload', 'migrate:create', name], {
  cwd: ROOT,
  env: { DATABASE_SCHEMA: 'migrate' },
})
await runOrExit('npx', ['tsx', 'scripts/mark-migrations-generated.ts'], { cwd: ROOT })
