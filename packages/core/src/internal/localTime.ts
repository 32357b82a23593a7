/**
 * The one home of local (Asia/Tashkent) time: civil dates as integer day numbers (days since
 * 1970-01-01), instants as epoch milliseconds, and the fixed UTC+5 offset between them.
 *
 * Tashkent has kept UTC+5 without daylight saving since 1992, so a fixed offset is exact for every
 * year the core accepts, and no time-zone database (nor the host's zone) is consulted. Effect's
 * `DateTime` with `zoneMakeOffset(5 * 3_600_000)` gives the same answers; plain integer arithmetic
 * is used here because the deadline engine calls these functions millions of times in bulk jobs
 * and they must not allocate (see docs/performance.md, Deadlines).
 *
 * Everything that counts days or hours (Calendar, Deadline, IdGenerator, the lifecycle's month
 * terms, Assignment's working time) goes through this module.
 */

/** Offset of Asia/Tashkent from UTC in milliseconds (UTC+5, no daylight saving since 1992). */
export const OFFSET_MS = 5 * 3_600_000
export const MS_PER_HOUR = 3_600_000
export const MS_PER_DAY = 86_400_000

/** The day number of a civil date (H. Hinnant's `days_from_civil`), any proleptic Gregorian date. */
export const dayFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date `[year, month, day]` of a day number (H. Hinnant's `civil_from_days`). */
export const civilFromDay = (dayNumber: number): readonly [number, number, number] => {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d] as const
}

export const pad2 = (n: number): string => (n < 10 ? "0" + n : String(n))

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export const isoFromDay = (dayNumber: number): string => {
  const [y, m, d] = civilFromDay(dayNumber)
  return `${y}-${pad2(m)}-${pad2(d)}`
}

export const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day number of an ISO date, or `undefined` when the text is not a real date (`2026-02-30`). */
export const dayFromIso = (iso: string): number | undefined => {
  const m = ISO_DATE.exec(iso)
  if (m === null) return undefined
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined
  return dayFromCivil(y, mo, d)
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export const weekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1

/**
 * Adds calendar months the Civil Code way: the same date in the target month, or the last day of
 * that month when it has no such date (31 Jan + 1 month = 28/29 Feb).
 */
export const addMonths = (dayNumber: number, months: number): number => {
  const [y, m, d] = civilFromDay(dayNumber)
  const total = y * 12 + (m - 1) + months
  const ty = Math.floor(total / 12)
  const tm = total - ty * 12 + 1
  return dayFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)))
}

/** The Tashkent-local day number of an instant (epoch ms). */
export const localDay = (epochMs: number): number => Math.floor((epochMs + OFFSET_MS) / MS_PER_DAY)

/** Milliseconds since local (Tashkent) midnight of an instant. */
export const localTimeOfDay = (epochMs: number): number => {
  const t = (epochMs + OFFSET_MS) % MS_PER_DAY
  return t < 0 ? t + MS_PER_DAY : t
}

/** The instant (epoch ms) of a Tashkent-local day number plus milliseconds after midnight. */
export const instantOf = (dayNumber: number, msOfDay: number): number => dayNumber * MS_PER_DAY + msOfDay - OFFSET_MS

/**
 * Adds calendar months to an instant in Tashkent time: the local date moves as {@link addMonths}
 * (clamped to the month's last day), the local time of day stays.
 */
export const addMonthsToInstant = (epochMs: number, months: number): number =>
  instantOf(addMonths(localDay(epochMs), months), localTimeOfDay(epochMs))

/** The Tashkent calendar year of an instant (epoch ms). */
export const localYear = (epochMs: number): number => civilFromDay(localDay(epochMs))[0]

/** Milliseconds after midnight of a local `HH:MM` (no validation: decode it first). */
export const msOfHhmm = (hhmm: string): number => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

/**
 * Parses an ISO date or date-time to epoch milliseconds. A value without an offset is read as
 * Tashkent local time (never the host's zone); a bare date is local midnight. `undefined` when it
 * is not a real time.
 */
export const parseInstant = (text: string): number | undefined => {
  const fast = parseUsual(text)
  return fast !== undefined ? fast : parseAny(text)
}

// The digit at `i`, or -1.
const digitAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}
const twoDigits = (text: string, i: number): number => {
  const a = digitAt(text, i), b = digitAt(text, i + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}

// The two forms nearly every instant has (`toISOString`'s `YYYY-MM-DDTHH:MM:SS.sssZ` and
// `formatInstant`'s `YYYY-MM-DDTHH:MM:SS+05:00`), read digit by digit: the deadline engine parses
// the same few instants many times per appeal, and the regular expression was most of its cost.
// The same checks and arithmetic as `parseAny`; anything else is left to it (`undefined`).
const parseUsual = (text: string): number | undefined => {
  const n = text.length
  const utc = n === 24 && text.charCodeAt(19) === 46 /* . */ && text.charCodeAt(23) === 90 /* Z */
  if (!utc && !(n === 25 && text.endsWith("+05:00"))) return undefined
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined
  const y = twoDigits(text, 0) * 100 + twoDigits(text, 2)
  const mo = twoDigits(text, 5), d = twoDigits(text, 8), hh = twoDigits(text, 11), mi = twoDigits(text, 14), ss = twoDigits(text, 17)
  if (twoDigits(text, 0) < 0 || twoDigits(text, 2) < 0 || mo < 0 || d < 0 || hh < 0 || mi < 0 || ss < 0) return undefined
  let ms = 0
  if (utc) {
    const a = digitAt(text, 20), b = digitAt(text, 21), c = digitAt(text, 22)
    if (a < 0 || b < 0 || c < 0) return undefined
    ms = a * 100 + b * 10 + c
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined
  if (hh > 24 || mi > 59 || ss > 59 || (hh === 24 && (mi > 0 || ss > 0 || ms > 0))) return undefined
  return dayFromCivil(y, mo, d) * MS_PER_DAY + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - (utc ? 0 : OFFSET_MS)
}

const parseAny = (text: string): number | undefined => {
  const m = ISO_INSTANT.exec(text.trim())
  if (m === null) return undefined
  const day = dayFromIso(m[1]!)
  if (day === undefined) return undefined
  const hh = m[2] === undefined ? 0 : Number(m[2])
  const mi = m[3] === undefined ? 0 : Number(m[3])
  const ss = m[4] === undefined ? 0 : Number(m[4])
  const ms = m[5] === undefined ? 0 : Math.floor(Number(`0.${m[5]}`) * 1000)
  if (hh > 24 || mi > 59 || ss > 59 || (hh === 24 && (mi > 0 || ss > 0 || ms > 0))) return undefined
  let offsetMs = OFFSET_MS
  const z = m[6]
  if (z !== undefined) {
    if (z === "Z") offsetMs = 0
    else {
      const sign = z[0] === "-" ? -1 : 1
      const digits = z.slice(1).replace(":", "")
      const oh = Number(digits.slice(0, 2)), om = Number(digits.slice(2, 4))
      if (oh > 18 || om > 59) return undefined
      offsetMs = sign * (oh * 60 + om) * 60_000
    }
  }
  return day * MS_PER_DAY + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - offsetMs
}

/** Formats an instant as ISO 8601 in Tashkent time with an explicit `+05:00` offset (whole seconds). */
export const formatInstant = (epochMs: number): string => {
  const t = localTimeOfDay(epochMs)
  const h = Math.floor(t / 3_600_000), mi = Math.floor((t % 3_600_000) / 60_000), s = Math.floor((t % 60_000) / 1000)
  return `${isoFromDay(localDay(epochMs))}T${pad2(h)}:${pad2(mi)}:${pad2(s)}+05:00`
}
