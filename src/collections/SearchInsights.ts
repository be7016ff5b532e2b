import type { CollectionConfig, Field } from 'payload'

import { isStaff } from '../access/isStaff'
import { nobody } from '../access/nobody'
import { GROUPS } from '../lib/adminLabels'
import { clampReadLimits } from '../hooks/clampReadLimits'

const count = (name: string, description: string): Field => ({
  name,
  type: 'number',
  required: true,
  defaultValue: 0,
  admin: { readOnly: true, description },
})

/**
 * What people search for in discovery, one row per (hour, normalised query, locale). Written only
 * by the insights flush (src/insights/flush.ts) with SQL upserts, never per request; read by staff
 * through the Search insights view. No IP address, user id or cookie is ever stored.
 */
export const SearchInsights: CollectionConfig = {
  slug: 'search-insights',
  labels: {
    singular: { en: 'Search insight', ar: 'إحصاء بحث' },
    plural: { en: 'Search insights', ar: 'إحصاءات البحث' },
  },
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['hour', 'query', 'locale', 'searches', 'zeroResults', 'clicks'],
    group: GROUPS.settings,
    description: 'Hourly search counts; see the Search insights view for the summary.',
  },
  access: {
    create: nobody,
    delete: nobody,
    read: isStaff,
    update: nobody,
  },
  hooks: { beforeOperation: [clampReadLimits] },
  // The flush upserts on this triple (INSERT ... ON CONFLICT (hour, query, locale)).
  indexes: [{ fields: ['hour', 'query', 'locale'], unique: true }],
  timestamps: true,
  fields: [
    {
      name: 'hour',
      type: 'date',
      required: true,
      index: true,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'query',
      type: 'text',
      // Never null: the upsert's unique (hour, query, locale) must match the overflow row ('').
      required: true,
      admin: {
        readOnly: true,
        description: 'Normalised (lower case, spaces collapsed). Empty: queries beyond the cap.',
      },
    },
    { name: 'locale', type: 'text', required: true, admin: { readOnly: true } },
    count('searches', 'Searches in this hour.'),
    count('zeroResults', 'Searches that found nothing.'),
    count('relaxed', 'Searches answered by the relaxed query.'),
    count('clicks', 'Results opened from these searches.'),
    count('positionSum', 'Sum of the opened results’ positions (average = sum / clicks).'),
    {
      name: 'lastTotal',
      type: 'number',
      admin: { readOnly: true, description: 'Result count of the latest search.' },
    },
    {
      name: 'filters',
      type: 'json',
      admin: { readOnly: true, description: 'Filters the latest search was understood to ask.' },
    },
  ],
}
