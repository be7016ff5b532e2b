/**
 * The committed migrations are the production schema. This fails when a collection changed without
 * `npm run migrate:create`, before a deploy would find out.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'
import type { PostgresAdapter } from '@payloadcms/db-postgres'

import { testPayload } from './helpers/payload'

describe('database schema', () => {
  it('matches the latest committed migration snapshot', async () => {
    const payload = await testPayload()
    const db = payload.db as unknown as PostgresAdapter
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const dir = path.resolve('src/migrations')
    const latest = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest).toBeDefined()
    const committed = JSON.parse(readFileSync(path.join(dir, latest!), 'utf8'))
    const current = await generateDrizzleJson(db.schema)
    const pending = await generateMigration(committed, current)
    expect(pending).toEqual([])
  })

  it('has applied every committed migration to the test database', async () => {
    const payload = await testPayload()
    const applied = await payload.find({ collection: 'payload-migrations', limit: 100, depth: 0 })
    const files = readdirSync(path.resolve('src/migrations')).filter((f) => /^\d.*\.ts$/.test(f))
    expect(applied.docs.map((m) => m.name).sort()).toEqual(
      files.map((f) => f.replace(/\.ts$/, '')).sort(),
    )
  })
})

describe('admin import map', () => {
  it('lists every component the config needs (run `npm run generate:importmap` when this fails)', async () => {
    const { generateImportMap } = await import('payload')
    const payload = await testPayload()
    const file = path.resolve('src/app/(payload)/admin/importMap.js')
    const committed = readFileSync(file, 'utf8')
    try {
      await generateImportMap(payload.config, { log: false, force: true })
      expect(readFileSync(file, 'utf8')).toBe(committed)
    } finally {
      writeFileSync(file, committed)
    }
  })
})
