/**
 * Payload wiring: collections, database, localization, limits. No logic lives here.
 */
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { ar } from '@payloadcms/translations/languages/ar'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type Migration } from 'payload'
import sharp from 'sharp'

import { hasRole } from './src/access/roles'
import { Categories } from './src/collections/Categories'
import { indexLocaleParents } from './src/db/indexLocaleParents'
import { Episodes } from './src/collections/Episodes'
import { Media } from './src/collections/Media'
import { Programs } from './src/collections/Programs'
import { Sources } from './src/collections/Sources'
import { Users } from './src/collections/Users'
import { env } from './src/env'
import { translateDatabaseErrors } from './src/hooks/translateDatabaseErrors'
import { jobRequestContext } from './src/jobs/requestContext'
import { migrations } from './src/migrations'
import { logger } from './src/observability/logger'
import { adminSearch } from './src/plugins/adminSearch'
import { cmsRateLimits } from './src/plugins/cmsRateLimits'
import { ingest } from './src/plugins/ingest'
import { mediaStorage } from './src/plugins/mediaStorage'
import { searchSync } from './src/plugins/searchSync'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// Generated migrations type their argument precisely; the adapter and `db.migrate` take `unknown`.
export const committedMigrations = migrations as unknown as Migration[]

export default buildConfig({
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
  collections: [Programs, Episodes, Categories, Media, Users, Sources],
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
  hooks: { afterError: [translateDatabaseErrors] },
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
  // jobRequestContext last: it wraps every task the plugins before it add.
  plugins: [
    mediaStorage(),
    searchSync(),
    adminSearch(),
    ingest(),
    cmsRateLimits(),
    jobRequestContext(),
  ],
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
})
