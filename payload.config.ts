/**
 * Payload wiring: this app's users, database, localization, limits, and MediaMesh installed as a
 * plugin. No logic lives here. This is the one place that maps the environment (src/env.ts) to
 * MediaMesh's options: nothing below the plugin entry reads the environment.
 */
import os from 'node:os'
import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ar } from '@payloadcms/translations/languages/ar'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type Config, type Migration } from 'payload'
import sharp from 'sharp'

import { hasRole } from './src/access/roles'
import { indexLocaleParents } from './src/db/indexLocaleParents'
import { projectRoot } from './src/lib/projectRoot'
import { Users } from './src/collections/Users'
import { env, type Env } from './src/env'
import { translateDatabaseErrors } from './src/hooks/translateDatabaseErrors'
import { migrations } from './src/migrations'
import { configureLogger } from './src/observability/logger'
import { CLIENT_IP_HEADER } from './src/plugins/cmsRateLimits'
import { mediaMesh } from './src/plugins/mediaMesh'
import { hardenSanitizedConfig } from './src/plugins/securityHardening'
import type { MediaMeshOptions } from './src/plugins/types'

// This app's logging, from its environment (MediaMesh itself reads none).
const logger = configureLogger({ level: env.LOG_LEVEL, pretty: env.LOG_FORMAT === 'pretty' })

// The project folder, also when this file runs compiled (dist/) or bundled by Next (.next/).
const dirname = projectRoot(import.meta.url)

// Generated migrations type their argument precisely; the adapter and `db.migrate` take `unknown`.
export const committedMigrations = migrations as unknown as Migration[]

/** MediaMesh's options from this app's environment (README: "Use MediaMesh in your Payload app"). */
export function mediaMeshOptionsFrom(env: Env): MediaMeshOptions {
  return {
    cursorSecret: env.DISCOVERY_CURSOR_SECRET,
    elasticsearch: { node: env.ELASTICSEARCH_URL, indexPrefix: env.SEARCH_INDEX_PREFIX },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    discovery: {
      basePath: env.DISCOVERY_BASE_PATH,
      cacheTtlSeconds: env.DISCOVERY_CACHE_TTL_SECONDS,
      staleTtlSeconds: env.DISCOVERY_STALE_TTL_SECONDS,
      memoryCacheMb: env.DISCOVERY_MEMORY_CACHE_MB,
      searchTimeoutMs: env.DISCOVERY_SEARCH_TIMEOUT_MS,
      readsPerMinute: env.RATE_LIMIT_DISCOVERY_PER_MINUTE,
      eventsPerMinute: env.RATE_LIMIT_EVENTS_PER_MINUTE,
      apiKeys: env.DISCOVERY_API_KEYS,
      corsOrigins: env.DISCOVERY_CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      docs: env.DISCOVERY_DOCS,
      // This host's Express front overwrites this header with the address it resolved (trust
      // proxy applied), so a client cannot choose its own rate-limit budget by sending it.
      clientIp: (headers) => headers.get(CLIENT_IP_HEADER) ?? undefined,
    },
    ingestion: {
      timeoutMs: env.INGEST_TIMEOUT_MS,
      maxBytes: env.INGEST_MAX_BYTES,
      allowPrivateNetworks: env.INGEST_ALLOW_PRIVATE_NETWORKS,
    },
    media: {
      dir: env.MEDIA_DIR,
      s3: env.s3 ?? undefined,
      publicUrl: env.MEDIA_PUBLIC_URL_EXPLICIT,
      serverUrl: env.SERVER_URL,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      maxImageBytes: env.MEDIA_MAX_IMAGE_BYTES,
      maxAudioBytes: env.MEDIA_MAX_AUDIO_BYTES,
      maxVideoBytes: env.MEDIA_MAX_VIDEO_BYTES,
      orphanGraceMinutes: env.MEDIA_ORPHAN_GRACE_MINUTES,
    },
    rateLimits: {
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE,
      accountPerMinute: env.RATE_LIMIT_ACCOUNT_PER_MINUTE,
      fetchNowPerMinute: env.RATE_LIMIT_FETCH_NOW_PER_MINUTE,
    },
    insights: {
      maxQueriesPerHour: env.SEARCH_INSIGHTS_MAX_QUERIES_PER_HOUR,
      flushSeconds: env.SEARCH_INSIGHTS_FLUSH_SECONDS,
      retentionDays: env.SEARCH_INSIGHTS_DAYS,
    },
    queryBounds: {
      maxWhereConditions: env.WHERE_MAX_CONDITIONS,
      maxWherePathSegments: env.WHERE_MAX_PATH_SEGMENTS,
    },
    // GraphQL suggestions go while introspection is off (Payload: in production).
    hideGraphQLSuggestions: env.isProduction,
  }
}

/** This app's Payload config, without its plugin. */
const appConfigBase: Config = {
  secret: env.PAYLOAD_SECRET,
  serverURL: env.SERVER_URL_EXPLICIT,
  telemetry: false,
  logger,
  admin: {
    user: Users.slug,
    importMap: { baseDir: path.resolve(dirname, 'src') },
    meta: { titleSuffix: ' · MediaMesh' },
    // Not Gravatar: it would send a hash of every editor's email to a third party, and the
    // image is broken wherever the admin has no internet access.
    avatar: 'default',
  },
  // The admin panel in English or Arabic (right to left), chosen per user in their account settings.
  i18n: { supportedLanguages: { en, ar }, fallbackLanguage: 'en' },
  // MediaMesh adds its catalogue collections (programs, episodes, categories, media, sources).
  collections: [Users],
  editor: lexicalEditor(),
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'ar', label: 'العربية', rtl: true },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  db: postgresAdapter({
    pool: { connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX },
    push: env.DATABASE_SCHEMA === 'push',
    migrationDir: path.resolve(dirname, 'src/migrations'),
    prodMigrations: env.MIGRATE_ON_START ? committedMigrations : undefined,
    afterSchemaInit: [indexLocaleParents],
  }),
  // Dev and test databases that use migrations (not push) apply them on start too; production does
  // so through `prodMigrations` above. MIGRATE_ON_START=false leaves it to `npm run migrate`.
  onInit: async (payload) => {
    if (env.DATABASE_SCHEMA === 'migrate' && !env.isProduction && env.MIGRATE_ON_START) {
      await payload.db.migrate({ migrations: committedMigrations })
    }
  },
  hooks: {
    afterError: [
      translateDatabaseErrors({ databasePort: Number(new URL(env.DATABASE_URL).port || 5432) }),
    ],
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    maxComplexity: 1000,
  },
  maxDepth: 5,
  // Larger uploads are refused with a 413 while streaming, before they fill memory or disk.
  // Uploads stream to temporary files, not memory: an hour of video must not sit in the heap.
  upload: {
    limits: { fileSize: env.UPLOAD_MAX_BYTES },
    // The whole multipart body (file plus form fields); Payload's own default is 50 MiB, which
    // would refuse an hour of audio long before UPLOAD_MAX_BYTES.
    requestSizeLimit: env.UPLOAD_MAX_BYTES + 1024 * 1024,
    useTempFiles: true,
    tempFileDir: path.join(os.tmpdir(), 'mediamesh-uploads'),
  },
  sharp,
  // Jobs (scheduled publish, search sync) run through src/jobs/claimingRunner.ts, which claims
  // them exclusively: started by the host when JOBS_AUTORUN is on, and by `npm run worker`.
  // Payload's own autoRun is not used: it can run one job on two runners at once.
  // Finished jobs are kept for a while (the runner prunes them after JOBS_RETENTION_HOURS) as a
  // history of what ran; failed ones stay until an admin retries or deletes them (dead letters).
  jobs: {
    deleteJobOnComplete: false,
    // Payload's HTTP endpoints for jobs (/api/payload-jobs/run, handle-schedules) default to "any
    // logged-in user" and use the unlocked stock runner: closed. Jobs run only through the
    // claiming runner; admins retry and rebuild through /api/search-sync.
    access: {
      cancel: ({ req }) => hasRole(req.user, 'admin'),
      queue: () => false,
      run: () => false,
    },
  },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
}

/** This app's Payload config with MediaMesh installed with `options` (tests build variants). */
export const appConfig = (options: MediaMeshOptions) =>
  buildConfig({ ...appConfigBase, plugins: [mediaMesh(options)] }).then(hardenSanitizedConfig)

export default appConfig(mediaMeshOptionsFrom(env))
