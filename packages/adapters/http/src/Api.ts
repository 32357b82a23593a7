/**
 * The REST API under `/v1`, declared once with `@effect/platform`'s `HttpApi`: the routes, their
 * path, query and header schemas, the request bodies (the core's own schemas: `Appeal.Intake`,
 * each member of `Command.Input`, `Directory.Directory`, `Calendar.Year`) and the answers
 * (`Views`). The OpenAPI 3.1 document at `/openapi.json` is generated from this declaration
 * (`OpenApi.fromApi(Api.api)`), so the reference and the service cannot drift apart.
 *
 * Every refusal is an RFC 9457 problem (`Problem.Document`, `application/problem+json`).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * import { OpenApi } from "@effect/platform"
 * const spec = OpenApi.fromApi(Api.api)
 * spec.openapi // "3.1.0"
 * Object.keys(spec.paths).includes("/v1/appeals/{appealId}/answer") // true
 *
 * @since 0.1.0
 */
import { HttpApi, HttpApiEndpoint, HttpApiGroup, HttpApiMiddleware, HttpApiSchema, HttpApiSecurity, OpenApi } from "@effect/platform"
import { Appeal, AppealState, Calendar, Command, Directory, ReportPeriod } from "@murojaat/core"
import { Context, Schema } from "effect"
import type * as Identity from "./Identity.js"
import * as Problem from "./Problem.js"
import * as Views from "./Views.js"

// ---------------------------------------------------------------------------------------------
// Authentication and problems
// ---------------------------------------------------------------------------------------------

/**
 * The authenticated caller of the request being handled (provided by `Authentication`).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.CurrentCaller.key // "@murojaat/http/CurrentCaller"
 *
 * @since 0.1.0
 */
export class CurrentCaller extends Context.Tag("@murojaat/http/CurrentCaller")<CurrentCaller, Identity.Caller>() {}

/**
 * The problem schema of the API: a `Problem` in the handlers, an RFC 9457 document on the wire
 * (`application/problem+json`).
 *
 * @example
 * import { Api, Problem } from "@murojaat/http"
 * import { Schema } from "effect"
 * Schema.encodeSync(Api.ProblemSchema)(Problem.notFound()).status // 404
 *
 * @since 0.1.0
 */
export const ProblemSchema = Schema.transform(Problem.Document, Schema.instanceOf(Problem.Problem), {
  strict: true,
  decode: (d) =>
    new Problem.Problem({
      status: d.status,
      code: d.code,
      messages: { "uz-Latn": d.detail, "uz-Cyrl": d.detail, ru: d.detail, en: d.detail },
      ...(d.issues !== undefined ? { issues: d.issues } : {})
    }),
  encode: (p) => Problem.document(p, "uz-Latn")
}).pipe(HttpApiSchema.withEncoding({ kind: "Json", contentType: Problem.mediaType }))

/**
 * Bearer authentication (a JWT; see `Identity`). Provides the `CurrentCaller`; refuses with a
 * 401 problem (503 when the identity provider's keys are unavailable), and with 429 when the
 * caller is over its rate limit.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.Authentication.key // "@murojaat/http/Authentication"
 *
 * @since 0.1.0
 */
export class Authentication extends HttpApiMiddleware.Tag<Authentication>()("@murojaat/http/Authentication", {
  failure: ProblemSchema,
  provides: CurrentCaller,
  security: { bearer: HttpApiSecurity.bearer.pipe(HttpApiSecurity.annotate(OpenApi.Description, "A JWT from the operator's identity provider (see docs/http.md).")) }
}) {}

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

// Query strings are decoded strictly: an unknown parameter is refused, not ignored (a misspelt
// filter would otherwise silently widen a list).
const strict = { parseOptions: { onExcessProperty: "error" } } as const

const digits = (min: number, max: number) =>
  Schema.transform(Schema.String.pipe(Schema.pattern(/^[0-9]{1,7}$/)), Schema.Int.pipe(Schema.between(min, max)), {
    strict: true,
    decode: (s) => Number(s),
    encode: (n) => String(n)
  }).annotations({ description: `An integer from ${min} to ${max}.` })

const Limit = digits(1, 1000)
const Cursor = Schema.String.pipe(Schema.maxLength(1000)).annotations({ description: "The `next` of the previous page." })

/**
 * The appeal id in a path.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.AppealIdPath.fields.appealId !== undefined // true
 *
 * @since 0.1.0
 */
export const AppealIdPath = Schema.Struct({ appealId: Appeal.AppealId })

/**
 * The filters and page of `GET /v1/appeals`. `status` may repeat.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.ListParams.fields.status !== undefined // true
 *
 * @since 0.1.0
 */
export const ListParams = Schema.Struct({
  status: Schema.optional(Schema.Array(AppealState.Status)),
  districtCode: Schema.optional(Directory.DistrictCode),
  mahallaCode: Schema.optional(Directory.MahallaCode),
  assigneeId: Schema.optional(Directory.OfficerId),
  category: Schema.optional(Schema.String.pipe(Schema.pattern(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/))),
  after: Schema.optional(Cursor),
  limit: Schema.optional(Limit)
}).annotations(strict)

/**
 * The area and page of the overdue and soon-due lists: exactly one of `districtCode` and
 * `mahallaCode`; `until` (soon-due only) defaults to three days from now.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.AreaParams.fields.until !== undefined // true
 *
 * @since 0.1.0
 */
export const AreaParams = Schema.Struct({
  districtCode: Schema.optional(Directory.DistrictCode),
  mahallaCode: Schema.optional(Directory.MahallaCode),
  until: Schema.optional(Directory.Instant),
  after: Schema.optional(Cursor),
  limit: Schema.optional(Limit)
}).annotations(strict)

/**
 * The page of a worklist.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.PageParams.fields.limit !== undefined // true
 *
 * @since 0.1.0
 */
export const PageParams = Schema.Struct({ after: Schema.optional(Cursor), limit: Schema.optional(Limit) }).annotations(strict)

const Language = Schema.optional(Schema.String).annotations({ description: "uz-Latn (default), uz-Cyrl, ru or en." })

/**
 * The headers of a submission: `Idempotency-Key` is required (a retry with the same key and body
 * gives the first answer and never a second appeal).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.SubmitHeaders.fields["idempotency-key"] !== undefined // true
 *
 * @since 0.1.0
 */
export const SubmitHeaders = Schema.Struct({
  "idempotency-key": Schema.String.annotations({ description: "1 to 255 visible ASCII characters, unique per appeal (a UUID)." }),
  "accept-language": Language
})

/**
 * The headers of a command: `If-Match` with the appeal's `ETag` (its version) makes the command
 * conditional (412 when the appeal changed); `Idempotency-Key` makes a retry safe.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.CommandHeaders.fields["if-match"] !== undefined // true
 *
 * @since 0.1.0
 */
export const CommandHeaders = Schema.Struct({
  "if-match": Schema.optional(Schema.String).annotations({ description: 'The ETag of the appeal as read ("7"), or *.' }),
  "idempotency-key": Schema.optional(Schema.String),
  "accept-language": Language
})

const ReadHeaders = Schema.Struct({
  "if-none-match": Schema.optional(Schema.String),
  "accept-language": Language
})

const LanguageHeaders = Schema.Struct({ "accept-language": Language })

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

const summary = (text: string, description?: string) => OpenApi.annotations({ summary: text, ...(description !== undefined ? { description } : {}) })

/**
 * Appeals: submit, read, list, history, link suggestions.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.appeals.endpoints) // ["submit", "list", "get", "history", "suggestLinks"]
 *
 * @since 0.1.0
 */
export const appeals = HttpApiGroup.make("appeals")
  .add(
    HttpApiEndpoint.post("submit", "/appeals")
      .setHeaders(SubmitHeaders)
      .setPayload(Appeal.Intake)
      .addSuccess(Views.CommandResultSchema, { status: 201 })
      .addError(ProblemSchema, { status: 409 })
      .addError(ProblemSchema, { status: 422 })
      .annotateContext(
        summary(
          "Submit an appeal",
          "Receives an appeal (ZRU-445): decoded, checked against the directory, registered, triaged and assigned as configured, in one commit. Scope `appeals:submit`."
        )
      )
  )
  .add(
    HttpApiEndpoint.get("list", "/appeals")
      .setUrlParams(ListParams)
      .setHeaders(LanguageHeaders)
      .addSuccess(Views.PageSchema)
      .annotateContext(
        summary(
          "List appeals",
          "Keyset pages (by appeal id) with filters. Applicants see their own appeals; officers their district's; integrations their districts'; auditors all. Scope `appeals:read`."
        )
      )
  )
  .add(
    HttpApiEndpoint.get("get", "/appeals/:appealId")
      .setPath(AppealIdPath)
      .setHeaders(ReadHeaders)
      .addSuccess(Views.AppealViewSchema)
      .annotateContext(summary("Read an appeal", "With its clocks and explanations; `ETag` is its version. Unreadable and missing appeals are both 404. Scope `appeals:read`."))
  )
  .add(
    HttpApiEndpoint.get("history", "/appeals/:appealId/history")
      .setPath(AppealIdPath)
      .setHeaders(LanguageHeaders)
      .addSuccess(Views.HistorySchema)
      .annotateContext(summary("An appeal's verified history", "Every event, and the hash chain verified against the projection's head. Scope `appeals:read`."))
  )
  .add(
    HttpApiEndpoint.post("suggestLinks", "/link-suggestions")
      .setHeaders(LanguageHeaders)
      .setPayload(Appeal.Intake)
      .addSuccess(Views.SuggestionsSchema)
      .annotateContext(summary("Link suggestions before submitting", "Appeals of the same applicant or mahalla about the same matter (duplicate, reminder, repeated, related), with the reasons; of appeals the caller may not read, only how many. Scope `appeals:submit`."))
  )
  .middleware(Authentication)
  .annotateContext(OpenApi.annotations({ title: "Appeals", description: "Submitting, reading and listing appeals." }))

/**
 * The lifecycle commands, one endpoint each: `POST /v1/appeals/{appealId}/{command}` with the
 * command's fields as the body (its `type` and `appealId` come from the path).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.commandTypes.includes("startReview") // true
 *
 * @since 0.1.0
 */
export const commandTypes: ReadonlyArray<Command.Input["type"]> = Command.Input.members.map((m) => m.fields.type.literals[0])

/**
 * The body schema of each command endpoint: the command's fields without `type` and `appealId`.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.commandBodies.answer.fields).includes("outcome") // true
 *
 * @since 0.1.0
 */
export const commandBodies: { readonly [T in Command.Input["type"]]: Schema.Struct<Schema.Struct.Fields> } = Object.fromEntries(
  Command.Input.members.map((m) => {
    const { type, appealId: _appealId, ...fields } = m.fields
    const name = type.literals[0]
    return [name, Schema.Struct(fields).annotations({ identifier: `${name[0]!.toUpperCase()}${name.slice(1)}Body` })]
  })
) as never

const commandEndpoint = (type: Command.Input["type"]) =>
  HttpApiEndpoint.post(type, `/appeals/:appealId/${type}`)
    .setPath(AppealIdPath)
    .setHeaders(CommandHeaders)
    .setPayload(commandBodies[type])
    .addSuccess(Views.CommandResultSchema)
    .annotateContext(
      summary(`Command: ${type}`, "The lifecycle machine and the access policy decide (see docs/rules/lifecycle.md); `If-Match` makes it conditional. Scope `appeals:act`.")
    )

type CommandEndpoint = ReturnType<typeof commandEndpoint>

/**
 * The commands group.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.commands.endpoints).length === Api.commandTypes.length // true
 *
 * @since 0.1.0
 */
export const commands = commandTypes
  .reduce(
    (group, type) => group.add(commandEndpoint(type)) as never,
    HttpApiGroup.make("commands") as unknown as HttpApiGroup.HttpApiGroup<"commands", CommandEndpoint>
  )
  .addError(ProblemSchema, { status: 409 })
  .addError(ProblemSchema, { status: 412 })
  .addError(ProblemSchema, { status: 422 })
  .middleware(Authentication)
  .annotateContext(OpenApi.annotations({ title: "Commands", description: "Every lifecycle command as its own endpoint." }))

/**
 * Lists: an officer's worklist, an area's overdue and soon-due appeals (due first).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.lists.endpoints) // ["worklist", "overdue", "soonDue"]
 *
 * @since 0.1.0
 */
export const lists = HttpApiGroup.make("lists")
  .add(
    HttpApiEndpoint.get("worklist", "/officers/:officerId/worklist")
      .setPath(Schema.Struct({ officerId: Directory.OfficerId }))
      .setUrlParams(PageParams)
      .setHeaders(LanguageHeaders)
      .addSuccess(Views.PageSchema)
      .annotateContext(summary("An officer's worklist", "His open appeals, due first. For the officer, his district's senior inspector and chief, auditors. Scope `lists:read`."))
  )
  .add(
    HttpApiEndpoint.get("overdue", "/overdue")
      .setUrlParams(AreaParams)
      .setHeaders(LanguageHeaders)
      .addSuccess(Views.PageSchema)
      .annotateContext(summary("Overdue appeals of an area", "Give `districtCode` or `mahallaCode`. Scope `lists:read`."))
  )
  .add(
    HttpApiEndpoint.get("soonDue", "/soon-due")
      .setUrlParams(AreaParams)
      .setHeaders(LanguageHeaders)
      .addSuccess(Views.PageSchema)
      .annotateContext(summary("Appeals of an area falling due soon", "Due from now to `until` (default: three days). Scope `lists:read`."))
  )
  .middleware(Authentication)
  .annotateContext(OpenApi.annotations({ title: "Lists", description: "Worklists, ordered by due time." }))

const Places = Schema.Struct({
  regions: Directory.Directory.from.fields.regions,
  districts: Directory.Directory.from.fields.districts,
  mahallas: Directory.Directory.from.fields.mahallas
}).annotations({ identifier: "Places" })

const DirectorySummary = Schema.Struct({
  regions: Schema.Number,
  districts: Schema.Number,
  mahallas: Schema.Number,
  officers: Schema.Number
}).annotations({ identifier: "DirectorySummary" })

/**
 * The answer of `GET /v1/rules`: the core's rule registry (`Rule.registry`).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.RulesSchema.fields.rules !== undefined // true
 *
 * @since 0.2.0
 */
export const RulesSchema = Schema.Struct({
  rules: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      area: Schema.String,
      source: Schema.String.annotations({ description: "The legal source (law and article), or the Murojaat policy or setting where the law is silent." }),
      statement: Schema.String
    })
  )
}).annotations({ identifier: "Rules" })

/**
 * The years of a decree to load into the calendar.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.CalendarYears.fields.years !== undefined // true
 *
 * @since 0.1.0
 */
export const CalendarYears = Schema.Struct({ years: Schema.Array(Calendar.Year).pipe(Schema.minItems(1), Schema.maxItems(20)) }).annotations({
  identifier: "CalendarYears"
})

/**
 * Administration: the directory (places and officers), the working calendar, and the rule
 * registry (read-only: what each rule id in an event means and its legal source).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.admin.endpoints) // ["places", "directory", "replaceDirectory", "calendar", "loadCalendarYears", "rules"]
 *
 * @since 0.1.0
 */
export const admin = HttpApiGroup.make("admin")
  .add(
    HttpApiEndpoint.get("places", "/places")
      .setHeaders(LanguageHeaders)
      .addSuccess(Places)
      .annotateContext(summary("Regions, districts and mahallas", "For every authenticated caller (to fill an intake's location)."))
  )
  .add(
    HttpApiEndpoint.get("directory", "/directory")
      .setHeaders(LanguageHeaders)
      .addSuccess(Directory.Directory)
      .annotateContext(summary("The directory", "Places and officers with their roles, territory, duty and absences. Scope `directory:read`."))
  )
  .add(
    HttpApiEndpoint.put("replaceDirectory", "/directory")
      .setHeaders(LanguageHeaders)
      .setPayload(Directory.Directory)
      .addSuccess(DirectorySummary)
      .addError(ProblemSchema, { status: 422 })
      .annotateContext(summary("Replace the directory", "The whole directory, checked first (codes agree, officers serve existing mahallas). Scope `directory:admin`."))
  )
  .add(
    HttpApiEndpoint.get("calendar", "/calendar")
      .setHeaders(LanguageHeaders)
      .addSuccess(Calendar.CalendarData)
      .annotateContext(summary("The working calendar in force", "Holidays, transferred days off and worked days per year."))
  )
  .add(
    HttpApiEndpoint.post("loadCalendarYears", "/calendar/years")
      .setHeaders(LanguageHeaders)
      .setPayload(CalendarYears)
      .addSuccess(Calendar.CalendarData)
      .addError(ProblemSchema, { status: 422 })
      .annotateContext(summary("Load a decree's years", "Adds or replaces years (next year's decree); impossible data is refused and nothing changes. Scope `calendar:admin`."))
  )
  .add(
    HttpApiEndpoint.get("rules", "/rules")
      .setHeaders(LanguageHeaders)
      .addSuccess(RulesSchema)
      .annotateContext(
        summary(
          "The rule registry",
          "Every rule the core applies (`Rule.registry`): its id as events and refusals record it, its area, its legal source and what it says (in English). For every authenticated caller: auditors read an event's rules with it."
        )
      )
  )
  .middleware(Authentication)
  .annotateContext(OpenApi.annotations({ title: "Administration", description: "Directory and calendar." }))

// ---------------------------------------------------------------------------------------------
// Analytics (issue 16): declared here, beside the other groups, so that `api` holds it; the
// handlers are in `Analytics` (which imports this module, never the other way round).
// ---------------------------------------------------------------------------------------------

const Format = Schema.optional(Schema.Literal("json", "csv")).annotations({ description: "json (default) or csv." })
const area = {
  region: Schema.optional(Directory.RegionCode),
  district: Schema.optional(Directory.DistrictCode),
  mahalla: Schema.optional(Schema.Array(Directory.MahallaCode).pipe(Schema.maxItems(1000)))
}
const AsOf = Schema.optional(Directory.Instant).annotations({ description: "The instant deadline violations are judged at (default: the end of the period, or now)." })

/**
 * The query of the hotspot report.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.HotspotParams.fields).includes("previous") // true
 *
 * @since 0.1.0
 */
export const HotspotParams = Schema.Struct({
  period: ReportPeriod.Label,
  previous: Schema.optional(ReportPeriod.Label),
  level: Schema.optional(Schema.Literal("mahalla", "district", "region")),
  ...area,
  format: Format
}).annotations(strict)

/**
 * The query of the ratings and of the repeat rates.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.RatingParams.fields).includes("asOf") // true
 *
 * @since 0.1.0
 */
export const RatingParams = Schema.Struct({
  period: ReportPeriod.Label,
  level: Schema.optional(Schema.Literal("inspector", "mahalla", "district")),
  asOf: AsOf,
  ...area,
  format: Format
}).annotations(strict)

/**
 * The query of the signals and of the protection-order suggestions.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Object.keys(Api.SignalParams.fields).includes("unmeasured") // true
 *
 * @since 0.1.0
 */
export const SignalParams = Schema.Struct({
  asOf: AsOf,
  unmeasured: Schema.optional(Schema.Literal("true", "false")),
  ...area,
  format: Format
}).annotations(strict)

const Report = Schema.Unknown.annotations({ identifier: "AnalyticsReport", description: "The report as JSON (see docs/rules/prevention.md), or CSV with format=csv." })

/**
 * The analytics endpoints (`GET /v1/analytics/*`, scope `lists:read`): hotspots, unit ratings,
 * repeat rates, repeat signals and protection-order suggestions, as JSON or CSV. Handled by
 * `Analytics.handle`.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.analytics.identifier // "analytics"
 *
 * @since 0.2.0
 */
export const analytics = HttpApiGroup.make("analytics")
  .add(
    HttpApiEndpoint.get("hotspots", "/analytics/hotspots")
      .setUrlParams(HotspotParams)
      .addSuccess(Report)
      .annotateContext(summary("Hotspots", "Counts, rates per day, trend and the rise test (conditional Poisson test, Benjamini–Hochberg) per place and category. Scope `lists:read`."))
  )
  .add(
    HttpApiEndpoint.get("ratings", "/analytics/ratings")
      .setUrlParams(RatingParams)
      .addSuccess(Report)
      .annotateContext(summary("Unit ratings", "Cabinet resolution No. 40 of 2026 indicators and green/yellow/red ranks per inspector, mahalla or district. Scope `lists:read`."))
  )
  .add(
    HttpApiEndpoint.get("repeatRates", "/analytics/repeat-rates")
      .setUrlParams(RatingParams)
      .addSuccess(Report)
      .annotateContext(summary("Mahallas by repeat rate", "Repeated appeals (ZRU-445) over registered ones, per mahalla. Scope `lists:read`."))
  )
  .add(
    HttpApiEndpoint.get("signals", "/analytics/signals")
      .setUrlParams(SignalParams)
      .addSuccess(Report)
      .annotateContext(summary("Repeat signals", "Addresses and families with repeated appeals, repeated appeals; each with the appeals behind it. Scope `lists:read`."))
  )
  .add(
    HttpApiEndpoint.get("orderSuggestions", "/analytics/order-suggestions")
      .setUrlParams(SignalParams)
      .addSuccess(Report)
      .annotateContext(summary("Protection orders to consider", "Victims with repeated domestic-violence incidents this year and no order in force (ZRU-561). Scope `lists:read`."))
  )
  .addError(ProblemSchema, { status: 422 })
  .middleware(Authentication)
  .annotateContext(OpenApi.annotations({ title: "Analytics", description: "Prevention analytics, within the reader's territory." }))

/**
 * The whole REST API, under `/v1`, every group authenticated by bearer tokens (the middleware is on
 * the groups, not the API: an API-level middleware would also guard `/health`, `/docs` and the
 * mounted Open311 routes, which share the router), every refusal a problem.
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.api.identifier // "murojaat"
 *
 * @since 0.1.0
 */
export const api = HttpApi.make("murojaat")
  .add(appeals)
  .add(commands)
  .add(lists)
  .add(admin)
  .add(analytics)
  .prefix("/v1")
  .addError(ProblemSchema, { status: 400 })
  .addError(ProblemSchema, { status: 401 })
  .addError(ProblemSchema, { status: 403 })
  .addError(ProblemSchema, { status: 404 })
  .addError(ProblemSchema, { status: 413 })
  .addError(ProblemSchema, { status: 415 })
  .addError(ProblemSchema, { status: 429 })
  .addError(ProblemSchema, { status: 500 })
  .addError(ProblemSchema, { status: 503 })
  .annotateContext(
    OpenApi.annotations({
      title: "Murojaat REST API",
      version: "1",
      description:
        "Citizens' appeals under ZRU-445 (Uzbekistan): submit, read, act on and list appeals; administer the directory and the calendar. " +
        "Authenticate with a bearer JWT. Errors are RFC 9457 problems with a stable `code` and a message in the language of Accept-Language " +
        "(uz-Latn, uz-Cyrl, ru, en). Commands take If-Match with the ETag (the appeal's version); submissions take an Idempotency-Key.",
      license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" }
    })
  )

/**
 * The OpenAPI 3.1 document of the API (served at `/openapi.json`).
 *
 * @example
 * import { Api } from "@murojaat/http"
 * Api.openApi().info.title // "Murojaat REST API"
 *
 * @since 0.1.0
 */
export const openApi = (): OpenApi.OpenAPISpec => OpenApi.fromApi(api)
