/**
 * The benchmark catalogue: the demo categories and programs written through Payload, then a large
 * number of published episodes (English and Arabic titles and summaries) inserted with SQL, because
 * creating them one by one through Payload would take most of an hour.
 *
 * Import this module only after `useCatalogueEnvironment()` (catalogueSettings.ts): the application
 * modules it loads read the environment when imported.
 */
import type { Payload } from 'payload'
import pg from 'pg'

import { buildCatalogue } from '../../scripts/seed/catalogue'
import { seedDatabase } from '../../scripts/seed/seedDatabase'
import {
  CATALOGUE_DATABASE,
  catalogueDatabaseUrl,
  EPISODE_TEXT,
  SERVER_URL,
} from './catalogueSettings'

/** Drops and recreates the benchmark database (before Payload connects to it). */
export async function recreateCatalogueDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${CATALOGUE_DATABASE}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${CATALOGUE_DATABASE}"`)
  await admin.end()
}

/** Synthetic episodes already in the benchmark database; null when it does not exist yet. */
export async function countCatalogueEpisodes(): Promise<number | null> {
  const db = new pg.Client({ connectionString: catalogueDatabaseUrl })
  try {
    await db.connect()
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM episodes WHERE slug LIKE 'bench-episode-%'`,
    )
    return Number(rows[0]?.count ?? 0)
  } catch {
    return null
  } finally {
    await db.end().catch(() => undefined)
  }
}

export interface SeededCatalogue {
  episodes: number
  programIds: number[]
}

/**
 * Fills a freshly created benchmark database (Payload connected, migrations applied): demo
 * categories and programs, then `episodes` episodes spread over the published programs.
 */
export async function seedCatalogue(payload: Payload, episodes: number): Promise<SeededCatalogue> {
  const catalogue = buildCatalogue()
  await seedDatabase(payload, {
    catalogue: { ...catalogue, programs: catalogue.programs.map((p) => ({ ...p, episodes: [] })) },
    password: 'bench-password',
  })
  const db = new pg.Client({ connectionString: catalogueDatabaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query<{ id: number }>(
      `SELECT id FROM programs WHERE _status = 'published' AND published_at <= now() ORDER BY id`,
    )
    const programIds = rows.map((row) => row.id)
    await db.query(
      `INSERT INTO episodes (program_id, slug, guid, episode_number, duration_seconds, published_at, _status, explicit)
       SELECT ($1::int[])[1 + (n % array_length($1::int[], 1))], 'bench-episode-' || n, 'bench-' || n, n,
              600 + (n * 37) % 5400, now() - (n || ' minutes')::interval, 'published', false
         FROM generate_series(1, $2) AS n`,
      [programIds, episodes],
    )
    await db.query(
      `INSERT INTO episodes_locales (title, summary, _locale, _parent_id)
       SELECT 'Episode ' || e.episode_number || ': ' || $1::text, $2::text, 'en'::_locales, e.id
         FROM episodes e WHERE e.slug LIKE 'bench-episode-%'
       UNION ALL
       SELECT 'الحلقة ' || e.episode_number || ': ' || $3::text, $4::text, 'ar'::_locales, e.id
         FROM episodes e WHERE e.slug LIKE 'bench-episode-%'`,
      [
        EPISODE_TEXT.title.en,
        EPISODE_TEXT.summary.en,
        EPISODE_TEXT.title.ar,
        EPISODE_TEXT.summary.ar,
      ],
    )
    return { episodes, programIds }
  } finally {
    await db.end()
  }
}
