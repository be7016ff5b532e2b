import type { DateField } from 'payload'

/** When a document became (or becomes) public. Pairs with setPublishedAtOnPublish. */
export const publishedAtField = (): DateField => ({
  name: 'publishedAt',
  type: 'date',
  index: true,
  admin: {
    position: 'sidebar',
    date: { pickerAppearance: 'dayAndTime' },
    description:
      'Set on first publish. A future moment keeps it hidden from the public until then.',
  },
})
