/**
 * Editors' search inside the admin panel: `@payloadcms/plugin-search` keeps a `search` collection
 * of programs, episodes and categories, drafts included, so the admin panel's search box finds
 * anything across collections. Staff only: public search is the discovery API on Elasticsearch and
 * never reads this collection.
 */
import { searchPlugin } from '@payloadcms/plugin-search'

import { isAdmin } from '../access/isAdmin'
import { isStaff } from '../access/isStaff'
import type { CatalogueSlugs } from '../lib/catalogueSlugs'
import { lexicalToPlainText } from '../lib/lexical'
import { MAX_TEXT_LENGTH } from '../search/indexDefinition'

const text = (value: unknown) =>
  (typeof value === 'string' ? value : lexicalToPlainText(value)).slice(0, MAX_TEXT_LENGTH)

export const adminSearch = (slugs: CatalogueSlugs) =>
  searchPlugin({
    collections: [slugs.programs, slugs.episodes, slugs.categories],
    localize: true,
    syncDrafts: true,
    deleteDrafts: false,
    defaultPriorities: { [slugs.programs]: 30, [slugs.episodes]: 20, [slugs.categories]: 10 },
    beforeSync: ({ originalDoc, searchDoc }) => ({
      ...searchDoc,
      title: text(originalDoc.title ?? originalDoc.name ?? ''),
      summary: text(originalDoc.summary ?? originalDoc.description ?? ''),
      status: originalDoc._status ?? 'published',
    }),
    searchOverrides: {
      admin: {
        group: 'Settings',
        description:
          'Everything editors can find from here, drafts included. Kept in sync automatically.',
      },
      access: { create: isAdmin, delete: isAdmin, read: isStaff, update: isAdmin },
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'summary', type: 'textarea', localized: true, admin: { readOnly: true } },
        { name: 'status', type: 'text', admin: { readOnly: true } },
      ],
    },
  })
