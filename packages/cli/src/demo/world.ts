/**
 * The demo world: one district of Tashkent with two mahallas and its officers. Used by
 * `murojaat demo` and the reference service's zero-setup start; names and codes are illustrative.
 */
import { Directory, I18n } from "@murojaat/core"
import { Schema } from "effect"

const officer = (id: string, name: string, roles: ReadonlyArray<Directory.OfficerRole>, mahallas: ReadonlyArray<string>) => ({
  id,
  name,
  roles,
  districtCode: "1726262",
  mahallas,
  duty: [],
  absences: [],
  conflicts: []
})

/** The demo directory. */
export const demoDirectory: Directory.Directory = Schema.decodeUnknownSync(Directory.Directory)({
  regions: [{ code: "1726", name: I18n.text("Toshkent shahri", "Тошкент шаҳри", "город Ташкент", "Tashkent city") }],
  districts: [{ code: "1726262", regionCode: "1726", name: I18n.text("Yunusobod tumani", "Юнусобод тумани", "Юнусабадский район", "Yunusobod district") }],
  mahallas: [
    { code: "1726262-001", districtCode: "1726262", name: I18n.text("Bodomzor", "Бодомзор", "Бадамзар", "Bodomzor"), rank: "yellow" },
    { code: "1726262-002", districtCode: "1726262", name: I18n.text("Minor", "Минор", "Минор", "Minor"), rank: "green" }
  ],
  officers: [
    officer("O-101", "A. Karimov", ["preventionInspector"], ["1726262-001"]),
    officer("O-102", "B. Rasulov", ["preventionInspector"], ["1726262-002"]),
    officer("O-103", "D. Yusupova", ["womensAffairsInspector"], ["1726262-001", "1726262-002"]),
    officer("O-104", "S. Aliyev", ["juvenileInspector"], ["1726262-001", "1726262-002"]),
    officer("O-201", "J. Tursunov", ["seniorInspector"], []),
    officer("O-301", "M. Hasanov", ["districtChief"], [])
  ]
})
