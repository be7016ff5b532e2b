import type { Field } from 'payload'

/** The localized editorial text every program and episode has: a required title, summary, body. */
export const editorialTextFields = (): Field[] => [
  { name: 'title', type: 'text', localized: true, required: true },
  { name: 'summary', type: 'textarea', localized: true },
  { name: 'description', type: 'richText', localized: true },
]
