import type { FeedContext } from './FeedContext'
import { itemTitle } from './itemTitle'
import { readItemExtensions } from './readItemExtensions'
import { truncateText } from './truncateText'
import type { ParsedItem } from './types'
import type { XmlElement } from './XmlElement'

const SUMMARY_LENGTH = 300

/** What identifies an item, as its format reader found it. */
interface ItemIdentity {
  title: string | null
  guid: string | null
  link: string | null
  enclosure: ParsedItem['enclosure']
}

/** The format-specific text of an admitted item: read only once the item is admitted. */
interface ItemText {
  description: string | null
  summarySource: string | null
  /** The raw date text, parsed (with a warning when unreadable) here. */
  published: string | null
}

/**
 * The part of reading an item that RSS and Atom share: admit it (stable id, duplicates), then
 * derive title, summary, date and the namespaced extensions the same way for both formats.
 */
export function buildItem(
  element: XmlElement,
  context: FeedContext,
  base: string | null,
  identity: ItemIdentity,
  readText: () => ItemText,
): ParsedItem | null {
  const { title, guid, link, enclosure } = identity
  const externalId = context.admit({ title, guid, enclosureUrl: enclosure?.url ?? null, link })
  if (externalId === null) return null
  const where = `item ${JSON.stringify(externalId)}`
  const { description, summarySource, published } = readText()
  return {
    externalId,
    title: itemTitle(title, description, externalId, context, where),
    summary: summarySource ? truncateText(summarySource, SUMMARY_LENGTH) : null,
    description,
    link,
    publishedAt: context.date(published, where),
    enclosure,
    ...readItemExtensions(element, context, where, base),
  }
}
