import { decodeEntities } from './decodeEntities'

/** Elements whose content is never text a reader should see. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'math',
  'head',
])

/** Elements that stand apart as paragraphs: a blank line before and after. */
const PARAGRAPHS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dl',
  'table',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'address',
  'details',
  'form',
  'fieldset',
])

/** Elements that start a new line. */
const LINES = new Set([
  'br',
  'div',
  'li',
  'dt',
  'dd',
  'tr',
  'caption',
  'figcaption',
  'summary',
  'nav',
  'aside',
  'main',
])

const TAG_START = /<(?:(\/?)([A-Za-z][A-Za-z0-9:-]*)|(!--)|(!\[CDATA\[)|[!?])/g
const COMMENT_END = /-->/g
const closingTags = new Map<string, RegExp>()

/** Break segments: a block boundary (merges with its neighbours), a paragraph boundary, a `<br>`. */
const LINE_BREAK = 1
const PARAGRAPH_BREAK = 2
const BR = 3
type Segment = string | typeof LINE_BREAK | typeof PARAGRAPH_BREAK | typeof BR

/**
 * Turns an HTML fragment (an RSS description, an Atom content) into plain text a person can read:
 * tags stripped, entities decoded, scripts/styles and the like dropped, `<p>` and headings as
 * paragraphs separated by a blank line, `<br>`/`<div>`/`<li>` as line breaks, whitespace collapsed.
 *
 * Plain text is not HTML: a description without any block-level tag keeps its own line breaks (the
 * way podcast apps show it), so "Line one\n\nLine two" survives. A lone `<` that starts no tag
 * ("a < b") is text.
 *
 * A single forward scan, linear in the input: unterminated tags and comments swallow the rest of
 * the input (as browsers do) instead of being retried at every later `<`.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<')) return tidy(decodeEntities(html).replace(/\r\n?/g, '\n'))

  const segments: Segment[] = []
  let structured = false
  let textStart = 0
  const scanner = new RegExp(TAG_START)
  let match: RegExpExecArray | null
  while ((match = scanner.exec(html)) !== null) {
    const start = match.index
    const [, slash, tagName, comment, cdata] = match
    if (start > textStart) segments.push(html.slice(textStart, start))
    let end: number
    if (tagName !== undefined) {
      end = tagEnd(html, scanner.lastIndex)
      const name = tagName.toLowerCase()
      const selfClosing = html.charCodeAt(end - 2) === SLASH
      if (slash === '' && DROPPED.has(name) && !selfClosing) {
        end = closingTagEnd(html, name, end)
      } else if (PARAGRAPHS.has(name)) {
        structured = true
        segments.push(PARAGRAPH_BREAK)
      } else if (name === 'br') {
        structured = true
        segments.push(BR)
      } else if (LINES.has(name)) {
        structured = true
        segments.push(LINE_BREAK)
        if (name === 'li' && slash === '') segments.push('• ')
      } else if (name === 'td' || name === 'th') {
        segments.push(' ')
      }
    } else if (comment !== undefined) {
      end = sectionEnd(html, COMMENT_END, scanner.lastIndex)
    } else if (cdata !== undefined) {
      // HTML has no CDATA, but feeds double-wrap: the markers go, the inside is read as HTML.
      end = scanner.lastIndex
    } else {
      end = tagEnd(html, scanner.lastIndex) // <!DOCTYPE ...>, <?php ... ?>
    }
    textStart = end
    scanner.lastIndex = end
  }
  if (textStart < html.length) segments.push(html.slice(textStart))

  const text: string[] = []
  // Adjacent block boundaries (`</li><li>`, `</div><p>`) make one break; each `<br>` counts.
  let newlines = 0
  for (const segment of segments) {
    if (segment === LINE_BREAK) newlines = Math.max(newlines, 1)
    else if (segment === PARAGRAPH_BREAK) newlines = 2
    else if (segment === BR) newlines = Math.min(newlines + 1, 2)
    else {
      const decoded = decodeEntities(segment.replaceAll(']]>', ''))
      // With block-level markup, source line breaks are just whitespace, as in a browser.
      const flowed = structured ? decoded.replace(/[ \t\n\r\f]+/g, ' ') : decoded
      if (newlines > 0 && flowed.trim() !== '') {
        text.push(newlines === 2 ? '\n\n' : '\n')
        newlines = 0
      }
      text.push(flowed)
    }
  }
  return tidy(text.join('').replace(/\r\n?/g, '\n'))
}

/** htmlToText on one line: for titles, names and other single-line fields. */
export function inlineText(html: string): string {
  return htmlToText(html).replace(/\s*\n\s*/g, ' ')
}

// C0 controls other than tab and newline, and DEL: invalid in XML 1.0, yet they turn up in feeds.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

function tidy(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[ \t\f\u00A0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const SLASH = 47
const GREATER_THAN = 62
const EQUALS = 61
const QUOTE = 34
const APOSTROPHE = 39

/** Index just past the `>` closing a tag whose name ends at `from`; attribute values may hold `>`. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i)
    if (code === GREATER_THAN) return i + 1
    if ((code === QUOTE || code === APOSTROPHE) && afterEquals) {
      const close = html.indexOf(code === QUOTE ? '"' : "'", i + 1)
      // An unterminated attribute value swallows the rest of the input, as it does in browsers.
      if (close === -1) return html.length
      i = close
      afterEquals = false
    } else if (code === EQUALS) {
      afterEquals = true
    } else if (code !== 32 && code !== 9 && code !== 10 && code !== 13) {
      afterEquals = false
    }
  }
  return html.length
}

function sectionEnd(html: string, terminator: RegExp, from: number): number {
  const scanner = new RegExp(terminator)
  scanner.lastIndex = from
  return scanner.exec(html) ? scanner.lastIndex : html.length
}

/** Index just past `</name>`; the end of input when the element is never closed. */
function closingTagEnd(html: string, name: string, from: number): number {
  let closing = closingTags.get(name)
  if (!closing) {
    closing = new RegExp(`</${name}(?=[\\s/>])`, 'gi')
    closingTags.set(name, closing)
  }
  closing.lastIndex = from
  return closing.exec(html) ? tagEnd(html, closing.lastIndex) : html.length
}
