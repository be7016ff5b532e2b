import type { CollectionConfig, Field } from 'payload'

import type { CatalogueSlugs } from '../lib/catalogueSlugs'

import { staffOnly } from '../access/isStaff'
import { languageField } from '../fields/language'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { validateHttpUrl } from '../lib/isHttpUrl'
import { COLLECTION_LABELS, GROUPS } from '../lib/adminLabels'

export const SOURCE_KINDS = ['podcast', 'youtube', 'feed'] as const

/**
 * Fields the import job writes (with overrideAccess); editors see them but cannot change them,
 * not even through the API: a forged `nextFetchAt` or `etag` would steer the scheduler.
 */
const status = (name: string, type: 'date' | 'number' | 'text' | 'textarea', label?: string) =>
  ({
    name,
    type,
    ...(label ? { label } : {}),
    access: { create: () => false, update: () => false },
    admin: { readOnly: true },
  }) as Field

/**
 * External feeds (podcast RSS, YouTube channel feeds, generic RSS/Atom) that the ingest job imports
 * into a program and its episodes. Internal: staff only.
 */
export const sourcesCollection = (slugs: CatalogueSlugs): CollectionConfig => ({
  slug: slugs.sources,
  labels: COLLECTION_LABELS.sources,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'program', 'enabled', 'lastSuccessAt', 'lastError'],
    group: GROUPS.ingestion,
    components: { edit: { beforeDocumentControls: ['mediamesh/client#FetchSourceNow'] } },
  },
  access: staffOnly,
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'url',
      type: 'text',
      required: true,
      unique: true,
      validate: validateHttpUrl('The feed URL'),
      admin: { description: 'Address of the RSS or Atom feed.' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'podcast',
      options: [
        { label: 'Podcast RSS', value: 'podcast' },
        { label: 'YouTube channel', value: 'youtube' },
        { label: 'Generic RSS / Atom', value: 'feed' },
      ],
    },
    {
      name: 'program',
      type: 'relationship',
      relationTo: slugs.programs,
      admin: { description: 'Created from the feed on the first import when left empty.' },
    },
    { name: 'defaultCategory', type: 'relationship', relationTo: slugs.categories },
    languageField({
      admin: { description: 'Used when the feed does not declare its language (ISO 639-1).' },
    }),
    {
      name: 'publish',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Publish imported episodes; otherwise they arrive as drafts.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'refreshMinutes',
          type: 'number',
          required: true,
          defaultValue: 60,
          min: 5,
          max: 10_080,
        },
        { name: 'enabled', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      type: 'collapsible',
      label: 'Status',
      fields: [
        status('lastFetchedAt', 'date'),
        status('lastSuccessAt', 'date'),
        status('nextFetchAt', 'date'),
        status('etag', 'text', 'ETag'),
        status('lastModified', 'text', 'Last-Modified'),
        status('itemsSeen', 'number'),
        status('itemsCreated', 'number'),
        status('itemsUpdated', 'number'),
        status('itemsSkipped', 'number'),
        status('skippedReasons', 'textarea'),
        status('lastError', 'textarea'),
        status('lastErrorAt', 'date'),
      ],
    },
  ],
})
