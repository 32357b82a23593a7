/**
 * Size limits on everything Murojaat accepts from outside: the length of every text, the number
 * of items of every list, and the bounds the decoder checks before any schema looks at an input
 * (nesting depth, values in all, items per list, characters per string).
 *
 * `defaultSettings` is one documented table of named values: each limit has a name, a value, a
 * unit, the fields it applies to and why it has that value (`describe`), and docs/rules/limits.md
 * renders it. The schemas are built from this table once, when the module loads: the limits are
 * static (a schema is a value), so an operator reads them here and in the docs rather than
 * changing them at run time. Lengths are counted in UTF-16 code units, as `String.length` counts
 * them (a letter outside the Basic Multilingual Plane counts two).
 *
 * Texts are also refused when they hold C0 control characters other than tab, line feed and
 * carriage return (NUL breaks PostgreSQL text and terminals alike), or a lone UTF-16 surrogate
 * (not Unicode, cannot be stored as UTF-8); required texts are refused when blank (only spaces of
 * any kind, including U+00A0 and U+3000, or invisible format characters).
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * import { Schema } from "effect"
 * Limits.defaultSettings.personName // 200
 * Schema.is(Limits.requiredText(10))("\u00a0\u3000") // false
 */
import { Schema } from "effect"

/**
 * The name of a limit.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * const n: Limits.Name = "appealText"
 *
 * @since 0.1.0
 * @category settings
 */
export type Name =
  | "personName"
  | "organisationName"
  | "address"
  | "email"
  | "opaqueId"
  | "code"
  | "reference"
  | "attachmentRef"
  | "fileName"
  | "mediaType"
  | "subject"
  | "appealText"
  | "note"
  | "reason"
  | "legalBasis"
  | "shortNote"
  | "ruleId"
  | "placeName"
  | "calendarText"
  | "signatories"
  | "attachments"
  | "links"
  | "flags"
  | "ruleIds"
  | "roles"
  | "officerMahallas"
  | "dutyPeriods"
  | "absences"
  | "conflicts"
  | "districts"
  | "directoryRegions"
  | "directoryDistricts"
  | "directoryMahallas"
  | "directoryOfficers"
  | "calendarYears"
  | "calendarEntries"
  | "inputDepth"
  | "inputValues"
  | "inputItems"
  | "inputStringLength"

/**
 * The limits, by name. Read them from `defaultSettings`; their meaning is in `describe`.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * const s: Limits.Settings = Limits.defaultSettings
 * s.inputDepth // 32
 *
 * @since 0.1.0
 * @category settings
 */
export type Settings = { readonly [K in Name]: number }

/**
 * What a limit counts.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * const u: Limits.Unit = "characters"
 *
 * @since 0.1.0
 * @category settings
 */
export type Unit = "characters" | "items" | "levels" | "values"

/**
 * The documentation of one limit: its unit, the fields it applies to, and why it has its value.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * Limits.describe.personName.unit // "characters"
 *
 * @since 0.1.0
 * @category settings
 */
export interface Description {
  readonly unit: Unit
  readonly appliesTo: string
  readonly why: string
}

/**
 * The limits in force. Schema limits are static: the schemas are built from these values when the
 * module loads; this table is what operators read and what docs/rules/limits.md renders.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * Limits.defaultSettings.appealText // 20000
 * Limits.defaultSettings.signatories // 1000
 *
 * @since 0.1.0
 * @category settings
 */
export const defaultSettings: Settings = {
  personName: 200,
  organisationName: 300,
  address: 500,
  email: 254,
  opaqueId: 128,
  code: 100,
  reference: 200,
  attachmentRef: 500,
  fileName: 255,
  mediaType: 255,
  subject: 300,
  appealText: 20_000,
  note: 20_000,
  reason: 4_000,
  legalBasis: 2_000,
  shortNote: 500,
  ruleId: 100,
  placeName: 200,
  calendarText: 2_000,
  signatories: 1_000,
  attachments: 50,
  links: 20,
  flags: 32,
  ruleIds: 100,
  roles: 6,
  officerMahallas: 1_000,
  dutyPeriods: 1_000,
  absences: 1_000,
  conflicts: 1_000,
  districts: 1_000,
  directoryRegions: 100,
  directoryDistricts: 1_000,
  directoryMahallas: 50_000,
  directoryOfficers: 100_000,
  calendarYears: 300,
  calendarEntries: 366,
  inputDepth: 32,
  inputValues: 1_000_000,
  inputItems: 100_000,
  inputStringLength: 1_000_000
}

/**
 * Why each limit has its value, and where it applies. Rendered in docs/rules/limits.md.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * Limits.describe.inputDepth.appliesTo.includes("Decode") // true
 *
 * @since 0.1.0
 * @category settings
 */
export const describe: { readonly [K in Name]: Description } = {
  personName: {
    unit: "characters",
    appliesTo: "surname, name, patronymic of applicants and signatories; representative's name; officer's name",
    why: "Uzbek full names with patronymic and oʻgʻli/qizi stay under 100 characters; twice that leaves room for transliterated and double names."
  },
  organisationName: {
    unit: "characters",
    appliesTo: "legal entity's full name; forwarding body (`forwardedBy`, `Command.Body.name`)",
    why: "Official names of bodies (\"... huzuridagi ... boshqarmasi\") reach about 250 characters."
  },
  address: {
    unit: "characters",
    appliesTo: "residence, legal entity's location, postal address, the appeal's address, signatory's residence",
    why: "A full postal address (region, district, mahalla, street, house, flat) is under 200 characters; 500 allows a description of the place."
  },
  email: {
    unit: "characters",
    appliesTo: "contact e-mail",
    why: "RFC 5321 limits a mailbox path to 254 characters."
  },
  opaqueId: {
    unit: "characters",
    appliesTo: "applicant account references (`applicantRef`), `commandId`, `correlationId`, actor ids (system name, integration system id, auditor id), conflict applicant reference",
    why: "Ids issued by other systems (UUIDs, OneID subjects, URNs) are under 100 characters."
  },
  code: {
    unit: "characters",
    appliesTo: "code of a body an appeal is forwarded to",
    why: "Registry codes (SOATO, TIN, organisation codes) are short; 100 is generous."
  },
  reference: {
    unit: "characters",
    appliesTo: "document references: proof of a representative's authority, outgoing notice reference, protection order number, criminal-procedure reference",
    why: "Registration numbers of documents are under 50 characters; 200 allows a number with its date and issuer."
  },
  attachmentRef: {
    unit: "characters",
    appliesTo: "attachment reference (the key or URL in the operator's file store)",
    why: "Object-store keys and URLs are usually under 300 characters; 500 is a common URL bound."
  },
  fileName: {
    unit: "characters",
    appliesTo: "attachment's original file name",
    why: "File systems limit a name to 255 bytes."
  },
  mediaType: {
    unit: "characters",
    appliesTo: "attachment media type",
    why: "RFC 6838 limits type and subtype to 127 characters each."
  },
  subject: {
    unit: "characters",
    appliesTo: "subject line of an appeal",
    why: "A subject is one line; portals show about 100 characters."
  },
  appealText: {
    unit: "characters",
    appliesTo: "the appeal's text (`Appeal.Text.body`)",
    why: "About ten typed pages; the law sets no length, longer material comes as attachments."
  },
  note: {
    unit: "characters",
    appliesTo: "request for information and its answer, answer text, conclusion of leaving without consideration",
    why: "An answer may quote the appeal; the same bound as the appeal's text."
  },
  reason: {
    unit: "characters",
    appliesTo: "reasons of commands (reassign, extra study, extension, dispute, merge, escalation, withdrawal), rating comment",
    why: "A reason is a paragraph or two; 4,000 characters is about two pages."
  },
  legalBasis: {
    unit: "characters",
    appliesTo: "legal basis of an answer",
    why: "Citations of laws and articles; 2,000 characters cite dozens."
  },
  shortNote: {
    unit: "characters",
    appliesTo: "note on a declared conflict of interest",
    why: "One or two sentences."
  },
  ruleId: {
    unit: "characters",
    appliesTo: "ids of the rules applied (triage, assignment)",
    why: "Rule ids are dotted names such as `triage.domesticViolence.keyword`."
  },
  placeName: {
    unit: "characters",
    appliesTo: "names of regions, districts and mahallas, in each of the four languages",
    why: "Names of places are under 100 characters in every language."
  },
  calendarText: {
    unit: "characters",
    appliesTo: "calendar id, names, sources and notes of calendar entries, fixed holidays and years",
    why: "A source may list several acts, each with its title, number, date and where it was reported; the shipped 2025 year's list is under 600 characters."
  },
  signatories: {
    unit: "items",
    appliesTo: "signatories of a collective appeal",
    why: "A collective appeal of a mahalla carries tens to hundreds of signatures; more are filed as an attachment."
  },
  attachments: {
    unit: "items",
    appliesTo: "attachments of an appeal",
    why: "Portals allow about ten files; 50 covers a scanned file of pages."
  },
  links: {
    unit: "items",
    appliesTo: "links of an appeal to earlier appeals",
    why: "A repeated appeal names one earlier appeal; related ones are a handful."
  },
  flags: {
    unit: "items",
    appliesTo: "triage flags of a command",
    why: "The taxonomy defines a few flags; 32 leaves room for operator rules."
  },
  ruleIds: {
    unit: "items",
    appliesTo: "rule ids recorded with a triage or assignment",
    why: "A decision applies a few rules; 100 bounds a misbehaving caller."
  },
  roles: {
    unit: "items",
    appliesTo: "an officer's roles (directory, actor)",
    why: "There are six officer roles."
  },
  officerMahallas: {
    unit: "items",
    appliesTo: "mahallas an officer serves (directory, actor)",
    why: "An inspector serves one to three mahallas; a district has at most a few hundred."
  },
  dutyPeriods: {
    unit: "items",
    appliesTo: "an officer's duty periods",
    why: "A year of daily shifts is 365 periods."
  },
  absences: {
    unit: "items",
    appliesTo: "an officer's absences",
    why: "Years of leave and sickness records stay in the tens."
  },
  conflicts: {
    unit: "items",
    appliesTo: "an officer's declared conflicts of interest",
    why: "Relatives and neighbours: tens at most."
  },
  districts: {
    unit: "items",
    appliesTo: "districts an integration system is limited to",
    why: "Uzbekistan has about 200 districts and cities."
  },
  directoryRegions: {
    unit: "items",
    appliesTo: "regions of a directory",
    why: "Uzbekistan has 14 regions."
  },
  directoryDistricts: {
    unit: "items",
    appliesTo: "districts of a directory",
    why: "Uzbekistan has about 200 districts and cities."
  },
  directoryMahallas: {
    unit: "items",
    appliesTo: "mahallas of a directory",
    why: "Uzbekistan has about 9,500 mahallas."
  },
  directoryOfficers: {
    unit: "items",
    appliesTo: "officers of a directory",
    why: "A national directory of inspectors and chiefs has about 20,000 officers."
  },
  calendarYears: {
    unit: "items",
    appliesTo: "years of a calendar",
    why: "Calendar years run from 1992 to 2200."
  },
  calendarEntries: {
    unit: "items",
    appliesTo: "dated entries of one calendar year; fixed holidays",
    why: "A year has at most 366 days."
  },
  inputDepth: {
    unit: "levels",
    appliesTo: "nesting of any input, checked by `Decode` before the schema",
    why: "The deepest model (a command carrying an intake) nests six levels; deeper input is refused before it can exhaust the stack."
  },
  inputValues: {
    unit: "values",
    appliesTo: "values in all (objects, arrays and leaves) of any input, checked by `Decode`",
    why: "A national directory (20,000 officers, 9,500 mahallas) has about 450,000 values; the bound stops inputs built to exhaust memory or time."
  },
  inputItems: {
    unit: "items",
    appliesTo: "items of any one array or keys of any one object, checked by `Decode`",
    why: "The largest list (officers of a directory) is bounded at 100,000."
  },
  inputStringLength: {
    unit: "characters",
    appliesTo: "any one string of any input, checked by `Decode`",
    why: "No field allows more than 20,000 characters; a longer string is refused before any pattern runs on it."
  }
}

// C0 controls other than tab (09), line feed (0A) and carriage return (0D), and DEL.
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// Blank: only white space of any kind (`\s` covers U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000, U+FEFF) and invisible format characters (zero-width space and joiners,
// word joiner, Mongolian vowel separator, soft hyphen).
const blank = /^[\s\u200B-\u200D\u2060\u180E\u00AD]*$/

/**
 * Whether a text is blank: empty, or only white space (any Unicode space) and invisible format
 * characters.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * Limits.isBlank(" \u00a0\u3000\u200b") // true
 * Limits.isBlank(" a ") // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBlank = (s: string): boolean => blank.test(s)

/**
 * Whether a text holds a character that is refused in every text: a C0 control other than tab,
 * line feed and carriage return (NUL included), DEL, or a lone UTF-16 surrogate.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * Limits.hasForbiddenCharacter("a\u0000b") // true
 * Limits.hasForbiddenCharacter("line 1\r\nline 2\tend") // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasForbiddenCharacter = (s: string): boolean => control.test(s) || loneSurrogate.test(s)

/**
 * A text of at most `max` characters without forbidden characters; may be empty or blank (for
 * optional free texts such as a comment). The length is checked first, so no later check or
 * pattern ever runs on a longer string.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Limits.text(5))("") // true
 * Schema.is(Limits.text(5))("123456") // false
 * Schema.is(Limits.text(5))("a\u0000") // false
 *
 * @since 0.1.0
 * @category schemas
 */
export const text = (max: number) =>
  Schema.String.pipe(
    Schema.maxLength(max, { message: () => `Expected at most ${max} characters` }),
    Schema.filter((s) => !hasForbiddenCharacter(s), {
      message: () => "Expected text without control characters (tab, line feed and carriage return are allowed) or lone surrogates"
    })
  )

/**
 * A text of at most `max` characters that is not blank (where a value is required) and has no
 * forbidden characters.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Limits.requiredText(50))("Karimov") // true
 * Schema.is(Limits.requiredText(50))("   ") // false
 *
 * @since 0.1.0
 * @category schemas
 */
export const requiredText = (max: number) =>
  text(max).pipe(Schema.filter((s) => !isBlank(s), { message: () => "Expected non-blank text" }))

/**
 * A text of at most `max` characters that must match `pattern` (a code, a phone, a media type).
 * The length is checked before the pattern, so the pattern never runs on a long string.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Limits.matching(9, /^[0-9]{9}$/))("123456789") // true
 *
 * @since 0.1.0
 * @category schemas
 */
export const matching = (max: number, pattern: RegExp) =>
  Schema.String.pipe(Schema.maxLength(max, { message: () => `Expected at most ${max} characters` }), Schema.pattern(pattern))

/**
 * A list of at most `max` items.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Limits.array(Schema.String, 2))(["a", "b", "c"]) // false
 *
 * @since 0.1.0
 * @category schemas
 */
export const array = <S extends Schema.Schema.Any>(item: S, max: number): Schema.filter<Schema.Array$<S>> =>
  Schema.Array(item).pipe(Schema.maxItems<Schema.Array$<S>>(max, { message: () => `Expected at most ${max} items` }))

/**
 * A list of at least one and at most `max` items.
 *
 * @example
 * import { Limits } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.is(Limits.nonEmptyArray(Schema.String, 2))([]) // false
 *
 * @since 0.1.0
 * @category schemas
 */
export const nonEmptyArray = <S extends Schema.Schema.Any>(item: S, max: number): Schema.filter<Schema.filter<Schema.Array$<S>>> =>
  array(item, max).pipe(Schema.minItems<Schema.filter<Schema.Array$<S>>>(1, { message: () => "Expected at least one item" }))
