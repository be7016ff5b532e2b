/**
 * Compiles the processes (host, worker, scripts) and the package entry to JavaScript in `dist/`,
 * with esbuild: it compiles this tree in about a second (tsc emits per file and is 20× slower;
 * types are checked by `npm run typecheck` anyway), bundles our own modules so each process loads
 * one copy of each, and leaves every npm package external (they are installed beside it).
 *
 * Code splitting puts modules shared by several entries in `dist/chunks/`, loaded once.
 */
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'

import { build, type Plugin } from 'esbuild'

import { CLIENT_ENTRY, COMPILED_ENTRIES, ROOT } from './paths'
import { runOrExit } from './run'

export { COMPILED_ENTRIES }

export const DIST = path.join(ROOT, 'dist')

/**
 * Admin components marked `'use client'` stay client modules: the server components (dist/rsc.js)
 * import them from `mediamesh/client` (dist/client.js) instead of bundling them, since a bundle
 * loses the directive.
 */
const clientComponentsFromPackage: Plugin = {
  name: 'client-components-from-package',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\./, namespace: 'file' }, async ({ path: spec, resolveDir }) => {
      if (!resolveDir.startsWith(path.join(ROOT, 'src', 'admin'))) return undefined
      for (const extension of ['.tsx', '.ts']) {
        const source = await readFile(path.join(resolveDir, spec + extension), 'utf8').catch(
          () => null,
        )
        if (source === null) continue
        return /^\s*['"]use client['"]/.test(source)
          ? { path: 'mediamesh/client', external: true }
          : undefined
      }
      return undefined
    })
  },
}

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  tsconfig: path.join(ROOT, 'tsconfig.json'),
  jsx: 'automatic',
} as const

export async function compile(): Promise<void> {
  await rm(DIST, { recursive: true, force: true })
  // The client components: one module whose first line is the entry's directive (esbuild keeps
  // an entry point's directives; those of the modules it bundles are dropped, with a warning).
  await build({
    ...common,
    entryPoints: { client: path.join(ROOT, CLIENT_ENTRY) },
    outdir: DIST,
    logOverride: { 'module-level-directive': 'silent' },
  })
  await build({
    ...common,
    plugins: [clientComponentsFromPackage],
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(
      Object.entries(COMPILED_ENTRIES).map(([name, file]) => [name, path.join(ROOT, file)]),
    ),
    outdir: DIST,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  })
}

/**
 * Type declarations of the package entries (`dist/types`), for `npm pack`: tsc, which is the only
 * tool that emits them (about 20 s, so not part of every build).
 */
export async function emitTypes(): Promise<void> {
  await runOrExit('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT })
}
