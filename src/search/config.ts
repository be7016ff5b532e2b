import { env } from '../env'
import { catalogueIndexNames } from './indexer'

/** The index and alias names this process reads and writes (prefix: SEARCH_INDEX_PREFIX). */
export const catalogueIndex = catalogueIndexNames(env.SEARCH_INDEX_PREFIX)
