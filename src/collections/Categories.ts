import type { CollectionConfig } from 'payload'

import type { CatalogueSlugs } from '../lib/catalogueSlugs'

import { isStaff } from '../access/isStaff'
import { slugField } from '../fields/slug'
import { clampReadLimits } from '../hooks/clampReadLimits'
import { sanitizeWriteData } from '../hooks/sanitizeWriteData'
import { refuseDeleteWhileReferenced } from '../hooks/refuseDeleteWhileReferenced'
import { COLLECTION_LABELS, FIELDS, GROUPS } from '../lib/adminLabels'

/** Categories (a tree), under the slugs the host chose. */
export const categoriesCollection = (slugs: CatalogueSlugs): CollectionConfig => ({
  slug: slugs.categories,
  labels: COLLECTION_LABELS.categories,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'parent', 'needsReview'],
    group: GROUPS.catalogue,
  },
  access: {
    create: isStaff,
    delete: isStaff,
    // Categories have no drafts and no private fields: the taxonomy is public.
    read: () => true,
    update: isStaff,
  },
  hooks: {
    beforeOperation: [sanitizeWriteData, clampReadLimits],
    beforeDelete: [
      refuseDeleteWhileReferenced([
        { collection: slugs.categories, field: 'parent' },
        { collection: slugs.programs, field: 'categories' },
      ]),
    ],
  },
  fields: [
    { name: 'name', label: FIELDS.name, type: 'text', localized: true },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: slugs.categories,
      admin: { position: 'sidebar' },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'needsReview',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: {
        position: 'sidebar',
        description:
          'Set when ingestion created this category from a feed; clear it once reviewed.',
      },
    },
  ],
})
