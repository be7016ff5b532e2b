import type { CollectionConfig } from 'payload'

import { staffOnly } from '../access/isStaff'
import { GROUPS } from '../lib/adminLabels'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { refreshDiscoveryAfterSearchRuleChange } from '../hooks/refreshDiscoveryAfterSearchRuleChange'

/**
 * Words that mean the same to the people searching ("movie" = "film"). Applied to discovery
 * queries at query time (src/discovery/query/synonyms.ts): effective within seconds, no reindex.
 * Staff only: never readable over the public API.
 */
export const SearchSynonyms: CollectionConfig = {
  slug: 'search-synonyms',
  labels: {
    singular: { en: 'Search synonym', ar: 'مرادف بحث' },
    plural: { en: 'Search synonyms', ar: 'مرادفات البحث' },
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'oneWay', 'locale', 'updatedAt'],
    group: GROUPS.settings,
    description:
      'Words or phrases searched as one another. One-way: the first term also finds the others, not back.',
  },
  access: staffOnly,
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
    afterChange: [refreshDiscoveryAfterSearchRuleChange],
    afterDelete: [refreshDiscoveryAfterSearchRuleChange],
  },
  fields: [
    {
      name: 'terms',
      type: 'text',
      hasMany: true,
      required: true,
      minRows: 2,
      maxRows: 20,
      maxLength: 100,
      admin: {
        description: 'Two or more words or phrases.',
        // Search insights link here with ?terms=<query> to start a rule from a searched query.
        components: { Field: 'mediamesh/client#PrefillFromQuery' },
      },
    },
    {
      name: 'oneWay',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Only the first term expands to the others.' },
    },
    {
      name: 'locale',
      type: 'select',
      required: true,
      defaultValue: 'both',
      options: [
        { label: 'English', value: 'en' },
        { label: 'العربية', value: 'ar' },
        { label: 'Both', value: 'both' },
      ],
    },
    {
      // The list's title column: the terms joined.
      name: 'label',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) => ((siblingData.terms as string[] | undefined) ?? []).join(' · '),
        ],
      },
    },
  ],
}
