/**
 * The appeal (murojaat) as the law describes it: kind, form, channel, applicant, location, text,
 * attachments and links to earlier appeals. Everything here decodes from untrusted input with
 * `Decode.unknown(Appeal.Intake, "Appeal")`, which names every wrong field in four languages.
 *
 * Sources: ZRU-445 "On appeals of individuals and legal entities" (11 Sep 2017): kinds, forms of
 * equal force, required content (articles not confirmed here), anonymity (Art. 29).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * const intake = Schema.decodeUnknownSync(Appeal.Intake)({
 *   kind: "ariza", form: "electronic", channel: "smartMahallaApp",
 *   applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Bodomzor 12",
 *     contact: { phone: "+998901234567" }, consent: { given: true, form: "electronic" } },
 *   location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
 *   text: { body: "Qoʻshnim kechasi baland musiqa qoʻyadi" }
 * })
 * Appeal.anonymity(intake.applicant).anonymous // false
 */
import { Schema } from "effect"
import * as Directory from "./Directory.js"
import * as Limits from "./Limits.js"

/**
 * An appeal id, assigned by the id port at receipt.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.AppealId)("A-2026-000001")
 *
 * @since 0.1.0
 * @category models
 */
export const AppealId = Limits.matching(64, /^[0-9A-Za-z][0-9A-Za-z._:-]{0,63}$/).pipe(
  Schema.annotations({ description: "appeal id (letters, digits, . _ : -; up to 64)" }),
  Schema.brand("AppealId")
)
/** @see AppealId */
export type AppealId = typeof AppealId.Type

/**
 * Kind of appeal (ZRU-445; article not confirmed): `ariza` (application: help to exercise a right), `taklif`
 * (proposal to improve state or public activity), `shikoyat` (complaint: restore a violated right).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Kind.literals // ["ariza", "taklif", "shikoyat"]
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literal("ariza", "taklif", "shikoyat")
/** @see Kind */
export type Kind = typeof Kind.Type

/**
 * Priority of an appeal: `urgent` means someone may be in danger now and first contact is due
 * within hours; the others order the worklist.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Priority.literals // ["urgent", "high", "normal", "low"]
 *
 * @since 0.1.0
 * @category models
 */
export const Priority = Schema.Literal("urgent", "high", "normal", "low")
/** @see Priority */
export type Priority = typeof Priority.Type

/**
 * Form of appeal (ZRU-445; article not confirmed): all three have equal force; a trust-phone call is oral.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Form.literals // ["oral", "written", "electronic"]
 *
 * @since 0.1.0
 * @category models
 */
export const Form = Schema.Literal("oral", "written", "electronic")
/** @see Form */
export type Form = typeof Form.Type

/**
 * How the appeal reached the body.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Channel.literals.includes("trustPhone") // true
 *
 * @since 0.1.0
 * @category models
 */
export const Channel = Schema.Literal(
  "smartMahallaApp",
  "webPortal",
  "trustPhone",
  "inPersonReception",
  "inspectorTablet",
  "forwardedFromBody",
  "open311"
)
/** @see Channel */
export type Channel = typeof Channel.Type

const limit = Limits.defaultSettings
const Name = Limits.requiredText(limit.personName)
const Address = Limits.requiredText(limit.address)
const OpaqueRef = Limits.requiredText(limit.opaqueId)

/**
 * How to reach the applicant. All optional: an oral appeal may leave none.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Contact)({ phone: "+998 90 123 45 67" })
 *
 * @since 0.1.0
 * @category models
 */
export const Contact = Schema.Struct({
  phone: Schema.optional(Limits.matching(20, /^\+?[0-9 ()-]{5,20}$/)),
  // Bounded before the pattern: `[^\s@]+\.[^\s@]+$` backtracks over every dot of a long string.
  email: Schema.optional(Limits.matching(limit.email, /^[^\s@]+@[^\s@]+\.[^\s@]+$/)),
  postalAddress: Schema.optional(Address)
})
/** @see Contact */
export type Contact = typeof Contact.Type

/**
 * Consent to processing personal data (ZRU-547 "On personal data"; article not confirmed: written or
 * electronic, revocable).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Consent)({ given: true, form: "electronic" })
 *
 * @since 0.1.0
 * @category models
 */
export const Consent = Schema.Struct({
  given: Schema.Boolean,
  form: Schema.Literal("written", "electronic", "oral"),
  revoked: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
/** @see Consent */
export type Consent = typeof Consent.Type

/**
 * A representative acting for the applicant (ZRU-445 Art. 29: without proof of authority the
 * appeal may be left without consideration), with the reference of the document proving it.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Representative)({ name: "Aliyev Bobur", authorityProof: "Ishonchnoma 12/2026" })
 *
 * @since 0.1.0
 * @category models
 */
export const Representative = Schema.Struct({ name: Name, authorityProof: Schema.optional(Limits.text(limit.reference)) })
/** @see Representative */
export type Representative = typeof Representative.Type

/**
 * An individual applicant. The law requires surname, name, place of residence and the essence
 * (ZRU-445; article not confirmed); without a name or an address, or with data found false, the appeal is
 * anonymous (Art. 29). Fields are optional here so that anonymous appeals can still be received
 * and registered: refusing registration is forbidden (Art. 23).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Individual)({ type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "oral" } })
 *
 * @since 0.1.0
 * @category models
 */
export const Individual = Schema.Struct({
  type: Schema.Literal("individual"),
  surname: Schema.optional(Name),
  name: Schema.optional(Name),
  patronymic: Schema.optional(Name),
  residence: Schema.optional(Address),
  /** Set when the data were found to be false (Art. 29: treated as anonymous). */
  declaredFalse: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  contact: Contact,
  consent: Consent,
  /** A representative acting for the applicant, with the reference of the proof of authority. */
  representative: Schema.optional(Representative)
})
/** @see Individual */
export type Individual = typeof Individual.Type

/**
 * A legal-entity applicant: full name, location and the essence (ZRU-445; article not confirmed).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.LegalEntity)({ type: "legalEntity", fullName: "\"Bodomzor\" MFY", location: "Yunusobod, 4", contact: {}, consent: { given: true, form: "written" } })
 *
 * @since 0.1.0
 * @category models
 */
export const LegalEntity = Schema.Struct({
  type: Schema.Literal("legalEntity"),
  fullName: Schema.optional(Limits.requiredText(limit.organisationName)),
  location: Schema.optional(Address),
  tin: Schema.optional(Limits.matching(9, /^[0-9]{9}$/)),
  declaredFalse: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  contact: Contact,
  consent: Consent,
  representative: Schema.optional(Representative)
})
/** @see LegalEntity */
export type LegalEntity = typeof LegalEntity.Type

/**
 * The applicant: an individual or a legal entity.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * const a: Appeal.Applicant = { type: "individual", declaredFalse: false, contact: {}, consent: { given: false, form: "oral", revoked: false } }
 *
 * @since 0.1.0
 * @category models
 */
export const Applicant = Schema.Union(Individual, LegalEntity)
/** @see Applicant */
export type Applicant = typeof Applicant.Type

/**
 * Which required fields an applicant lacks, and so whether the appeal is anonymous in the law's
 * sense (ZRU-445 Art. 29: missing name or address, or false data).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.anonymity({ type: "individual", name: "Anvar", declaredFalse: false, contact: {}, consent: { given: true, form: "oral", revoked: false } })
 * // { anonymous: true, missing: ["surname", "residence"] }
 *
 * @since 0.1.0
 * @category predicates
 */
export const anonymity = (a: Applicant): { readonly anonymous: boolean; readonly missing: ReadonlyArray<string> } => {
  const missing =
    a.type === "individual"
      ? (["surname", "name", "residence"] as const).filter((k) => a[k] === undefined)
      : (["fullName", "location"] as const).filter((k) => a[k] === undefined)
  return { anonymous: missing.length > 0 || a.declaredFalse, missing }
}

/**
 * Whether a representative appeals without proof of authority (ZRU-445 Art. 29).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.representativeWithoutAuthority({ type: "individual", declaredFalse: false, contact: {}, consent: { given: true, form: "oral", revoked: false }, representative: { name: "X" } }) // true
 *
 * @since 0.1.0
 * @category predicates
 */
export const representativeWithoutAuthority = (a: Applicant): boolean =>
  a.representative !== undefined && (a.representative.authorityProof ?? "").trim() === ""

/**
 * A geographic point (WGS 84).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Point)({ lat: 41.36, lon: 69.28 })
 *
 * @since 0.1.0
 * @category models
 */
export const Point = Schema.Struct({
  lat: Schema.Number.pipe(Schema.between(-90, 90)),
  lon: Schema.Number.pipe(Schema.between(-180, 180))
})
/** @see Point */
export type Point = typeof Point.Type

/**
 * Where the matter is: region, district and mahalla codes; optionally a point and an address.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Location)({ regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" })
 *
 * @since 0.1.0
 * @category models
 */
export const Location = Schema.Struct({
  regionCode: Directory.RegionCode,
  districtCode: Directory.DistrictCode,
  mahallaCode: Directory.MahallaCode,
  point: Schema.optional(Point),
  address: Schema.optional(Limits.text(limit.address))
})
/** @see Location */
export type Location = typeof Location.Type

/**
 * Script of a text, as detected.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Script.literals // ["latin", "cyrillic", "mixed", "none"]
 *
 * @since 0.1.0
 * @category models
 */
export const Script = Schema.Literal("latin", "cyrillic", "mixed", "none")
/** @see Script */
export type Script = typeof Script.Type

/**
 * Language of a text, as detected: Uzbek, Russian or unknown.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Language.literals // ["uz", "ru", "unknown"]
 *
 * @since 0.1.0
 * @category models
 */
export const Language = Schema.Literal("uz", "ru", "unknown")
/** @see Language */
export type Language = typeof Language.Type

/**
 * The text of the appeal (the essence), up to 20,000 characters.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Text)({ body: "Salom" })
 *
 * @since 0.1.0
 * @category models
 */
export const Text = Schema.Struct({
  body: Limits.requiredText(limit.appealText),
  subject: Schema.optional(Limits.text(limit.subject))
})
/** @see Text */
export type Text = typeof Text.Type

const uzCyrillicOnly = /[ўқғҳЎҚҒҲ]/
const ruOnly = /[ыщьэЫЩЬЭ]/
const uzLatinMarks = /(o['ʻʼ‘’`]|g['ʻʼ‘’`]|\bsh|\bch|q)/i

/**
 * Detects the script and language of a text. Uzbek Cyrillic is told from Russian by the letters
 * ў қ ғ ҳ; Russian by ы щ ь э. It is a hint for routing and triage, not a legal fact.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.detect("Қўшним мени ҳақорат қилди") // { script: "cyrillic", language: "uz" }
 * Appeal.detect("Сосед шумит ночью")          // { script: "cyrillic", language: "ru" }
 *
 * @since 0.1.0
 * @category utils
 */
export const detect = (body: string): { readonly script: Script; readonly language: Language } => {
  // Cyrillic (U+0400-U+04FF) and Latin (A-Z, a-z) letters, counted in one pass over the UTF-16
  // code units: every appeal is received once through here, and a global regex match builds an
  // array of every letter it counts.
  let c = 0
  let l = 0
  for (let i = 0; i < body.length; i++) {
    const u = body.charCodeAt(i)
    if (u >= 0x400 && u <= 0x4ff) c++
    else if ((u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a)) l++
  }
  const total = c + l
  if (total === 0) return { script: "none", language: "unknown" }
  const script: Script = c / total > 0.9 ? "cyrillic" : l / total > 0.9 ? "latin" : "mixed"
  const language: Language =
    uzCyrillicOnly.test(body) ? "uz" : ruOnly.test(body) && c >= l ? "ru" : l > c && uzLatinMarks.test(body) ? "uz" : c > l ? "ru" : "unknown"
  return { script, language }
}

/**
 * A reference to an attachment stored elsewhere (photo, video, audio, document). Murojaat keeps
 * references only; the bytes stay in the operator's file store.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Attachment)({ ref: "files/abc.jpg", mediaType: "image/jpeg", bytes: 20480 })
 *
 * @since 0.1.0
 * @category models
 */
export const Attachment = Schema.Struct({
  ref: Limits.requiredText(limit.attachmentRef),
  /** The file's name as the applicant gave it (may carry a name: personal data). */
  name: Schema.optional(Limits.requiredText(limit.fileName)),
  mediaType: Limits.matching(limit.mediaType, /^[a-z]+\/[0-9A-Za-z.+-]+$/),
  bytes: Schema.Number.pipe(Schema.int(), Schema.nonNegative()),
  sha256: Schema.optional(Limits.matching(64, /^[0-9a-f]{64}$/))
})
/** @see Attachment */
export type Attachment = typeof Attachment.Type
const Attachments = Limits.array(Attachment, limit.attachments)

/**
 * How an appeal relates to an earlier one: a repeated appeal (ZRU-445: from the same person,
 * disputing the earlier decision or after its term ran out), a duplicate, or merely related.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.LinkKind.literals // ["repeatOf", "duplicateOf", "relatedTo"]
 *
 * @since 0.1.0
 * @category models
 */
export const LinkKind = Schema.Literal("repeatOf", "duplicateOf", "relatedTo")
/** @see LinkKind */
export type LinkKind = typeof LinkKind.Type

/**
 * A link to another appeal.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Link)({ kind: "repeatOf", appealId: "A-1" })
 *
 * @since 0.1.0
 * @category models
 */
export const Link = Schema.Struct({ kind: LinkKind, appealId: AppealId })
/** @see Link */
export type Link = typeof Link.Type

/**
 * A signatory of a collective appeal. The law gives no definition of "collective" (ZRU-445
 * only names it): Murojaat calls an appeal collective when it has at least one signatory besides
 * the applicant.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Signatory)({ surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5" })
 *
 * @since 0.1.0
 * @category models
 */
export const Signatory = Schema.Struct({ surname: Name, name: Name, residence: Schema.optional(Address), applicantRef: Schema.optional(OpaqueRef) })
/** @see Signatory */
export type Signatory = typeof Signatory.Type
const Signatories = Limits.array(Signatory, limit.signatories)

/**
 * Everything an appeal carries when it is received, from any channel. Personal data in it
 * (applicant, signatories, text, address, point, attachments) is kept apart from the event log
 * (see `Event.Received` and `AppealStore`) so it can be erased when its retention ends without
 * breaking the audit chain (ZRU-547: data kept no longer than needed).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Appeal.Intake)({
 *   kind: "taklif", form: "written", channel: "inPersonReception",
 *   applicant: { type: "legalEntity", fullName: "\"Bodomzor\" MFY", location: "Yunusobod 4", contact: {}, consent: { given: true, form: "written" } },
 *   location: { regionCode: "1726", districtCode: "1726262", mahallaCode: "1726262-001" },
 *   text: { body: "Koʻchaga chiroq oʻrnatishni taklif qilamiz" }
 * }).kind // "taklif"
 *
 * @since 0.1.0
 * @category models
 */
export const Intake = Schema.Struct({
  kind: Kind,
  form: Form,
  channel: Channel,
  applicant: Applicant,
  /** The operator's opaque id of the applicant's account (Smart Mahalla, OneID), if any. */
  applicantRef: Schema.optional(OpaqueRef),
  signatories: Schema.optionalWith(Signatories, { default: () => [] }),
  location: Location,
  text: Text,
  attachments: Schema.optionalWith(Attachments, { default: () => [] }),
  links: Schema.optionalWith(Limits.array(Link, limit.links), { default: () => [] }),
  /** The officer the appeal complains about, when it is a complaint about an officer. */
  subjectOfficerId: Schema.optional(Directory.OfficerId),
  /** When the appeal was actually received, if earlier than its entry (offline tablet, forwarded). */
  receivedAt: Schema.optional(Directory.Instant),
  /** The body that forwarded it, for channel `forwardedFromBody`. */
  forwardedBy: Schema.optional(Limits.requiredText(limit.organisationName))
})
/** @see Intake */
export type Intake = typeof Intake.Type
/**
 * The encoded (wire) form of an {@link Intake}.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * const wire: Appeal.IntakeEncoded = { kind: "ariza", form: "oral", channel: "trustPhone",
 *   applicant: { type: "individual", contact: {}, consent: { given: true, form: "oral" } },
 *   location: { regionCode: "R", districtCode: "D", mahallaCode: "M" }, text: { body: "Yordam kerak" } }
 * wire.kind // "ariza"
 *
 * @since 0.1.0
 * @category models
 */
export type IntakeEncoded = typeof Intake.Encoded

/**
 * Whether the appeal is collective (has signatories).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.isCollective({ signatories: [] }) // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const isCollective = (intake: Pick<Intake, "signatories">): boolean => intake.signatories.length > 0

/**
 * The personal data of an appeal, kept apart from the event log: the applicant, signatories,
 * the text, the exact place, and attachment references. The log keeps only its digest, so the
 * record can be erased or anonymised when retention ends (ZRU-547) while the audit chain
 * stays verifiable.
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * Appeal.Personal.fields.text === Appeal.Text // true
 *
 * @since 0.1.0
 * @category models
 */
export const Personal = Schema.Struct({
  applicant: Applicant,
  signatories: Signatories,
  text: Text,
  point: Schema.optional(Point),
  address: Location.fields.address,
  attachments: Attachments
})
/** @see Personal */
export type Personal = typeof Personal.Type

/**
 * Splits an intake into its personal part (for the operator's personal-data table) and the facts
 * the event log keeps (codes, flags, counts; no names, text or contact).
 *
 * @example
 * import { Appeal } from "@murojaat/core"
 * import { Schema } from "effect"
 * const intake = Schema.decodeUnknownSync(Appeal.Intake)({ kind: "ariza", form: "oral", channel: "trustPhone",
 *   applicant: { type: "individual", contact: {}, consent: { given: true, form: "oral" } },
 *   location: { regionCode: "R", districtCode: "D", mahallaCode: "M" }, text: { body: "Yordam kerak" } })
 * Appeal.split(intake).facts.anonymous // true
 *
 * @since 0.1.0
 * @category utils
 */
export const split = (intake: Intake) => {
  const { anonymous, missing } = anonymity(intake.applicant)
  const { script, language } = detect(intake.text.body)
  const personal: Personal = {
    applicant: intake.applicant,
    signatories: intake.signatories,
    text: intake.text,
    ...(intake.location.point !== undefined ? { point: intake.location.point } : {}),
    ...(intake.location.address !== undefined ? { address: intake.location.address } : {}),
    attachments: intake.attachments
  }
  const facts = {
    kind: intake.kind,
    form: intake.form,
    channel: intake.channel,
    regionCode: intake.location.regionCode,
    districtCode: intake.location.districtCode,
    mahallaCode: intake.location.mahallaCode,
    applicantType: intake.applicant.type,
    anonymous,
    missing,
    representativeWithoutAuthority: representativeWithoutAuthority(intake.applicant),
    consent: intake.applicant.consent.given && !intake.applicant.consent.revoked,
    collective: isCollective(intake),
    signatoryCount: intake.signatories.length,
    attachmentCount: intake.attachments.length,
    links: intake.links,
    script,
    language,
    ...(intake.applicantRef !== undefined ? { applicantRef: intake.applicantRef } : {}),
    ...(intake.subjectOfficerId !== undefined ? { subjectOfficerId: intake.subjectOfficerId } : {}),
    ...(intake.forwardedBy !== undefined ? { forwardedBy: intake.forwardedBy } : {})
  }
  return { personal, facts }
}
