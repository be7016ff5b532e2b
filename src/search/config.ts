import { mediaMeshOptions } from '../lib/mediaMeshOptions'
import { catalogueIndexNames, type CatalogueIndexNames } from './indexer'

/**
 * The index and alias names this process reads and writes (prefix: `elasticsearch.indexPrefix`).
 * Read on use, not on import: the options arrive when the Payload config is built.
 */
export const catalogueIndex: CatalogueIndexNames = {
  get read() {
    return names().read
  },
  get write() {
    return names().write
  },
  get base() {
    return names().base
  },
}

function names(): CatalogueIndexNames {
  return catalogueIndexNames(mediaMeshOptions().elasticsearch.indexPrefix)
}
