/**
 * The directory: regions, districts, mahallas, and the officers who serve them, with their roles,
 * the mahallas they cover, their duty periods, absences and declared conflicts of interest.
 *
 * Inspectors work from support points whose territory is one or more mahallas, set by the district
 * internal-affairs chief (MIA order No. 151 of 2017); several officers (senior, women's affairs,
 * juvenile, probation inspectors) may serve the same mahalla, so coverage is many-to-many.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * const officer = Schema.decodeUnknownSync(Directory.Officer)({
 *   id: "O-1", name: "A. Karimov", roles: ["preventionInspector"], districtCode: "1726262",
 *   mahallas: ["1726262-001"], duty: [], absences: [], conflicts: []
 * })
 * Directory.serves(officer, officer.mahallas[0]!) // true
 */
import { Schema } from "effect"
import * as Calendar from "./Calendar.js"
import * as Eligibility from "./internal/eligibility.js"
import * as Limits from "./Limits.js"

const Code = (brand: string, description: string) =>
  Limits.matching(40, /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/).pipe(
    Schema.annotations({ description }),
    Schema.brand(brand)
  )

/**
 * A region (viloyat) code, e.g. the SOATO code "1726" (Tashkent city).
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.RegionCode)("1726")
 *
 * @since 0.1.0
 * @category models
 */
export const RegionCode = Code("RegionCode", "region code (letters, digits, . _ -; up to 40)")
/** @see RegionCode */
export type RegionCode = typeof RegionCode.Type

/**
 * A district (tuman/shahar) code.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.DistrictCode)("1726262")
 *
 * @since 0.1.0
 * @category models
 */
export const DistrictCode = Code("DistrictCode", "district code (letters, digits, . _ -; up to 40)")
/** @see DistrictCode */
export type DistrictCode = typeof DistrictCode.Type

/**
 * A mahalla code.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.MahallaCode)("1726262-001")
 *
 * @since 0.1.0
 * @category models
 */
export const MahallaCode = Code("MahallaCode", "mahalla code (letters, digits, . _ -; up to 40)")
/** @see MahallaCode */
export type MahallaCode = typeof MahallaCode.Type

/**
 * An officer's id in the directory.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.OfficerId)("O-1")
 *
 * @since 0.1.0
 * @category models
 */
export const OfficerId = Code("OfficerId", "officer id (letters, digits, . _ -; up to 40)")
/** @see OfficerId */
export type OfficerId = typeof OfficerId.Type

// Date and time with an explicit offset; the fields are checked by `isRealInstant`, not `Date.parse`
// (which accepts 2026-02-30 and rolls it over to March).
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/**
 * Whether a text is a real ISO-8601 instant with an explicit offset: a date that exists in the
 * calendar (days in the month, leap years), hours 00-23, minutes and seconds 00-59 (no leap
 * second, no 24:00), and an offset of at most 14 hours (the widest in use, UTC+14) with minutes
 * 00-59.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * Directory.isRealInstant("2024-02-29T23:59:59+14:00") // true
 * Directory.isRealInstant("2026-02-29T10:00:00Z") // false
 * Directory.isRealInstant("2026-03-20T24:00:00Z") // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRealInstant = (text: string): boolean => {
  const m = INSTANT.exec(text)
  if (m === null || Calendar.dayFromIso(m[1]!) === undefined) return false
  const [hh, mi, ss, oh, om] = [m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(Number) as [number, number, number, number, number]
  return hh <= 23 && mi <= 59 && ss <= 59 && om <= 59 && oh * 60 + om <= 14 * 60
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/**
 * An ISO-8601 instant with an explicit offset, e.g. "2026-03-20T10:00:00.000Z" or
 * "2026-03-20T15:00:00+05:00", that is a real date and time (`isRealInstant`): 2026-02-30, 24:00,
 * seconds 60 and offsets beyond ±14:00 are refused.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Instant)("2026-03-20T10:00:00Z")
 * Schema.is(Directory.Instant)("2026-02-30T10:00:00Z") // false
 *
 * @since 0.1.0
 * @category models
 */
export const Instant = Schema.String.pipe(
  Schema.maxLength(40),
  Schema.filter(isRealInstant, { message: () => "Expected a real date and time, ISO 8601 with an offset (YYYY-MM-DDThh:mm[:ss[.fff]]Z or ±hh:mm)" }),
  Schema.annotations({
    description: "ISO-8601 instant with offset",
    // Real instants from their fields, so generated values are never filtered away.
    arbitrary: () => (fc) =>
      fc
        .record({
          y: fc.integer({ min: 1992, max: 2200 }),
          mo: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 28 }),
          h: fc.integer({ min: 0, max: 23 }),
          mi: fc.integer({ min: 0, max: 59 }),
          s: fc.integer({ min: 0, max: 59 }),
          off: fc.constantFrom("Z", "+05:00", "-03:30", "+14:00")
        })
        .map(({ y, mo, d, h, mi, s, off }) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${off}`)
  })
)
/** @see Instant */
export type Instant = typeof Instant.Type

/**
 * The roles an officer can hold. Audit vocabulary: one spelling everywhere.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * Directory.OfficerRole.literals.includes("womensAffairsInspector") // true
 *
 * @since 0.1.0
 * @category vocabulary
 */
export const OfficerRole = Schema.Literal(
  "preventionInspector",
  "seniorInspector",
  "womensAffairsInspector",
  "juvenileInspector",
  "probationInspector",
  "districtChief"
)
/** @see OfficerRole */
export type OfficerRole = typeof OfficerRole.Type

/**
 * Roles whose territory is the whole district rather than the mahallas they list.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * Directory.districtWideRoles.has("districtChief") // true
 *
 * @since 0.1.0
 * @category access
 */
export const districtWideRoles: ReadonlySet<OfficerRole> = Eligibility.districtWideRoles

/**
 * A period of time, `from` inclusive, `to` exclusive.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Period)({ from: "2026-01-05T09:00:00+05:00", to: "2026-01-05T18:00:00+05:00" })
 *
 * @since 0.1.0
 * @category models
 */
export const Period = Schema.Struct({ from: Instant, to: Instant }).pipe(
  Schema.filter((p) => Date.parse(p.from) < Date.parse(p.to), { message: () => "`from` must be before `to`" })
)
/** @see Period */
export type Period = typeof Period.Type

/**
 * Why an officer is away.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * Directory.AbsenceReason.literals // ["leave", "sickness", "training", "businessTrip", "other"]
 *
 * @since 0.1.0
 * @category models
 */
export const AbsenceReason = Schema.Literal("leave", "sickness", "training", "businessTrip", "other")
/** @see AbsenceReason */
export type AbsenceReason = typeof AbsenceReason.Type

/**
 * An absence: leave, sickness and so on. While absent an officer is never on duty.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Absence)({ from: "2026-02-01T00:00:00+05:00", to: "2026-02-15T00:00:00+05:00", reason: "leave" })
 *
 * @since 0.1.0
 * @category models
 */
export const Absence = Schema.Struct({ from: Instant, to: Instant, reason: AbsenceReason })
/** @see Absence */
export type Absence = typeof Absence.Type

/**
 * A declared conflict of interest: the officer must not handle appeals of this applicant
 * (by the operator's opaque applicant reference) or about this officer.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Conflict)({ applicantRef: "user-77", note: "relative" })
 *
 * @since 0.1.0
 * @category models
 */
export const Conflict = Schema.Struct({
  applicantRef: Limits.requiredText(Limits.defaultSettings.opaqueId),
  note: Schema.optional(Limits.text(Limits.defaultSettings.shortNote))
})
/** @see Conflict */
export type Conflict = typeof Conflict.Type

/**
 * An officer. `mahallas` lists the mahallas the officer serves; `duty` lists explicit duty periods
 * (shifts). An officer with no duty periods works the calendar's working hours (the assignment
 * policy decides how that is read); absences always win.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Officer)({ id: "O-2", name: "B. Tursunova", roles: ["womensAffairsInspector"], districtCode: "1726262", mahallas: [], duty: [], absences: [], conflicts: [] })
 *
 * @since 0.1.0
 * @category models
 */
export const Officer = Schema.Struct({
  id: OfficerId,
  name: Limits.requiredText(Limits.defaultSettings.personName),
  roles: Limits.nonEmptyArray(OfficerRole, Limits.defaultSettings.roles),
  districtCode: DistrictCode,
  mahallas: Limits.array(MahallaCode, Limits.defaultSettings.officerMahallas),
  duty: Limits.array(Period, Limits.defaultSettings.dutyPeriods),
  absences: Limits.array(Absence, Limits.defaultSettings.absences),
  conflicts: Limits.array(Conflict, Limits.defaultSettings.conflicts),
  active: Schema.optionalWith(Schema.Boolean, { default: () => true })
})
/** @see Officer */
export type Officer = typeof Officer.Type

const placeNameText = Limits.requiredText(Limits.defaultSettings.placeName)

/**
 * The name of a place (region, district, mahalla) in the four languages, each a non-blank text of
 * at most `Limits.defaultSettings.placeName` characters.
 *
 * @example
 * import { Directory, I18n } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Directory.PlaceName)(I18n.text("Bodomzor", "Бодомзор", "Бадамзар", "Bodomzor")) // true
 * Schema.is(Directory.PlaceName)(I18n.text("Bodomzor", "Бодомзор", "Бадамзар", " ")) // false
 *
 * @since 0.1.0
 * @category models
 */
export const PlaceName = Schema.Struct({ "uz-Latn": placeNameText, "uz-Cyrl": placeNameText, ru: placeNameText, en: placeNameText })
/** @see PlaceName */
export type PlaceName = typeof PlaceName.Type

/**
 * A region.
 *
 * @example
 * import { Directory, I18n } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Region)({ code: "1726", name: I18n.text("Toshkent shahri", "Тошкент шаҳри", "город Ташкент", "Tashkent city") })
 *
 * @since 0.1.0
 * @category models
 */
export const Region = Schema.Struct({ code: RegionCode, name: PlaceName })
/** @see Region */
export type Region = typeof Region.Type

/**
 * A district, in a region.
 *
 * @example
 * import { Directory, I18n } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.District)({ code: "1726262", regionCode: "1726", name: I18n.text("Yunusobod", "Юнусобод", "Юнусабад", "Yunusobod") })
 *
 * @since 0.1.0
 * @category models
 */
export const District = Schema.Struct({ code: DistrictCode, regionCode: RegionCode, name: PlaceName })
/** @see District */
export type District = typeof District.Type

/**
 * Crime-situation rank of a mahalla (PQ-1 of 5 Jan 2026 ranks mahallas; "red" ones get named senior officials).
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * Directory.MahallaRank.literals // ["green", "yellow", "red"]
 *
 * @since 0.1.0
 * @category models
 */
export const MahallaRank = Schema.Literal("green", "yellow", "red")
/** @see MahallaRank */
export type MahallaRank = typeof MahallaRank.Type

/**
 * A mahalla, in a district.
 *
 * @example
 * import { Directory, I18n } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Directory.Mahalla)({ code: "1726262-001", districtCode: "1726262", name: I18n.text("Bodomzor", "Бодомзор", "Бадамзар", "Bodomzor") })
 *
 * @since 0.1.0
 * @category models
 */
export const Mahalla = Schema.Struct({
  code: MahallaCode,
  districtCode: DistrictCode,
  name: PlaceName,
  rank: Schema.optional(MahallaRank)
})
/** @see Mahalla */
export type Mahalla = typeof Mahalla.Type

/**
 * A whole directory. Decoding checks referential integrity: every district's region, every
 * mahalla's district, and every officer's district and mahallas exist; ids are unique.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * const d = Schema.decodeUnknownSync(Directory.Directory)({ regions: [], districts: [], mahallas: [], officers: [] })
 * d.officers.length // 0
 *
 * @since 0.1.0
 * @category models
 */
export const Directory = Schema.Struct({
  regions: Limits.array(Region, Limits.defaultSettings.directoryRegions),
  districts: Limits.array(District, Limits.defaultSettings.directoryDistricts),
  mahallas: Limits.array(Mahalla, Limits.defaultSettings.directoryMahallas),
  officers: Limits.array(Officer, Limits.defaultSettings.directoryOfficers)
}).pipe(
  Schema.filter((d) => {
    const issues: Array<Schema.FilterIssue> = []
    const dup = (name: string, path: string, ids: ReadonlyArray<string>) => {
      const seen = new Set<string>()
      ids.forEach((id, i) => {
        if (seen.has(id)) issues.push({ path: [path, i, name === "officer" ? "id" : "code"], message: `duplicate ${name} ${id}` })
        seen.add(id)
      })
      return seen
    }
    const regions = dup("region", "regions", d.regions.map((r) => r.code))
    const districts = dup("district", "districts", d.districts.map((x) => x.code))
    const mahallas = dup("mahalla", "mahallas", d.mahallas.map((m) => m.code))
    dup("officer", "officers", d.officers.map((o) => o.id))
    d.districts.forEach((x, i) => {
      if (!regions.has(x.regionCode)) issues.push({ path: ["districts", i, "regionCode"], message: `unknown region ${x.regionCode}` })
    })
    d.mahallas.forEach((m, i) => {
      if (!districts.has(m.districtCode)) issues.push({ path: ["mahallas", i, "districtCode"], message: `unknown district ${m.districtCode}` })
    })
    d.officers.forEach((o, i) => {
      if (!districts.has(o.districtCode)) issues.push({ path: ["officers", i, "districtCode"], message: `unknown district ${o.districtCode}` })
      o.mahallas.forEach((m, j) => {
        if (!mahallas.has(m)) issues.push({ path: ["officers", i, "mahallas", j], message: `unknown mahalla ${m}` })
      })
    })
    return issues
  })
)
/** @see Directory */
export type Directory = typeof Directory.Type

/**
 * Whether an officer is active and covers the mahalla: listed among his mahallas, or district-wide
 * by role (senior inspector, district chief) in the mahalla's district.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * const o = { id: "O-1", name: "x", roles: ["districtChief"], districtCode: "D1", mahallas: [], duty: [], absences: [], conflicts: [], active: true } as unknown as Directory.Officer
 * Directory.serves(o, "M1" as Directory.MahallaCode, "D1" as Directory.DistrictCode) // true
 *
 * @since 0.1.0
 * @category predicates
 */
export const serves = (officer: Officer, mahalla: MahallaCode, district?: DistrictCode): boolean =>
  Eligibility.servesAppeal(officer, { mahallaCode: mahalla, districtCode: district })

const within = (t: number, p: { readonly from: string; readonly to: string }) => Date.parse(p.from) <= t && t < Date.parse(p.to)

/**
 * Whether an officer is away (absence) at the instant.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * const o = { absences: [{ from: "2026-02-01T00:00:00Z", to: "2026-02-02T00:00:00Z", reason: "sickness" }] } as unknown as Directory.Officer
 * Directory.isAbsent(o, "2026-02-01T12:00:00Z") // true
 *
 * @since 0.1.0
 * @category predicates
 */
export const isAbsent = (officer: Officer, at: Instant): boolean => {
  const t = Date.parse(at)
  return officer.absences.some((a) => within(t, a))
}

/**
 * Whether an officer is inside one of his explicit duty periods and not absent at the instant.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * const o = { active: true, absences: [], duty: [{ from: "2026-02-01T09:00:00+05:00", to: "2026-02-01T18:00:00+05:00" }] } as unknown as Directory.Officer
 * Directory.onDutyPeriod(o, "2026-02-01T10:00:00+05:00") // true
 *
 * @since 0.1.0
 * @category predicates
 */
export const onDutyPeriod = (officer: Officer, at: Instant): boolean => {
  const t = Date.parse(at)
  return officer.active !== false && !isAbsent(officer, at) && officer.duty.some((p) => within(t, p))
}

/**
 * Finds an officer by id.
 *
 * @example
 * import { Directory } from "@murojaat/core"
 * Directory.findOfficer({ regions: [], districts: [], mahallas: [], officers: [] }, "O-1") // undefined
 *
 * @since 0.1.0
 * @category queries
 */
export const findOfficer = (directory: Directory, id: string): Officer | undefined =>
  directory.officers.find((o) => o.id === id)
