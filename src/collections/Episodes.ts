import type { CollectionConfig } from 'payload'

import type { CatalogueSlugs } from '../lib/catalogueSlugs'

import { isStaff } from '../access/isStaff'
import { publicEpisodeOrStaff } from '../access/publishedAndDue'
import { editorialTextFields } from '../fields/editorialText'
import { nonNegativeIntegerField } from '../fields/nonNegativeInteger'
import { publishedAtField } from '../fields/publishedAt'
import { slugField } from '../fields/slug'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { setPublishedAtOnPublish } from '../hooks/setPublishedAtOnPublish'
import { AUDIO_OR_VIDEO, IMAGES_ONLY } from '../media/fileKinds'
import {
  captureMediaRefsBeforeChange,
  refreshMediaVisibilityAfterChange,
  refreshMediaVisibilityAfterDelete,
} from '../media/visibility'
import { validateHttpUrl } from '../lib/isHttpUrl'
import { COLLECTION_LABELS, FIELDS, GROUPS, TABS } from '../lib/adminLabels'

/** Episodes of programs, under the slugs the host chose. */
export const episodesCollection = (slugs: CatalogueSlugs): CollectionConfig => ({
  slug: slugs.episodes,
  labels: COLLECTION_LABELS.episodes,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'program', 'episodeNumber', '_status', 'publishedAt'],
    group: GROUPS.catalogue,
  },
  access: {
    create: isStaff,
    delete: isStaff,
    read: publicEpisodeOrStaff,
    readVersions: isStaff,
    update: isStaff,
  },
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  indexes: [
    { fields: ['program', 'guid'], unique: true },
    { fields: ['program', 'slug'], unique: true },
  ],
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
    beforeChange: [setPublishedAtOnPublish, captureMediaRefsBeforeChange('episodes')],
    // Which files the public may read follows what is published (src/media/visibility.ts).
    afterChange: [refreshMediaVisibilityAfterChange('episodes')],
    afterDelete: [refreshMediaVisibilityAfterDelete('episodes')],
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
              name: 'thumbnail',
              label: FIELDS.thumbnail,
              type: 'upload',
              relationTo: slugs.media,
              filterOptions: IMAGES_ONLY,
            },
            { name: 'transcript', type: 'textarea' },
          ],
        },
        {
          label: TABS.media,
          description: 'Either upload the audio/video file, or point to where it is hosted.',
          fields: [
            {
              name: 'media',
              type: 'upload',
              relationTo: slugs.media,
              filterOptions: AUDIO_OR_VIDEO,
              admin: {
                description:
                  'An uploaded audio or video file. Or leave empty and give an enclosure URL.',
              },
            },
            { name: 'enclosureUrl', type: 'text', validate: validateHttpUrl('enclosureUrl') },
            {
              type: 'row',
              fields: [
                { name: 'mimeType', type: 'text' },
                nonNegativeIntegerField('sizeBytes'),
                nonNegativeIntegerField('durationSeconds'),
              ],
            },
            {
              // Read from feeds (Podcasting 2.0 tags); links only, nothing is fetched from them.
              type: 'collapsible',
              label: 'Transcript, chapters and people (Podcasting 2.0)',
              admin: { initCollapsed: true },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'transcriptUrl',
                      type: 'text',
                      validate: validateHttpUrl('transcriptUrl'),
                      admin: { description: 'A transcript file (VTT, SRT, text) the feed links.' },
                    },
                    { name: 'transcriptType', type: 'text', admin: { placeholder: 'text/vtt' } },
                  ],
                },
                {
                  name: 'chaptersUrl',
                  type: 'text',
                  validate: validateHttpUrl('chaptersUrl'),
                  admin: { description: 'A JSON chapters file (podcast:chapters).' },
                },
                {
                  name: 'people',
                  type: 'array',
                  maxRows: 50,
                  admin: { description: 'Hosts, guests and crew (podcast:person).' },
                  fields: [
                    {
                      type: 'row',
                      fields: [
                        { name: 'name', type: 'text', required: true },
                        { name: 'role', type: 'text', defaultValue: 'host' },
                        { name: 'href', type: 'text', validate: validateHttpUrl('href') },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'program',
      label: FIELDS.program,
      type: 'relationship',
      relationTo: slugs.programs,
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    slugField({ uniqueWithin: 'program' }),
    {
      type: 'row',
      admin: { position: 'sidebar' },
      fields: [nonNegativeIntegerField('seasonNumber'), nonNegativeIntegerField('episodeNumber')],
    },
    publishedAtField(),
    { name: 'explicit', type: 'checkbox', defaultValue: false, admin: { position: 'sidebar' } },
    {
      name: 'guid',
      type: 'text',
      admin: {
        position: 'sidebar',
        description: 'Identifier from the source feed; unique per program.',
      },
    },
    {
      // Fingerprint of the feed-owned fields at the last import: an unchanged item is not rewritten.
      name: 'ingestHash',
      type: 'text',
      admin: { hidden: true },
      access: { read: ({ req }) => Boolean(req.user) },
    },
  ],
})
