import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'
import { APIError } from 'payload'

export interface Reference {
  /** Collection that points at the document being deleted. */
  collection: CollectionSlug
  /** Field in that collection that holds the reference. */
  field: string
}

/**
 * Refuses to delete a document that other documents still point at, with a 409 that names who
 * points at it (collection, field, count and a few ids). No orphans, no silent cascades: the editor
 * decides what happens to the referencing documents first.
 */
export function refuseDeleteWhileReferenced(references: Reference[]): CollectionBeforeDeleteHook {
  return async ({ collection, id, req }) => {
    const found = []
    for (const { collection: slug, field } of references) {
      const result = await req.payload.find({
        collection: slug,
        where: { [field]: { equals: id } },
        depth: 0,
        limit: 5,
        select: {},
        req,
        overrideAccess: true,
      })
      if (result.totalDocs > 0) {
        found.push({
          collection: slug,
          field,
          count: result.totalDocs,
          ids: result.docs.map((d) => d.id),
        })
      }
    }
    if (found.length === 0) return
    const summary = found.map((r) => `${r.count} ${r.collection} (${r.field})`).join(', ')
    throw new APIError(
      `Cannot delete ${collection.slug} ${id}: it is still referenced by ${summary}. ` +
        'Remove or reassign those references first.',
      409,
      { references: found },
      true,
    )
  }
}
