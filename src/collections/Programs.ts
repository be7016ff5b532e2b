import type { CollectionConfig } from 'payload'

import type { CatalogueSlugs } from '../lib/catalogueSlugs'

import { isStaff } from '../access/isStaff'
import { publishedAndDueOrStaff } from '../access/publishedAndDue'
import { editorialTextFields } from '../fields/editorialText'
import { languageField } from '../fields/language'
import { MAX_INDEXED_INTEGER } from '../fields/nonNegativeInteger'
import { publishedAtField } from '../fields/publishedAt'
import { slugField } from '../fields/slug'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { PROGRAM_FORMATS } from '../lib/programFormats'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'
import { setPublishedAtOnPublish } from '../hooks/setPublishedAtOnPublish'
import { IMAGES_ONLY } from '../media/fileKinds'
import {
  captureMediaRefsBeforeChange,
  refreshMediaVisibilityAfterChange,
  refreshMediaVisibilityAfterDelete,
} from '../media/visibility'
import { COLLECTION_LABELS, FIELDS, GROUPS, TABS } from '../lib/adminLabels'

export { PROGRAM_FORMATS }

/** Programs (podcasts, documentaries, series), under the slugs the host chose. */
export const programsCollection = (slugs: CatalogueSlugs): CollectionConfig => ({
  slug: slugs.programs,
  labels: COLLECTION_LABELS.programs,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'format', 'language', '_status', 'publishedAt'],
    group: GROUPS.catalogue,
  },
  access: {
    create: isStaff,
    delete: isStaff,
    read: publishedAndDueOrStaff,
    readVersions: isStaff,
    update: isStaff,
  },
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  indexes: [{ fields: ['sourceUrl', 'guid'], unique: true }],
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
    beforeChange: [setPublishedAtOnPublish, captureMediaRefsBeforeChange('programs')],
    // Which files the public may read follows what is published (src/media/visibility.ts).
    afterChange: [refreshMediaVisibilityAfterChange('programs')],
    afterDelete: [refreshMediaVisibilityAfterDelete('programs')],
    beforeDelete: [refuseDeleteWhileReferenced([{ collection: slugs.episodes, field: 'program' }])],
  },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: TABS.content,
          fields: [
            ...editorialTextFields(),
            {
              name: 'coverImage',
              label: FIELDS.coverImage,
              type: 'upload',
              relationTo: slugs.media,
              filterOptions: IMAGES_ONLY,
            },
          ],
        },
        {
          label: TABS.catalogue,
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'format',
                  type: 'select',
                  required: true,
                  index: true,
                  options: PROGRAM_FORMATS.map((value) => ({
                    label: value[0]!.toUpperCase() + value.slice(1),
                    value,
                  })),
                },
                languageField({ required: true }),
              ],
            },
            {
              name: 'categories',
              type: 'relationship',
              relationTo: slugs.categories,
              hasMany: true,
            },
            { name: 'tags', type: 'text', hasMany: true },
          ],
        },
        {
          label: TABS.featuring,
          fields: [
            { name: 'featured', type: 'checkbox', defaultValue: false, index: true },
            {
              type: 'row',
              fields: [
                {
                  name: 'featuredRank',
                  type: 'number',
                  min: 1,
                  // Indexed as a 32-bit integer: a larger rank would fail the program's sync.
                  max: MAX_INDEXED_INTEGER,
                  admin: {
                    description: '1 shows first.',
                    condition: (_, siblingData) => Boolean(siblingData?.featured),
                  },
                },
                {
                  name: 'featuredUntil',
                  type: 'date',
                  admin: {
                    description: 'Featuring ends at this moment (leave empty for no end).',
                    date: { pickerAppearance: 'dayAndTime' },
                    condition: (_, siblingData) => Boolean(siblingData?.featured),
                  },
                },
              ],
            },
          ],
        },
        {
          label: TABS.source,
          description: 'Set by ingestion; identifies the feed this program was imported from.',
          fields: [
            { name: 'sourceUrl', type: 'text' },
            { name: 'guid', type: 'text' },
          ],
        },
      ],
    },
    slugField(),
    publishedAtField(),
  ],
})
