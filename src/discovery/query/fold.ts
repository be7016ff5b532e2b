/** Letters compared the way the index's Arabic analysis does (alef/hamza/ta marbuta, diacritics). */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
}

/** A query as promotions and insights compare it: folded, words separated by one space. */
export function normaliseQuery(text: string): string {
  return foldForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')
}
