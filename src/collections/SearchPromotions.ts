import type { CollectionConfig } from 'payload'

import { staffOnly } from '../access/isStaff'
import type { CatalogueSlugs } from '../lib/catalogueSlugs'
import { GROUPS } from '../lib/adminLabels'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { refreshDiscoveryAfterSearchRuleChange } from '../hooks/refreshDiscoveryAfterSearchRuleChange'

/**
 * Programs and episodes pinned, in order, at the top of a query's results (marked
 * `promoted: true`), optionally between two dates. Only public items are ever pinned: pins are
 * looked up in the search index, which holds only the published catalogue. Staff only.
 */
export const searchPromotionsCollection = (slugs: CatalogueSlugs): CollectionConfig => ({
  slug: 'search-promotions',
  labels: {
    singular: { en: 'Search promotion', ar: 'ترويج بحث' },
    plural: { en: 'Search promotions', ar: 'ترويجات البحث' },
  },
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['query', 'match', 'startsAt', 'endsAt', 'updatedAt'],
    group: GROUPS.settings,
  },
  access: staffOnly,
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
    afterChange: [refreshDiscoveryAfterSearchRuleChange],
    afterDelete: [refreshDiscoveryAfterSearchRuleChange],
  },
  fields: [
    {
      name: 'query',
      type: 'text',
      required: true,
      maxLength: 200,
      admin: {
        description: 'Compared ignoring case, punctuation and Arabic letter forms.',
        // Search insights link here with ?query=<query> to promote for a searched query.
        components: { Field: 'mediamesh/client#PrefillFromQuery' },
      },
    },
    {
      name: 'match',
      type: 'select',
      required: true,
      defaultValue: 'exact',
      options: [
        { label: 'The whole query', value: 'exact' },
        { label: 'Words within the query', value: 'contains' },
      ],
    },
    {
      name: 'items',
      type: 'relationship',
      relationTo: [slugs.programs, slugs.episodes],
      hasMany: true,
      required: true,
      maxRows: 10,
      admin: { description: 'Shown first, in this order (published items only).' },
    },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'endsAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            const start = siblingData.startsAt ? Date.parse(String(siblingData.startsAt)) : NaN
            const end = value ? Date.parse(String(value)) : NaN
            return Number.isFinite(start) && Number.isFinite(end) && end <= start
              ? 'must be after the start'
              : true
          },
        },
      ],
    },
  ],
})
