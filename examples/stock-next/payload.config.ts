/**
 * A stock Payload app (Next route handlers only, no server of its own) with MediaMesh installed
 * from npm. Its programs are `shows` and its episodes `segments`; everything else is MediaMesh's
 * defaults. Settings come from this app's environment, read here and nowhere else.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { mediaMesh } from 'mediamesh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const setting = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback
  if (value === undefined) throw new Error(`${name} is not set`)
  return value
}

export default buildConfig({
  secret: setting('PAYLOAD_SECRET'),
  admin: { user: 'users', importMap: { baseDir: dirname } },
  collections: [
    {
      slug: 'users',
      auth: true,
      admin: { useAsTitle: 'email' },
      // MediaMesh's access rules read `roles`: admins and editors manage the catalogue.
      fields: [
        {
          name: 'roles',
          type: 'select',
          hasMany: true,
          defaultValue: ['editor'],
          options: ['admin', 'editor', 'viewer'],
          saveToJWT: true,
        },
      ],
    },
  ],
  editor: lexicalEditor(),
  // MediaMesh's text is in English and Arabic.
  localization: {
    locales: [
      { code: 'en', label: 'English' },
      { code: 'ar', label: 'العربية', rtl: true },
    ],
    defaultLocale: 'en',
    fallback: true,
  },
  db: postgresAdapter({
    pool: { connectionString: setting('DATABASE_URL') },
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  sharp,
  telemetry: false,
  plugins: [
    mediaMesh({
      cursorSecret: setting('DISCOVERY_CURSOR_SECRET'),
      collections: {
        programs: { slug: 'shows' },
        episodes: { slug: 'segments' },
      },
      elasticsearch: {
        node: setting('ELASTICSEARCH_URL', 'http://127.0.0.1:9200'),
        indexPrefix: setting('SEARCH_INDEX_PREFIX', 'example'),
      },
      redis: {
        url: setting('REDIS_URL', 'redis://127.0.0.1:6379'),
        keyPrefix: setting('REDIS_KEY_PREFIX', 'example:'),
      },
      discovery: { readsPerMinute: Number(setting('DISCOVERY_READS_PER_MINUTE', '1200')) },
      // `next start` is a long-running server: each instance runs the jobs (search sync).
      jobs: { autoRun: true },
    }),
  ],
})
