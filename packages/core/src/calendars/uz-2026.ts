/**
 * Uzbekistan, 2026: movable holidays, extra days off and transfers, for the 5-day and 6-day week.
 *
 * Decree PF-257 of 24 Dec 2025 "On additional non-working days during official celebrations and
 * transfers of days off in 2026": extra days off for everyone 2 Jan, 28-29 May, 31 Aug; for the
 * 6-day week also 3 Jan, 30 May and 31 Dec; in the 5-day week the rest days that fall on the 8 Mar,
 * 21 Mar and 9 May holidays move to Mon 9 Mar, Mon 23 Mar and Mon 11 May, and Saturday 12 Dec is
 * worked for a day off on 31 Dec. Hayit days: Ramazon hayiti Fri 20 Mar, Qurbon hayiti Wed 27 May.
 */
import type { Year } from "../Calendar.js"

const PF_257 = "Presidential decree PF-257 of 24 Dec 2025 (extra days off and transfers in 2026)"
const ART_208 = "Labour Code Art. 208 (weekly rest day that falls on a holiday moves to the next working day)"
const RAMAZON_2026 = "Presidential resolution on Ramazon hayiti 2026 (first day Fri 20 Mar; number not confirmed)"
const QURBON_2026 = "Presidential resolution on Qurbon hayiti 2026 (first day Wed 27 May; number not confirmed, date per the project's domain brief)"

/** The year 2026. */
export const uzbekistan2026: Year = {
  year: 2026,
  source: `${PF_257}; ${RAMAZON_2026}; ${QURBON_2026}; ${ART_208}`,
  note:
    "9 Mar is off in both weeks: PF-257 names the transfer for the 5-day week, and the Ministry of Justice notice of 6 Mar 2026 (Sunday 8 Mar falls on the rest day of both weeks) gives it to all under Art. 208. The resolution numbers of the two Hayit days are not confirmed.",
  entries: [
    { date: "2026-01-02", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off (New Year)", source: PF_257 },
    { date: "2026-01-03", kind: "extraDayOff", weeks: ["sixDay"], name: "Extra day off (New Year)", source: PF_257 },
    { date: "2026-03-09", kind: "transferredDayOff", weeks: ["fiveDay", "sixDay"], from: "2026-03-08", name: "Rest day moved from Sunday 8 Mar (Women's Day)", source: `${PF_257}; ${ART_208}` },
    { date: "2026-03-20", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti", source: RAMAZON_2026 },
    { date: "2026-03-23", kind: "transferredDayOff", weeks: ["fiveDay"], from: "2026-03-21", name: "Rest day moved from Saturday 21 Mar (Navroʻz)", source: `${PF_257}; ${ART_208}` },
    { date: "2026-05-11", kind: "transferredDayOff", weeks: ["fiveDay"], from: "2026-05-09", name: "Rest day moved from Saturday 9 May (Day of Remembrance)", source: `${PF_257}; ${ART_208}` },
    { date: "2026-05-27", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Qurbon hayiti", source: QURBON_2026 },
    { date: "2026-05-28", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off (Qurbon hayiti)", source: PF_257 },
    { date: "2026-05-29", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off (Qurbon hayiti)", source: PF_257 },
    { date: "2026-05-30", kind: "extraDayOff", weeks: ["sixDay"], name: "Extra day off (Qurbon hayiti)", source: PF_257 },
    { date: "2026-08-31", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off (Independence Day)", source: PF_257 },
    { date: "2026-12-12", kind: "workingDay", weeks: ["fiveDay"], from: "2026-12-31", name: "Worked Saturday (pays for 31 Dec)", source: PF_257 },
    { date: "2026-12-31", kind: "transferredDayOff", weeks: ["fiveDay"], from: "2026-12-12", name: "Rest day moved from Saturday 12 Dec (New Year's Eve)", source: PF_257 },
    { date: "2026-12-31", kind: "extraDayOff", weeks: ["sixDay"], name: "Extra day off (New Year's Eve)", source: PF_257 }
  ]
}
