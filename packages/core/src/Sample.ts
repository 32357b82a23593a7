/**
 * A small sample directory and appeal for examples, tutorials and tests: one district of Tashkent
 * (Yunusobod) with two mahallas, two prevention inspectors, a senior inspector and the district
 * chief. The codes follow the SOATO pattern but the people are invented. The service checks every
 * location code and officer against the directory, so an example needs one.
 *
 * @example
 * import { Actor, AppealService, Sample } from "@murojaat/core"
 * import { Effect } from "effect"
 * const r = Effect.runSync(Effect.provide(AppealService.submit(Sample.intake, Actor.applicant("user-1")), AppealService.layerMemory(Sample.directory)))
 * r.state.status // "registered"
 */
import { Schema } from "effect"
import * as Appeal from "./Appeal.js"
import * as Directory from "./Directory.js"
import * as I18n from "./I18n.js"

/**
 * The sample directory: region 1726, district 1726262, mahallas 1726262-001 (Bodomzor) and
 * 1726262-002 (Minor); officers O-101 (inspector of 001), O-102 (inspector of 002), O-201 (senior
 * inspector) and O-301 (district chief).
 *
 * @example
 * import { Sample } from "@murojaat/core"
 * Sample.directory.officers.map((o) => o.id) // ["O-101", "O-102", "O-201", "O-301"]
 *
 * @since 0.1.0
 * @category data
 */
export const directory: Directory.Directory = Schema.decodeUnknownSync(Directory.Directory)({
  regions: [{ code: "1726", name: I18n.text("Toshkent shahri", "Тошкент шаҳри", "город Ташкент", "Tashkent city") }],
  districts: [
    { code: "1726262", regionCode: "1726", name: I18n.text("Yunusobod tumani", "Юнусобод тумани", "Юнусабадский район", "Yunusobod district") }
  ],
  mahallas: [
    { code: "1726262-001", districtCode: "1726262", name: I18n.text("Bodomzor", "Бодомзор", "Бадамзар", "Bodomzor") },
    { code: "1726262-002", districtCode: "1726262", name: I18n.text("Minor", "Минор", "Минор", "Minor") }
  ],
  officers: [
    { id: "O-101", name: "A. Karimov", roles: ["preventionInspector"], districtCode: "1726262", mahallas: ["1726262-001"], duty: [], absences: [], conflicts: [] },
    { id: "O-102", name: "B. Tursunova", roles: ["preventionInspector"], districtCode: "1726262", mahallas: ["1726262-002"], duty: [], absences: [], conflicts: [] },
    { id: "O-201", name: "D. Rahimov", roles: ["seniorInspector"], districtCode: "1726262", mahallas: [], duty: [], absences: [], conflicts: [] },
    { id: "O-301", name: "M. Hasanov", roles: ["districtChief"], districtCode: "1726262", mahallas: [], duty: [], absences: [], conflicts: [] }
  ]
})

/**
 * A sample appeal as a citizen's app sends it: an application about street lights in Bodomzor.
 *
 * @example
 * import { Sample } from "@murojaat/core"
 * Sample.intake.location.mahallaCode // "1726262-001"
 *
 * @since 0.1.0
 * @category data
 */
export const intake: Appeal.IntakeEncoded = {
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicant: {
    type: "individual",
    surname: "Aliyev",
    name: "Bobur",
    residence: "Bodomzor 5",
    contact: { phone: "+998901112233" },
    consent: { given: true, form: "electronic" }
  },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
  text: { body: "Koʻchamizdagi chiroqlar kechasi yonmaydi, bolalar qorongʻida maktabdan qaytishadi." }
}
