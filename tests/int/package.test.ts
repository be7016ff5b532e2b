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

/** The names a compiled ES module exports (its closing `export { ... }` statement). */
async function exportedNames(file: string): Promise<string[]> {
  const source = await readFile(file, 'utf8')
  const list = [...source.matchAll(/^export \{([^}]*)\}/gm)].at(-1)?.[1] ?? ''
  return list
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .split(/\s+as\s+/)
        .at(-1)!,
    )
    .filter(Boolean)
}

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
        'dist/client.js',
        'dist/rsc.js',
        'dist/types/src/index.d.ts',
        'dist/types/src/express.d.ts',
        'dist/types/src/exports/client.d.ts',
        'dist/types/src/exports/rsc.d.ts',
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
// Every admin component the config names ('<module>#<export>'), wherever it sits in the config.
const components = []
JSON.stringify(config, (key, value) => {
  if (typeof value === 'string' && /^[@\\w./-]+#\\w+$/.test(value)) components.push(value)
  return value
})
console.log(JSON.stringify({
  collections: config.collections.map((c) => c.slug),
  components,
  basePath: sanitizeOptions({ cursorSecret: 'a-cursor-secret-of-32-characters' }).discovery.basePath,
  endpoints: config.endpoints.filter((e) => e.path.startsWith('/discovery/')).length,
  adapters: [typeof webDiscoveryHandler, typeof createDiscovery, typeof discoveryMiddleware],
}))
`,
    )
    // In production and with none of this repository's environment: the package reads none.
    const { stdout } = await exec(process.execPath, [consumer], {
      cwd: WORK,
      timeout: 120_000,
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
    })
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      collections: string[]
      components: string[]
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

    // The admin components come from the package's own exports, as Payload's plugins' do, and
    // each one named is exported there (read statically: the client module needs a bundler).
    const ours = report.components.filter((component) => component.startsWith('mediamesh'))
    expect(ours.length).toBeGreaterThan(0)
    expect(report.components.filter((c) => !/^(mediamesh|@payloadcms)\//.test(c))).toEqual([])
    for (const component of ours) {
      const [specifier, name] = component.split('#') as [string, string]
      expect(['mediamesh/client', 'mediamesh/rsc']).toContain(specifier)
      const file = specifier === 'mediamesh/client' ? 'dist/client.js' : 'dist/rsc.js'
      expect(await exportedNames(path.join(INSTALLED, file))).toContain(name)
    }
  })

  it('keeps client components client modules: one "use client" module the server views import', async () => {
    const client = await readFile(path.join(INSTALLED, 'dist/client.js'), 'utf8')
    expect(client.startsWith('"use client"')).toBe(true)
    const rsc = await readFile(path.join(INSTALLED, 'dist/rsc.js'), 'utf8')
    expect(rsc).not.toContain('use client')
    expect(rsc).toMatch(/from "mediamesh\/client"/)
    // None of the client components' code is bundled into the server module.
    for (const name of await exportedNames(path.join(INSTALLED, 'dist/client.js'))) {
      expect(rsc).not.toMatch(new RegExp(`function ${name}\\(`))
    }
  })

  it('declares its types for both entries', async () => {
    const manifest = JSON.parse(await readFile(path.join(INSTALLED, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; import: string }>
      peerDependencies: Record<string, string>
    }
    for (const entry of ['.', './express', './client', './rsc']) {
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
