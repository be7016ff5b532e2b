import type { CollectionBeforeChangeHook } from 'payload'

/**
 * `publishedAt` defaults to the moment of first publish. An editor may set it (to back-date an
 * import, or to a future moment to embargo a published document: access rules hide it until then).
 */
export const setPublishedAtOnPublish: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
