/**
 * Where the catalogue-scale benchmarks keep their data, and the environment they run under. Free of
 * application imports on purpose: src/env.ts reads the environment when it is first imported, so a
 * benchmark calls `useCatalogueEnvironment()` before it imports anything from src/ or
 * bench/lib/catalogue.ts.
 */
import nextEnv from '@next/env'

export const SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
export const CATALOGUE_DATABASE = 'mediamesh_bench_sync'
export const INDEX_PREFIX = 'mediamesh_bench'
/** Redis keys of the benchmarks, apart from a dev server's (`mediamesh:`) on the same Redis. */
export const REDIS_KEY_PREFIX = 'mediamesh_bench:'
/** Episodes inserted with SQL; `BENCH_EPISODES` shrinks the catalogue for a quick trial. */
export const EPISODES = Number(process.env.BENCH_EPISODES ?? 100_000)

export const catalogueDatabaseUrl = (() => {
  const url = new URL(SERVER_URL)
  url.pathname = `/${CATALOGUE_DATABASE}`
  return url.toString()
})()

/** Text of every synthetic episode (`Episode <n>: ` + title); the search benchmarks query its words. */
export const EPISODE_TEXT = {
  title: {
    en: 'notes on desert cities and ocean documentaries',
    ar: 'مدن الصحراء وأسرار البحار',
  },
  summary: {
    en: 'A conversation about history, science and the stories behind them.',
    ar: 'حوار عن التاريخ والعلوم والقصص التي وراءها.',
  },
}

/**
 * Points this process (and the processes it starts with its environment) at the benchmark
 * database, index prefix and Redis prefix, then loads `.env` files as the app does.
 */
export function useCatalogueEnvironment(): void {
  Object.assign(process.env, {
    DATABASE_URL: catalogueDatabaseUrl,
    DATABASE_SCHEMA: 'migrate',
    SEARCH_INDEX_PREFIX: INDEX_PREFIX,
    REDIS_KEY_PREFIX,
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
  })
  nextEnv.loadEnvConfig(process.cwd(), true)
}
