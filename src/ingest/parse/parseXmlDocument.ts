import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { decodeEntities } from './decodeEntities'
import { escapeBareAmpersands } from './escapeBareAmpersands'
import { FeedParseError } from './FeedParseError'
import { namespaceKey } from './namespaceKey'
import { scanProlog } from './scanProlog'
import type { XmlElement } from './XmlElement'

/** fast-xml-parser's preserveOrder output: `{ [tag]: children, ':@'?: attributes }` or text. */
type OrderedNode = Record<string, unknown>

/** Prefix -> namespace URI in scope; '' is the default namespace. */
type Scope = ReadonlyMap<string, string>

const parserOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: true,
  // Values stay strings: a guid of "0010" or a title of "1e3" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Whitespace between inline XHTML elements is content; readers trim what they use.
  trimValues: false,
  // We decode references ourselves (decodeEntities) from a fixed table, so nothing a document
  // declares is ever expanded, and CDATA stays distinguishable from escaped text.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 100,
} as const

/**
 * Parses a feed document into an XmlElement tree rooted at its document element.
 *
 * Refused before any XML parsing: HTML pages ('not a feed') and documents whose DOCTYPE declares
 * entities ('entity expansion refused': billion laughs, external entities). Bare ampersands are
 * repaired; anything else that is not well-formed is 'malformed XML', because a truncated download
 * otherwise parses "successfully" into half a feed.
 */
export function parseXmlDocument(input: string): XmlElement {
  // A BOM or a blank line before `<?xml` is common and harmless; the validator rejects both.
  const xml = input.replace(/^\uFEFF/, '').trimStart()
  const prolog = scanProlog(xml)
  if (prolog.doctypeName?.toLowerCase() === 'html' || prolog.rootName?.toLowerCase() === 'html') {
    throw new FeedParseError('not a feed', 'The document is an HTML page, not a feed.')
  }
  if (prolog.declaresEntities) {
    throw new FeedParseError(
      'entity expansion refused',
      'The document declares its own entities. Feeds never need them, and expanding them is how ' +
        '"billion laughs" and external-entity attacks work.',
    )
  }
  if (prolog.rootName === null) {
    throw xml.startsWith('<')
      ? new FeedParseError('malformed XML', 'Malformed XML: no root element.')
      : new FeedParseError('not a feed', 'The document is not XML.')
  }

  const repaired = escapeBareAmpersands(xml)
  const validation = XMLValidator.validate(repaired, { allowBooleanAttributes: true })
  if (validation !== true) throw new FeedParseError('malformed XML', describe(validation.err))

  let nodes: unknown
  try {
    nodes = new XMLParser(parserOptions).parse(repaired)
  } catch (error) {
    throw new FeedParseError('malformed XML', `Malformed XML: ${(error as Error).message}`)
  }
  const root = (Array.isArray(nodes) ? (nodes as OrderedNode[]) : []).find(
    (node) => !isCharacterData(tagOf(node)),
  )
  if (!root) throw new FeedParseError('malformed XML', 'Malformed XML: no root element.')
  return toElement(root, tagOf(root), new Map())
}

function describe({ msg, line, col }: { msg: string; line: number; col: number }): string {
  // The validator reports elements still open at the end (a truncated download) as a JSON list
  // "found" at line 1, column 1; say what it means instead.
  const unclosed = /^Invalid '\[([\s\S]*)\]' found\.$/.exec(msg)
  if (unclosed) {
    const names = (unclosed[1] ?? '').match(/"[^"]*"/g)?.map((name) => `<${name.slice(1, -1)}>`)
    return `Malformed XML: the document ends before ${names?.join(', ')} are closed (truncated?).`
  }
  return `Malformed XML at line ${line}, column ${col}: ${msg}`
}

function tagOf(node: OrderedNode): string {
  for (const key in node) if (key !== ':@') return key
  return '#text'
}

function isCharacterData(tag: string): boolean {
  return tag === '#text' || tag === '#cdata'
}

function toElement(node: OrderedNode, qualifiedName: string, inherited: Scope): XmlElement {
  let declared: Map<string, string> | undefined
  const attrs = new Map<string, string>()
  const rawAttrs = node[':@'] as Record<string, unknown> | undefined
  if (rawAttrs) {
    for (const name in rawAttrs) {
      const value = decodeEntities(String(rawAttrs[name]))
      attrs.set(name.toLowerCase(), value)
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        declared ??= new Map(inherited)
        declared.set(name.slice(6), value)
      }
    }
  }
  const scope = declared ?? inherited

  const colon = qualifiedName.indexOf(':')
  const prefix = colon === -1 ? '' : qualifiedName.slice(0, colon)
  const ns = namespaceKey(prefix, scope.get(prefix))
  const name = qualifiedName.slice(colon + 1).toLowerCase()

  const children: XmlElement[] = []
  const contents: Array<XmlElement | string> = []
  const childNodes = node[qualifiedName]
  for (const childNode of Array.isArray(childNodes) ? (childNodes as OrderedNode[]) : []) {
    const tag = tagOf(childNode)
    if (tag === '#text') {
      contents.push(decodeEntities(String(childNode['#text'])))
    } else if (tag === '#cdata') {
      for (const inner of childNode['#cdata'] as OrderedNode[])
        contents.push(String(inner['#text'] ?? ''))
    } else {
      const element = toElement(childNode, tag, scope)
      children.push(element)
      contents.push(element)
    }
  }
  return { key: ns ? `${ns}:${name}` : name, ns, name, attrs, children, nodes: contents }
}
