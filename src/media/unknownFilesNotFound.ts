import type { CollectionSlug, PayloadRequest, Where } from 'payload'

/**
 * GET /api/media/file/<name> for a name no media document has. For the public, Payload's access
 * check already looks the document up and answers 403. For staff (read access `true`) it looks
 * nothing up and asks storage directly, which answers a missing object with a 500: answer 404.
 * Runs before the storage adapter's handler; returning nothing hands over to it.
 */
export function unknownFilesNotFound(
  req: PayloadRequest,
  args: { doc: unknown; params: { collection: string; filename: string } },
): Promise<void> {
  // Payload's handler type wants Promise<void> or Promise<Response>, not Promise<void | Response>.
  return answerUnknownFile(req, args) as Promise<void>
}

async function answerUnknownFile(
  req: PayloadRequest,
  { doc, params }: { doc: unknown; params: { collection: string; filename: string } },
): Promise<Response | void> {
  // A document found by the access check: the file is known.
  if (doc && typeof doc === 'object') return
  const slug = params.collection as CollectionSlug
  const collection = req.payload.collections[slug]
  const names: Where[] = [{ filename: { equals: params.filename } }]
  for (const size of collection?.config.upload?.imageSizes ?? []) {
    names.push({ [`sizes.${size.name}.filename`]: { equals: params.filename } })
  }
  const found = await req.payload.db.findOne({
    collection: slug,
    req,
    where: { or: names },
  })
  if (found) return
  return Response.json({ errors: [{ message: 'Not found.' }] }, { status: 404 })
}
