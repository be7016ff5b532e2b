import { normalizeLanguageCode } from '../../lib/languageCodes'
import { parseDuration } from './parseDuration'
import { parseExplicit } from './parseExplicit'
import { parseFeedDate } from './parseFeedDate'
import { parseNonNegativeInteger } from './parseNonNegativeInteger'
import type { SkipReason } from './types'

/** Dates further ahead than this are mistakes (or scheduled items leaking early), not releases. */
const FUTURE_TOLERANCE_MS = 2 * 24 * 60 * 60 * 1000

export interface ItemIdentity {
  title: string | null
  guid: string | null
  enclosureUrl: string | null
  link: string | null
}

/**
 * The state of one parse (warnings, skipped items, the ids seen so far) and the rules for values
 * that can be wrong: each helper returns null for a value it cannot trust and records why, naming
 * where it was found (`feed`, `item "1600-2823"`).
 */
export class FeedContext {
  readonly warnings: string[] = []
  readonly skipped: Partial<Record<SkipReason, number>> = {}
  private readonly seenIds = new Set<string>()

  constructor(private readonly now: Date) {}

  warn(where: string, message: string): void {
    this.warnings.push(`${where}: ${message}`)
  }

  /**
   * The item's externalId, or null (counted in `skipped`) when the item must be left out: it has
   * nothing to show, nothing stable to be recognised by on the next fetch, or its id was taken by
   * an earlier item (the first one wins, as podcast apps do).
   */
  admit({ title, guid, enclosureUrl, link }: ItemIdentity): string | null {
    if (!title && !enclosureUrl && !link) return this.skip('no title or link or enclosure')
    const id = guid ?? enclosureUrl ?? link
    if (!id) return this.skip('no stable id')
    if (this.seenIds.has(id)) return this.skip('duplicate guid')
    this.seenIds.add(id)
    return id
  }

  /** An ISO timestamp, or null for a missing, unreadable or far-future date. */
  date(raw: string | null, where: string): string | null {
    if (raw === null) return null
    const parsed = parseFeedDate(raw)
    if (!parsed) {
      this.warn(where, `unreadable date ${quote(raw)} ignored`)
      return null
    }
    if (parsed.date.getTime() > this.now.getTime() + FUTURE_TOLERANCE_MS) {
      this.warn(where, `date ${quote(raw)} is in the future; ignored`)
      return null
    }
    if (parsed.zoneGuessed) this.warn(where, `unknown time zone in ${quote(raw)}; read as UTC`)
    return parsed.date.toISOString()
  }

  /** Whole seconds, or null. Zero is a placeholder for "unknown" in real feeds, not a length. */
  duration(raw: string | null, where: string): number | null {
    if (raw === null) return null
    const seconds = parseDuration(raw)
    if (seconds === null) this.warn(where, `unknown duration format ${quote(raw)}; ignored`)
    else if (seconds === 0) this.warn(where, `duration ${quote(raw)} is zero; treated as unknown`)
    return seconds || null
  }

  explicit(raw: string | null, where: string): boolean | null {
    if (raw === null) return null
    const explicit = parseExplicit(raw)
    if (explicit === null) this.warn(where, `unknown explicit value ${quote(raw)}; ignored`)
    return explicit
  }

  /** A season or episode number: the first of `candidates` that is a whole number. */
  number(candidates: Array<string | null>, where: string, field: string): number | null {
    for (const raw of candidates) {
      if (raw === null) continue
      const value = parseNonNegativeInteger(raw)
      if (value !== null) return value
      this.warn(where, `${field} ${quote(raw)} is not a whole number; ignored`)
    }
    return null
  }

  language(raw: string | null, where: string): string | null {
    if (raw === null) return null
    const code = normalizeLanguageCode(raw)
    if (code === null) this.warn(where, `unknown language ${quote(raw)}; ignored`)
    return code
  }

  private skip(reason: SkipReason): null {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1
    return null
  }
}

function quote(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 59)}…` : raw)
}
