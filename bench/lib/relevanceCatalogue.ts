/**
 * The relevance benchmark's catalogue: the whole demo catalogue (`buildCatalogue()`, deterministic:
 * same slugs, texts and dates on every machine) seeded through Payload into a freshly created
 * scratch database, then indexed in bulk under its own index prefix.
 *
 * Seeding ~800 documents through Payload takes one minute on a quiet machine and four or more on a
 * busy one, so the database is kept between runs when nothing that shapes it changed: its
 * fingerprint (catalogue data, seed code, collection code, migration names) is stored as the
 * database's comment and compared on the next run. `BENCH_FRESH=1` rebuilds it regardless. The
 * index is rebuilt on every run: the index definition is part of what the benchmark measures.
 *
 * Import only after `useRelevanceEnvironment()` (relevanceSettings.ts).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import pg from 'pg'

import { ROOT } from '../../scripts/lib/paths'

import { buildCatalogue } from '../../scripts/seed/catalogue'
import { SERVER_URL } from './catalogueSettings'
import { RELEVANCE_DATABASE, RELEVANCE_INDEX_PREFIX } from './relevanceSettings'

async function recreateDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${RELEVANCE_DATABASE}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${RELEVANCE_DATABASE}"`)
  await admin.end()
}

/** Every file under `dir` (relative to the repository), sorted; empty when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .then((list) => list)
    .catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** What the seeded database depends on: the catalogue, how it is written, and the schema. */
async function catalogueFingerprint(catalogue: unknown): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(catalogue))
  for (const file of [
    ...(await filesUnder('scripts/seed')),
    ...(await filesUnder('src/collections')),
  ]) {
    hash.update(file).update(await readFile(path.join(ROOT, file)))
  }
  for (const file of await filesUnder('src/migrations')) hash.update(file)
  return `bench-relevance:${hash.digest('hex').slice(0, 32)}`
}

/** The fingerprint stored on the scratch database; null when it does not exist. */
async function storedFingerprint(): Promise<string | null> {
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [RELEVANCE_DATABASE],
    )
    return rows[0]?.comment ?? null
  } finally {
    await admin.end()
  }
}

async function storeFingerprint(fingerprint: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`COMMENT ON DATABASE "${RELEVANCE_DATABASE}" IS '${fingerprint}'`)
  await admin.end()
}

export interface PreparedCatalogue {
  database: string
  indexPrefix: string
  programs: number
  episodes: number
  indexedDocuments: number
  reused: boolean
  preparationSeconds: number
}

/**
 * Seeds (or reuses) and indexes the demo catalogue, and returns the running Payload instance: the
 * benchmark serves discovery from it and, when the branch has them, writes synonym rules through it.
 */
export async function prepareRelevanceCatalogue(esUrl: string) {
  const started = Date.now()
  const catalogue = buildCatalogue()
  const fingerprint = await catalogueFingerprint(catalogue)
  const reuse = process.env.BENCH_FRESH !== '1' && (await storedFingerprint()) === fingerprint
  if (!reuse) await recreateDatabase()

  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const { seedDatabase } = await import('../../scripts/seed/seedDatabase')
  const { createSearchClient } = await import('../../src/search/client')
  const { catalogueIndexNames } = await import('../../src/search/indexer')
  const { reindexCatalogue } = await import('../../src/search/reindex')
  const { catalogueGeneration } = await import('../../src/search/catalogueChanges')

  const payload = await getPayload({ config })
  const client = createSearchClient(esUrl)
  const names = catalogueIndexNames(RELEVANCE_INDEX_PREFIX)
  if (!reuse) {
    console.log(`… seeding the demo catalogue into ${RELEVANCE_DATABASE}`)
    await seedDatabase(payload, { catalogue, password: 'bench-relevance-password' })
    await storeFingerprint(fingerprint)
  } else {
    console.log(`… reusing ${RELEVANCE_DATABASE}: same catalogue, seed code and schema`)
  }
  // Always a fresh index: the index definition (analysers, fields) is part of what is measured.
  console.log(`… indexing it under ${RELEVANCE_INDEX_PREFIX}`)
  await client.indices.delete({ index: `${RELEVANCE_INDEX_PREFIX}-catalogue*` }, { ignore: [404] })
  await reindexCatalogue(payload, client, names, { pageSize: 500 })
  await catalogueGeneration.settled()
  await client.indices.refresh({ index: names.read })
  const { count } = await client.count({ index: names.read })
  await client.close()
  const prepared: PreparedCatalogue = {
    database: RELEVANCE_DATABASE,
    indexPrefix: RELEVANCE_INDEX_PREFIX,
    programs: (await payload.count({ collection: 'programs' })).totalDocs,
    episodes: (await payload.count({ collection: 'episodes' })).totalDocs,
    indexedDocuments: count,
    reused: reuse,
    preparationSeconds: Math.round((Date.now() - started) / 100) / 10,
  }
  return { payload, prepared }
}
