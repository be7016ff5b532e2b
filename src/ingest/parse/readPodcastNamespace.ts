import type { FeedContext } from './FeedContext'
import { httpUrl } from './httpUrl'
import { readInline } from './readHtml'
import type { FeedPerson, FeedTranscript } from './types'
import { attr, child, childrenOf, type XmlElement } from './XmlElement'

/** Most useful first: timed captions (players show them, search can cite a moment), then text. */
const TRANSCRIPT_PREFERENCE = [
  'text/vtt',
  'application/x-subrip',
  'application/srt',
  'text/srt',
  'text/plain',
  'text/html',
  'application/json',
]

const MAX_PEOPLE = 50
const MAX_TEXT = 200

/**
 * The item's `podcast:transcript` to keep (Podcasting 2.0): of those with an http(s) URL, the
 * first of the most useful type (VTT, SRT, plain text, HTML, JSON, then anything else).
 */
export function readTranscript(
  element: XmlElement,
  base: string | null,
  context: FeedContext,
  where: string,
): FeedTranscript | null {
  const candidates: FeedTranscript[] = []
  for (const tag of childrenOf(element, 'podcast:transcript')) {
    const url = httpUrl(attr(tag, 'url'), base)
    if (!url) {
      context.warn(where, 'podcast:transcript without an http(s) url; ignored')
      continue
    }
    const type = attr(tag, 'type')?.toLowerCase().split(';')[0]?.trim() || null
    candidates.push({ url, type })
  }
  const rank = (type: string | null) => {
    const index = TRANSCRIPT_PREFERENCE.indexOf(type ?? '')
    return index === -1 ? TRANSCRIPT_PREFERENCE.length : index
  }
  // A stable sort: among equals, the feed's order wins.
  return candidates.sort((a, b) => rank(a.type) - rank(b.type))[0] ?? null
}

/** `podcast:chapters`' URL (a JSON chapters file), or null. */
export function readChaptersUrl(element: XmlElement, base: string | null): string | null {
  return httpUrl(attr(child(element, 'podcast:chapters'), 'url'), base)
}

/**
 * `podcast:person` tags: the name is the text, `role` defaults to "host" as the namespace says,
 * `href` kept when it is an http(s) URL. Empty names are skipped; at most 50 people.
 */
export function readPeople(element: XmlElement, base: string | null): FeedPerson[] {
  const people: FeedPerson[] = []
  for (const tag of childrenOf(element, 'podcast:person')) {
    const name = readInline(tag)?.slice(0, MAX_TEXT)
    if (!name) continue
    people.push({
      name,
      role: (attr(tag, 'role') ?? 'host').toLowerCase().slice(0, MAX_TEXT),
      href: httpUrl(attr(tag, 'href'), base),
    })
    if (people.length === MAX_PEOPLE) break
  }
  return people
}
