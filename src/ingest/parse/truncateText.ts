/**
 * Shortens text to at most `max` characters on one line, cutting at a word boundary when there is
 * one in the last 40% and ending with an ellipsis. Never splits a surrogate pair.
 */
export function truncateText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  let cut = flat.slice(0, max - 1)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  const space = cut.lastIndexOf(' ')
  if (space > max * 0.6) cut = cut.slice(0, space)
  return `${cut.replace(/[\s,;:\-–—]+$/, '')}…`
}
