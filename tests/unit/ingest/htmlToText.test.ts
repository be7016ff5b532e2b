import { describe, expect, it } from '@jest/globals'

import { htmlToText, inlineText } from '../../../src/ingest/parse/htmlToText'

describe('htmlToText', () => {
  it('separates paragraphs with a blank line and keeps <br> as a line break', () => {
    expect(htmlToText('<p>One <b>bold</b> line.</p><p>Two<br>lines</p>')).toBe(
      'One bold line.\n\nTwo\nlines',
    )
    expect(htmlToText('a<br/><br />b')).toBe('a\n\nb')
    expect(htmlToText('<h2>Notes</h2><div>first</div><div>second</div>')).toBe(
      'Notes\n\nfirst\nsecond',
    )
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>after')).toBe('• one\n• two\n\nafter')
  })

  it('drops scripts, styles and comments with their content', () => {
    expect(
      htmlToText(
        '<p>Hi</p><script>document.write("<p>evil</p>")</script><style>p{color:red}</style>' +
          '<!-- <p>hidden</p> --><SCRIPT type="x">alert(1)</SCRIPT >there',
      ),
    ).toBe('Hi\n\nthere')
    expect(htmlToText('ok <script>never closed <p>at all')).toBe('ok')
  })

  it('decodes entities, including escaped markup that is meant as text', () => {
    expect(
      htmlToText('Fish &amp; chips &mdash; &quot;caf&eacute;&quot; &#8217; &#x2019; &#146;'),
    ).toBe('Fish & chips — "café" ’ ’ ’')
    expect(htmlToText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe(
      '<script>alert(1)</script>',
    )
    expect(htmlToText('a&nbsp;&nbsp;b &unknown; c')).toBe('a b &unknown; c')
  })

  it('collapses whitespace in HTML but keeps the line breaks of plain text', () => {
    expect(htmlToText('<p>one\n   two</p>\n\n<p>three</p>')).toBe('one two\n\nthree')
    expect(htmlToText('Plain line one\n\n\n\nPlain   line two\r\nthree')).toBe(
      'Plain line one\n\nPlain line two\nthree',
    )
    expect(htmlToText('with <a href="https://x.test">a link</a>\nand a new line')).toBe(
      'with a link\nand a new line',
    )
  })

  it('treats a < that starts no tag as text, and attribute values may contain >', () => {
    expect(htmlToText('3 < 5 and 7 > 2')).toBe('3 < 5 and 7 > 2')
    expect(htmlToText("<a title=\"a > b\" href='x'>link</a> <img alt=Don't src=x> end")).toBe(
      'link end',
    )
  })

  it('reads Arabic HTML', () => {
    expect(htmlToText('<p>مرحبا <strong>بالعالم</strong></p>\n<p>الفقرة&nbsp;الثانية</p>')).toBe(
      'مرحبا بالعالم\n\nالفقرة الثانية',
    )
  })

  it('stays linear on hostile input', () => {
    const started = performance.now()
    htmlToText('<a "x '.repeat(100_000))
    htmlToText('<script>'.repeat(100_000))
    htmlToText('<!--'.repeat(100_000))
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('inlineText', () => {
  it('puts everything on one line', () => {
    expect(inlineText('<b>Episode 5</b>:<br>The &quot;End&quot;')).toBe('Episode 5: The "End"')
  })
})
