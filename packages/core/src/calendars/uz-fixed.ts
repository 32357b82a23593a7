/**
 * The fixed non-working holidays of Uzbekistan: the same month and day every year.
 *
 * Source: Labour Code of the Republic of Uzbekistan (ZRU-798 of 28 Oct 2022, in force since
 * 30 Apr 2023), list of non-working holidays; the two Hayit days are movable and are listed in each
 * year's data instead.
 */
import type { FixedHoliday } from "../Calendar.js"

const LABOUR_CODE = "Labour Code (ZRU-798), non-working holidays"

/** The seven fixed holidays. */
export const fixedHolidays: ReadonlyArray<FixedHoliday> = [
  { month: 1, day: 1, name: "Yangi yil (New Year)", source: LABOUR_CODE },
  { month: 3, day: 8, name: "Xotin-qizlar kuni (Women's Day)", source: LABOUR_CODE },
  { month: 3, day: 21, name: "Navroʻz bayrami", source: LABOUR_CODE },
  { month: 5, day: 9, name: "Xotira va qadrlash kuni (Day of Remembrance and Honour)", source: LABOUR_CODE },
  { month: 9, day: 1, name: "Mustaqillik kuni (Independence Day)", source: LABOUR_CODE },
  { month: 10, day: 1, name: "Oʻqituvchi va murabbiylar kuni (Teachers' Day)", source: LABOUR_CODE },
  { month: 12, day: 8, name: "Konstitutsiya kuni (Constitution Day)", source: LABOUR_CODE }
]
