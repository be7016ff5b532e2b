/**
 * The form a search query is counted under, so that "True  Crime", "true crime " and "TRUE CRIME"
 * are one row, and Arabic typed with or without diacritics (harakat) or tatweel is one row too.
 * Letters are not folded further (alef forms, ta marbuta): those spellings stay visible to editors,
 * who may want a synonym for them.
 */
const ARABIC_MARKS =
  /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g

/** Longest normalised query kept (the search API accepts 200 characters). */
export const MAX_NORMALISED_LENGTH = 200

export function normalizeQuery(query: string): string {
  return (
    query
      .normalize('NFKC')
      .replace(ARABIC_MARKS, '')
      // Control characters (the Redis field separator among them) become spaces.
      .replace(/\p{Cc}/gu, ' ')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_NORMALISED_LENGTH)
  )
}
