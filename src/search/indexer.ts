/**
 * How records get into the catalogue index: physical indices behind a read and a write alias,
 * writes with external versions (an older write never replaces a newer one), deletes that tolerate
 * documents that are already gone.
 */
import type { Client, estypes } from '@elastic/elasticsearch'

import { catalogueDefinitionHash, catalogueMappings, catalogueSettings } from './indexDefinition'
import type { IndexRecord } from './mappers'

export interface CatalogueIndexNames {
  /** What searches read. */
  read: string
  /** What the sync writes to. */
  write: string
  /** Prefix of the versioned physical indices (`<base>-<timestamp>`). */
  base: string
}

export function catalogueIndexNames(prefix: string): CatalogueIndexNames {
  return {
    read: `${prefix}-catalogue`,
    write: `${prefix}-catalogue-write`,
    base: `${prefix}-catalogue-v`,
  }
}

/** A new physical index name; sortable, so the newest is the last. */
export function physicalIndexName(names: CatalogueIndexNames, now = new Date()): string {
  return `${names.base}${now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 17)}`
}

export async function createPhysicalIndex(client: Client, index: string): Promise<void> {
  await client.indices.create({
    index,
    settings: catalogueSettings(),
    mappings: { ...catalogueMappings, _meta: { definition: catalogueDefinitionHash } },
  })
}

/** The definition fingerprint of the index behind `alias` (null: none recorded, or no index). */
export async function liveDefinitionHash(client: Client, alias: string): Promise<string | null> {
  const mappings = await client.indices.getMapping({ index: alias })
  const first = Object.values(mappings)[0]
  const definition = first?.mappings?._meta?.definition
  return typeof definition === 'string' ? definition : null
}

/** The physical indices behind an alias (empty when the alias does not exist). */
export async function indicesBehind(client: Client, alias: string): Promise<string[]> {
  try {
    const result = await client.indices.getAlias({ name: alias })
    return Object.keys(result).sort()
  } catch (error) {
    if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 404) return []
    throw error
  }
}

/**
 * Creates the first physical index and both aliases when they are missing (idempotent, safe to
 * run on every start). Returns the physical index the write alias points at.
 */
export async function ensureCatalogueIndex(
  client: Client,
  names: CatalogueIndexNames,
): Promise<string> {
  const existing = await indicesBehind(client, names.write)
  if (existing.length > 0) return existing[existing.length - 1]!
  const index = physicalIndexName(names)
  await createPhysicalIndex(client, index)
  await client.indices.updateAliases({
    actions: [
      { add: { index, alias: names.read } },
      { add: { index, alias: names.write, is_write_index: true } },
    ],
  })
  return index
}

const ensured = new Map<string, Promise<string>>()

/** ensureCatalogueIndex once per process and alias (retried after a failure). */
export function ensureCatalogueIndexOnce(
  client: Client,
  names: CatalogueIndexNames,
): Promise<string> {
  let pending = ensured.get(names.write)
  if (!pending) {
    pending = ensureCatalogueIndex(client, names)
    pending.catch(() => ensured.delete(names.write))
    ensured.set(names.write, pending)
  }
  return pending
}

/** After "index not found": the next ensureCatalogueIndexOnce checks (and recreates) again. */
export function forgetEnsuredIndex(names: CatalogueIndexNames): void {
  ensured.delete(names.write)
}

export const isIndexNotFound = (error: unknown): boolean =>
  JSON.stringify((error as { meta?: { body?: unknown } })?.meta?.body ?? '').includes(
    'index_not_found_exception',
  ) || /index_not_found_exception/.test(String((error as Error)?.message ?? ''))

/** Points both aliases at `index` in one atomic step and returns the indices they left. */
export async function swapAliases(
  client: Client,
  names: CatalogueIndexNames,
  index: string,
): Promise<string[]> {
  const previous = [
    ...new Set([
      ...(await indicesBehind(client, names.read)),
      ...(await indicesBehind(client, names.write)),
    ]),
  ]
  const actions: estypes.IndicesUpdateAliasesAction[] = [
    ...previous
      .filter((old) => old !== index)
      .flatMap((old) => [
        { remove: { index: old, alias: names.read } },
        { remove: { index: old, alias: names.write } },
      ]),
    { add: { index, alias: names.read } },
    { add: { index, alias: names.write, is_write_index: true } },
  ]
  await client.indices.updateAliases({ actions })
  return previous.filter((old) => old !== index)
}

/**
 * External versions on the wire. A record's base version is the newest `updatedAt` (ms) it depends
 * on; the same base can be hidden (not yet due, program unpublished) and later visible without any
 * edit (its moment came). So a write is `2 × base + 1` and a removal `2 × base`: for one base the
 * write wins over the removal, and any newer base wins over both. A job that read an older state
 * can therefore neither overwrite nor resurrect a newer one.
 */
export const writeVersion = (base: number) => base * 2 + 1
export const removalVersion = (base: number) => base * 2

/** A record's write in a bulk request (action line, then document), versioned as upsertRecord's. */
export const bulkWrite = (
  index: string,
  record: IndexRecord,
): [{ index: estypes.BulkIndexOperation }, IndexRecord['doc']] => [
  {
    index: {
      _index: index,
      _id: record.id,
      version: writeVersion(record.version),
      version_type: 'external',
    },
  },
  record.doc,
]

/** A record's removal in a bulk request, versioned as removeRecord's. */
export const bulkRemoval = (
  index: string,
  id: string,
  baseVersion: number,
): { delete: estypes.BulkDeleteOperation } => ({
  delete: {
    _index: index,
    _id: id,
    version: removalVersion(baseVersion),
    version_type: 'external',
  },
})

const isVersionConflict = (error: unknown) =>
  (error as { meta?: { statusCode?: number } }).meta?.statusCode === 409

/**
 * Upserts one record with its external version. A 409 means the index already holds this version
 * or a newer one: that is success (delivery is at-least-once, and order is not guaranteed).
 */
export async function upsertRecord(
  client: Client,
  index: string,
  record: IndexRecord,
): Promise<'written' | 'stale'> {
  try {
    await client.index({
      index,
      id: record.id,
      version: writeVersion(record.version),
      version_type: 'external',
      document: record.doc,
    })
    return 'written'
  } catch (error) {
    if (isVersionConflict(error)) return 'stale'
    throw error
  }
}

/**
 * Removes a record, versioned with the base version of the state that hides it (for a deleted
 * document: the moment of the delete), so a slower job still holding an older state cannot bring
 * the record back while Elasticsearch remembers the delete (`index.gc_deletes`). A record that is
 * already gone is fine, and so is a newer one (409: it changed and is visible again since).
 */
export async function removeRecord(
  client: Client,
  index: string,
  id: string,
  baseVersion: number,
): Promise<'deleted' | 'absent' | 'stale'> {
  try {
    await client.delete({
      index,
      id,
      version: removalVersion(baseVersion),
      version_type: 'external',
    })
    return 'deleted'
  } catch (error) {
    const meta = (error as { meta?: { statusCode?: number; body?: { result?: string } } }).meta
    // 404 with result "not_found": the document is not there. A 404 for a missing index is not.
    if (meta?.statusCode === 404 && meta.body?.result === 'not_found') return 'absent'
    if (meta?.statusCode === 409) return 'stale'
    throw error
  }
}
