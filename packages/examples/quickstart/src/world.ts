/** A tiny directory for the examples: one district, one mahalla, an inspector and a chief. */
import { type Appeal, Directory, I18n } from "@murojaat/core"
import { Schema } from "effect"

export const directory = Schema.decodeUnknownSync(Directory.Directory)({
  regions: [{ code: "1726", name: I18n.text("Toshkent shahri", "Тошкент шаҳри", "город Ташкент", "Tashkent city") }],
  districts: [{ code: "1726262", regionCode: "1726", name: I18n.text("Yunusobod tumani", "Юнусобод тумани", "Юнусабадский район", "Yunusobod district") }],
  mahallas: [{ code: "1726262-001", districtCode: "1726262", name: I18n.text("Bodomzor", "Бодомзор", "Бадамзар", "Bodomzor") }],
  officers: [
    { id: "O-101", name: "A. Karimov", roles: ["preventionInspector"], districtCode: "1726262", mahallas: ["1726262-001"], duty: [], absences: [], conflicts: [] },
    { id: "O-301", name: "M. Hasanov", roles: ["districtChief"], districtCode: "1726262", mahallas: [], duty: [], absences: [], conflicts: [] }
  ]
})

/** What a citizen's app would send. */
export const appeal: Appeal.IntakeEncoded = {
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
  text: { body: "Koʻchamizdagi chiroqlar kechasi yonmaydi, bolalar qorongʻida maktabdan qaytishadi. Chora koʻrishingizni soʻrayman." }
}
