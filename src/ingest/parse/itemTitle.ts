import type { FeedContext } from './FeedContext'
import { truncateText } from './truncateText'

/**
 * The title of an item that has none (it was admitted for its enclosure or link): the start of its
 * description, else its id. Recorded as a warning so an editor can fix it.
 */
export function itemTitle(
  title: string | null,
  description: string | null,
  externalId: string,
  context: FeedContext,
  where: string,
): string {
  if (title) return title
  context.warn(where, description ? 'no title; used the description' : 'no title; used its id')
  return description ? truncateText(description, 100) : externalId
}
