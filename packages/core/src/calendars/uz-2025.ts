/**
 * Uzbekistan, 2025: movable holidays, extra days off and transfers, for the 5-day and 6-day week.
 *
 * What is confirmed and from where is written on each entry. Not confirmed: the registration
 * numbers of the 2025 resolutions (the texts were read from press reports of them, not from
 * lex.uz), and that no other act changed 2025 (none was found; 9 May, 1 Oct and 8 Dec 2025 fell on
 * working days and no extra day was found for them).
 */
import type { Year } from "../Calendar.js"

const ART_208 = "Labour Code Art. 208 (weekly rest day that falls on a holiday moves to the next working day)"
const NEW_YEAR_2025 =
  "Presidential resolution of 24 Dec 2024 on an additional day off and a transfer for the New Year (number not confirmed; reported by uznews.uz, 24 Dec 2024)"
const RAMAZON_2025 = "Presidential resolution 'On celebrating Ramazon hayiti' of March 2025 (number not confirmed; reported by kun.uz, 26 Mar 2025)"
const QURBON_2025 = "Presidential resolution 'On celebrating Qurbon hayiti' of 31 May 2025 (number not confirmed; reported by Sputnik, 31 May 2025)"
const PF_257 = "Presidential decree PF-257 of 24 Dec 2025 (extra days off in 2025-2026)"

/** The year 2025. */
export const uzbekistan2025: Year = {
  year: 2025,
  source: `${NEW_YEAR_2025}; ${RAMAZON_2025}; ${QURBON_2025}; ${PF_257}; ${ART_208}`,
  note:
    "Document numbers of the 2025 resolutions are not confirmed (read from press reports). No extra days off for Independence Day 2025 (Ministry of Poverty Reduction and Employment, Sputnik 21 Aug 2025). No other 2025 act was found; its absence is not confirmed.",
  entries: [
    { date: "2025-01-02", kind: "transferredDayOff", weeks: ["fiveDay"], from: "2025-01-04", name: "Rest day moved from Saturday 4 Jan (New Year)", source: NEW_YEAR_2025 },
    { date: "2025-01-02", kind: "extraDayOff", weeks: ["sixDay"], name: "Extra day off (New Year)", source: NEW_YEAR_2025 },
    { date: "2025-01-04", kind: "workingDay", weeks: ["fiveDay"], from: "2025-01-02", name: "Worked Saturday (pays for 2 Jan)", source: NEW_YEAR_2025 },
    { date: "2025-03-10", kind: "transferredDayOff", weeks: ["fiveDay"], from: "2025-03-08", name: "Rest day moved from Saturday 8 Mar (Women's Day)", source: ART_208, note: "Confirmed by Ministry of Justice notices reported in the press (xabardor.uz); a working day in the 6-day week." },
    { date: "2025-03-30", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti", source: RAMAZON_2025 },
    { date: "2025-03-31", kind: "transferredDayOff", weeks: ["fiveDay", "sixDay"], from: "2025-03-30", name: "Rest day moved from Sunday 30 Mar (Ramazon hayiti)", source: `${ART_208}; ${RAMAZON_2025}` },
    { date: "2025-06-06", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Qurbon hayiti", source: QURBON_2025 },
    { date: "2025-06-07", kind: "extraDayOff", weeks: ["sixDay"], name: "Extra day off (Qurbon hayiti)", source: QURBON_2025 },
    { date: "2025-12-31", kind: "extraDayOff", weeks: ["fiveDay", "sixDay"], name: "Extra day off (New Year's Eve)", source: PF_257 }
  ]
}
