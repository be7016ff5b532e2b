export interface Prolog {
  /** The name in `<!DOCTYPE name ...>`, as written; null without a DOCTYPE. */
  doctypeName: string | null
  /** Whether the DOCTYPE's internal subset declares entities (general or parameter). */
  declaresEntities: boolean
  /** The first element's name as written, or null when no element starts the document. */
  rootName: string | null
}

const NAME_AT = /[^\s/>[\]'"]+/y

/**
 * Reads what precedes the root element (XML declaration, comments, processing instructions,
 * DOCTYPE) without parsing anything else, so parseXmlDocument can refuse HTML pages and
 * entity-declaring documents before an XML parser ever sees them. Linear: every construct is
 * skipped with indexOf, and an unterminated one ends the scan.
 */
export function scanProlog(xml: string): Prolog {
  const prolog: Prolog = { doctypeName: null, declaresEntities: false, rootName: null }
  let i = skipWhitespace(xml, xml.charCodeAt(0) === 0xfeff ? 1 : 0)
  while (i < xml.length && xml[i] === '<') {
    if (xml.startsWith('<?', i)) {
      i = after(xml, '?>', i + 2)
    } else if (xml.startsWith('<!--', i)) {
      i = after(xml, '-->', i + 4)
    } else if (xml.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      i = readDoctype(xml, i + 9, prolog)
    } else {
      NAME_AT.lastIndex = i + 1
      prolog.rootName = NAME_AT.exec(xml)?.[0] ?? null
      break
    }
    if (i === -1) break
    i = skipWhitespace(xml, i)
  }
  return prolog
}

function readDoctype(xml: string, start: number, prolog: Prolog): number {
  NAME_AT.lastIndex = skipWhitespace(xml, start)
  prolog.doctypeName = NAME_AT.exec(xml)?.[0] ?? null
  let inSubset = false
  for (let i = start; i < xml.length; i++) {
    const char = xml[i]
    if (char === '"' || char === "'") {
      const close = xml.indexOf(char, i + 1)
      if (close === -1) return -1
      i = close
    } else if (char === '[') {
      inSubset = true
    } else if (char === ']') {
      inSubset = false
    } else if (char === '>' && !inSubset) {
      return i + 1
    } else if (inSubset && xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4)
      if (close === -1) return -1
      i = close + 2
    } else if (inSubset && xml.slice(i, i + 8).toUpperCase() === '<!ENTITY') {
      prolog.declaresEntities = true
    }
  }
  return -1
}

function after(xml: string, terminator: string, from: number): number {
  const index = xml.indexOf(terminator, from)
  return index === -1 ? -1 : index + terminator.length
}

function skipWhitespace(xml: string, from: number): number {
  let i = from
  while (i < xml.length && /\s/.test(xml[i] ?? '')) i++
  return i
}
