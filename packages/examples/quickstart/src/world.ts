/**
 * The directory for the examples: the sample district that ships with the core (regions, districts,
 * mahallas and officers O-101 to O-301). A real app loads its own from its personnel system.
 */
import { type Appeal, Sample } from "@murojaat/core"

export const directory = Sample.directory

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
