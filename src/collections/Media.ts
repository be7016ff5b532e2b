import type { CollectionConfig } from 'payload'

import type { CatalogueSlugs } from '../lib/catalogueSlugs'

import { isStaff } from '../access/isStaff'
import { publicMediaOrStaff } from '../access/publicMediaOrStaff'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'
import { ALLOWED_MIME_TYPES } from '../media/fileKinds'
import { noteFilesToBeWritten, removeFilesOfFailedUpload } from '../media/orphans'
import { clearVariantsOfNonImages, prepareUpload } from '../media/prepareUpload'
import { publicFileUrlsAfterRead } from '../media/publicFileUrls'
import { createOrReuseMedia } from '../media/reuseIdenticalUpload'
import { storageErrorsAs503 } from '../media/storageErrors'
import { unknownFilesNotFound } from '../media/unknownFilesNotFound'
import { countStoredUpload } from '../media/metrics'
import { COLLECTION_LABELS, GROUPS } from '../lib/adminLabels'

/** Variants are WebP (every current browser); the original, as uploaded, is the fallback. */
const webp = { format: 'webp', options: { quality: 80 } } as const

/** Uploaded files (images, audio, video), under the slugs the host chose. */
export const mediaCollection = (slugs: CatalogueSlugs): CollectionConfig => ({
  slug: slugs.media,
  labels: COLLECTION_LABELS.media,
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'publicFrom'],
    group: GROUPS.catalogue,
  },
  access: {
    create: isStaff,
    delete: isStaff,
    read: publicMediaOrStaff,
    update: isStaff,
  },
  // Identical bytes uploaded again reuse the media document that holds them (no `-1` copy).
  endpoints: [createOrReuseMedia],
  hooks: {
    // prepareUpload checks the bytes and renames the file before Payload stores anything.
    beforeOperation: [sanitizeWriteData, clampReadLimits, prepareUpload],
    beforeChange: [clearVariantsOfNonImages, noteFilesToBeWritten],
    afterChange: [countStoredUpload],
    afterRead: [publicFileUrlsAfterRead],
    afterError: [removeFilesOfFailedUpload, storageErrorsAs503],
    beforeDelete: [
      refuseDeleteWhileReferenced([
        { collection: slugs.programs, field: 'coverImage' },
        { collection: slugs.episodes, field: 'media' },
        { collection: slugs.episodes, field: 'thumbnail' },
      ]),
    ],
  },
  upload: {
    // `staticDir` comes from the `media.dir` option (src/plugins/mediaMesh.ts).
    // Before the storage adapter's handler (appended by the storage plugin).
    handlers: [unknownFilesNotFound],
    // Checked again by Payload on the detected type; prepareUpload is the stricter gate.
    mimeTypes: ALLOWED_MIME_TYPES,
    // Variants for cards, pages and players; sharp only runs for images. Sizes larger than the
    // original are not generated (discovery then falls back to the largest one there is).
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 180, position: 'centre', formatOptions: webp },
      { name: 'card', width: 640, height: 360, position: 'centre', formatOptions: webp },
      { name: 'hero', width: 1600, height: 900, position: 'centre', formatOptions: webp },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', type: 'text', localized: true },
    { name: 'caption', type: 'textarea', localized: true },
    {
      name: 'sourceUrl',
      type: 'text',
      index: true,
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Where ingestion downloaded this file from (a feed’s artwork); reused by URL.',
      },
    },
    {
      name: 'publicFrom',
      type: 'date',
      index: true,
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description:
          'Set automatically: when published content using this file became (or becomes) public. Empty: only staff can see it.',
      },
    },
  ],
})
