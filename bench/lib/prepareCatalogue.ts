/**
 * The benchmarks' catalogue (bench/lib/catalogue.ts: `mediamesh_bench_sync`, indexed under
 * `mediamesh_bench`), rebuilt unless `BENCH_REUSE_CATALOGUE=1` finds it complete.
 */
import { CATALOGUE_DATABASE, EPISODES, INDEX_PREFIX } from './catalogueSettings'

export async function prepareCatalogue(esUrl: string) {
  const { countCatalogueEpisodes, recreateCatalogueDatabase, seedCatalogue } =
    await import('./catalogue')
  const reuse =
    process.env.BENCH_REUSE_CATALOGUE === '1' && (await countCatalogueEpisodes()) === EPISODES
  if (!reuse) await recreateCatalogueDatabase()

  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const { createSearchClient } = await import('../../src/search/client')
  const { catalogueIndexNames } = await import('../../src/search/indexer')
  const { reindexCatalogue } = await import('../../src/search/reindex')
  const { ensureCatalogueIndexed } = await import('../../src/search/ensureIndexed')
  const { progressLine } = await import('../../scripts/lib/progress')
  const { catalogueGeneration } = await import('../../src/search/catalogueChanges')

  const started = Date.now()
  const payload = await getPayload({ config })
  const client = createSearchClient(esUrl)
  const names = catalogueIndexNames(INDEX_PREFIX)
  const onProgress = (progress: Parameters<typeof progressLine>[0]) =>
    process.stderr.write(progressLine(progress))
  if (reuse) {
    console.log(`… reusing ${CATALOGUE_DATABASE} (${EPISODES} episodes)`)
    await ensureCatalogueIndexed(payload, client, names, { pageSize: 1000, onProgress })
  } else {
    console.log(`… building ${CATALOGUE_DATABASE}: demo programs and ${EPISODES} episodes`)
    await client.indices.delete({ index: `${INDEX_PREFIX}-catalogue*` }, { ignore: [404] })
    await seedCatalogue(payload, EPISODES)
    await reindexCatalogue(payload, client, names, { pageSize: 1000, onProgress })
    process.stderr.write('\n')
  }
  // The rebuild announces itself (refresh, generation bump) a moment later: let it finish.
  await catalogueGeneration.settled()
  await client.indices.refresh({ index: names.read })
  const { count } = await client.count({ index: names.read })
  const programs = await payload.count({ collection: 'programs' })
  await client.close()
  await payload.destroy()
  return {
    database: CATALOGUE_DATABASE,
    indexPrefix: INDEX_PREFIX,
    episodes: EPISODES,
    programs: programs.totalDocs,
    indexedDocuments: count,
    reused: reuse,
    preparationSeconds: Math.round((Date.now() - started) / 100) / 10,
  }
}
