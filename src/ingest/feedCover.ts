/**
 * A feed's artwork becomes its program's cover: downloaded once (with the feed fetcher's defences),
 * stored as a media document that remembers its `sourceUrl`, and reused by every later import of
 * the same URL. A cover an editor chose is never replaced; one that came from the feed follows the
 * feed when its artwork changes. Failures are reported, never fatal to the import.
 */
import type { Payload } from 'payload'

import { getMediaMesh } from '../lib/mediaMeshOptions'
import type { Media, Program } from '../payload-types'
import { FeedFetchError } from './fetch/FeedFetchError'
import { fetchImage } from './fetch/fetchFeed'
import { slugOf } from '../lib/catalogueSlugs'

export type CoverOutcome =
  'none' | 'attached' | 'unchanged' | 'kept-editor-cover' | `failed: ${string}`

/**
 * A fresh context per call: Payload uses the object passed as the request's context, and hooks
 * (the storage plugin's among them) write flags into it, so one shared object would carry one
 * operation's flags into the next (seen: uploads silently skipped).
 */
const ingestContext = () => ({ ingest: true })

/** The file name an image URL suggests (the upload hook renames it by content anyway). */
function nameFrom(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '')
  return last || 'cover'
}

async function downloaded(
  payload: Payload,
  imageUrl: string,
  alt: string,
  allowPrivateNetworks: boolean,
): Promise<Media> {
  const known = await payload.find({
    collection: slugOf(payload, 'media'),
    where: { sourceUrl: { equals: imageUrl } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  if (known.docs[0]) return known.docs[0]
  const { ingestion, media } = getMediaMesh(payload)
  const image = await fetchImage(imageUrl, {
    timeoutMs: ingestion.timeoutMs,
    maxBytes: media.maxImageBytes,
    allowPrivateNetworks,
  })
  return payload.create({
    collection: slugOf(payload, 'media'),
    data: { alt, sourceUrl: imageUrl },
    file: {
      data: image.bytes,
      mimetype: image.contentType ?? 'application/octet-stream',
      name: nameFrom(image.url),
      size: image.bytes.length,
    },
    overrideAccess: true,
    context: ingestContext(),
  })
}

/** A fetch failure by reason, a refused upload by what the upload check said. */
function describe(error: unknown): string {
  if (error instanceof FeedFetchError) return `${error.reason}: ${error.message}`
  const details = (error as { data?: { errors?: { message?: string }[] } }).data?.errors
  if (details?.length) return details.map((detail) => detail.message).join('; ')
  return error instanceof Error ? error.message : String(error)
}

export async function attachFeedCover(
  payload: Payload,
  programId: number,
  imageUrl: string | null,
  { allowPrivateNetworks = getMediaMesh(payload).ingestion.allowPrivateNetworks } = {},
): Promise<CoverOutcome> {
  if (!imageUrl) return 'none'
  // The latest version (a pending draft included): the cover is added to what editors see.
  const program = (await payload.findByID({
    collection: slugOf(payload, 'programs'),
    id: programId,
    depth: 1,
    draft: true,
    overrideAccess: true,
  })) as Program
  const current = program.coverImage
  if (current) {
    const sourceUrl = typeof current === 'object' ? current.sourceUrl : null
    if (!sourceUrl) return 'kept-editor-cover'
    if (sourceUrl === imageUrl) return 'unchanged'
  }
  let media: Media
  try {
    media = await downloaded(payload, imageUrl, program.title, allowPrivateNetworks)
  } catch (error) {
    return `failed: ${describe(error)}`
  }
  await payload.update({
    collection: slugOf(payload, 'programs'),
    id: programId,
    data: { coverImage: media.id },
    // A pending draft stays a draft (editors publish it); a published program stays published.
    draft: program._status === 'draft',
    overrideAccess: true,
    context: ingestContext(),
  })
  return 'attached'
}
