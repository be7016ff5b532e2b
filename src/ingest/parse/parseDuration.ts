const NUMBER = String.raw`\d+(?:\.\d+)?`
const SECONDS = new RegExp(`^${NUMBER}$`)
const ISO_8601 = new RegExp(
  `^P(?:(${NUMBER})D)?(?:T(?:(${NUMBER})H)?(?:(${NUMBER})M)?(?:(${NUMBER})S)?)?$`,
  'i',
)
const WITH_UNITS = new RegExp(
  `^(?:(${NUMBER}) ?h(?:ours?|rs?)?\\.?)? ?(?:(${NUMBER}) ?m(?:in(?:ute)?s?)?\\.?)? ?` +
    `(?:(${NUMBER}) ?s(?:ec(?:ond)?s?)?\\.?)?$`,
  'i',
)

/**
 * Reads `itunes:duration` in every form feeds use: seconds ("3600", "3600.5"), MM:SS ("61:05"),
 * H:MM:SS ("1:02:03", "1:02:03.5"), ISO 8601 ("PT1H2M3S") and the occasional "1h 2m 3s" or
 * "45 min". Clock fields are added up arithmetically, whatever their size: real feeds carry
 * "00:60:05" (an hour and five seconds) and "1:75" (two minutes fifteen), and their players play
 * them so. Whole seconds, rounded; null when it is none of these forms (the caller stores unknown,
 * never a made-up 0). Zero is returned as zero: whether that means "unknown" is the caller's call.
 */
export function parseDuration(input: string): number | null {
  const value = input.trim().replace(/\s+/g, ' ')
  if (value === '') return null
  if (SECONDS.test(value)) return whole(Number(value))

  const clock = value.split(':')
  if (clock.length === 2 || clock.length === 3) {
    if (!clock.every((part, i) => (i === clock.length - 1 ? SECONDS : /^\d+$/).test(part))) {
      return null
    }
    return whole(clock.reduce((total, part) => total * 60 + Number(part), 0))
  }

  const iso = ISO_8601.exec(value)
  if (iso && iso.slice(1).some(Boolean) && !value.toUpperCase().endsWith('T')) {
    const [, days, hours, minutes, seconds] = iso.map((part) => Number(part ?? 0))
    return whole((days ?? 0) * 86400 + (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0))
  }

  const units = WITH_UNITS.exec(value)
  if (units && units.slice(1).some(Boolean)) {
    const [, hours, minutes, seconds] = units.map((part) => Number(part ?? 0))
    return whole((hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0))
  }
  return null
}

function whole(seconds: number): number | null {
  const rounded = Math.round(seconds)
  return Number.isSafeInteger(rounded) ? rounded : null
}
