import type { Where } from 'payload'

/**
 * What may be uploaded, decided by the bytes. Keys are the MIME types `file-type` reports from a
 * file's magic numbers (not from its name or the browser's claim); the value is the kind, which
 * sets the size limit, and the extension the stored file gets.
 */
export type MediaKind = 'image' | 'audio' | 'video'

interface AllowedType {
  kind: MediaKind
  extension: string
}

export const ALLOWED_FILE_TYPES: Readonly<Record<string, AllowedType>> = {
  'image/jpeg': { kind: 'image', extension: 'jpg' },
  'image/png': { kind: 'image', extension: 'png' },
  'image/webp': { kind: 'image', extension: 'webp' },
  'image/avif': { kind: 'image', extension: 'avif' },
  'image/gif': { kind: 'image', extension: 'gif' },
  'audio/mpeg': { kind: 'audio', extension: 'mp3' },
  'audio/mp4': { kind: 'audio', extension: 'm4a' },
  'audio/x-m4a': { kind: 'audio', extension: 'm4a' },
  'audio/aac': { kind: 'audio', extension: 'aac' },
  'audio/ogg': { kind: 'audio', extension: 'ogg' },
  'audio/ogg; codecs=opus': { kind: 'audio', extension: 'opus' },
  'audio/opus': { kind: 'audio', extension: 'opus' },
  'audio/wav': { kind: 'audio', extension: 'wav' },
  'audio/flac': { kind: 'audio', extension: 'flac' },
  'video/mp4': { kind: 'video', extension: 'mp4' },
  'video/x-m4v': { kind: 'video', extension: 'm4v' },
  'video/webm': { kind: 'video', extension: 'webm' },
  'video/quicktime': { kind: 'video', extension: 'mov' },
}

/** Payload's own MIME check runs too (on the detected type); it gets the same list. */
export const ALLOWED_MIME_TYPES = Object.keys(ALLOWED_FILE_TYPES)

/** The allowed type for a detected MIME type, or null. Parameters other than `codecs` are ignored. */
export function allowedFileType(detectedMime: string | undefined): AllowedType | null {
  if (!detectedMime) return null
  return ALLOWED_FILE_TYPES[detectedMime.toLowerCase()] ?? null
}

/** Human list for error messages: "JPEG, PNG, ... MP3, ...". */
export function allowedExtensionsText(): string {
  const extensions = new Set(Object.values(ALLOWED_FILE_TYPES).map((type) => type.extension))
  return [...extensions].join(', ')
}

export const CONTENT_HASH_LENGTH = 16

/**
 * The stored name: a readable stem from the uploaded name, the first 16 hex digits of the file's
 * SHA-256, and the extension of the detected type (so `cover.mp3` that is really a PNG is stored as
 * `cover-<hash>.png`). Names change exactly when the bytes do, which makes the file and its
 * variants (`<name>-640x360.webp`) safe to cache forever.
 */
export function contentAddressedName(uploadedName: string, sha256Hex: string, extension: string) {
  const stem = uploadedName
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${stem || 'file'}-${sha256Hex.slice(0, CONTENT_HASH_LENGTH)}.${extension}`
}

const CONTENT_ADDRESSED = new RegExp(
  `-[0-9a-f]{${CONTENT_HASH_LENGTH}}(-\\d+)?(-\\d+x\\d+)?\\.[a-z0-9]+$`,
)

/**
 * True for names made by `contentAddressedName`, and for Payload's variants and de-duplicated
 * copies of them (`-640x360`, `-1` suffixes): their bytes never change under the same name.
 */
export function isContentAddressed(filename: string): boolean {
  return CONTENT_ADDRESSED.test(filename)
}

/** Upload fields' choices: covers and thumbnails are images; an episode's file is audio or video. */
export const IMAGES_ONLY: Where = { mimeType: { like: 'image/' } }
export const AUDIO_OR_VIDEO: Where = {
  or: [{ mimeType: { like: 'audio/' } }, { mimeType: { like: 'video/' } }],
}
