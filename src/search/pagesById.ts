import type { Payload, Where } from 'payload'
import { slugOf } from '../lib/catalogueSlugs'

type Paged = 'programs' | 'episodes'

export interface PagesByIdOptions {
  collection: Paged
  where?: Where
  pageSize: number
  depth: number
}

/**
 * The documents matching `where`, in pages in id order, read "keyset" style (`id > last`): no
 * OFFSET and no count per page, so the last page costs what the first does. Every locale is read
 * (index records hold both languages) and access is not applied (the caller decides visibility).
 * The one pager the index's writers use: live sync (a program's episodes) and the reindex.
 */
export async function* pagesById<T extends { id: number }>(
  payload: Payload,
  { collection, where, pageSize, depth }: PagesByIdOptions,
): AsyncGenerator<T[]> {
  for (let after = 0; ;) {
    const idAfter: Where = { id: { greater_than: after } }
    const result = await payload.find({
      collection: slugOf(payload, collection),
      where: where ? { and: [where, idAfter] } : idAfter,
      locale: 'all',
      depth,
      limit: pageSize,
      pagination: false,
      sort: 'id',
      overrideAccess: true,
    })
    const docs = result.docs as unknown as T[]
    if (docs.length) yield docs
    if (docs.length < pageSize) return
    after = docs[docs.length - 1]!.id
  }
}
