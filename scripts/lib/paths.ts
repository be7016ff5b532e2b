import path from 'node:path'

import { projectRoot } from '../../src/lib/projectRoot'

/** The repository root, wherever a script is started from (and compiled or not). */
export const ROOT = projectRoot(import.meta.url)

/** A compiled entry of `npm run build` (scripts/lib/compile.ts): `dist/worker.js`. */
export const compiledEntry = (
  name: 'server' | 'worker' | 'migrate' | 'reindex' | 'ingest' | 'seed',
) => path.join(ROOT, 'dist', `${name}.js`)
