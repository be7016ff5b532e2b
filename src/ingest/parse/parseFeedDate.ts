const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** Minutes east of UTC for the zone names RFC 822 defines and the unambiguous ones feeds add. */
const ZONES: ReadonlyMap<string, number> = new Map([
  ['UT', 0],
  ['UTC', 0],
  ['GMT', 0],
  ['Z', 0],
  ['WET', 0],
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  ['AKST', -540],
  ['AKDT', -480],
  ['HST', -600],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['MET', 60],
  ['CEST', 120],
  ['MEST', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['SGT', 480],
  ['HKT', 480],
  ['AWST', 480],
  ['JST', 540],
  ['KST', 540],
  ['ACST', 570],
  ['ACDT', 630],
  ['AEST', 600],
  ['AEDT', 660],
  ['NZST', 720],
  ['NZDT', 780],
])

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?(?: ?([ap])\.?m\.?)?`
const ZONE = String.raw`([a-z]{1,5}(?: ?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{1,2}(?::?\d{2})?)`

/** RFC 822 and its sloppy cousins: "Tue, 1 Oct 2019 14:30:00 PST", "01-Oct-19 2:30 pm +0200". */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:[a-z]+\.?,? ?)?(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]{3,9})\.?,?[ -](\d{2,4})` +
    String.raw`(?:[ ,T]+${TIME})?(?: ?${ZONE})?$`,
  'i',
)
/** JavaScript's Date#toString and US style: "Tue Oct 01 2019 14:30:00 GMT-0700", "October 1, 2019". */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^(?:[a-z]+\.?,? )?([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})` +
    String.raw`(?:[ ,T]+${TIME})?(?: ?${ZONE})?$`,
  'i',
)
/** ISO 8601 / RFC 3339, with a space for the T or slashes for the dashes. */
const ISO_8601 = new RegExp(
  String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?` +
    String.raw` ?(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$`,
  'i',
)

export interface FeedDate {
  date: Date
  /** The date named a time zone we do not know; it was read as UTC. */
  zoneGuessed: boolean
}

/**
 * Reads the dates feeds write: RFC 822 (named and numeric zones, two-digit years, any weekday or
 * none), ISO 8601, and common sloppy variants. Never falls back to `Date.parse`, whose result for
 * zone-less strings depends on the server's time zone. Null for anything else, for impossible
 * calendar dates, and for placeholders: years before 1900 (.NET's `0001-01-01`) and the Unix epoch.
 */
export function parseFeedDate(input: string): FeedDate | null {
  const value = input
    .trim()
    .replace(/ *\([^)]*\)$/, '') // "GMT-0700 (Pacific Daylight Time)"
    .replace(/\s+/g, ' ')
  let parts: Parts | null = null
  let match: RegExpExecArray | null
  if ((match = ISO_8601.exec(value))) {
    const [, year, month, day, hour, minute, second, zone] = match
    parts = { year, month: Number(month), day, hour, minute, second, meridiem: undefined, zone }
  } else if ((match = DAY_MONTH_YEAR.exec(value))) {
    const [, day, month, year, hour, minute, second, meridiem, zone] = match
    parts = { year, month: monthNumber(month), day, hour, minute, second, meridiem, zone }
  } else if ((match = MONTH_DAY_YEAR.exec(value))) {
    const [, month, day, year, hour, minute, second, meridiem, zone] = match
    parts = { year, month: monthNumber(month), day, hour, minute, second, meridiem, zone }
  }
  return parts ? toDate(parts) : null
}

interface Parts {
  year: string | undefined
  month: number
  day: string | undefined
  hour: string | undefined
  minute: string | undefined
  second: string | undefined
  meridiem: string | undefined
  zone: string | undefined
}

function monthNumber(name: string | undefined): number {
  const word = (name ?? '').toLowerCase()
  return MONTHS.findIndex((month) => month.startsWith(word)) + 1
}

function toDate(parts: Parts): FeedDate | null {
  let year = Number(parts.year)
  // RFC 2822 section 4.3: two-digit years below 50 are 20xx, three-digit ones count from 1900.
  if (parts.year?.length === 2) year += year < 50 ? 2000 : 1900
  else if (parts.year?.length === 3) year += 1900
  const { month } = parts
  const day = Number(parts.day)
  let hour = Number(parts.hour ?? 0)
  const minute = Number(parts.minute ?? 0)
  const second = Math.min(Number(parts.second ?? 0), 59) // leap second
  if (parts.meridiem) {
    if (hour < 1 || hour > 12) return null
    hour = (hour % 12) + (parts.meridiem.toLowerCase() === 'p' ? 12 : 0)
  }
  if (year < 1900 || month < 1 || month > 12 || hour > 23 || minute > 59) return null
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null

  const offset = zoneOffset(parts.zone)
  const time = Date.UTC(year, month - 1, day, hour, minute, second) - (offset ?? 0) * 60_000
  if (time === 0) return null
  return { date: new Date(time), zoneGuessed: offset === null }
}

/** Minutes east of UTC; 0 without a zone; null for a zone name we cannot place. */
function zoneOffset(zone: string | undefined): number | null {
  if (zone === undefined) return 0
  const numeric = /^([a-z]*) ?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone)
  if (numeric) {
    const [, name = '', sign, hours, minutes] = numeric
    if (name !== '' && ZONES.get(name.toUpperCase()) !== 0) return null
    const offset = Number(hours) * 60 + Number(minutes ?? 0)
    return offset > 14 * 60 ? null : sign === '-' ? -offset : offset
  }
  return ZONES.get(zone.toUpperCase()) ?? null
}
