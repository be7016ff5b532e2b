/**
 * Compiles the processes (host, worker, scripts) and the package entry to JavaScript in `dist/`,
 * with esbuild: it compiles this tree in about a second (tsc emits per file and is 20× slower;
 * types are checked by `npm run typecheck` anyway), bundles our own modules so each process loads
 * one copy of each, and leaves every npm package external (they are installed beside it).
 *
 * Code splitting puts modules shared by several entries in `dist/chunks/`, loaded once.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'

import { build } from 'esbuild'

import { COMPILED_ENTRIES, ROOT } from './paths'
import { runOrExit } from './run'

export { COMPILED_ENTRIES }

export const DIST = path.join(ROOT, 'dist')

export async function compile(): Promise<void> {
  await rm(DIST, { recursive: true, force: true })
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(COMPILED_ENTRIES).map(([name, file]) => [name, path.join(ROOT, file)]),
    ),
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
  })
}

/**
 * Type declarations of the package entries (`dist/types`), for `npm pack`: tsc, which is the only
 * tool that emits them (about 20 s, so not part of every build).
 */
export async function emitTypes(): Promise<void> {
  await runOrExit('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT })
}
