/**
 * The implementation of the REST API (`Api.api`): each endpoint checks the caller's scope, reads
 * and decodes its body itself (size, media type, JSON, then the core's strict decoder), calls the
 * core's service (`AppealService`), and answers with `Views`: status names in the request's
 * language, legal clocks with their explanations, `ETag` = the appeal's version. Whatever the core
 * refuses becomes a `Problem`; an appeal the caller may not read is 404, like one that does not
 * exist.
 *
 * @example
 * import { Handlers } from "@murojaat/http"
 * const live = Handlers.layer // Layer of the API's groups; needs AppealService and the ports
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"
import { FileSystem, HttpApiBuilder, HttpApiError, type HttpApp, HttpIncomingMessage, HttpServerRequest, HttpServerResponse } from "@effect/platform"
import {
  Actor,
  AppealService,
  AppealStore,
  CalendarStore,
  Calendar,
  Decode,
  type Deadline,
  Directory,
  DirectoryStore,
  Errors,
  type I18n,
  Policy,
  Rule,
  type Worklist
} from "@murojaat/core"
import { Clock, Context, Effect, Either, FiberRef, Layer, LogLevel, Option, Redacted, Schema } from "effect"
import * as Api from "./Api.js"
import * as Edge from "./Edge.js"
import * as Identity from "./Identity.js"
import * as Problem from "./Problem.js"
import * as Views from "./Views.js"
import { provideServiceOnce } from "./internal/provide.js"

// ---------------------------------------------------------------------------------------------
// Request helpers
// ---------------------------------------------------------------------------------------------

const jsonType = /^application\/(?:json|[a-z0-9.+-]+\+json)\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i

/**
 * Reads a request body as JSON: the media type must be JSON (UTF-8), the body at most `limit`
 * bytes, valid UTF-8 and valid JSON; each failure is its own 4xx problem (415, 413, 400). An empty
 * body is `emptyAs` when given (commands without fields), else a 400.
 *
 * @example
 * import { Handlers } from "@murojaat/http"
 * const body = (request: Parameters<typeof Handlers.readJson>[0]) => Handlers.readJson(request, 65536)
 *
 * @since 0.1.0
 */
export const readJson = (
  request: HttpServerRequest.HttpServerRequest,
  limit: number,
  options: { readonly emptyAs?: unknown } = {}
): Effect.Effect<unknown, Problem.Problem> =>
  // Plain steps around the one effect (reading the body): every request with a body passes here.
  Effect.suspend(() => {
    const type = request.headers["content-type"]
    const length = request.headers["content-length"]
    const declaredEmpty = (length === undefined || length === "0") && request.headers["transfer-encoding"] === undefined
    if (declaredEmpty && options.emptyAs !== undefined) return Effect.succeed(options.emptyAs)
    if (type === undefined || !jsonType.test(type)) return Effect.fail(Problem.unsupportedMediaType())
    return Effect.flatMap(
      // As `HttpIncomingMessage.withMaxBodySize`, in one bracket.
      provideServiceOnce(request.arrayBuffer, HttpIncomingMessage.MaxBodySize, Option.some(FileSystem.Size(limit))).pipe(
        Effect.mapError((e) =>
          e.cause instanceof Error && e.cause.message.includes("maxBytes") ? Problem.payloadTooLarge(limit) : Problem.malformedBody()
        )
      ),
      (buffer): Effect.Effect<unknown, Problem.Problem> => {
        if (buffer.byteLength === 0) return options.emptyAs !== undefined ? Effect.succeed(options.emptyAs) : Effect.fail(Problem.malformedBody())
        if (buffer.byteLength > limit) return Effect.fail(Problem.payloadTooLarge(limit))
        try {
          return Effect.succeed(JSON.parse(utf8.decode(buffer)) as unknown)
        } catch {
          return Effect.fail(Problem.malformedBody())
        }
      }
    )
  })

// Fatal: a body that is not valid UTF-8 is refused, never repaired. One decoder serves every
// request (decode without `stream` keeps no state between calls).
const utf8 = new TextDecoder("utf-8", { fatal: true })

const locale: Effect.Effect<I18n.Locale> = Effect.map(FiberRef.get(Edge.currentRequest), (info) => info.locale)
const requestId: Effect.Effect<string> = Effect.map(FiberRef.get(Edge.currentRequest), (info) => info.id)

// Whether an info line would be written (its fields are worked out only then).
const infoLogged: Effect.Effect<boolean> = Effect.map(FiberRef.get(FiberRef.currentMinimumLogLevel), (minimum) => !LogLevel.greaterThan(minimum, LogLevel.Info))

const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

// The caller, with its scope checked and its key in the request's log line.
const callerWith = (scope: Identity.Scope | undefined): Effect.Effect<Identity.Caller, Problem.Problem, Api.CurrentCaller> =>
  Effect.flatMap(Api.CurrentCaller, (caller) =>
    scope !== undefined && !Identity.hasScope(caller, scope) ? Effect.fail(Problem.insufficientScope(new Identity.InsufficientScope({ scope }))) : Effect.succeed(caller)
  )

/**
 * The problem of anything the core fails with: its own errors mapped by `Problem.fromError`; an
 * officer token whose officer the directory does not know is 403 (the caller is not an officer),
 * not 404.
 *
 * @example
 * import { Handlers } from "@murojaat/http"
 * import { Errors } from "@murojaat/core"
 * import { Effect } from "effect"
 * const p = Effect.runSync(Effect.flip(Handlers.refuse(undefined)(new Errors.AppealNotFound({ appealId: "A-1" }))))
 * p.status // 404
 *
 * @since 0.1.0
 */
export const refuse =
  (caller: Identity.Caller | undefined) =>
  (e: Errors.MurojaatError | Problem.Problem): Effect.Effect<never, Problem.Problem> => {
    if (e instanceof Problem.Problem) return Effect.fail(e)
    if (e._tag === "OfficerNotFound" && caller?.kind === "officer" && e.officerId === caller.id) {
      return Effect.fail(Problem.fromError(new Errors.NotAuthorized({ actor: `officer:${caller.id}`, command: "authenticate", reason: "officerInactive" })))
    }
    return Effect.fail(Problem.fromError(e))
  }

const json = (body: unknown, init: { readonly status?: number; readonly headers?: Record<string, string> } = {}) =>
  Effect.map(locale, (l) => jsonIn(l, body, init))

const jsonIn = (l: I18n.Locale, body: unknown, init: { readonly status?: number; readonly headers?: Record<string, string> } = {}) =>
  Edge.jsonResponse(body, {
    status: init.status ?? 200,
    headers: { "content-language": Problem.contentLanguage(l), vary: "Accept-Language", ...init.headers }
  })

// Keys are namespaced by caller, so one client can never meet (or block) another's key.
const idempotencyKey = (caller: Identity.Caller, key: string | undefined): Effect.Effect<string | undefined, Problem.Problem> => {
  const namespaced = idempotencyKeyOf(caller, key)
  return namespaced instanceof Problem.Problem ? Effect.fail(namespaced) : Effect.succeed(namespaced)
}

// The check of `idempotencyKey` as a plain value: the key, or the problem.
const idempotencyKeyOf = (caller: Identity.Caller, key: string | undefined): string | undefined | Problem.Problem => {
  if (key === undefined) return undefined
  if (!/^[\x21-\x7E]{1,200}$/.test(key)) {
    return Problem.invalid("headers", [{ path: "idempotency-key", problem: "invalidValue", detail: "1 to 200 visible ASCII characters, no spaces" }])
  }
  return `${namespaceOf(caller.key)}:${key}`
}

// The namespace of a caller's keys (a digest of its log key), worked out once per caller key.
const namespaces = new Map<string, string>()
const namespaceOf = (callerKey: string): string => {
  let ns = namespaces.get(callerKey)
  if (ns === undefined) {
    if (namespaces.size >= 10_000) namespaces.clear()
    ns = createHash("sha256").update(callerKey).digest("hex").slice(0, 16)
    namespaces.set(callerKey, ns)
  }
  return ns
}

// The calendar and counting settings the service keeps its due times on, for the clocks shown.
const deadlineOptions: Effect.Effect<Deadline.Options> = Effect.gen(function* () {
  const config = yield* Effect.serviceOption(AppealService.Config)
  const configured: Deadline.Options = Option.match(config, { onNone: () => ({}), onSome: (c) => c.deadlines })
  if (configured.calendar !== undefined) return configured
  const store = yield* Effect.serviceOption(CalendarStore.CalendarStore)
  if (Option.isNone(store)) return configured
  const calendar = yield* Effect.option(store.value.current)
  return Option.isSome(calendar) ? { ...configured, calendar: calendar.value } : configured
})

// `decided`: the settings the service decided with (a command's result), used as they are.
const clocksOf = (events: ReadonlyArray<Deadline.EventInput>, decided?: Deadline.Options) =>
  Effect.gen(function* () {
    const options = decided ?? (yield* deadlineOptions)
    return Views.deadlines(events, yield* nowIso, options)
  })

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

// ---------------------------------------------------------------------------------------------
// Appeals
// ---------------------------------------------------------------------------------------------

const answerOf = (l: I18n.Locale, result: AppealService.Result, deadlines: ReturnType<typeof Views.deadlines>, status: number, extra: Record<string, string>) =>
  jsonIn(l, { appeal: Views.appeal(result.state, l), deadlines, events: result.events }, { status, headers: { etag: Views.etag(result.state.version), ...extra } })

const resultResponse = (result: AppealService.Result, events: ReadonlyArray<Deadline.EventInput> | undefined, status: number, extra: Record<string, string> = {}) => {
  const answer = (l: I18n.Locale, deadlines: ReturnType<typeof Views.deadlines>) => answerOf(l, result, deadlines, status, extra)
  // With the settings the service decided with (submit and execute give them), the clocks need
  // nothing more from the context.
  if (events !== undefined && result.deadlines !== undefined) {
    const options = result.deadlines
    return Effect.flatMap(locale, (l) => Effect.map(nowIso, (now) => answer(l, Views.deadlines(events, now, options))))
  }
  return Effect.flatMap(locale, (l) => (events === undefined ? Effect.succeed(answer(l, null)) : Effect.map(clocksOf(events, result.deadlines), (d) => answer(l, d))))
}

// The actor the policy would evaluate, for the list query (which the service does not offer):
// officers from the directory, with their claims checked the way the service checks them.
const actorOf = (caller: Identity.Caller): Effect.Effect<Actor.Actor, Problem.Problem, AppealService.AppealService> =>
  Effect.gen(function* () {
    const subject = caller.subject
    if (subject._tag !== "officer") return subject
    const officer = yield* AppealService.officerActor(subject.officerId).pipe(Effect.catchAll(refuse(caller)))
    const entry = { ...officer, id: officer.officerId, name: "-", duty: [], absences: [], conflicts: [] } as unknown as Directory.Officer
    if (Actor.mismatchedClaims(subject, entry).length > 0) {
      return yield* Effect.fail(Problem.fromError(new Errors.NotAuthorized({ actor: `officer:${caller.id}`, command: "list", reason: "claimsMismatch" })))
    }
    return officer
  })

const pageCursor = (after: string | undefined, shape: (u: unknown) => boolean): Effect.Effect<unknown, Problem.Problem> => {
  if (after === undefined) return Effect.succeed(undefined)
  const decoded = Views.decodeCursor(after)
  return shape(decoded)
    ? Effect.succeed(decoded)
    : Effect.fail(Problem.invalid("query", [{ path: "after", problem: "invalidValue", detail: "not a cursor this service gave" }]))
}

const isAppealCursor = (u: unknown): u is { readonly a: string } => isObject(u) && typeof u["a"] === "string" && Object.keys(u).length === 1
const isDueCursor = (u: unknown): u is Worklist.DueCursor =>
  isObject(u) && typeof u["appealId"] === "string" && (u["dueAt"] === null || typeof u["dueAt"] === "string") && Object.keys(u).length === 2

// `POST /v1/appeals` once its caller is known and its headers decoded, written as plain steps
// between its effects (no generator): the scope, the body, the key, the service, then the answer
// with its clocks. `info` is the request's (`Edge.currentRequest`).
const submitWith = (
  service: AppealService.Service,
  settings: Edge.Settings,
  caller: Identity.Caller,
  headers: typeof Api.SubmitHeaders.Type,
  request: HttpServerRequest.HttpServerRequest,
  info: Edge.RequestInfo
): Effect.Effect<HttpServerResponse.HttpServerResponse, Problem.Problem> => {
  if (!Identity.hasScope(caller, "appeals:submit")) return Effect.fail(Problem.insufficientScope(new Identity.InsufficientScope({ scope: "appeals:submit" })))
  return Effect.flatMap(readJson(request, settings.maxBodyBytes), (body) => {
    const key = idempotencyKeyOf(caller, headers["idempotency-key"])
    if (key instanceof Problem.Problem) return Effect.fail(key)
    return Effect.flatMap(Effect.catchAll(service.submit(body, caller.subject, { idempotencyKey: key, correlationId: info.id }), refuse(caller)), (result) => {
      const extra = { location: `/v1/appeals/${encodeURIComponent(result.appealId)}` }
      const options = result.deadlines
      // A new appeal's events are all its events: its clocks need no second read.
      if (options === undefined) return resultResponse(result, result.events, 201, extra)
      return Effect.map(nowIso, (now) => answerOf(info.locale, result, Views.deadlines(result.events, now, options), 201, extra))
    })
  })
}

const appealsLive = HttpApiBuilder.group(Api.api, "appeals", (handlers) =>
  handlers
    // The busiest endpoint (see `submitWith`); `submitShortcut` answers it too, before the router.
    .handleRaw("submit", ({ headers, request }) =>
      Effect.flatMap(Api.CurrentCaller, (caller) =>
        Effect.flatMap(Edge.EdgeSettings, (settings) =>
          Effect.flatMap(AppealService.AppealService, (service) => Effect.flatMap(FiberRef.get(Edge.currentRequest), (info) => submitWith(service, settings, caller, headers, request, info)))
        )
      )
    )
    .handle("list", ({ urlParams }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("appeals:read")
        const actor = yield* actorOf(caller)
        const after = (yield* pageCursor(urlParams.after, isAppealCursor)) as { readonly a: string } | undefined
        // Narrow the query to what the actor may read at all; the policy filters the rest.
        const own: AppealStore.Query =
          actor._tag === "applicant"
            ? { applicantRef: actor.applicantRef }
            : actor._tag === "officer" && urlParams.districtCode === undefined && urlParams.mahallaCode === undefined && urlParams.assigneeId === undefined
              ? { districtCode: actor.districtCode }
              : actor._tag === "integration" && actor.districts?.length === 1 && urlParams.districtCode === undefined
                ? { districtCode: actor.districts[0]! }
                : {}
        const query: AppealStore.Query = {
          ...own,
          ...(urlParams.districtCode !== undefined ? { districtCode: urlParams.districtCode } : {}),
          ...(urlParams.mahallaCode !== undefined ? { mahallaCode: urlParams.mahallaCode } : {}),
          ...(urlParams.assigneeId !== undefined ? { assigneeId: urlParams.assigneeId } : {}),
          ...(urlParams.category !== undefined ? { category: urlParams.category } : {}),
          ...(urlParams.status !== undefined ? { status: urlParams.status } : {}),
          ...(after !== undefined ? { after: after.a } : {}),
          limit: urlParams.limit ?? 50
        }
        const page = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query(query)).pipe(Effect.catchAll(refuse(caller)))
        const l = yield* locale
        return yield* json({
          items: page.items.filter((s) => Policy.canRead(actor, s)).map((s) => Views.appeal(s, l)),
          ...(page.next !== undefined ? { next: Views.encodeCursor({ a: page.next }) } : {})
        })
      })
    )
    .handle("get", ({ path, headers }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("appeals:read")
        const view = yield* AppealService.get(path.appealId, caller.subject).pipe(Effect.catchAll(refuse(caller)))
        const tag = Views.etag(view.state.version)
        if (headers["if-none-match"] !== undefined && headers["if-none-match"].split(",").some((t) => t.trim() === tag || t.trim() === "*")) {
          return HttpServerResponse.empty({ status: 304, headers: { etag: tag } })
        }
        const events = yield* AppealService.history(path.appealId, caller.subject).pipe(Effect.catchAll(refuse(caller)))
        const l = yield* locale
        return yield* json(
          {
            appeal: Views.appeal(view.state, l),
            deadlines: yield* clocksOf(events),
            ...(view.personal !== undefined ? { personal: view.personal } : {}),
            texts: view.texts,
            masked: view.masked
          },
          { headers: { etag: tag } }
        )
      })
    )
    .handle("history", ({ path }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("appeals:read")
        const events = yield* AppealService.history(path.appealId, caller.subject).pipe(Effect.catchAll(refuse(caller)))
        const verification = yield* AppealService.verify(path.appealId, caller.subject).pipe(Effect.catchAll(refuse(caller)))
        return yield* json({ appealId: path.appealId, events, verification: Views.verification(verification) })
      })
    )
    .handleRaw("suggestLinks", ({ request }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("appeals:submit")
        const settings = yield* Edge.EdgeSettings
        const body = yield* readJson(request, settings.maxBodyBytes)
        const suggestions = yield* AppealService.suggestLinks(body, caller.subject).pipe(Effect.catchAll(refuse(caller)))
        return yield* json(suggestions)
      })
    )
)

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

const commandHandler =
  (type: (typeof Api.commandTypes)[number]) =>
  ({ path, headers, request }: { readonly path: { readonly appealId: string }; readonly headers: typeof Api.CommandHeaders.Type; readonly request: HttpServerRequest.HttpServerRequest }) =>
    Effect.gen(function* () {
      const caller = yield* callerWith("appeals:act")
      const settings = yield* Edge.EdgeSettings
      const body = yield* readJson(request, settings.maxBodyBytes, { emptyAs: {} })
      if (!isObject(body)) return yield* Effect.fail(Problem.invalid("Command", [{ path: "", problem: "wrongType", expected: "a JSON object", detail: "the body must be an object" }]))
      const taken = ["type", "appealId"].filter((k) => Object.prototype.hasOwnProperty.call(body, k))
      if (taken.length > 0) {
        return yield* Effect.fail(Problem.invalid("Command", taken.map((k) => ({ path: k, problem: "notAllowed" as const, detail: "given by the path" }))))
      }
      const key = yield* idempotencyKey(caller, headers["idempotency-key"])
      const expected = headers["if-match"] === undefined ? undefined : Views.ifMatch(headers["if-match"])
      if (expected === "invalid") {
        return yield* Effect.fail(Problem.invalid("headers", [{ path: "if-match", problem: "invalidValue", detail: 'one strong ETag as given ("7"), or *' }]))
      }
      // The version is checked by the service, at the commit (`*` asks only that the appeal exists,
      // which every command does). An idempotent retry of a command that did commit is answered
      // from its idempotency record before any check, so its first answer stands.
      const result = yield* AppealService.execute({ ...body, type, appealId: path.appealId }, caller.subject, {
        idempotencyKey: key,
        correlationId: yield* requestId,
        expectedVersion: expected
      }).pipe(
        Effect.catchAll((e) =>
          e._tag === "VersionConflict" && expected !== undefined && e.appealId === path.appealId
            ? Effect.fail(Problem.preconditionFailed(path.appealId, expected, e.actual))
            : refuse(caller)(e)
        )
      )
      if (yield* infoLogged) yield* Effect.logInfo("command").pipe(Effect.annotateLogs({ command: type, appealId: result.appealId, version: result.state.version }))
      return yield* resultResponse(result, yield* historyOf(result.appealId, caller), 200)
    })

// The events for the clocks after a command; a command that leaves the appeal unreadable to the
// caller (a merge, an unassignment) answers without clocks rather than failing after the commit.
const historyOf = (appealId: string, caller: Identity.Caller) =>
  Effect.map(Effect.option(AppealService.history(appealId, caller.subject)), Option.getOrUndefined)

const commandsLive = HttpApiBuilder.group(Api.api, "commands", (handlers) =>
  Api.commandTypes.reduce(
    (h, type) => (h as { handleRaw: (name: string, f: unknown) => unknown }).handleRaw(type, commandHandler(type)) as typeof handlers,
    handlers
  ) as never
)

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

const duePage = (page: Worklist.DuePage) =>
  Effect.flatMap(locale, (l) =>
    json({ items: page.items.map((s) => Views.appeal(s, l)), ...(page.next !== undefined ? { next: Views.encodeCursor(page.next) } : {}) })
  )

const areaOf = (params: { readonly districtCode?: string | undefined; readonly mahallaCode?: string | undefined }): unknown =>
  params.districtCode !== undefined && params.mahallaCode !== undefined
    ? { districtCode: params.districtCode, mahallaCode: params.mahallaCode }
    : params.districtCode !== undefined
      ? { districtCode: params.districtCode }
      : params.mahallaCode !== undefined
        ? { mahallaCode: params.mahallaCode }
        : {}

// An area's due-ordered list (overdue, soon due): the area from the query, the page from the cursor.
const areaList = (
  params: typeof Api.AreaParams.Type,
  list: (area: Worklist.Area, subject: Identity.Caller["subject"], page: Worklist.PageRequest) => Effect.Effect<Worklist.DuePage, AppealService.ActorError, AppealService.AppealService>
) =>
  Effect.gen(function* () {
    const caller = yield* callerWith("lists:read")
    const after = yield* pageCursor(params.after, isDueCursor)
    const page = yield* list(areaOf(params) as Worklist.Area, caller.subject, { after: after as Worklist.DueCursor | undefined, limit: params.limit ?? 50 }).pipe(
      Effect.catchAll(refuse(caller))
    )
    return yield* duePage(page)
  })

const listsLive = HttpApiBuilder.group(Api.api, "lists", (handlers) =>
  handlers
    .handle("worklist", ({ path, urlParams }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("lists:read")
        const after = yield* pageCursor(urlParams.after, isDueCursor)
        const page = yield* AppealService.worklist(path.officerId, caller.subject, {
          after: after as Worklist.DueCursor | undefined,
          limit: urlParams.limit ?? 50
        }).pipe(Effect.catchAll(refuse(caller)))
        return yield* duePage(page)
      })
    )
    .handle("overdue", ({ urlParams }) =>
      urlParams.until !== undefined
        ? Effect.fail(Problem.invalid("query", [{ path: "until", problem: "notAllowed", detail: "only for soon-due" }]))
        : areaList(urlParams, (area, subject, page) => AppealService.overdue(area, subject, page))
    )
    .handle("soonDue", ({ urlParams }) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        areaList(urlParams, (area, subject, page) =>
          AppealService.soonDue(area, urlParams.until ?? new Date(now + 3 * 86_400_000).toISOString(), subject, page)
        )
      )
    )
)

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

const decodeDirectory = Decode.unknown(Directory.Directory, "Directory")
const decodeYears = Decode.unknown(Api.CalendarYears, "CalendarYears")

const calendarBody = (calendar: Calendar.Calendar) =>
  Effect.map(locale, (l) =>
    HttpServerResponse.text(Calendar.toJson(calendar), {
      contentType: "application/json",
      headers: { "content-language": Problem.contentLanguage(l), vary: "Accept-Language" }
    })
  )

const adminLive = HttpApiBuilder.group(Api.api, "admin", (handlers) =>
  handlers
    .handle("places", () =>
      Effect.gen(function* () {
        yield* callerWith(undefined)
        const directory = yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.snapshot).pipe(Effect.catchAll(refuse(undefined)))
        return yield* json({ regions: directory.regions, districts: directory.districts, mahallas: directory.mahallas })
      })
    )
    .handle("rules", () =>
      Effect.gen(function* () {
        yield* callerWith(undefined)
        return yield* json({ rules: Rule.registry })
      })
    )
    .handle("directory", () =>
      Effect.gen(function* () {
        yield* callerWith("directory:read")
        const directory = yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.snapshot).pipe(Effect.catchAll(refuse(undefined)))
        return yield* json(directory)
      })
    )
    .handleRaw("replaceDirectory", ({ request }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("directory:admin")
        const settings = yield* Edge.EdgeSettings
        const body = yield* readJson(request, settings.maxAdminBodyBytes)
        const directory = yield* decodeDirectory(body).pipe(Effect.catchAll(refuse(caller)))
        yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(directory)).pipe(Effect.catchAll(refuse(caller)))
        yield* Effect.logInfo("directory replaced").pipe(Effect.annotateLogs({ officers: directory.officers.length, mahallas: directory.mahallas.length }))
        return yield* json({
          regions: directory.regions.length,
          districts: directory.districts.length,
          mahallas: directory.mahallas.length,
          officers: directory.officers.length
        })
      })
    )
    .handle("calendar", () =>
      Effect.gen(function* () {
        yield* callerWith(undefined)
        const calendar = yield* Effect.flatMap(CalendarStore.CalendarStore, (c) => c.current).pipe(Effect.catchAll(refuse(undefined)))
        return yield* calendarBody(calendar)
      })
    )
    .handleRaw("loadCalendarYears", ({ request }) =>
      Effect.gen(function* () {
        const caller = yield* callerWith("calendar:admin")
        const settings = yield* Edge.EdgeSettings
        const body = yield* readJson(request, settings.maxAdminBodyBytes)
        const { years } = yield* decodeYears(body).pipe(Effect.catchAll(refuse(caller)))
        const calendar = yield* Effect.flatMap(CalendarStore.CalendarStore, (c) => c.addYears(years)).pipe(Effect.catchAll(refuse(caller)))
        yield* Effect.logInfo("calendar years loaded").pipe(Effect.annotateLogs({ years: years.map((y) => y.year) }))
        return yield* calendarBody(calendar)
      })
    )
)

// ---------------------------------------------------------------------------------------------
// Authentication
// ---------------------------------------------------------------------------------------------

/**
 * The bearer authentication of `Api.Authentication`: the token verified (`Identity.Verifier`), the
 * caller's key written to the request's log line, and its rate limit applied.
 *
 * @example
 * import { Handlers } from "@murojaat/http"
 * const auth = Handlers.authentication // Layer<Api.Authentication, never, Identity.Verifier | Edge services>
 *
 * @since 0.1.0
 */
export const authentication: Layer.Layer<Api.Authentication, never, Identity.Verifier | Edge.RateLimiter | Edge.EdgeSettings> = Layer.effect(
  Api.Authentication,
  Effect.map(Effect.all({ verifier: Identity.Verifier, limiter: Edge.RateLimiter, settings: Edge.EdgeSettings }), ({ verifier, limiter, settings }) => {
    const check = bearerWith(verifier, limiter, settings)
    return { bearer: (token: Redacted.Redacted<string>) => Effect.flatMap(FiberRef.get(Edge.currentRequest), (info) => check(Redacted.value(token), info)) }
  })
)

// The bearer check (`authentication`, `submitShortcut`) of a token for the request of `info`.
// Every authenticated request passes here: plain steps, no generator.
const bearerWith =
  (verifier: Identity.VerifierService, limiter: Edge.RateLimiter["Type"], settings: Edge.Settings) =>
  (token: string, info: Edge.RequestInfo): Effect.Effect<Identity.Caller, Problem.Problem> =>
    Effect.flatMap(Effect.mapError(verifier.verify(token), Problem.unauthenticated), (caller) => {
      info.caller = caller.key
      const over = Edge.clientOverRate(limiter, settings, caller.key, caller.client?.rateLimitPerMinute, Date.now())
      return over !== undefined ? Effect.fail(over) : Effect.succeed(caller)
    })

/**
 * `POST /v1/appeals`, the busiest endpoint, answered before the platform's router (give it the
 * app the edge wraps): the same steps as its route, with the services taken once: the bearer
 * check of `Api.Authentication`, the headers decoded with `Api.SubmitHeaders` (a refusal is the
 * same `HttpApiDecodeError`), then the handler. The router's own steps (matching, the group's
 * context merged into the request's, the caller provided as a service) cost about a tenth of a
 * millisecond per request. Any other request goes on to the app.
 *
 * @example
 * import { Handlers } from "@murojaat/http"
 * import { HttpServerResponse } from "@effect/platform"
 * import { Effect } from "effect"
 * const app = Effect.map(Handlers.submitShortcut, (shortcut) => shortcut(Effect.succeed(HttpServerResponse.empty())))
 *
 * @since 0.1.0
 */
export const submitShortcut: Effect.Effect<
  <E>(app: HttpApp.Default<E>) => HttpApp.Default<E | Problem.Problem | HttpApiError.HttpApiDecodeError>,
  never,
  AppealService.AppealService | Identity.Verifier | Edge.RateLimiter | Edge.EdgeSettings
> = Effect.map(
  Effect.all({ service: AppealService.AppealService, verifier: Identity.Verifier, limiter: Edge.RateLimiter, settings: Edge.EdgeSettings }),
  ({ service, verifier, limiter, settings }) => {
    const bearer = bearerWith(verifier, limiter, settings)
    const decodeHeaders = Schema.decodeUnknownEither(Api.SubmitHeaders)
    // One step reads the request and its info from the fiber; the token is read as the platform
    // reads a bearer token (`HttpApiBuilder.securityDecode`: what follows `Bearer `, else empty),
    // and the headers are decoded at once (the schema is synchronous; a refusal is the same
    // `HttpApiDecodeError` as the router's).
    return <E>(app: HttpApp.Default<E>): HttpApp.Default<E | Problem.Problem | HttpApiError.HttpApiDecodeError> =>
      Effect.withFiberRuntime((fiber): HttpApp.Default<E | Problem.Problem | HttpApiError.HttpApiDecodeError> => {
        const request = Context.unsafeGet(fiber.currentContext, HttpServerRequest.HttpServerRequest)
        if (request.method !== "POST") return app
        const q = request.url.indexOf("?")
        if ((q < 0 ? request.url : request.url.slice(0, q)) !== "/v1/appeals") return app
        const info = fiber.getFiberRef(Edge.currentRequest)
        return Effect.flatMap(bearer((request.headers.authorization ?? "").slice(bearerPrefix), info), (caller): HttpApp.Default<Problem.Problem | HttpApiError.HttpApiDecodeError> => {
          const headers = decodeHeaders(request.headers)
          return Either.isLeft(headers)
            ? HttpApiError.HttpApiDecodeError.refailParseError(headers.left)
            : submitWith(service, settings, caller, headers.right, request, info)
        })
      })
  }
)

// "Bearer ".length, as the platform slices the authorization header.
const bearerPrefix = 7

/**
 * Every group of the API implemented, with its authentication.
 *
 * @example
 * import { Handlers } from "@murojaat/http"
 * const live = Handlers.layer
 *
 * @since 0.1.0
 */
export const layer = Layer.mergeAll(appealsLive, commandsLive, listsLive, adminLive).pipe(Layer.provide(authentication))
