/**
 * Open311 GeoReport v2 over Murojaat: the router of the specification's resources, each in `.xml`
 * and `.json`, to mount under `/open311/v2`.
 *
 * | method | path | what |
 * | --- | --- | --- |
 * | GET | `/discovery.{xml,json}` | service discovery |
 * | GET | `/services.{xml,json}` | the categories, names in the request's language |
 * | GET | `/services/{service_code}.{xml,json}` | a service definition (attributes `mahalla`, `kind`, `residence`) |
 * | POST | `/requests.{xml,json}` | submit (form-encoded, `api_key` of a registered client) |
 * | GET | `/requests.{xml,json}` | list (`service_request_id`, `service_code`, `start_date`, `end_date`, `status`; `api_key`) |
 * | GET | `/requests/{service_request_id}.{xml,json}` | one request (`api_key`) |
 * | GET | `/tokens/{token}.{xml,json}` | a token's service request id |
 *
 * The language is the `locale` parameter or `Accept-Language` (uz-Latn, uz-Cyrl, ru, en). `api_key`s
 * are the registered integration clients of `Identity.Clients`; the client is the actor of what it
 * submits and reads, within the districts the registry gives it. See docs/open311.md.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { HttpRouter } from "@effect/platform"
 * import { Effect } from "effect"
 * const app = HttpRouter.empty.pipe(HttpRouter.mount("/open311/v2", Open311.router({ jurisdictions: ["murojaat.uz"] })))
 * Effect.isEffect(app) // true
 *
 * @since 0.1.0
 */
import { randomBytes } from "node:crypto"
import { HttpIncomingMessage, HttpRouter, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import {
  AppealService,
  AppealStore,
  DirectoryStore,
  Errors as CoreErrors,
  type I18n,
  type Actor,
  type AppealState,
  Taxonomy
} from "@murojaat/core"
import { Cause, Clock, Effect, Option, Redacted } from "effect"
import * as Identity from "../Identity.js"
import * as Document from "./Document.js"
import { fail, Open311Error, toDocument, type Problem } from "./Errors.js"
import * as Locale from "./Locale.js"
import * as Requests from "./Requests.js"
import * as Services from "./Services.js"
import * as Submission from "./Submission.js"

/**
 * How the Open311 face is set up. Every field is optional.
 *
 * - `jurisdictions`: this deployment's own `jurisdiction_id`s (e.g. its domain); besides them a
 *   region, district or mahalla code of the directory is accepted and narrows the request.
 * - `taxonomy`: the categories served (default `Taxonomy.defaults`).
 * - `discovery`: the discovery document's `contact`, `key_service`, `changeset` and endpoint `type`.
 * - `publicUrl`: the endpoint URL discovery announces; default from the request's `Host` and `basePath`.
 * - `basePath`: where the router is mounted (default `/open311/v2`).
 * - `responseType`: `realtime` (the id at once, default) or `batch` (a token).
 * - `tokenSecret`: the key of `batch` tokens; default a random one per process (set it when several
 *   instances serve one database).
 * - `consentGiven`: whether a registered client collects the applicant's consent to processing
 *   personal data before submitting, so it counts as given electronically (ZRU-547). Default true:
 *   client registration is where the operator requires it.
 * - `locate`: the operator's point-to-mahalla locator for `lat`/`long`.
 * - `agency`: the operator's body, as `agency_responsible` of the appeals it keeps.
 * - `maxBodyBytes`: the largest form accepted (default 256 KiB: the longest appeal text, escaped).
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * const o: Open311.Options = { jurisdictions: ["murojaat.uz"], responseType: "batch", tokenSecret: "a-secret-of-32-bytes-or-more-please" }
 *
 * @since 0.1.0
 */
export interface Options {
  readonly jurisdictions?: ReadonlyArray<string> | undefined
  readonly taxonomy?: Taxonomy.Taxonomy | undefined
  readonly discovery?:
    | {
        readonly contact?: string | undefined
        readonly keyService?: string | undefined
        readonly changeset?: string | undefined
        readonly type?: "production" | "test" | undefined
      }
    | undefined
  readonly publicUrl?: string | undefined
  readonly basePath?: string | undefined
  readonly responseType?: Services.ResponseType | undefined
  readonly tokenSecret?: string | Redacted.Redacted<string> | undefined
  readonly consentGiven?: boolean | undefined
  readonly locate?: Submission.Locate | undefined
  readonly agency?: I18n.Text | undefined
  readonly maxBodyBytes?: number | undefined
}

/**
 * What the router needs: the core's service, the store (to list candidates for `GET requests`), the
 * directory, and the client registry.
 *
 * @example
 * import type { Open311 } from "@murojaat/http"
 * type R = Open311.Requirements
 *
 * @since 0.1.0
 */
export type Requirements = AppealService.AppealService | AppealStore.AppealStore | DirectoryStore.DirectoryStore | Identity.Clients

interface Request {
  readonly format: Document.Format
  readonly locale: I18n.Locale
  readonly form: Submission.Form
  readonly request: HttpServerRequest.HttpServerRequest
}

interface Answer {
  readonly status: number
  readonly body: Document.Node
}

const okAnswer = (body: Document.Node, status = 200): Answer => ({ status, body })

// The specification's 403 for keys, a 403 for a key without the scope, from the identity errors.
const callerOf = (form: Submission.Form, scope: Identity.Scope) =>
  Identity.fromApiKey(form.scalar("api_key")).pipe(
    Effect.mapError((e) => fail(403, e.reason === "missing" ? "apiKeyMissing" : "apiKeyInvalid", "api_key")),
    Effect.tap((caller) => (Identity.hasScope(caller, scope) ? Effect.void : Effect.fail(fail(403, "notPermitted", "api_key"))))
  )

/**
 * The specification's error for a core error: a refused value is 400 naming its Open311 parameter,
 * an appeal the caller may not read or that does not exist 404, a refusal of the policy 403, an
 * unavailable store the specification's 400 "general service error".
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Errors } from "@murojaat/core"
 * Open311.fromCore(new Errors.AppealNotFound({ appealId: "A-1" })).status // 404
 *
 * @since 0.1.0
 */
export const fromCore = (e: unknown): Open311Error => {
  if (!CoreErrors.isMurojaatError(e)) return fail(400, "serviceError")
  switch (e._tag) {
    case "InvalidInput": {
      const problems: Array<Problem> = e.issues.map((i) => ({ reason: "parameterInvalid", field: Submission.parameterOf(i.path), problem: i.problem }))
      const [first, ...rest] = problems
      return first === undefined ? fail(400, "parameterInvalid") : new Open311Error({ status: 400, problems: [first, ...rest] })
    }
    case "AppealNotFound":
      return fail(404, "requestNotFound", "service_request_id")
    case "NotAuthorized":
      return new Open311Error({ status: 403, problems: [{ reason: "notPermitted", message: CoreErrors.messages(e) }] })
    case "IdempotencyConflict":
      return fail(400, "conflict", "Idempotency-Key")
    case "StoreError":
    case "VersionConflict":
    case "InternalError":
      return fail(400, "serviceError")
    default:
      return new Open311Error({ status: 400, problems: [{ reason: "refused", message: CoreErrors.messages(e) }] })
  }
}

const respond = (format: Document.Format, answer: Answer) =>
  HttpServerResponse.text(Document.render(answer.body, format), {
    status: answer.status,
    contentType: Document.contentType(format),
    headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" }
  })

const failureAnswer = (e: Open311Error, locale: I18n.Locale): Answer => ({ status: e.status, body: toDocument(e, locale) })

const queryOf = (url: string): string => {
  const q = url.indexOf("?")
  return q === -1 ? "" : url.slice(q + 1)
}

// Runs a handler with what every resource needs, and turns every failure into the specification's
// errors document: expected ones with their status, defects as a 500 with nothing of the request in
// the log (a defect is a bug, and its message might quote a value).
const handle = <E, R>(format: Document.Format, run: (req: Request) => Effect.Effect<Answer, E, R>, readBody?: number) =>
  Effect.gen(function* () {
    const request = yield* HttpServerRequest.HttpServerRequest
    const query = queryOf(request.url)
    const locale = Locale.negotiate(new URLSearchParams(query).get("locale") ?? undefined, request.headers["accept-language"])
    const answer = yield* Effect.gen(function* () {
      let text = query
      if (readBody !== undefined) {
        const type = (request.headers["content-type"] ?? "").toLowerCase()
        if (!type.startsWith("application/x-www-form-urlencoded")) return yield* Effect.fail(fail(400, "wrongContentType"))
        const length = Number(request.headers["content-length"] ?? "0")
        if (Number.isFinite(length) && length > readBody) return yield* Effect.fail(fail(400, "bodyTooLarge"))
        const body = yield* request.text.pipe(
          HttpIncomingMessage.withMaxBodySize(Option.some(readBody)),
          Effect.mapError(() => fail(400, "bodyTooLarge"))
        )
        text = query === "" ? body : body === "" ? query : `${query}&${body}`
      }
      return yield* run({ format, locale, form: Submission.parseForm(text), request })
    }).pipe(
      Effect.catchAll((e) => Effect.succeed(failureAnswer(e instanceof Open311Error ? e : fromCore(e), locale))),
      Effect.catchAllCause((cause) =>
        Effect.as(
          Effect.logError("open311: unexpected failure", Cause.isDie(cause) ? "defect" : "interrupted"),
          { status: 500, body: toDocument(fail(400, "serviceError"), locale) }
        )
      )
    )
    return respond(format, answer)
  })

const splitFile = (file: string | undefined): { readonly id: string; readonly format: Document.Format } | undefined => {
  if (file === undefined) return undefined
  const dot = file.lastIndexOf(".")
  const ext = file.slice(dot + 1)
  return dot > 0 && (ext === "xml" || ext === "json") ? { id: file.slice(0, dot), format: ext } : undefined
}

const formats: ReadonlyArray<Document.Format> = ["xml", "json"]

const commaList = (form: Submission.Form, name: string): ReadonlyArray<string> =>
  form
    .values(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0)

const ninetyDays = 90 * 86_400_000
const maxResults = 1000

/**
 * The Open311 GeoReport v2 router. Mount it under `/open311/v2` (`HttpRouter.mount`), beside the
 * REST API; provide the core's ports and `Identity.Clients`.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * import { Effect } from "effect"
 * Effect.isEffect(Open311.router()) // true
 *
 * @since 0.1.0
 */
export const router = (options: Options = {}) => {
  const taxonomy = options.taxonomy ?? Taxonomy.defaults
  const categories = taxonomy.categories
  const jurisdictions = options.jurisdictions ?? []
  const type = options.responseType ?? "realtime"
  const secret =
    options.tokenSecret === undefined
      ? new Uint8Array(randomBytes(32))
      : new TextEncoder().encode(typeof options.tokenSecret === "string" ? options.tokenSecret : Redacted.value(options.tokenSecret))
  const maxBody = options.maxBodyBytes ?? 256 * 1024
  const started = new Date().toISOString().slice(0, 16).replace("T", " ")
  const directory = Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.snapshot)
  const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

  const discovery = (req: Request) =>
    Effect.sync(() => {
      const host = req.request.headers["host"] ?? "localhost"
      const url = options.publicUrl ?? `http://${host}${options.basePath ?? "/open311/v2"}`
      const changeset = options.discovery?.changeset ?? started
      return okAnswer(
        Document.fields("discovery", [
          Document.leaf("changeset", changeset),
          Document.leaf("contact", options.discovery?.contact ?? null),
          Document.leaf("key_service", options.discovery?.keyService ?? null),
          Document.list("endpoints", [
            Document.fields("endpoint", [
              Document.leaf("specification", "http://wiki.open311.org/GeoReport_v2"),
              Document.leaf("url", url),
              Document.leaf("changeset", changeset),
              Document.leaf("type", options.discovery?.type ?? "production"),
              Document.list("formats", [Document.leaf("format", "text/xml"), Document.leaf("format", "application/json")])
            ])
          ])
        ])
      )
    })

  const services = (req: Request) =>
    Effect.gen(function* () {
      const dir = yield* directory
      yield* Submission.territory(req.form.scalar("jurisdiction_id"), jurisdictions, dir)
      return okAnswer(Services.serviceList(categories, req.locale, type))
    })

  const definition = (code: string) => (req: Request) =>
    Effect.gen(function* () {
      const dir = yield* directory
      const where = yield* Submission.territory(req.form.scalar("jurisdiction_id"), jurisdictions, dir)
      const category = categories.find((c) => c.code === code)
      if (category === undefined) return yield* Effect.fail(fail(404, "serviceNotFound", "service_code"))
      return okAnswer(Services.definition(category, Submission.mahallasIn(where, dir), dir, req.locale))
    })

  const submit = (req: Request) =>
    Effect.gen(function* () {
      const caller = yield* callerOf(req.form, "appeals:submit")
      const dir = yield* directory
      const submission = yield* Submission.read(req.form, {
        taxonomy,
        directory: dir,
        jurisdictions,
        locate: options.locate,
        clientId: caller.id,
        consentGiven: options.consentGiven ?? true
      })
      const key = req.request.headers["idempotency-key"]
      const result = yield* AppealService.submit(submission.intake, caller.subject, key === undefined ? {} : { idempotencyKey: key })
      const id = result.appealId
      return okAnswer(
        Document.list("service_requests", [
          Document.fields("request", [
            type === "batch" ? Document.leaf("token", Requests.mintToken(secret, id)) : Document.leaf("service_request_id", id),
            Document.leaf("service_notice", Services.notice(submission.category, submission.kind, req.locale)),
            Document.leaf("account_id", submission.accountId ?? null)
          ])
        ]),
        201
      )
    })

  // One appeal as the caller sees it, with its nearest due time from its events at this moment.
  const requestNode = (view: AppealService.View, actor: Actor.Subject, locale: I18n.Locale) =>
    Effect.gen(function* () {
      const events = yield* AppealService.history(view.state.appealId, actor)
      const due = AppealService.dueAt(events, yield* now)
      return Requests.request(view, due, { categories, locale, agency: options.agency })
    })

  const one = (id: string) => (req: Request) =>
    Effect.gen(function* () {
      const caller = yield* callerOf(req.form, "appeals:read")
      const dir = yield* directory
      yield* Submission.territory(req.form.scalar("jurisdiction_id"), jurisdictions, dir)
      const view = yield* AppealService.get(id, caller.subject)
      return okAnswer(Document.list("service_requests", [yield* requestNode(view, caller.subject, req.locale)]))
    })

  const list = (req: Request) =>
    Effect.gen(function* () {
      const caller = yield* callerOf(req.form, "appeals:read")
      const form = req.form
      const duplicate = form.duplicates.find((d) => ["jurisdiction_id", "start_date", "end_date"].includes(d))
      if (duplicate !== undefined) return yield* Effect.fail(fail(400, "parameterInvalid", duplicate))
      const dir = yield* directory
      const where = yield* Submission.territory(form.scalar("jurisdiction_id"), jurisdictions, dir)
      const ids = commaList(form, "service_request_id")
      const nodes: Array<Document.Node> = []
      const readable = (id: string) =>
        AppealService.get(id, caller.subject).pipe(
          Effect.map(Option.some),
          Effect.catchTag("AppealNotFound", () => Effect.succeed(Option.none()))
        )
      if (ids.length > 0) {
        // The specification: service_request_id overrides all other arguments.
        if (ids.length > maxResults) return yield* Effect.fail(fail(400, "parameterInvalid", "service_request_id"))
        for (const id of ids) {
          const view = yield* readable(id)
          if (Option.isSome(view)) nodes.push(yield* requestNode(view.value, caller.subject, req.locale))
        }
        return okAnswer(Document.list("service_requests", nodes))
      }
      const codes = commaList(form, "service_code")
      if (codes.some((c) => !categories.some((x) => x.code === c))) return yield* Effect.fail(fail(404, "serviceNotFound", "service_code"))
      const statusWords = commaList(form, "status")
      if (statusWords.some((s) => s !== "open" && s !== "closed")) return yield* Effect.fail(fail(400, "parameterInvalid", "status"))
      const statuses = statusWords.length === 0 ? undefined : [...new Set(statusWords)].flatMap((s) => Requests.statusesOf(s as "open" | "closed"))
      const startText = form.scalar("start_date")
      const endText = form.scalar("end_date")
      const start0 = startText === undefined ? undefined : Requests.parseDate(startText)
      const end0 = endText === undefined ? undefined : Requests.parseDate(endText)
      if (startText !== undefined && start0 === undefined) return yield* Effect.fail(fail(400, "parameterInvalid", "start_date"))
      if (endText !== undefined && end0 === undefined) return yield* Effect.fail(fail(400, "parameterInvalid", "end_date"))
      const nowMs = yield* Clock.currentTimeMillis
      // The specification's default window: the most recent 90 days; a range may not span more.
      const end = end0 ?? (start0 !== undefined ? start0 + ninetyDays : nowMs)
      const start = start0 ?? end - ninetyDays
      if (start > end) return yield* Effect.fail(fail(400, "parameterInvalid", "start_date"))
      if (end - start > ninetyDays) return yield* Effect.fail(fail(400, "dateRangeTooLong", "end_date"))

      // Candidates from the store, within the caller's and the jurisdiction's districts; every one is
      // then read through the service, which decides whether this caller may see it.
      const clientDistricts = caller.client?.districts
      const territoryDistricts =
        where.level === "all"
          ? undefined
          : where.level === "region"
            ? dir.districts.filter((d) => d.regionCode === where.code).map((d) => d.code as string)
            : where.level === "district"
              ? [where.code]
              : undefined
      const districts =
        territoryDistricts === undefined ? clientDistricts : clientDistricts === undefined ? territoryDistricts : territoryDistricts.filter((d) => clientDistricts.includes(d as never))
      const queries: ReadonlyArray<AppealStore.Query> =
        where.level === "mahalla"
          ? [{ mahallaCode: where.code }]
          : districts === undefined
            ? [{}]
            : districts.map((districtCode) => ({ districtCode }))
      const store = yield* AppealStore.AppealStore
      for (const base of queries) {
        let after: string | undefined
        do {
          const page = yield* store.query({ ...base, ...(statuses !== undefined ? { status: statuses } : {}), limit: 1000, ...(after !== undefined ? { after } : {}) })
          for (const state of page.items as ReadonlyArray<AppealState.AppealState>) {
            if (nodes.length >= maxResults) break
            const received = state.receivedAt === undefined ? Number.NaN : Date.parse(state.receivedAt)
            if (!(received >= start && received <= end)) continue
            const view = yield* readable(state.appealId)
            if (Option.isNone(view)) continue
            if (codes.length > 0 && !codes.includes(Requests.serviceCode(categories, view.value) ?? "")) continue
            nodes.push(yield* requestNode(view.value, caller.subject, req.locale))
          }
          after = nodes.length >= maxResults ? undefined : page.next
        } while (after !== undefined)
      }
      return okAnswer(Document.list("service_requests", nodes))
    })

  const token = (value: string) => (req: Request) =>
    Effect.gen(function* () {
      const dir = yield* directory
      yield* Submission.territory(req.form.scalar("jurisdiction_id"), jurisdictions, dir)
      const id = Requests.readToken(secret, value)
      if (id === undefined) return yield* Effect.fail(fail(404, "tokenNotFound", "token"))
      return okAnswer(Document.list("service_requests", [Document.fields("request", [Document.leaf("service_request_id", id), Document.leaf("token", value)])]))
    })

  // `/services/{code}.{format}` and the like: the id and the format from the last path segment.
  const byFile = (make: (id: string) => (req: Request) => Effect.Effect<Answer, unknown, Requirements>) =>
    Effect.flatMap(HttpRouter.params, (params) => {
      const file = splitFile(params["file"])
      return file === undefined ? handle("xml", () => Effect.fail(fail(404, "resourceNotFound"))) : handle(file.format, make(file.id))
    })

  const notFound = Effect.flatMap(HttpServerRequest.HttpServerRequest, (request) =>
    handle(request.url.split("?")[0]!.endsWith(".json") ? "json" : "xml", () => Effect.fail(fail(404, "resourceNotFound")))
  )

  let routes = HttpRouter.empty as HttpRouter.HttpRouter<never, Requirements>
  for (const format of formats) {
    routes = routes.pipe(
      HttpRouter.get(`/discovery.${format}`, handle(format, discovery)),
      HttpRouter.get(`/services.${format}`, handle(format, services)),
      HttpRouter.get(`/requests.${format}`, handle(format, list)),
      HttpRouter.post(`/requests.${format}`, handle(format, submit, maxBody))
    )
  }
  return routes.pipe(
    HttpRouter.get("/services/:file", byFile(definition)),
    HttpRouter.get("/requests/:file", byFile(one)),
    HttpRouter.get("/tokens/:file", byFile(token)),
    HttpRouter.all("*", notFound)
  )
}
