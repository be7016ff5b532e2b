/**
 * The npm package: `npm pack` of this repository gives a tarball that holds the compiled entries
 * and their type declarations (no TypeScript sources, no host or tests), and that a project
 * importing `mediamesh` and `mediamesh/express` by name can load and use.
 *
 * The tarball is unpacked into `.cache/package-test/node_modules/mediamesh`, so its own imports of
 * Payload, Elasticsearch and the rest resolve from this repository's node_modules (as a
 * consumer's would from theirs). dist/ itself is built by the test run (scripts/test.ts); the
 * declarations are emitted here (tsc), and `npm pack` runs with --ignore-scripts so that its
 * prepack step does not rebuild dist/ under the hosts other test files are running.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { emitTypes } from '../../scripts/lib/compile'
import { ROOT } from '../../scripts/lib/paths'

const exec = promisify(execFile)
const WORK = path.join(ROOT, '.cache', 'package-test')
const INSTALLED = path.join(WORK, 'node_modules', 'mediamesh')

let files: string[] = []

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true })
  await mkdir(INSTALLED, { recursive: true })
  await emitTypes()
  const { stdout } = await exec(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', WORK],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  )
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }]
  files = packed.files.map((file) => file.path)
  await exec('tar', [
    '-xzf',
    path.join(WORK, path.basename(packed.filename)),
    '-C',
    INSTALLED,
    '--strip-components=1',
  ])
}, 180_000)

afterAll(async () => {
  await rm(WORK, { recursive: true, force: true })
})

describe('npm pack', () => {
  it('holds the compiled entries and their types, and nothing of the app or its sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/index.js',
        'dist/express.js',
        'dist/types/src/index.d.ts',
        'dist/types/src/express.d.ts',
      ]),
    )
    expect(files.some((file) => file.startsWith('dist/chunks/'))).toBe(true)
    const unexpected = files.filter(
      (file) =>
        /^(src|tests|scripts|bench)\//.test(file) ||
        /^dist\/(server|worker|migrate|seed|reindex|ingest)\.js/.test(file) ||
        (file.endsWith('.ts') && !file.endsWith('.d.ts')),
    )
    expect(unexpected).toEqual([])
  })

  it('is imported by name: the plugin adds its collections to a config, the adapters are functions', async () => {
    // A consumer's module, beside the installed package: bare specifiers go through `exports`.
    const consumer = path.join(WORK, 'consumer.mjs')
    await writeFile(
      consumer,
      `import { mediaMesh, sanitizeOptions, webDiscoveryHandler, createDiscovery } from 'mediamesh'
import { discoveryMiddleware } from 'mediamesh/express'
const config = await mediaMesh({ cursorSecret: 'a-cursor-secret-of-32-characters' })({ collections: [] })
console.log(JSON.stringify({
  collections: config.collections.map((c) => c.slug),
  basePath: sanitizeOptions({ cursorSecret: 'a-cursor-secret-of-32-characters' }).discovery.basePath,
  endpoints: config.endpoints.filter((e) => e.path.startsWith('/discovery/')).length,
  adapters: [typeof webDiscoveryHandler, typeof createDiscovery, typeof discoveryMiddleware],
}))
`,
    )
    const { stdout } = await exec(process.execPath, [consumer], { cwd: WORK, timeout: 120_000 })
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      collections: string[]
      basePath: string
      endpoints: number
      adapters: string[]
    }
    expect(report.collections).toEqual(
      expect.arrayContaining(['programs', 'episodes', 'categories', 'media', 'sources']),
    )
    expect(report.basePath).toBe('/discovery')
    expect(report.endpoints).toBeGreaterThan(0)
    expect(report.adapters).toEqual(['function', 'function', 'function'])
  })

  it('declares its types for both entries', async () => {
    const manifest = JSON.parse(await readFile(path.join(INSTALLED, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; import: string }>
      peerDependencies: Record<string, string>
    }
    for (const entry of ['.', './express']) {
      const types = await readFile(path.join(INSTALLED, manifest.exports[entry]!.types), 'utf8')
      expect(types).toMatch(/export \{|export declare/)
    }
    const index = await readFile(path.join(INSTALLED, 'dist/types/src/index.d.ts'), 'utf8')
    expect(index).toContain('mediaMesh')
    expect(Object.keys(manifest.peerDependencies)).toEqual(
      expect.arrayContaining(['payload', '@elastic/elasticsearch']),
    )
  })
})
