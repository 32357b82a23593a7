/**
 * The catalogue of Murojaat's errors. Every error is a `Schema.TaggedError`; its `_tag` is the
 * stable public code (API, logs, database, docs use the same spelling). Every error has a message
 * in uz-Latn, uz-Cyrl, ru and en: `Errors.messages(error)`; `error.message` is the English one.
 *
 * Domain errors say why the law or the rules refuse something; they are expected outcomes and are
 * returned in the error channel, never thrown. Port errors (`StoreError`) say that something outside
 * failed, with a closed `reason` and whether retrying may help.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e = new Errors.AppealNotFound({ appealId: "A-1" })
 * e._tag                                  // "AppealNotFound"
 * Errors.messages(e)["uz-Latn"]           // "Murojaat topilmadi: A-1"
 */
import { Schema } from "effect"
import * as I18n from "./I18n.js"

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/**
 * What is wrong with one field of an input.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.FieldProblem.literals // ["missing", "wrongType", "invalidValue", "notAllowed"]
 */
export const FieldProblem = Schema.Literal("missing", "wrongType", "invalidValue", "notAllowed")
/** @see FieldProblem */
export type FieldProblem = typeof FieldProblem.Type

/**
 * One wrong field: its path (dotted, `applicant.name`), the kind of problem, what was expected, and
 * the technical detail from the decoder.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.FieldIssue({ path: "kind", problem: "invalidValue", expected: '"ariza" | "taklif" | "shikoyat"', detail: "got \"x\"" })
 */
export class FieldIssue extends Schema.Class<FieldIssue>("FieldIssue")({
  path: Schema.String,
  problem: FieldProblem,
  expected: Schema.optional(Schema.String),
  detail: Schema.String
}) {}

const problemText: Record<FieldProblem, I18n.Text> = {
  missing: I18n.text("majburiy maydon toʻldirilmagan", "мажбурий майдон тўлдирилмаган", "обязательное поле не заполнено", "required field is missing"),
  wrongType: I18n.text("qiymat turi notoʻgʻri", "қиймат тури нотўғри", "неверный тип значения", "value has the wrong type"),
  invalidValue: I18n.text("qiymat yaroqsiz", "қиймат яроқсиз", "недопустимое значение", "value is not valid"),
  notAllowed: I18n.text("bu maydon ruxsat etilmagan", "бу майдон рухсат этилмаган", "это поле не допускается", "this field is not allowed")
}

const expectedText = I18n.text("kutilgan", "кутилган", "ожидалось", "expected")

/**
 * Input could not be decoded: names each wrong field and why. Returned by every decoder of
 * untrusted input (`Decode.unknown`).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e = new Errors.InvalidInput({ subject: "Appeal", issues: [new Errors.FieldIssue({ path: "kind", problem: "missing", detail: "is missing" })] })
 * e.message // "Invalid Appeal: kind: required field is missing"
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  subject: Schema.String,
  issues: Schema.Array(FieldIssue)
}) {}

// ---------------------------------------------------------------------------------------------
// Lifecycle and access
// ---------------------------------------------------------------------------------------------

/**
 * The command does not exist in the appeal's current state (including every terminal state).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.InvalidTransition({ appealId: "A-1", state: "closed", command: "answer" }).message
 * // "Command answer is not possible for appeal A-1 in state closed"
 */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()("InvalidTransition", {
  appealId: Schema.String,
  state: Schema.String,
  command: Schema.String
}) {}

/**
 * Why an actor was refused. One spelling, used in docs and the API.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.RefusalReason.literals.includes("roleNotAllowed") // true
 */
export const RefusalReason = Schema.Literal(
  "roleNotAllowed",
  "outsideJurisdiction",
  "conflictOfInterest",
  "notAssignee",
  "notApplicant",
  "readOnly",
  "officerInactive",
  "claimsMismatch"
)
/** @see RefusalReason */
export type RefusalReason = typeof RefusalReason.Type

const refusalText: Record<RefusalReason, I18n.Text> = {
  roleNotAllowed: I18n.text("bu rol uchun ruxsat yoʻq", "бу рол учун рухсат йўқ", "эта роль не имеет права", "this role may not do it"),
  outsideJurisdiction: I18n.text("murojaat xizmat hududingizdan tashqarida", "мурожаат хизмат ҳудудингиздан ташқарида", "обращение вне вашей территории обслуживания", "the appeal is outside the territory you serve"),
  conflictOfInterest: I18n.text("manfaatlar toʻqnashuvi: shikoyat sizning ustingizdan", "манфаатлар тўқнашуви: шикоят сизнинг устингиздан", "конфликт интересов: жалоба на вас", "conflict of interest: the complaint is about you"),
  notAssignee: I18n.text("murojaat sizga biriktirilmagan", "мурожаат сизга бириктирилмаган", "обращение не назначено вам", "the appeal is not assigned to you"),
  notApplicant: I18n.text("faqat murojaat egasi qila oladi", "фақат мурожаат эгаси қила олади", "это может сделать только заявитель", "only the applicant may do it"),
  readOnly: I18n.text("faqat oʻqish huquqi bor", "фақат ўқиш ҳуқуқи бор", "доступ только для чтения", "read-only access"),
  officerInactive: I18n.text(
    "xodim maʼlumotnomada faol emas",
    "ходим маълумотномада фаол эмас",
    "сотрудник не активен в справочнике",
    "the officer is not active in the directory"
  ),
  claimsMismatch: I18n.text(
    "koʻrsatilgan rol yoki hudud maʼlumotnomaga mos emas",
    "кўрсатилган рол ёки ҳудуд маълумотномага мос эмас",
    "указанные роль или территория не совпадают со справочником",
    "the roles or territory given do not match the directory"
  )
}

/**
 * The actor may not do this: the role, the territory served, a conflict of interest, or
 * ownership forbids it.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.NotAuthorized({ actor: "officer:O-7", command: "answer", reason: "notAssignee" }).message
 * // "Not authorized: officer:O-7 may not answer (the appeal is not assigned to you)"
 */
export class NotAuthorized extends Schema.TaggedError<NotAuthorized>()("NotAuthorized", {
  actor: Schema.String,
  command: Schema.String,
  reason: RefusalReason
}) {}

/**
 * A rule of law or of the configured policy refuses the command in this state (for example a
 * second extension, or a left-without-consideration without its written conclusion).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.RuleViolation({ appealId: "A-1", rule: "extension.once", source: "ZRU-445 Art. 28" }).message
 * // "Rule extension.once (ZRU-445 Art. 28) refuses this for appeal A-1"
 */
export class RuleViolation extends Schema.TaggedError<RuleViolation>()("RuleViolation", {
  appealId: Schema.String,
  rule: Schema.String,
  source: Schema.String
}) {}

/**
 * No appeal has this id (or the caller may not know it exists).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.AppealNotFound({ appealId: "A-404" })._tag // "AppealNotFound"
 */
export class AppealNotFound extends Schema.TaggedError<AppealNotFound>()("AppealNotFound", {
  appealId: Schema.String
}) {}

/**
 * Someone else changed the appeal since it was read: reload and decide again.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.VersionConflict({ appealId: "A-1", expected: 3, actual: 4 }).message
 * // "Appeal A-1 changed meanwhile: expected version 3, found 4"
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  appealId: Schema.String,
  expected: Schema.Number,
  actual: Schema.Number
}) {}

/**
 * The idempotency key was used before with a different request.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.IdempotencyConflict({ key: "k-1" })._tag // "IdempotencyConflict"
 */
export class IdempotencyConflict extends Schema.TaggedError<IdempotencyConflict>()("IdempotencyConflict", {
  key: Schema.String
}) {}

/**
 * An officer named by a command or an actor is not in the directory.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.OfficerNotFound({ officerId: "O-9" }).message // "Officer not found in the directory: O-9"
 */
export class OfficerNotFound extends Schema.TaggedError<OfficerNotFound>()("OfficerNotFound", {
  officerId: Schema.String
}) {}

// ---------------------------------------------------------------------------------------------
// Calendar and deadlines
// ---------------------------------------------------------------------------------------------

/**
 * Calendar data (JSON or iCalendar) was rejected: each problem names its place (`years.0.entries.3.date`,
 * `VEVENT 2.DTSTART`) and why, for example a date that does not exist, a date outside its year, a
 * worked day that is not a rest day, or one date both worked and off.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e = new Errors.InvalidCalendar({ calendar: "uz", issues: [new Errors.FieldIssue({ path: "years.0.entries.0.date", problem: "invalidValue", detail: "2027-01-02 is not in 2026" })] })
 * e.message // "Invalid calendar uz: years.0.entries.0.date: value is not valid (2027-01-02 is not in 2026)"
 */
export class InvalidCalendar extends Schema.TaggedError<InvalidCalendar>()("InvalidCalendar", {
  calendar: Schema.String,
  issues: Schema.Array(FieldIssue)
}) {}

// ---------------------------------------------------------------------------------------------
// Assignment
// ---------------------------------------------------------------------------------------------

/**
 * Why an officer was excluded from an assignment. Closed set, used in explanations and docs.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.ExclusionReason.literals.includes("subjectOfComplaint") // true
 */
export const ExclusionReason = Schema.Literal(
  "notServingMahalla",
  "roleMismatch",
  "inactive",
  "absent",
  "offDuty",
  "subjectOfComplaint",
  "declaredConflict",
  "currentAssignee"
)
/** @see ExclusionReason */
export type ExclusionReason = typeof ExclusionReason.Type

/**
 * Why no officer could take an appeal, from how far the best candidate got through the checks:
 * the mahalla is unknown (or not in the district given), nobody serves it, nobody holds the role,
 * nobody is on duty, every one on duty has a conflict, or only the current holder could take it.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.NoCandidateReason.literals[0] // "unknownMahalla"
 */
export const NoCandidateReason = Schema.Literal(
  "unknownMahalla",
  "noOfficerServesMahalla",
  "noOfficerWithRole",
  "noneOnDuty",
  "conflictOfInterest",
  "onlyCurrentAssignee"
)
/** @see NoCandidateReason */
export type NoCandidateReason = typeof NoCandidateReason.Type

const noCandidateText: Record<NoCandidateReason, I18n.Text> = {
  unknownMahalla: I18n.text("mahalla maʼlumotnomada bu tumanda yoʻq", "маҳалла маълумотномада бу туманда йўқ", "махалли нет в справочнике в этом районе", "the mahalla is not in the directory in this district"),
  noOfficerServesMahalla: I18n.text("mahallaga hech kim xizmat koʻrsatmaydi", "маҳаллага ҳеч ким хизмат кўрсатмайди", "махаллю никто не обслуживает", "nobody serves the mahalla"),
  noOfficerWithRole: I18n.text("kerakli lavozimdagi xodim yoʻq", "керакли лавозимдаги ходим йўқ", "нет сотрудника нужной должности", "nobody holds the required role"),
  noneOnDuty: I18n.text("navbatchilikda hech kim yoʻq", "навбатчиликда ҳеч ким йўқ", "никого нет на службе", "nobody is on duty"),
  conflictOfInterest: I18n.text("barchasida manfaatlar toʻqnashuvi bor", "барчасида манфаатлар тўқнашуви бор", "у всех конфликт интересов", "every officer on duty has a conflict of interest"),
  onlyCurrentAssignee: I18n.text("hozirgi ijrochidan boshqa hech kim yoʻq", "ҳозирги ижрочидан бошқа ҳеч ким йўқ", "никого, кроме текущего исполнителя", "nobody but the current assignee")
}

/**
 * No officer can take the appeal, in the mahalla nor among the district's senior inspectors: it
 * stays in the district chief's queue (`chiefOfficerIds`). Names the reason, every officer
 * excluded with why, and the rule ids applied.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.NoEligibleInspector({ appealId: "A-1", mahallaCode: "M-1", districtCode: "D-1", reason: "noneOnDuty", chiefOfficerIds: ["O-9"], excluded: [], rules: [] }).message
 * // "No eligible inspector for appeal A-1 in mahalla M-1 (nobody is on duty): it goes to the district chief's queue of D-1"
 */
export class NoEligibleInspector extends Schema.TaggedError<NoEligibleInspector>()("NoEligibleInspector", {
  appealId: Schema.String,
  mahallaCode: Schema.String,
  districtCode: Schema.String,
  reason: NoCandidateReason,
  chiefOfficerIds: Schema.Array(Schema.String),
  excluded: Schema.Array(
    Schema.Struct({ officerId: Schema.String, tier: Schema.String, role: Schema.String, reasons: Schema.Array(ExclusionReason) })
  ),
  rules: Schema.Array(Schema.String)
}) {}

// ---------------------------------------------------------------------------------------------
// Ports (infrastructure)
// ---------------------------------------------------------------------------------------------

/**
 * Why a port (store, outbox, directory, idempotency) failed. Closed set, so a consumer can decide
 * redelivery exhaustively. `invalidInput`: a value no adapter can store as a key (U+0000, a lone
 * surrogate, longer than `StoreKey.maxLength`); every adapter refuses the same values
 * (docs/adapters.md), and the service reports them as `InvalidInput`.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.StoreFailure.literals.includes("unavailable") // true
 */
export const StoreFailure = Schema.Literal("unavailable", "timeout", "serialization", "constraint", "corrupt", "invalidInput", "unknown")
/** @see StoreFailure */
export type StoreFailure = typeof StoreFailure.Type

/**
 * A bug: something failed that no rule foresaw. The async facade rejects with it instead of a raw
 * exception, so callers always get a tagged error; details stay out of it (they may hold input).
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.InternalError({ operation: "submit" }).message // "Internal error in submit: please report it"
 */
export class InternalError extends Schema.TaggedError<InternalError>()("InternalError", {
  operation: Schema.String
}) {}

const retryable: Record<StoreFailure, boolean> = {
  unavailable: true,
  timeout: true,
  serialization: true,
  constraint: false,
  corrupt: false,
  invalidInput: false,
  unknown: false
}

/**
 * A port failed. `isRetryable` tells a queue consumer whether redelivery may succeed. The `detail`
 * is technical and carries no personal data.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * new Errors.StoreError({ port: "AppealStore", reason: "timeout", detail: "statement timeout" }).isRetryable // true
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  port: Schema.String,
  reason: StoreFailure,
  detail: Schema.String
}) {
  /** Whether trying again later may succeed. */
  get isRetryable(): boolean {
    return retryable[this.reason]
  }
}

// ---------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------

/**
 * Every error Murojaat returns. Adding an error here forces a message in the table below and a
 * mapping in every adapter that matches on `_tag` exhaustively.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const code = (e: Errors.MurojaatError) => e._tag
 */
export type MurojaatError =
  | InvalidInput
  | InvalidTransition
  | NotAuthorized
  | RuleViolation
  | AppealNotFound
  | VersionConflict
  | IdempotencyConflict
  | OfficerNotFound
  | NoEligibleInspector
  | InvalidCalendar
  | StoreError
  | InternalError

/**
 * The stable error codes.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const c: Errors.Code = "VersionConflict"
 */
export type Code = MurojaatError["_tag"]

type Table = { readonly [K in Code]: (e: Extract<MurojaatError, { _tag: K }>) => I18n.Text }

const issueLine = (i: FieldIssue, l: I18n.Locale) =>
  `${i.path || "(root)"}: ${problemText[i.problem][l]}${i.expected ? ` (${expectedText[l]} ${i.expected})` : ""}`

const table: Table = {
  InvalidInput: (e) => {
    const lines = (l: I18n.Locale) => e.issues.map((i) => issueLine(i, l)).join("; ")
    return I18n.text(
      `${e.subject} maʼlumotlari notoʻgʻri: ${lines("uz-Latn")}`,
      `${e.subject} маълумотлари нотўғри: ${lines("uz-Cyrl")}`,
      `Неверные данные ${e.subject}: ${lines("ru")}`,
      `Invalid ${e.subject}: ${lines("en")}`
    )
  },
  InvalidTransition: (e) =>
    I18n.text(
      `${e.state} holatidagi ${e.appealId} murojaati uchun ${e.command} buyrugʻi mumkin emas`,
      `${e.state} ҳолатидаги ${e.appealId} мурожаати учун ${e.command} буйруғи мумкин эмас`,
      `Команда ${e.command} невозможна для обращения ${e.appealId} в состоянии ${e.state}`,
      `Command ${e.command} is not possible for appeal ${e.appealId} in state ${e.state}`
    ),
  NotAuthorized: (e) =>
    I18n.text(
      `Ruxsat yoʻq: ${e.actor} ${e.command} qila olmaydi (${refusalText[e.reason]["uz-Latn"]})`,
      `Рухсат йўқ: ${e.actor} ${e.command} қила олмайди (${refusalText[e.reason]["uz-Cyrl"]})`,
      `Нет прав: ${e.actor} не может выполнить ${e.command} (${refusalText[e.reason].ru})`,
      `Not authorized: ${e.actor} may not ${e.command} (${refusalText[e.reason].en})`
    ),
  RuleViolation: (e) =>
    I18n.text(
      `${e.rule} qoidasi (${e.source}) ${e.appealId} murojaati uchun buni taqiqlaydi`,
      `${e.rule} қоидаси (${e.source}) ${e.appealId} мурожаати учун буни тақиқлайди`,
      `Правило ${e.rule} (${e.source}) запрещает это для обращения ${e.appealId}`,
      `Rule ${e.rule} (${e.source}) refuses this for appeal ${e.appealId}`
    ),
  AppealNotFound: (e) =>
    I18n.text(
      `Murojaat topilmadi: ${e.appealId}`,
      `Мурожаат топилмади: ${e.appealId}`,
      `Обращение не найдено: ${e.appealId}`,
      `Appeal not found: ${e.appealId}`
    ),
  VersionConflict: (e) =>
    I18n.text(
      `${e.appealId} murojaati shu orada oʻzgardi: ${e.expected}-versiya kutilgan, ${e.actual} topildi`,
      `${e.appealId} мурожаати шу орада ўзгарди: ${e.expected}-версия кутилган, ${e.actual} топилди`,
      `Обращение ${e.appealId} изменилось: ожидалась версия ${e.expected}, найдена ${e.actual}`,
      `Appeal ${e.appealId} changed meanwhile: expected version ${e.expected}, found ${e.actual}`
    ),
  IdempotencyConflict: (e) =>
    I18n.text(
      `${e.key} kaliti avval boshqa soʻrov bilan ishlatilgan`,
      `${e.key} калити аввал бошқа сўров билан ишлатилган`,
      `Ключ ${e.key} уже использован с другим запросом`,
      `Idempotency key ${e.key} was already used with a different request`
    ),
  OfficerNotFound: (e) =>
    I18n.text(
      `Xodim maʼlumotnomada topilmadi: ${e.officerId}`,
      `Ходим маълумотномада топилмади: ${e.officerId}`,
      `Сотрудник не найден в справочнике: ${e.officerId}`,
      `Officer not found in the directory: ${e.officerId}`
    ),
  NoEligibleInspector: (e) =>
    I18n.text(
      `${e.mahallaCode} mahallasida ${e.appealId} murojaati uchun mos inspektor yoʻq (${noCandidateText[e.reason]["uz-Latn"]}): u ${e.districtCode} tuman boshligʻi navbatiga oʻtadi`,
      `${e.mahallaCode} маҳалласида ${e.appealId} мурожаати учун мос инспектор йўқ (${noCandidateText[e.reason]["uz-Cyrl"]}): у ${e.districtCode} туман бошлиғи навбатига ўтади`,
      `Нет подходящего инспектора для обращения ${e.appealId} в махалле ${e.mahallaCode} (${noCandidateText[e.reason].ru}): оно передаётся в очередь начальника района ${e.districtCode}`,
      `No eligible inspector for appeal ${e.appealId} in mahalla ${e.mahallaCode} (${noCandidateText[e.reason].en}): it goes to the district chief's queue of ${e.districtCode}`
    ),
  InvalidCalendar: (e) => {
    const lines = (l: I18n.Locale) => e.issues.map((i) => `${issueLine(i, l)} (${i.detail})`).join("; ")
    return I18n.text(
      `${e.calendar} taqvimi notoʻgʻri: ${lines("uz-Latn")}`,
      `${e.calendar} тақвими нотўғри: ${lines("uz-Cyrl")}`,
      `Неверный календарь ${e.calendar}: ${lines("ru")}`,
      `Invalid calendar ${e.calendar}: ${lines("en")}`
    )
  },
  StoreError: (e) => {
    const retry = e.isRetryable
    return I18n.text(
      `${e.port} ishlamadi (${e.reason})${retry ? ", keyinroq qayta urinib koʻring" : ""}`,
      `${e.port} ишламади (${e.reason})${retry ? ", кейинроқ қайта уриниб кўринг" : ""}`,
      `Сбой ${e.port} (${e.reason})${retry ? ", повторите позже" : ""}`,
      `${e.port} failed (${e.reason})${retry ? ", try again later" : ""}`
    )
  },
  InternalError: (e) =>
    I18n.text(
      `${e.operation} bajarilishida ichki xato: iltimos, xabar bering`,
      `${e.operation} бажарилишида ички хато: илтимос, хабар беринг`,
      `Внутренняя ошибка в ${e.operation}: сообщите о ней`,
      `Internal error in ${e.operation}: please report it`
    )
}

/**
 * The four messages of an error.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.messages(new Errors.AppealNotFound({ appealId: "A-1" })).ru // "Обращение не найдено: A-1"
 */
export const messages = (e: MurojaatError): I18n.Text => (table[e._tag] as (e: MurojaatError) => I18n.Text)(e)

/**
 * One message of an error in the given locale.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.messageIn(new Errors.AppealNotFound({ appealId: "A-1" }), "uz-Cyrl") // "Мурожаат топилмади: A-1"
 */
export const messageIn = (e: MurojaatError, locale: I18n.Locale): string => messages(e)[locale]

/**
 * Catalogue entry for docs and adapters: the code, what it means, and an example instance.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * const e: Errors.Entry | undefined = Errors.catalogue.find((e) => e.code === "AppealNotFound")
 * e?.example._tag // "AppealNotFound"
 */
export interface Entry {
  readonly code: Code
  readonly meaning: string
  readonly example: MurojaatError
}

/**
 * Every error code with its meaning and an example; rendered to docs/rules/errors.md.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.catalogue.map((e) => e.code).includes("NotAuthorized") // true
 */
export const catalogue: ReadonlyArray<Entry> = [
  {
    code: "InvalidInput",
    meaning: "Input could not be decoded; every wrong field is named with the reason.",
    example: new InvalidInput({
      subject: "Appeal",
      issues: [new FieldIssue({ path: "applicant.name", problem: "missing", detail: "is missing" })]
    })
  },
  {
    code: "InvalidTransition",
    meaning: "The command does not exist in the appeal's current state; terminal states accept nothing.",
    example: new InvalidTransition({ appealId: "A-1", state: "closed", command: "answer" })
  },
  {
    code: "NotAuthorized",
    meaning: "The actor's role, territory, a conflict of interest or ownership forbids the command.",
    example: new NotAuthorized({ actor: "officer:O-7", command: "answer", reason: "notAssignee" })
  },
  {
    code: "RuleViolation",
    meaning: "A rule of law or of the configured policy refuses the command; the rule id and its source are named.",
    example: new RuleViolation({ appealId: "A-1", rule: "extension.once", source: "ZRU-445 Art. 28" })
  },
  { code: "AppealNotFound", meaning: "No appeal has this id.", example: new AppealNotFound({ appealId: "A-404" }) },
  {
    code: "VersionConflict",
    meaning: "The appeal changed since it was read (optimistic concurrency); reload and decide again.",
    example: new VersionConflict({ appealId: "A-1", expected: 3, actual: 4 })
  },
  {
    code: "IdempotencyConflict",
    meaning: "An idempotency key was reused with a different request.",
    example: new IdempotencyConflict({ key: "k-1" })
  },
  {
    code: "OfficerNotFound",
    meaning: "An officer named by the actor or the command is not in the directory.",
    example: new OfficerNotFound({ officerId: "O-9" })
  },
  {
    code: "NoEligibleInspector",
    meaning:
      "No officer of the mahalla nor senior inspector of the district can take the appeal (coverage, role, duty, conflicts); it stays in the district chief's queue. The reason and every exclusion are named.",
    example: new NoEligibleInspector({
      appealId: "A-1",
      mahallaCode: "1726262-001",
      districtCode: "1726262",
      reason: "noneOnDuty",
      chiefOfficerIds: ["O-9"],
      excluded: [{ officerId: "O-1", tier: "mahalla", role: "preventionInspector", reasons: ["absent"] }],
      rules: ["assignment.duty", "assignment.fallback.districtChiefQueue"]
    })
  },
  {
    code: "InvalidCalendar",
    meaning: "Calendar data (JSON or iCalendar) was rejected; every problem is named with its place and reason.",
    example: new InvalidCalendar({
      calendar: "uz",
      issues: [new FieldIssue({ path: "years.0.entries.0.date", problem: "invalidValue", detail: "2027-01-02 is not in 2026" })]
    })
  },
  {
    code: "StoreError",
    meaning: "A port failed; `reason` is a closed set and `isRetryable` tells whether redelivery may help.",
    example: new StoreError({ port: "AppealStore", reason: "unavailable", detail: "connection refused" })
  },
  {
    code: "InternalError",
    meaning: "A bug: a failure no rule foresaw. The facade reports it instead of a raw exception; a retry with the same idempotency key is safe.",
    example: new InternalError({ operation: "submit" })
  }
]

// `error.message` is the English text, so logs and stack traces read well without a locale.
for (const entry of catalogue) {
  Object.defineProperty(Object.getPrototypeOf(entry.example), "message", {
    get(this: MurojaatError) {
      return messages(this).en
    },
    enumerable: false,
    configurable: true
  })
}

/**
 * Whether a value is one of Murojaat's errors.
 *
 * @example
 * import { Errors } from "@murojaat/core"
 * Errors.isMurojaatError(new Errors.AppealNotFound({ appealId: "x" })) // true
 */
export const isMurojaatError = (u: unknown): u is MurojaatError =>
  typeof u === "object" && u !== null && "_tag" in u && typeof (u as { _tag: unknown })._tag === "string" &&
  (u as { _tag: string })._tag in table
