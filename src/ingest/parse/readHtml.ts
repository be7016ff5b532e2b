import { htmlToText, inlineText } from './htmlToText'
import { text, type XmlElement } from './XmlElement'

/**
 * An element's content as plain text with paragraphs, or null when empty. Content is HTML whether
 * it arrives escaped, in CDATA, as Atom `type="xhtml"` or (sloppy RSS) as raw child elements.
 */
export function readHtml(element: XmlElement | undefined): string | null {
  const markup = markupOf(element)
  return markup === null ? null : htmlToText(markup) || null
}

/** An element's content as one line of plain text (titles, names), or null when empty. */
export function readInline(element: XmlElement | undefined): string | null {
  const markup = markupOf(element)
  return markup === null ? null : inlineText(markup) || null
}

function markupOf(element: XmlElement | undefined): string | null {
  if (!element) return null
  if (element.children.length === 0) return text(element)
  return serialize(element.nodes).trim() || null
}

/** Child elements back to markup for htmlToText; attributes carry no readable text, so they go. */
function serialize(nodes: XmlElement['nodes']): string {
  let html = ''
  for (const node of nodes) {
    if (typeof node === 'string') html += node.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    else if (node.nodes.length === 0) html += `<${node.name}/>`
    else html += `<${node.name}>${serialize(node.nodes)}</${node.name}>`
  }
  return html
}
