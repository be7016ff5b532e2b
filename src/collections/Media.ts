import type { CollectionConfig } from 'payload'

import { isStaff } from '../access/isStaff'
import { publicMediaOrStaff } from '../access/publicMediaOrStaff'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'

/** What editors may upload. Payload checks the detected type of the bytes, not only the name. */
export const MEDIA_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/ogg',
  'audio/wav',
  'audio/x-wav',
  'video/mp4',
  'video/webm',
  'video/quicktime',
]

export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize'],
    group: 'Catalogue',
  },
  access: {
    create: isStaff,
    delete: isStaff,
    read: publicMediaOrStaff,
    update: isStaff,
  },
  hooks: {
    beforeOperation: [clampReadLimits],
    beforeDelete: [
      refuseDeleteWhileReferenced([
        { collection: 'programs', field: 'coverImage' },
        { collection: 'episodes', field: 'media' },
        { collection: 'episodes', field: 'thumbnail' },
      ]),
    ],
  },
  upload: {
    staticDir: 'media',
    mimeTypes: MEDIA_MIME_TYPES,
    // Variants for players, cards and pages; sharp only runs for images.
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 180, position: 'centre' },
      { name: 'card', width: 640, height: 360, position: 'centre' },
      { name: 'hero', width: 1600, height: 900, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    { name: 'alt', type: 'text', localized: true },
    { name: 'caption', type: 'textarea', localized: true },
  ],
}
