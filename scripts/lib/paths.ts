import path from 'node:path'

import { projectRoot } from '../../src/lib/projectRoot'

/** The repository root, wherever a script is started from (and compiled or not). */
export const ROOT = projectRoot(import.meta.url)

/** Each compiled entry: what `npm start`, the Dockerfile and the package exports run. */
export const COMPILED_ENTRIES = {
  server: 'server.ts',
  worker: 'scripts/worker.ts',
  migrate: 'scripts/migrate.ts',
  seed: 'scripts/seed.ts',
  reindex: 'scripts/reindex.ts',
  ingest: 'scripts/ingest.ts',
  index: 'src/index.ts',
  express: 'src/express.ts',
  rsc: 'src/exports/rsc.ts',
} as const

/** The package's client components: compiled on their own, as one `'use client'` module. */
export const CLIENT_ENTRY = 'src/exports/client.ts'

/** A compiled entry of `npm run build` (scripts/lib/compile.ts): `dist/worker.js`. */
export const compiledEntry = (name: keyof typeof COMPILED_ENTRIES) =>
  path.join(ROOT, 'dist', `${name}.js`)
