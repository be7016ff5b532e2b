import { getTranslation } from '@payloadcms/translations'
import {
  addDataAndFileToRequest,
  type Endpoint,
  headersWithCors,
  type PayloadRequest,
} from 'payload'

import type { Media } from '../payload-types'
import { CONTENT_HASH_LENGTH } from './fileKinds'
import { contentHashOf, type UploadedFile } from './prepareUpload'
import { slugOf } from '../lib/catalogueSlugs'

/**
 * The media document already holding exactly these bytes (same SHA-256 prefix in its
 * content-addressed name, whatever the name it was uploaded under), or null.
 */
export async function mediaWithSameBytes(
  req: PayloadRequest,
  file: UploadedFile,
): Promise<Media | null> {
  const hash = (await contentHashOf(file)).slice(0, CONTENT_HASH_LENGTH)
  const found = await req.payload.find({
    collection: slugOf(req.payload, 'media'),
    where: { filename: { contains: `-${hash}.` } },
    depth: 0,
    limit: 10,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const ownName = new RegExp(`-${hash}\\.[a-z0-9]+$`)
  return (
    found.docs.find((doc) => doc.filesize === file.size && ownName.test(doc.filename ?? '')) ?? null
  )
}

/**
 * `POST /api/media`, ahead of Payload's own: uploading bytes that are already stored answers with
 * the existing media document (200) instead of storing a second copy under a `-1` name. Anything
 * else (no file, not allowed to create, new bytes) is Payload's create, answered as Payload does
 * (201). The upload's other fields (alt, caption) are not applied to the reused document: edit it.
 */
export const createOrReuseMedia: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const collection = req.payload.collections[slugOf(req.payload, 'media')].config
    const headers = headersWithCors({ headers: new Headers(), req })
    const depth = req.query.depth === undefined ? undefined : Number(req.query.depth)
    const file = req.file as UploadedFile | undefined
    const mayCreate = req.user && (await collection.access.create?.({ req, data: req.data }))
    if (file && mayCreate) {
      const existing = await mediaWithSameBytes(req, file)
      if (existing) {
        const doc = await req.payload.findByID({
          collection: slugOf(req.payload, 'media'),
          id: existing.id,
          depth,
          req,
          overrideAccess: false,
        })
        return Response.json(
          { doc, message: 'This file was uploaded before; the existing media document is used.' },
          { headers, status: 200 },
        )
      }
    }
    const doc = await req.payload.create({
      collection: slugOf(req.payload, 'media'),
      data: req.data ?? {},
      file: req.file,
      depth,
      draft: req.query.draft === 'true',
      req,
      overrideAccess: false,
    })
    return Response.json(
      {
        doc,
        message: req.t('general:successfullyCreated', {
          label: getTranslation(collection.labels.singular, req.i18n),
        }),
      },
      { headers, status: 201 },
    )
  },
}
