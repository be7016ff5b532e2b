import type { Field } from 'payload'

import { FIELDS } from '../lib/adminLabels'

/** The localized editorial text every program and episode has: a required title, summary, body. */
export const editorialTextFields = (): Field[] => [
  { name: 'title', label: FIELDS.title, type: 'text', localized: true, required: true },
  { name: 'summary', label: FIELDS.summary, type: 'textarea', localized: true },
  { name: 'description', label: FIELDS.description, type: 'richText', localized: true },
]
