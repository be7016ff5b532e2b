import type { Client } from '@elastic/elasticsearch'
import type { Payload } from 'payload'

import { catalogueDefinitionHash } from './indexDefinition'
import { type CatalogueIndexNames, ensureCatalogueIndex, liveDefinitionHash } from './indexer'
import { countPublic, reindexCatalogue, type ReindexOptions, type ReindexResult } from './reindex'

/**
 * On start-up: make sure the index and aliases exist and hold the public catalogue. When the number
 * of indexed documents differs from the number of public ones in Postgres (fresh node, seeded
 * database, index deleted), or when the index was built from an older definition (mappings or
 * analysis changed in code), the catalogue is rebuilt in bulk and swapped in.
 */
export async function ensureCatalogueIndexed(
  payload: Payload,
  client: Client,
  names: CatalogueIndexNames,
  options: ReindexOptions = {},
): Promise<{ state: 'up-to-date'; documents: number } | ({ state: 'rebuilt' } & ReindexResult)> {
  await ensureCatalogueIndex(client, names)
  if ((await liveDefinitionHash(client, names.read)) !== catalogueDefinitionHash) {
    return { state: 'rebuilt', ...(await reindexCatalogue(payload, client, names, options)) }
  }
  await client.indices.refresh({ index: names.read })
  const [{ count }, expected] = await Promise.all([
    client.count({ index: names.read }),
    countPublic(payload, new Date()),
  ])
  if (count === expected) return { state: 'up-to-date', documents: count }
  return { state: 'rebuilt', ...(await reindexCatalogue(payload, client, names, options)) }
}
