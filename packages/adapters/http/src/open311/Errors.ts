/**
 * The errors of the Open311 face, as the GeoReport v2 specification lists them: 403 for a missing or
 * wrong `api_key`, 404 for what does not exist (a service code, a jurisdiction, a request, a token, a
 * path), and 400 for every other request that cannot be fulfilled. The body is the specification's
 * `errors` list: one `error` per problem, its `code` the HTTP status (as in the specification's
 * examples, so clients that read it as a number keep working) and its `description` in the
 * request's language. Descriptions name the parameter at fault, never its value (it may be
 * personal data).
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * const e = Open311.Errors.fail(404, "serviceNotFound", "service_code")
 * e.status // 404
 *
 * @since 0.1.0
 */
import { Errors as CoreErrors, I18n } from "@murojaat/core"
import { Schema } from "effect"
import * as Document from "./Document.js"

/**
 * Why a request failed, one stable word per kind of problem.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Errors.Reason.literals.includes("apiKeyInvalid") // true
 *
 * @since 0.1.0
 */
export const Reason = Schema.Literal(
  "apiKeyMissing",
  "apiKeyInvalid",
  "notPermitted",
  "jurisdictionNotFound",
  "serviceNotFound",
  "requestNotFound",
  "tokenNotFound",
  "resourceNotFound",
  "parameterMissing",
  "parameterInvalid",
  "locationMissing",
  "locationUnplaced",
  "locationOutsideJurisdiction",
  "wrongContentType",
  "bodyTooLarge",
  "dateRangeTooLong",
  "refused",
  "conflict",
  "serviceError"
)
/**
 * @see Reason
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const r: Open311.Errors.Reason = "locationUnplaced"
 * @since 0.1.0
 */
export type Reason = typeof Reason.Type

/**
 * One problem: its reason, the parameter it concerns (an Open311 parameter name such as
 * `service_code` or `attribute[mahalla]`), and for a value the core refused, the kind of problem.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * const p: Open311.Errors.Problem = { reason: "parameterMissing", field: "description" }
 *
 * @since 0.1.0
 */
export const Problem = Schema.Struct({
  reason: Reason,
  field: Schema.optional(Schema.String),
  problem: Schema.optional(CoreErrors.FieldProblem),
  /** For `refused`: the core's message in the four languages (codes only, no values). */
  message: Schema.optional(I18n.Text)
})
/**
 * @see Problem
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const p: Open311.Errors.Problem = { reason: "serviceError" }
 * @since 0.1.0
 */
export type Problem = typeof Problem.Type

/**
 * An Open311 request that failed: the HTTP status and the problems, each one `error` of the body.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * new Open311.Errors.Open311Error({ status: 403, problems: [{ reason: "apiKeyMissing", field: "api_key" }] })._tag // "Open311Error"
 *
 * @since 0.1.0
 */
export class Open311Error extends Schema.TaggedError<Open311Error>()("Open311Error", {
  status: Schema.Literal(400, 403, 404),
  problems: Schema.NonEmptyArray(Problem)
}) {}

/**
 * An error with one problem.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Errors.fail(400, "parameterMissing", "service_code").problems[0].field // "service_code"
 *
 * @since 0.1.0
 */
export const fail = (status: 400 | 403 | 404, reason: Reason, field?: string): Open311Error =>
  new Open311Error({ status, problems: [field === undefined ? { reason } : { reason, field }] })

const t = I18n.text

const problemText: { readonly [P in CoreErrors.FieldProblem]: I18n.Text } = {
  missing: t("majburiy, lekin berilmagan", "мажбурий, лекин берилмаган", "обязателен, но не передан", "is required but missing"),
  wrongType: t("turi notoʻgʻri", "тури нотўғри", "неверного типа", "has the wrong type"),
  invalidValue: t("qiymati yaroqsiz", "қиймати яроқсиз", "недопустимое значение", "has an invalid value"),
  notAllowed: t("bu yerda ruxsat etilmaydi", "бу ерда рухсат этилмайди", "здесь не допускается", "is not allowed here")
}

const reasonText: { readonly [R in Reason]: I18n.Text } = {
  apiKeyMissing: t(
    "api_key berilmagan: murojaat yuborish uchun roʻyxatdan oʻtgan mijoz kaliti kerak",
    "api_key берилмаган: мурожаат юбориш учун рўйхатдан ўтган мижоз калити керак",
    "api_key не передан: нужен ключ зарегистрированного клиента",
    "api_key is missing: a registered client's key is required"
  ),
  apiKeyInvalid: t("api_key yaroqsiz", "api_key яроқсиз", "Недействительный api_key", "Invalid api_key received"),
  notPermitted: t(
    "bu api_key bilan bu amalga ruxsat yoʻq",
    "бу api_key билан бу амалга рухсат йўқ",
    "этот api_key не даёт права на это действие",
    "this api_key does not permit this action"
  ),
  jurisdictionNotFound: t("jurisdiction_id topilmadi", "jurisdiction_id топилмади", "jurisdiction_id не найден", "jurisdiction_id was not found"),
  serviceNotFound: t("service_code topilmadi", "service_code топилмади", "service_code не найден", "service_code was not found"),
  requestNotFound: t("service_request_id topilmadi", "service_request_id топилмади", "service_request_id не найден", "service_request_id was not found"),
  tokenNotFound: t("token topilmadi", "token топилмади", "token не найден", "token was not found"),
  resourceNotFound: t(
    "bunday manba yoʻq: GeoReport v2 manzillarini koʻring (discovery.xml)",
    "бундай манба йўқ: GeoReport v2 манзилларини кўринг (discovery.xml)",
    "такого ресурса нет: см. адреса GeoReport v2 (discovery.xml)",
    "no such resource: see the GeoReport v2 URLs (discovery.xml)"
  ),
  parameterMissing: t("majburiy parametr berilmagan", "мажбурий параметр берилмаган", "не передан обязательный параметр", "a required parameter is missing"),
  parameterInvalid: t("parametr qiymati yaroqsiz", "параметр қиймати яроқсиз", "недопустимое значение параметра", "a parameter has an invalid value"),
  locationMissing: t(
    "joy koʻrsatilmagan: lat va long, yoki address_string, yoki address_id bering",
    "жой кўрсатилмаган: lat ва long, ёки address_string, ёки address_id беринг",
    "место не указано: передайте lat и long, или address_string, или address_id",
    "no location: give lat and long, or address_string, or address_id"
  ),
  locationUnplaced: t(
    "joy mahallaga bogʻlanmadi: attribute[mahalla] da mahalla kodini bering (services/{service_code}.xml), yoki address_id da mahalla kodini, yoki address_string da mahalla nomini yozing",
    "жой маҳаллага боғланмади: attribute[mahalla] да маҳалла кодини беринг (services/{service_code}.xml), ёки address_id да маҳалла кодини, ёки address_string да маҳалла номини ёзинг",
    "место не удалось отнести к махалле: передайте код махалли в attribute[mahalla] (см. services/{service_code}.xml), или в address_id, или укажите название махалли в address_string",
    "the location could not be placed in a mahalla: give the mahalla's code in attribute[mahalla] (see services/{service_code}.xml) or as address_id, or name the mahalla in address_string"
  ),
  locationOutsideJurisdiction: t(
    "mahalla jurisdiction_id hududida emas",
    "маҳалла jurisdiction_id ҳудудида эмас",
    "махалля вне территории jurisdiction_id",
    "the mahalla is outside the jurisdiction_id"
  ),
  wrongContentType: t(
    "soʻrov tanasi application/x-www-form-urlencoded boʻlishi kerak",
    "сўров танаси application/x-www-form-urlencoded бўлиши керак",
    "тело запроса должно быть application/x-www-form-urlencoded",
    "the request body must be application/x-www-form-urlencoded"
  ),
  bodyTooLarge: t("soʻrov tanasi juda katta", "сўров танаси жуда катта", "тело запроса слишком велико", "the request body is too large"),
  dateRangeTooLong: t(
    "start_date va end_date oraligʻi 90 kundan oshmasligi kerak",
    "start_date ва end_date оралиғи 90 кундан ошмаслиги керак",
    "промежуток между start_date и end_date не должен превышать 90 дней",
    "start_date to end_date may not span more than 90 days"
  ),
  refused: t("soʻrov rad etildi", "сўров рад этилди", "запрос отклонён", "the request was refused"),
  conflict: t(
    "bu Idempotency-Key boshqa soʻrov bilan ishlatilgan",
    "бу Idempotency-Key бошқа сўров билан ишлатилган",
    "этот Idempotency-Key уже использован с другим запросом",
    "this Idempotency-Key was used with a different request"
  ),
  serviceError: t(
    "xizmat xatosi: soʻrov bajarilmadi, keyinroq qayta urinib koʻring",
    "хизмат хатоси: сўров бажарилмади, кейинроқ қайта уриниб кўринг",
    "ошибка сервиса: запрос не выполнен, повторите позже",
    "general service error: the request could not be processed, try again later"
  )
}

/**
 * The description of one problem in a language: the reason's text, the parameter it concerns and,
 * for a refused value, what is wrong with it. Never a value.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Errors.describe({ reason: "parameterMissing", field: "service_code" }, "en") // "service_code: a required parameter is missing"
 *
 * @since 0.1.0
 */
export const describe = (p: Problem, locale: I18n.Locale): string => {
  const base = p.message !== undefined ? p.message[locale] : p.problem !== undefined ? problemText[p.problem][locale] : reasonText[p.reason][locale]
  return p.field === undefined ? base : `${p.field}: ${base}`
}

/**
 * The specification's `errors` document of an error.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * Open311.Document.toJson(Open311.Errors.toDocument(Open311.Errors.fail(403, "apiKeyInvalid"), "en"))
 * // [{ code: 403, description: "Invalid api_key received" }]
 *
 * @since 0.1.0
 */
export const toDocument = (e: Open311Error, locale: I18n.Locale): Document.Node =>
  Document.list(
    "errors",
    e.problems.map((p) => Document.fields("error", [Document.leaf("code", e.status), Document.leaf("description", describe(p, locale))]))
  )
