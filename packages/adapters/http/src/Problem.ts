/**
 * Errors on the wire: RFC 9457 problem details (`application/problem+json`). Every refusal, from the
 * core's error catalogue or from the HTTP edge (a malformed body, a missing token, a stale
 * `If-Match`), becomes one `Problem` with the stable code (`code`, the core's `_tag` where there is
 * one), the HTTP status, the field issues for input errors, and the message in the language of the
 * request's `Accept-Language` (uz-Latn, uz-Cyrl, ru, en; Uzbek in Latin script by default). Messages
 * never echo what a caller sent (the core's decoders drop the values; so does this module).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * import { Errors } from "@murojaat/core"
 * const p = Problem.fromError(new Errors.AppealNotFound({ appealId: "A-1" }))
 * [p.status, p.code] // [404, "AppealNotFound"]
 * Problem.document(p, "ru", { instance: "/v1/appeals/A-1" }).detail // "Обращение не найдено: A-1"
 *
 * @since 0.1.0
 */
import { Errors, I18n } from "@murojaat/core"
import { Schema } from "effect"
import type * as Identity from "./Identity.js"
import * as Locale from "./open311/Locale.js"

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

// Every request negotiates its language, and clients send the same few headers again and again:
// the answer is kept by header (short ones; bounded, so a client's variety cannot grow it).
const negotiated = new Map<string, I18n.Locale>()

/**
 * The locale of an `Accept-Language` header: the first supported language by quality (`uz`,
 * `uz-Latn` and `uz-UZ` are Uzbek in Latin script, `uz-Cyrl` in Cyrillic; `ru-*` Russian; `en-*`
 * English), Uzbek in Latin script when none is supported or the header is absent or malformed.
 * The same negotiation as Open311's (`Open311.Locale.negotiate` without a `locale` parameter).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.negotiate("ru-RU,ru;q=0.9,en;q=0.8") // "ru"
 * Problem.negotiate("de, uz-Cyrl;q=0.5") // "uz-Cyrl"
 * Problem.negotiate(undefined) // "uz-Latn"
 *
 * @since 0.1.0
 */
export const negotiate = (header: string | undefined): I18n.Locale => {
  if (header === undefined || header.length > 200) return Locale.negotiate(undefined, header)
  let locale = negotiated.get(header)
  if (locale === undefined) {
    locale = Locale.negotiate(undefined, header)
    if (negotiated.size >= 1000) negotiated.clear()
    negotiated.set(header, locale)
  }
  return locale
}

/**
 * The `Content-Language` value of a locale (BCP 47).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.contentLanguage("uz-Latn") // "uz-Latn"
 *
 * @since 0.1.0
 */
export const contentLanguage = (locale: I18n.Locale): string => locale

// ---------------------------------------------------------------------------------------------
// The problem
// ---------------------------------------------------------------------------------------------

/**
 * One wrong field, as a problem lists it (the core's `FieldIssue`).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Problem.Issue)({ path: "kind", problem: "missing", detail: "is missing" }).path // "kind"
 *
 * @since 0.1.0
 */
export const Issue = Schema.Struct({
  path: Schema.String,
  problem: Errors.FieldProblem,
  expected: Schema.optional(Schema.String),
  detail: Schema.String
})
/**
 * @see Issue
 * @example
 * import type { Problem } from "@murojaat/http"
 * const i: Problem.Issue = { path: "kind", problem: "missing", detail: "is missing" }
 * @since 0.1.0
 */
export type Issue = typeof Issue.Type

/**
 * A refusal on its way to the wire: status, stable code, the four messages, the field issues, and
 * extra members (`appealId`, `reason`, `rule`, ...) that carry ids and codes, never values a person
 * typed. `retryAfter` (seconds) becomes the `Retry-After` header.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * import { I18n } from "@murojaat/core"
 * new Problem.Problem({ status: 418, code: "Teapot", messages: I18n.text("a", "а", "а", "a") }).status // 418
 *
 * @since 0.1.0
 */
export class Problem extends Schema.TaggedError<Problem>()("Problem", {
  status: Schema.Int,
  code: Schema.String,
  messages: I18n.Text,
  issues: Schema.optional(Schema.Array(Issue)),
  extra: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  retryAfter: Schema.optional(Schema.Int)
}) {
  override get message(): string {
    return `${this.code}: ${this.messages.en}`
  }
}

/**
 * The RFC 9457 document a client receives (`application/problem+json`): `type` (a URN naming the
 * code), `title` (the code's meaning in English, the same for every occurrence), `status`, `detail`
 * (the message in the request's language), `instance` (the request path), and the extensions `code`,
 * `language`, `requestId`, `issues` and the code's own members.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.Document.fields.code !== undefined // true
 *
 * @since 0.1.0
 */
export const Document = Schema.Struct({
  type: Schema.String.annotations({ description: "urn:murojaat:problem:<code>" }),
  title: Schema.String,
  status: Schema.Int,
  detail: Schema.String.annotations({ description: "The message, in the language of Accept-Language (uz-Latn, uz-Cyrl, ru, en)." }),
  instance: Schema.optional(Schema.String),
  code: Schema.String.annotations({ description: "The stable error code (the core's error _tag, or an HTTP edge code)." }),
  language: I18n.Locale,
  requestId: Schema.optional(Schema.String),
  issues: Schema.optional(Schema.Array(Issue))
}).annotations({ identifier: "Problem", title: "RFC 9457 problem details" })
/**
 * @see Document
 * @example
 * import type { Problem } from "@murojaat/http"
 * const d: Problem.Document = { type: "urn:murojaat:problem:AppealNotFound", title: "Not Found", status: 404, detail: "…", code: "AppealNotFound", language: "en" }
 * @since 0.1.0
 */
export type Document = typeof Document.Type

/**
 * The media type of problem documents.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.mediaType // "application/problem+json"
 *
 * @since 0.1.0
 */
export const mediaType = "application/problem+json"

const reasonPhrases: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable"
}

/**
 * The document of a problem in a locale, with the request's path and id.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.document(Problem.notFound(), "en", { requestId: "r-1" }).requestId // "r-1"
 *
 * @since 0.1.0
 */
export const document = (
  problem: Problem,
  locale: I18n.Locale,
  context: { readonly instance?: string | undefined; readonly requestId?: string | undefined } = {}
): Document & Record<string, unknown> => ({
  ...problem.extra,
  type: `urn:murojaat:problem:${problem.code}`,
  title: reasonPhrases[problem.status] ?? "Error",
  status: problem.status,
  detail: I18n.pick(problem.messages, locale),
  ...(context.instance !== undefined ? { instance: context.instance } : {}),
  code: problem.code,
  language: locale,
  ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
  ...(problem.issues !== undefined && problem.issues.length > 0 ? { issues: problem.issues } : {})
})

// ---------------------------------------------------------------------------------------------
// From the core's errors
// ---------------------------------------------------------------------------------------------

/**
 * The HTTP status of each core error code. `StoreError` depends on its reason: 503 when a retry may
 * help (unavailable, timeout, serialization), 409 for a constraint, 400 for input the store cannot
 * hold, 500 otherwise.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.statusOf.AppealNotFound // 404
 *
 * @since 0.1.0
 */
export const statusOf: { readonly [C in Exclude<Errors.Code, "StoreError">]: number } = {
  InvalidInput: 400,
  InvalidTransition: 409,
  NotAuthorized: 403,
  RuleViolation: 422,
  AppealNotFound: 404,
  VersionConflict: 409,
  IdempotencyConflict: 422,
  OfficerNotFound: 404,
  NoEligibleInspector: 422,
  InvalidCalendar: 422,
  InternalError: 500
}

const storeStatus = (e: Errors.StoreError): number =>
  Errors.StoreFailure.literals.includes(e.reason) && ["unavailable", "timeout", "serialization"].includes(e.reason)
    ? 503
    : e.reason === "constraint"
      ? 409
      : e.reason === "invalidInput"
        ? 400
        : 500

// Ids and codes a client may act on; never free text (the core's errors hold none but `detail`
// of a StoreError, which is for operators' logs and is left out here).
const extraOf = (e: Errors.MurojaatError): Record<string, unknown> | undefined => {
  switch (e._tag) {
    case "InvalidInput":
      return { subject: e.subject }
    case "InvalidTransition":
      return { appealId: e.appealId, state: e.state, command: e.command }
    case "NotAuthorized":
      return { reason: e.reason, command: e.command }
    case "RuleViolation":
      return { appealId: e.appealId, rule: e.rule, source: e.source }
    case "AppealNotFound":
      return { appealId: e.appealId }
    case "VersionConflict":
      return { appealId: e.appealId, expected: e.expected, actual: e.actual }
    case "IdempotencyConflict":
      return undefined
    case "OfficerNotFound":
      return { officerId: e.officerId }
    case "NoEligibleInspector":
      return { appealId: e.appealId, reason: e.reason, rules: e.rules }
    case "InvalidCalendar":
      return { calendar: e.calendar }
    case "StoreError":
      return { port: e.port, reason: e.reason }
    case "InternalError":
      return undefined
  }
}

/**
 * The problem of a core error: its status, its code, its four messages, its field issues.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * import { Errors } from "@murojaat/core"
 * Problem.fromError(new Errors.StoreError({ port: "AppealStore", reason: "unavailable", detail: "x" })).status // 503
 *
 * @since 0.1.0
 */
export const fromError = (e: Errors.MurojaatError): Problem =>
  new Problem({
    status: e._tag === "StoreError" ? storeStatus(e) : statusOf[e._tag],
    code: e._tag,
    messages: Errors.messages(e),
    ...(e._tag === "InvalidInput" || e._tag === "InvalidCalendar" ? { issues: e.issues.map((i) => ({ ...i })) } : {}),
    ...(extraOf(e) !== undefined ? { extra: extraOf(e)! } : {}),
    ...(e._tag === "StoreError" && storeStatus(e) === 503 ? { retryAfter: 1 } : {})
  })

// ---------------------------------------------------------------------------------------------
// The edge's own problems
// ---------------------------------------------------------------------------------------------

const unauthenticatedText: { readonly [R in Identity.UnauthenticatedReason]: I18n.Text } = {
  missing: I18n.text(
    "Kirish tokeni berilmagan (Authorization: Bearer …)",
    "Кириш токени берилмаган (Authorization: Bearer …)",
    "Не передан токен доступа (Authorization: Bearer …)",
    "No access token was given (Authorization: Bearer …)"
  ),
  malformed: I18n.text("Kirish tokeni notoʻgʻri shaklda", "Кириш токени нотўғри шаклда", "Токен доступа имеет неверный формат", "The access token is malformed"),
  badSignature: I18n.text("Kirish tokenining imzosi yaroqsiz", "Кириш токенининг имзоси яроқсиз", "Подпись токена доступа недействительна", "The access token's signature is not valid"),
  expired: I18n.text(
    "Kirish tokenining muddati tugagan yoki hali boshlanmagan",
    "Кириш токенининг муддати тугаган ёки ҳали бошланмаган",
    "Срок действия токена истёк или ещё не наступил",
    "The access token has expired or is not valid yet"
  ),
  wrongIssuer: I18n.text("Kirish tokeni boshqa tizim tomonidan berilgan", "Кириш токени бошқа тизим томонидан берилган", "Токен выдан другим издателем", "The access token was issued by another issuer"),
  wrongAudience: I18n.text("Kirish tokeni bu xizmat uchun emas", "Кириш токени бу хизмат учун эмас", "Токен выдан не для этой службы", "The access token is not meant for this service"),
  badClaims: I18n.text(
    "Kirish tokenida kerakli maʼlumotlar yoʻq yoki notoʻgʻri",
    "Кириш токенида керакли маълумотлар йўқ ёки нотўғри",
    "В токене нет нужных утверждений или они неверны",
    "The access token's claims are missing or not valid"
  ),
  unknownClient: I18n.text("Mijoz roʻyxatdan oʻtmagan", "Мижоз рўйхатдан ўтмаган", "Клиент не зарегистрирован", "The client is not registered"),
  keysUnavailable: I18n.text(
    "Tokenni tekshirish kalitlari hozir mavjud emas, keyinroq urinib koʻring",
    "Токенни текшириш калитлари ҳозир мавжуд эмас, кейинроқ уриниб кўринг",
    "Ключи проверки токена сейчас недоступны, повторите позже",
    "The keys to check the token are not available now; try again later"
  )
}

/**
 * The problem of a refused credential: 401 with the reason (503 when the identity provider's keys
 * could not be fetched).
 *
 * @example
 * import { Problem, Identity } from "@murojaat/http"
 * Problem.unauthenticated(new Identity.Unauthenticated({ reason: "expired" })).status // 401
 *
 * @since 0.1.0
 */
export const unauthenticated = (e: Identity.Unauthenticated): Problem =>
  new Problem({
    status: e.reason === "keysUnavailable" ? 503 : 401,
    code: "Unauthenticated",
    messages: unauthenticatedText[e.reason],
    extra: { reason: e.reason },
    ...(e.reason === "keysUnavailable" ? { retryAfter: 5 } : {})
  })

/**
 * The problem of a missing scope (403).
 *
 * @example
 * import { Problem, Identity } from "@murojaat/http"
 * Problem.insufficientScope(new Identity.InsufficientScope({ scope: "lists:read" })).code // "InsufficientScope"
 *
 * @since 0.1.0
 */
export const insufficientScope = (e: Identity.InsufficientScope): Problem =>
  new Problem({
    status: 403,
    code: "InsufficientScope",
    messages: I18n.text(
      `Sizning kirish huquqlaringiz bunga yetmaydi (kerak: ${e.scope})`,
      `Сизнинг кириш ҳуқуқларингиз бунга етмайди (керак: ${e.scope})`,
      `Ваших прав доступа для этого недостаточно (нужно: ${e.scope})`,
      `Your access does not cover this (needed: ${e.scope})`
    ),
    extra: { scope: e.scope }
  })

/**
 * A request body that is not JSON, or not UTF-8 (400 `MalformedBody`).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.malformedBody().status // 400
 *
 * @since 0.1.0
 */
export const malformedBody = (): Problem =>
  new Problem({
    status: 400,
    code: "MalformedBody",
    messages: I18n.text(
      "Soʻrov tanasi yaroqli JSON emas (UTF-8)",
      "Сўров танаси яроқли JSON эмас (UTF-8)",
      "Тело запроса не является корректным JSON (UTF-8)",
      "The request body is not valid JSON (UTF-8)"
    )
  })

/**
 * A body over the limit (413 `PayloadTooLarge`).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.payloadTooLarge(65536).extra // { limitBytes: 65536 }
 *
 * @since 0.1.0
 */
export const payloadTooLarge = (limitBytes: number): Problem =>
  new Problem({
    status: 413,
    code: "PayloadTooLarge",
    messages: I18n.text(
      `Soʻrov tanasi juda katta (eng koʻpi ${limitBytes} bayt)`,
      `Сўров танаси жуда катта (энг кўпи ${limitBytes} байт)`,
      `Тело запроса слишком велико (не более ${limitBytes} байт)`,
      `The request body is too large (at most ${limitBytes} bytes)`
    ),
    extra: { limitBytes }
  })

/**
 * A body of another media type than JSON (415 `UnsupportedMediaType`).
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.unsupportedMediaType().status // 415
 *
 * @since 0.1.0
 */
export const unsupportedMediaType = (): Problem =>
  new Problem({
    status: 415,
    code: "UnsupportedMediaType",
    messages: I18n.text(
      "Soʻrov tanasi application/json (UTF-8) boʻlishi kerak",
      "Сўров танаси application/json (UTF-8) бўлиши керак",
      "Тело запроса должно быть application/json (UTF-8)",
      "The request body must be application/json (UTF-8)"
    ),
    extra: { accepted: ["application/json"] }
  })

/**
 * No such route (404 `NotFound`); the same answer for every unknown path.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.notFound().code // "NotFound"
 *
 * @since 0.1.0
 */
export const notFound = (): Problem =>
  new Problem({
    status: 404,
    code: "NotFound",
    messages: I18n.text("Bunday manzil yoʻq", "Бундай манзил йўқ", "Такого адреса нет", "There is no such resource")
  })

/**
 * The appeal changed since the version the caller named in `If-Match` (412 `PreconditionFailed`),
 * with the current version.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.preconditionFailed("A-1", 3, 5).extra // { appealId: "A-1", expected: 3, actual: 5 }
 *
 * @since 0.1.0
 */
export const preconditionFailed = (appealId: string, expected: number | undefined, actual: number): Problem =>
  new Problem({
    status: 412,
    code: "PreconditionFailed",
    messages: I18n.text(
      `Murojaat ${appealId} siz koʻrgan versiyadan keyin oʻzgargan (hozirgi versiya ${actual}); qayta oʻqing`,
      `Мурожаат ${appealId} сиз кўрган версиядан кейин ўзгарган (ҳозирги версия ${actual}); қайта ўқинг`,
      `Обращение ${appealId} изменилось после версии, которую вы видели (текущая версия ${actual}); прочитайте его снова`,
      `Appeal ${appealId} changed after the version you saw (now version ${actual}); read it again`
    ),
    extra: { appealId, ...(expected !== undefined ? { expected } : {}), actual }
  })

/**
 * Too many requests from this client (429 `RateLimited`), with `Retry-After`.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.rateLimited(2).retryAfter // 2
 *
 * @since 0.1.0
 */
export const rateLimited = (retryAfterSeconds: number): Problem =>
  new Problem({
    status: 429,
    code: "RateLimited",
    messages: I18n.text(
      "Soʻrovlar juda koʻp; birozdan keyin qayta urinib koʻring",
      "Сўровлар жуда кўп; бироздан кейин қайта уриниб кўринг",
      "Слишком много запросов; повторите немного позже",
      "Too many requests; try again a little later"
    ),
    retryAfter: Math.max(1, Math.ceil(retryAfterSeconds))
  })

/**
 * The service is stopping or not ready (503 `Unavailable`), with `Retry-After`.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.unavailable().status // 503
 *
 * @since 0.1.0
 */
export const unavailable = (): Problem =>
  new Problem({
    status: 503,
    code: "Unavailable",
    messages: I18n.text(
      "Xizmat hozir soʻrovlarni qabul qilmayapti; qayta urinib koʻring",
      "Хизмат ҳозир сўровларни қабул қилмаяпти; қайта уриниб кўринг",
      "Служба сейчас не принимает запросы; повторите попытку",
      "The service is not taking requests now; try again"
    ),
    retryAfter: 2
  })

/**
 * An unexpected failure (500 `InternalError`): the client learns only the request id to quote;
 * the log has the rest.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.internal().code // "InternalError"
 *
 * @since 0.1.0
 */
export const internal = (): Problem => fromError(new Errors.InternalError({ operation: "http" }))

/**
 * An input problem found at the edge (the path, the query string or a header), as the core's
 * `InvalidInput` with the given subject: 400 with the field issues.
 *
 * @example
 * import { Problem } from "@murojaat/http"
 * Problem.invalid("query", [{ path: "limit", problem: "invalidValue", detail: "an integer from 1 to 1000" }]).status // 400
 *
 * @since 0.1.0
 */
export const invalid = (subject: string, issues: ReadonlyArray<Issue>): Problem =>
  fromError(new Errors.InvalidInput({ subject, issues: issues.map((i) => new Errors.FieldIssue(i)) }))
