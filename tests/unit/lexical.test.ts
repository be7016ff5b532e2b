import { describe, expect, it } from '@jest/globals'

import { lexicalToPlainText, plainTextToLexical } from '../../src/lib/lexical'

describe('lexical helpers', () => {
  it('make one paragraph per block and read the text back', () => {
    const doc = plainTextToLexical('First  paragraph\nstill first.\n\nSecond one.')
    expect(doc.root.children).toHaveLength(2)
    expect(lexicalToPlainText(doc)).toBe('First paragraph still first.\n\nSecond one.')
  })

  it('mark Arabic text right-to-left', () => {
    const doc = plainTextToLexical('مرحبا', 'rtl')
    expect(doc.root.direction).toBe('rtl')
    expect(doc.root.children[0]!.direction).toBe('rtl')
  })

  it('read nothing from empty or foreign values', () => {
    expect(lexicalToPlainText(null)).toBe('')
    expect(lexicalToPlainText({ foo: 1 })).toBe('')
    expect(plainTextToLexical('  \n\n ').root.children).toEqual([])
  })
})
