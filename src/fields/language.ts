import type { FieldHook, TextField } from 'payload'

import { normalizeLanguageCode } from '../lib/languageCodes'

const normalize: FieldHook = ({ value }) =>
  typeof value === 'string' ? (normalizeLanguageCode(value) ?? value) : value

/** Spoken language as an ISO 639-1 code; `en-US` or `EN` are accepted and stored as `en`. */
export function languageField(overrides: Partial<TextField> = {}): TextField {
  return {
    name: 'language',
    type: 'text',
    index: true,
    admin: { description: 'ISO 639-1 code of the spoken language, e.g. en, ar, fr.' },
    hooks: { beforeValidate: [normalize] },
    validate: (value: unknown, { required }: { required?: boolean }) => {
      if (value === null || value === undefined || value === '') {
        return required ? 'A language is required (an ISO 639-1 code such as en or ar).' : true
      }
      if (typeof value !== 'string') return 'A language is an ISO 639-1 code such as en or ar.'
      return normalizeLanguageCode(value) === value
        ? true
        : `"${value}" is not an ISO 639-1 language code (for example en, ar, fr).`
    },
    ...overrides,
  } as TextField
}
