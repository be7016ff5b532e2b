/**
 * Minimal Lexical rich-text documents from plain text, the shape Payload's lexical editor stores.
 * Used where content arrives as text (seed data, feed imports).
 */
export type LexicalDocument = {
  root: {
    type: 'root'
    children: LexicalParagraph[]
    direction: 'ltr' | 'rtl' | null
    format: ''
    indent: 0
    version: 1
  }
}

type LexicalParagraph = {
  type: 'paragraph'
  children: {
    type: 'text'
    text: string
    detail: 0
    format: 0
    mode: 'normal'
    style: ''
    version: 1
  }[]
  direction: 'ltr' | 'rtl' | null
  format: ''
  indent: 0
  textFormat: 0
  version: 1
}

/** One paragraph per blank-line-separated block; `rtl` for Arabic text. */
export function plainTextToLexical(
  text: string,
  direction: 'ltr' | 'rtl' = 'ltr',
): LexicalDocument {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  return {
    root: {
      type: 'root',
      direction,
      format: '',
      indent: 0,
      version: 1,
      children: paragraphs.map((paragraph) => ({
        type: 'paragraph',
        direction,
        format: '',
        indent: 0,
        textFormat: 0,
        version: 1,
        children: [
          {
            type: 'text',
            text: paragraph,
            detail: 0,
            format: 0,
            mode: 'normal',
            style: '',
            version: 1,
          },
        ],
      })),
    },
  }
}

type LexicalNode = { text?: unknown; children?: unknown }

/** The text of a Lexical document, paragraphs separated by blank lines (for search and summaries). */
export function lexicalToPlainText(doc: unknown): string {
  const root = (doc as { root?: LexicalNode } | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return ''
  const textOf = (node: LexicalNode): string =>
    typeof node.text === 'string'
      ? node.text
      : Array.isArray(node.children)
        ? (node.children as LexicalNode[]).map(textOf).join('')
        : ''
  return (root.children as LexicalNode[]).map(textOf).filter(Boolean).join('\n\n')
}
