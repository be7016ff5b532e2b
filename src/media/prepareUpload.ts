import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import sharp from 'sharp'
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  ValidationError,
} from 'payload'

import { mediaMeshOptions } from '../lib/mediaMeshOptions'
import {
  allowedExtensionsText,
  allowedFileType,
  contentAddressedName,
  type MediaKind,
} from './fileKinds'
import { mediaUploads } from './metrics'

/** Per-kind limits; `media.uploadMaxBytes` (the host checks it while streaming) caps them all. */
export function maxBytesFor(kind: MediaKind): number {
  const media = mediaMeshOptions().media
  const byKind = {
    image: media.maxImageBytes,
    audio: media.maxAudioBytes,
    video: media.maxVideoBytes,
  }[kind]
  return Math.min(byKind, media.uploadMaxBytes)
}

/** The part of Payload's `req.file` this hook reads and rewrites. */
export interface UploadedFile {
  name: string
  mimetype: string
  size: number
  data: Buffer
  tempFilePath?: string
}

/** The SHA-256 of the uploaded bytes, in hex, whether they are in memory or in a temp file. */
export async function contentHashOf(file: UploadedFile): Promise<string> {
  const hash = createHash('sha256')
  if (file.tempFilePath && !file.data?.length) {
    for await (const chunk of createReadStream(file.tempFilePath)) hash.update(chunk as Buffer)
  } else {
    hash.update(file.data)
  }
  return hash.digest('hex')
}

function refuse(message: string): never {
  mediaUploads.inc({ outcome: 'refused' })
  throw new ValidationError({ errors: [{ path: 'file', message }] })
}

/**
 * Runs before Payload touches an uploaded file (create, or update with a new file):
 * - the type comes from the bytes (magic numbers); an unrecognised or unlisted type is a 400,
 *   whatever the name or the browser claims;
 * - the size is checked against the kind's limit (413);
 * - the file is renamed `<stem>-<sha256 prefix>.<ext of the detected type>` and its declared type
 *   replaced by the detected one, so what is stored and served is what the bytes are.
 * Nothing has been written anywhere yet, so a refusal leaves no object and no row.
 */
export const prepareUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file as UploadedFile | undefined
  if (!file) return args

  const onDisk = Boolean(file.tempFilePath && !file.data?.length)
  const detected = onDisk
    ? await fileTypeFromFile(file.tempFilePath as string)
    : await fileTypeFromBuffer(file.data)
  const allowed = allowedFileType(detected?.mime)
  if (!allowed) {
    refuse(
      detected
        ? `The file is ${detected.mime}, which is not accepted. Accepted: ${allowedExtensionsText()}.`
        : `The file's content is not a recognised image, audio or video format (its name or declared type does not count). Accepted: ${allowedExtensionsText()}.`,
    )
  }
  const limit = maxBytesFor(allowed.kind)
  if (file.size > limit) {
    mediaUploads.inc({ outcome: 'refused' })
    throw new APIError(
      `This ${allowed.kind} file is ${file.size} bytes; the limit for ${allowed.kind} is ${limit} bytes.`,
      413,
      undefined,
      true,
    )
  }
  // An image whose header looks right but whose data is broken would fail later, inside Payload's
  // resizing, as a FileUploadError that reads like a storage outage (503). Decode it now: a 400.
  if (allowed.kind === 'image' && !(await imageDecodes(onDisk ? file.tempFilePath! : file.data))) {
    refuse('The image could not be read: the file is damaged or not really an image.')
  }
  file.mimetype = detected!.mime
  file.name = contentAddressedName(file.name, await contentHashOf(file), allowed.extension)
  return args
}

/** Whether sharp can decode the whole image (a small thumbnail of it, as Payload's variants do). */
async function imageDecodes(input: Buffer | string): Promise<boolean> {
  try {
    await sharp(input, { failOn: 'error', animated: false })
      .resize(8, 8, { fit: 'inside' })
      .toBuffer()
    return true
  } catch {
    return false
  }
}

const NO_VARIANT = {
  url: null,
  width: null,
  height: null,
  mimeType: null,
  filesize: null,
  filename: null,
}

/**
 * When a file is replaced by one that is not an image, Payload keeps the old image's variants on
 * the document (and the storage plugin therefore keeps their objects). Clear them: the document
 * then describes only its new file, and the old variants are deleted with the old original.
 */
export const clearVariantsOfNonImages: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const file = req.file as UploadedFile | undefined
  if (operation !== 'update' || !file || String(data.mimeType).startsWith('image/')) return data
  const sizes = (data.sizes ?? {}) as Record<string, unknown>
  return {
    ...data,
    sizes: Object.fromEntries(Object.keys(sizes).map((name) => [name, NO_VARIANT])),
  }
}
