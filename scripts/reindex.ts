/**
 * `npm run reindex`: rebuilds the catalogue index from Postgres into a new physical index and swaps
 * the aliases when it is complete and verified. Searches keep working throughout; a failure leaves
 * the live index in place.
 */
import nextEnv from '@next/env'

import { parseCli } from './lib/cli'

parseCli({
  command: 'npm run reindex',
  summary:
    'Rebuilds the catalogue search index from Postgres into a new physical index, then swaps the\n' +
    'aliases once it is complete and verified. Searches keep working throughout; a failure leaves\n' +
    'the live index as it was. Needs DATABASE_URL and ELASTICSEARCH_URL (or the local defaults).',
  examples: [
    'npm run reindex                       # after a mapping change or a restore',
    'kubectl exec deploy/mediamesh-worker -- node --import tsx scripts/reindex.ts   # in a cluster',
  ],
  notes: 'Exit codes: 0 swapped, 1 failed (the live index is unchanged), 2 usage error.',
})

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production')

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { searchClient } = await import('../src/search/client')
const { catalogueIndex } = await import('../src/search/config')
const { reindexCatalogue } = await import('../src/search/reindex')
const { catalogueGeneration } = await import('../src/search/catalogueChanges')
const { closeRedis } = await import('../src/redis/client')
const { progressReporter } = await import('./lib/progress')

const payload = await getPayload({ config })
console.log(`… rebuilding ${catalogueIndex.read} from Postgres`)
const progress = progressReporter({ label: 'indexing' })
try {
  const result = await reindexCatalogue(payload, searchClient(), catalogueIndex, {
    onProgress: ({ indexed, total }) => progress.update(indexed, total),
  })
  progress.finish()
  console.log(
    `✓ ${result.documents} documents in ${result.index} (${result.seconds.toFixed(1)} s, ` +
      `${result.docsPerSecond} docs/s); aliases swapped` +
      (result.removedIndices.length ? `, removed ${result.removedIndices.join(', ')}` : ''),
  )
  // Tell discovery's caches on every instance that the catalogue changed.
  await catalogueGeneration.settled()
  await closeRedis()
  process.exit(0)
} catch (error) {
  progress.finish()
  console.error(`✗ reindex failed, the live index is unchanged: ${(error as Error).message}`)
  process.exit(1)
}
