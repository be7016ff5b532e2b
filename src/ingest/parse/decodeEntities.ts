import { HTML_ENTITIES } from './htmlEntities'

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g

/**
 * What browsers show for the C1 control range: text pasted from Word and saved as Windows-1252
 * reaches feeds as `&#146;` for an apostrophe.
 */
const WINDOWS_1252: ReadonlyMap<number, number> = new Map([
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x0192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x02c6],
  [0x89, 0x2030],
  [0x8a, 0x0160],
  [0x8b, 0x2039],
  [0x8c, 0x0152],
  [0x8e, 0x017d],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x02dc],
  [0x99, 0x2122],
  [0x9a, 0x0161],
  [0x9b, 0x203a],
  [0x9c, 0x0153],
  [0x9e, 0x017e],
  [0x9f, 0x0178],
])

function fromCodePoint(codePoint: number): string {
  const mapped = WINDOWS_1252.get(codePoint) ?? codePoint
  if (mapped === 0 || mapped > 0x10ffff || (mapped >= 0xd800 && mapped <= 0xdfff)) return '\uFFFD'
  return String.fromCodePoint(mapped)
}

/**
 * Decodes numeric and named character references in one pass, so `&amp;lt;` becomes `&lt;` and not
 * `<`. Only a fixed table is consulted: entities a document declares itself are never expanded
 * (parseXmlDocument refuses such documents anyway). Unknown names are left as they are.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(parseInt(decimal, 10))
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16))
    const named = name ?? ''
    // `&AMP;` and `&NBSP;` happen; exact case first so `&Eacute;` and `&eacute;` stay distinct.
    return HTML_ENTITIES.get(named) ?? HTML_ENTITIES.get(named.toLowerCase()) ?? reference
  })
}
