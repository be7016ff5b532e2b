import type { CollectionSlug, FieldHook, TextField, Where } from 'payload'
import { ValidationError } from 'payload'

import { isValidSlug, slugify } from '../lib/slugify'

interface SlugFieldOptions {
  /** Field the slug is generated from when none is given. @default 'title' */
  from?: string
  /**
   * Relationship field that scopes uniqueness (episodes: unique per program). Without it the slug is
   * unique across the collection, and a database unique index backs that up.
   */
  uniqueWithin?: string
}

const MAX_SUFFIX = 200

/**
 * A `slug` field that is generated from the title when left empty, normalised when typed, and unique.
 * A generated slug that is taken gets a numeric suffix (`my-show-2`); a typed slug that is taken is
 * refused with a validation error naming the field, so an editor never silently gets another URL.
 */
export function slugField({ from = 'title', uniqueWithin }: SlugFieldOptions = {}): TextField {
  const ensureSlug: FieldHook = async ({ collection, originalDoc, req, siblingData, value }) => {
    if (!collection) return value
    const typed = typeof value === 'string' && value.trim() !== ''
    const source = siblingData?.[from] ?? originalDoc?.[from]
    const base = typed ? slugify(value) : typeof source === 'string' ? slugify(source) : ''
    if (!base) return typed ? value : undefined

    const rawScope = uniqueWithin
      ? (siblingData?.[uniqueWithin] ?? originalDoc?.[uniqueWithin])
      : undefined
    const scope = typeof rawScope === 'object' && rawScope !== null ? rawScope.id : rawScope
    // An invalid scope id is reported by the relationship's own validation; don't query with it.
    if (uniqueWithin && !/^\d+$/.test(String(scope ?? ''))) return base
    const isTaken = async (candidate: string) => {
      const and: Where[] = [{ slug: { equals: candidate } }]
      if (originalDoc?.id !== undefined) and.push({ id: { not_equals: originalDoc.id } })
      if (uniqueWithin) and.push({ [uniqueWithin]: { equals: scope } })
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: { and },
        req,
      })
      return totalDocs > 0
    }

    if (typed) {
      if (base !== originalDoc?.slug && (await isTaken(base))) {
        throw new ValidationError({
          collection: collection.slug,
          errors: [{ path: 'slug', message: `The slug "${base}" is already in use.` }],
        })
      }
      return base
    }
    if (originalDoc?.slug) return originalDoc.slug // never change a published URL behind an editor's back
    for (let n = 1; n <= MAX_SUFFIX; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      if (!(await isTaken(candidate))) return candidate
    }
    return `${base}-${Date.now().toString(36)}`
  }

  return {
    name: 'slug',
    type: 'text',
    index: !uniqueWithin,
    unique: !uniqueWithin,
    admin: {
      position: 'sidebar',
      description: `Part of the public URL. Generated from the ${from} when left empty.`,
    },
    hooks: { beforeValidate: [ensureSlug] },
    validate: (value: unknown) =>
      value === null ||
      value === undefined ||
      value === '' ||
      (typeof value === 'string' && isValidSlug(value))
        ? true
        : 'A slug may contain only lowercase letters, digits and single hyphens.',
  }
}
