const MAX_SLUG_LENGTH = 96

// Combining marks (Latin accents), Arabic harakat/tanween/shadda/sukun and superscript alef, tatweel.
const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g

/**
 * URL slug from any title. Latin letters lose their accents; letters of other scripts (Arabic) are
 * kept, so an Arabic-only title still gets a readable slug (browsers percent-encode it on the wire).
 */
export function slugify(input: string): string {
  return foldSlugLetters(input)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '')
}

/** The letter folding slugify applies: accents and Arabic marks dropped, lowercase. */
function foldSlugLetters(input: string): string {
  return input.normalize('NFKD').replace(MARKS, '').toLowerCase()
}

/**
 * A slug as someone typed it in a URL (`/programs/:slug`, `?category=`), folded like slugify folds
 * titles (so `Café`, `café` and `cafe`, or `أخبار` and `اخبار`, name the same document); whether the
 * result is a slug at all is for isValidSlug to say.
 */
export function normalizeSlug(input: string): string {
  return foldSlugLetters(input.trim())
}

/** A slug is lowercase letters (any script) and digits in runs separated by single hyphens. */
export function isValidSlug(value: string): boolean {
  return (
    value.length <= MAX_SLUG_LENGTH &&
    /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u.test(value)
  )
}
