/**
 * The demo world of the reference service: one district of Tashkent (Yunusobod) with five
 * mahallas, a prevention inspector for each, the district's women's affairs, juvenile and probation
 * inspectors, a senior inspector and the district chief; and the demo clients (an integration
 * portal with an Open311 api key, an auditor, an administration client). Names and codes are
 * illustrative; officer ids O-101 to O-104, O-201 and O-301 are those of `murojaat demo`.
 */
import { Directory, I18n } from "@murojaat/core"
import { Identity } from "@murojaat/http"
import { Schema } from "effect"

const district = "1726262"

const officer = (id: string, name: string, roles: ReadonlyArray<Directory.OfficerRole>, mahallas: ReadonlyArray<string>) => ({
  id,
  name,
  roles,
  districtCode: district,
  mahallas,
  duty: [],
  absences: [],
  conflicts: []
})

const mahalla = (n: string, latn: string, cyrl: string, ru: string, rank: Directory.MahallaRank) => ({
  code: `${district}-${n}`,
  districtCode: district,
  name: I18n.text(latn, cyrl, ru, latn),
  rank
})

const all = ["001", "002", "003", "004", "005"].map((n) => `${district}-${n}`)

/** The demo directory. */
export const directory: Directory.Directory = Schema.decodeUnknownSync(Directory.Directory)({
  regions: [{ code: "1726", name: I18n.text("Toshkent shahri", "Тошкент шаҳри", "город Ташкент", "Tashkent city") }],
  districts: [{ code: district, regionCode: "1726", name: I18n.text("Yunusobod tumani", "Юнусобод тумани", "Юнусабадский район", "Yunusobod district") }],
  mahallas: [
    mahalla("001", "Bodomzor", "Бодомзор", "Бадамзар", "yellow"),
    mahalla("002", "Minor", "Минор", "Минор", "green"),
    mahalla("003", "Ahmad Donish", "Аҳмад Дониш", "Ахмад Дониш", "green"),
    mahalla("004", "Shahriobod", "Шаҳриобод", "Шахриобод", "red"),
    mahalla("005", "Niyozbek", "Ниёзбек", "Ниязбек", "green")
  ],
  officers: [
    officer("O-101", "A. Karimov", ["preventionInspector"], [`${district}-001`]),
    officer("O-102", "B. Rasulov", ["preventionInspector"], [`${district}-002`]),
    officer("O-105", "F. Nazarov", ["preventionInspector"], [`${district}-003`]),
    officer("O-106", "G. Ismoilova", ["preventionInspector"], [`${district}-004`]),
    officer("O-107", "H. Qodirov", ["preventionInspector"], [`${district}-005`]),
    officer("O-103", "D. Yusupova", ["womensAffairsInspector"], all),
    officer("O-104", "S. Aliyev", ["juvenileInspector"], all),
    officer("O-108", "K. Ergasheva", ["probationInspector"], all),
    officer("O-201", "J. Tursunov", ["seniorInspector"], []),
    officer("O-301", "M. Hasanov", ["districtChief"], [])
  ]
})

/** The Open311 api key of the demo portal (a development value, printed at start). */
export const demoApiKey = "demo-open311-key"

/** The demo clients: registered integrations and an auditor. */
export const clients: ReadonlyArray<Identity.Client> = [
  { id: "demo-portal", kind: "integration", name: "Demo citizens' portal", districts: [district as Directory.DistrictCode], apiKeyDigests: [Identity.digestApiKey(demoApiKey)] },
  { id: "AUD-1", kind: "auditor", name: "Demo auditor" },
  { id: "demo-admin", kind: "integration", name: "Demo administration", scopes: ["directory:read", "directory:admin", "calendar:admin"] }
]

/** One development token per demo role, as the service prints them. */
export const demoCallers: ReadonlyArray<{ readonly label: string; readonly claims: Identity.Claims }> = [
  { label: "applicant (citizen)", claims: { kind: "applicant", sub: "smart-mahalla:u-1001" } },
  { label: "preventionInspector O-101 (Bodomzor)", claims: { kind: "officer", sub: "O-101" } },
  { label: "womensAffairsInspector O-103", claims: { kind: "officer", sub: "O-103" } },
  { label: "juvenileInspector O-104", claims: { kind: "officer", sub: "O-104" } },
  { label: "probationInspector O-108", claims: { kind: "officer", sub: "O-108" } },
  { label: "seniorInspector O-201", claims: { kind: "officer", sub: "O-201" } },
  { label: "districtChief O-301", claims: { kind: "officer", sub: "O-301" } },
  { label: "integrationSystem demo-portal", claims: { kind: "client", sub: "demo-portal" } },
  { label: "auditor AUD-1", claims: { kind: "client", sub: "AUD-1" } },
  { label: "administration demo-admin", claims: { kind: "client", sub: "demo-admin" } }
]
