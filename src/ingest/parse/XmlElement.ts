/**
 * A parsed element, reduced to what feed readers need. Names are matched case-insensitively and by
 * namespace key rather than prefix (see namespaceKey), because feeds are sloppy about both.
 */
export interface XmlElement {
  /** `ns:name`, or just `name` for unprefixed elements: `itunes:duration`, `title`. */
  readonly key: string
  /** Namespace key: `itunes`, `media`, `atom`, ...; '' when unprefixed. */
  readonly ns: string
  /** Local name, lower-cased (`pubdate`, `duration`). */
  readonly name: string
  /** Attributes by lower-cased qualified name (`ispermalink`, `xml:lang`), entity-decoded. */
  readonly attrs: ReadonlyMap<string, string>
  readonly children: readonly XmlElement[]
  /** Child elements and character data in document order: text entity-decoded, CDATA verbatim. */
  readonly nodes: ReadonlyArray<XmlElement | string>
}

/** The first child whose key is one of `keys`. */
export function child(parent: XmlElement | undefined, ...keys: string[]): XmlElement | undefined {
  return parent?.children.find((element) => keys.includes(element.key))
}

/** Every child whose key is one of `keys`, in document order. */
export function childrenOf(parent: XmlElement | undefined, ...keys: string[]): XmlElement[] {
  return parent ? parent.children.filter((element) => keys.includes(element.key)) : []
}

/** The element's own character data, trimmed; null when missing or blank. */
export function text(element: XmlElement | undefined): string | null {
  if (!element) return null
  let value = ''
  for (const node of element.nodes) if (typeof node === 'string') value += node
  value = value.trim()
  return value === '' ? null : value
}

/** An attribute's value, trimmed; null when missing or blank. */
export function attr(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attrs.get(name)?.trim()
  return value ? value : null
}
