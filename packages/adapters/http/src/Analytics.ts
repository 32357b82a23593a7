/**
 * Prevention analytics over HTTP (issue 16): one `HttpApiGroup` of five reads, each within the
 * access policy of the core (`Analytics.authorize`: an inspector his mahallas, a chief his
 * district, an auditor everything; applicants none), as JSON or, with `format=csv`, as CSV
 * (`AnalyticsExport`). Aggregates carry codes and counts only; signals and suggestions name the key
 * that links their appeals only to officers (`Policy.seesPersonalData`).
 *
 * - `GET /v1/analytics/hotspots?period=2026-03&level=mahalla&district=…`: counts, rates, trend and
 *   the rise test per place and category, against the period before (or `previous=`).
 * - `GET /v1/analytics/ratings?period=2026-Q1&level=inspector&district=…`: Cabinet resolution No. 40
 *   indicators and ranks per inspector, mahalla or district.
 * - `GET /v1/analytics/repeat-rates?period=…`: mahallas by repeat rate.
 * - `GET /v1/analytics/signals?unmeasured=true`: repeat signals (those with no measure yet).
 * - `GET /v1/analytics/order-suggestions`: protection orders to consider (ZRU-561).
 *
 * The area is `region=`, `district=` or `mahalla=` (repeatable), by default the widest the caller
 * may read. Scope `lists:read` (officers and auditors hold it). The numbers are as of the facts'
 * last refresh (`Analytics.Service.refresh`; `refresher` runs it on a schedule).
 *
 * The group is declared in `Api` (`Api.analytics`, part of `Api.api`); this module holds its
 * handlers (`handle`, implemented on `Api.api` by `live`, which `Server.layer` serves) and the
 * background `refresher`.
 *
 * @example
 * import { Analytics } from "@murojaat/http"
 * Object.keys(Analytics.group.endpoints) // ["hotspots", "ratings", "repeatRates", "signals", "orderSuggestions"]
 *
 * @since 0.1.0
 */
import { HttpApiBuilder, HttpServerResponse } from "@effect/platform"
import { Actor, Analytics as Core, AnalyticsExport, AppealFact, AppealService, Directory, Errors, ReportPeriod } from "@murojaat/core"
import { Clock, Duration, Effect, Layer, Option, Schedule } from "effect"
import * as Api from "./Api.js"
import * as Handlers from "./Handlers.js"
import * as Identity from "./Identity.js"
import * as Problem from "./Problem.js"

/** The query of the hotspot report (`Api.HotspotParams`). @example import { Analytics } from "@murojaat/http"; Object.keys(Analytics.HotspotParams.fields).includes("previous") // true */
export const HotspotParams = Api.HotspotParams
/** The query of the ratings and of the repeat rates (`Api.RatingParams`). @example import { Analytics } from "@murojaat/http"; Object.keys(Analytics.RatingParams.fields).includes("asOf") // true */
export const RatingParams = Api.RatingParams
/** The query of the signals and of the suggestions (`Api.SignalParams`). @example import { Analytics } from "@murojaat/http"; Object.keys(Analytics.SignalParams.fields).includes("unmeasured") // true */
export const SignalParams = Api.SignalParams

/**
 * The analytics endpoints: the group of the REST API (`Api.analytics`), declared there so that
 * `Api.api` holds it without importing this module.
 *
 * @example
 * import { Analytics } from "@murojaat/http"
 * Analytics.group.identifier // "analytics"
 *
 * @since 0.1.0
 */
export const group = Api.analytics

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

// The caller resolved to the actor the policy evaluates: officers from the directory (claims checked).
const actorOf = (caller: Identity.Caller): Effect.Effect<Actor.Actor, Problem.Problem, AppealService.AppealService> =>
  Effect.gen(function* () {
    const subject = caller.subject
    if (subject._tag !== "officer") return subject
    const officer = yield* AppealService.officerActor(subject.officerId).pipe(Effect.catchAll(Handlers.refuse(caller)))
    const entry = { ...officer, id: officer.officerId, name: "-", duty: [], absences: [], conflicts: [] } as unknown as Directory.Officer
    if (Actor.mismatchedClaims(subject, entry).length > 0) {
      return yield* Effect.fail(Problem.fromError(new Errors.NotAuthorized({ actor: `officer:${caller.id}`, command: "analytics", reason: "claimsMismatch" })))
    }
    return officer
  })

type Needs = Api.CurrentCaller | AppealService.AppealService | Core.Analytics

const reader: Effect.Effect<{ readonly caller: Identity.Caller; readonly actor: Actor.Actor }, Problem.Problem, Api.CurrentCaller | AppealService.AppealService> =
  Effect.gen(function* () {
    const caller = yield* Api.CurrentCaller
    if (!Identity.hasScope(caller, "lists:read")) return yield* Effect.fail(Problem.insufficientScope(new Identity.InsufficientScope({ scope: "lists:read" })))
    return { caller, actor: yield* actorOf(caller) }
  })

const areaOf = (params: { readonly region?: string | undefined; readonly district?: string | undefined; readonly mahalla?: ReadonlyArray<string> | undefined }, actor: Actor.Actor) => {
  const given = [params.region, params.district, params.mahalla].filter((x) => x !== undefined)
  if (given.length > 1) return Effect.fail(Problem.invalid("query", [{ path: "district", problem: "notAllowed", detail: "give one of region, district or mahalla" }]))
  if (params.region !== undefined) return Effect.succeed<AppealFact.Area>({ regionCode: params.region })
  if (params.district !== undefined) return Effect.succeed<AppealFact.Area>({ districtCode: params.district })
  if (params.mahalla !== undefined) return Effect.succeed<AppealFact.Area>({ mahallaCodes: params.mahalla })
  const widest = Core.defaultArea(actor)
  return widest === undefined
    ? Effect.fail(Problem.fromError(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "analytics", reason: "roleNotAllowed" })))
    : Effect.succeed(widest)
}

const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

// The instant violations are judged at: asked, else the end of the period if it has passed, else now.
const asOfFor = (asked: string | undefined, until?: string) =>
  Effect.map(nowIso, (now) => asked ?? (until !== undefined && (AppealFact.instant(until) ?? until) < now ? until : now))

const period = (label: string): ReportPeriod.Period => Option.getOrThrow(ReportPeriod.fromLabel(label))

const answer = (format: "json" | "csv" | undefined, table: AnalyticsExport.Table, json: unknown) =>
  format === "csv"
    ? HttpServerResponse.text(AnalyticsExport.csv(table), { contentType: "text/csv; charset=utf-8" })
    : HttpServerResponse.unsafeJson(json)

const run = <A>(caller: Identity.Caller, program: Effect.Effect<A, Errors.NotAuthorized | Errors.InvalidInput | Errors.StoreError, Core.Analytics>) =>
  program.pipe(Effect.catchAll(Handlers.refuse(caller)))

/**
 * The handler of each endpoint, as plain functions of the decoded request: mount them on any API
 * that has `group` (`handlers.handle("hotspots", Analytics.handle.hotspots)`, and so on).
 *
 * @example
 * import { Analytics } from "@murojaat/http"
 * Object.keys(Analytics.handle) // ["hotspots", "ratings", "repeatRates", "signals", "orderSuggestions"]
 *
 * @since 0.1.0
 */
export const handle = {
  hotspots: ({ urlParams: p }: { readonly urlParams: typeof HotspotParams.Type }): Effect.Effect<HttpServerResponse.HttpServerResponse, Problem.Problem, Needs> =>
    Effect.gen(function* () {
      const { caller, actor } = yield* reader
      const current = period(p.period)
      const previous = p.previous === undefined ? ReportPeriod.previous(current) : period(p.previous)
      const area = yield* areaOf(p, actor)
      const report = yield* run(caller, Core.hotspots({ level: p.level ?? "mahalla", area, current, previous }, actor))
      return answer(p.format, AnalyticsExport.hotspots(report), report)
    }),
  ratings: ({ urlParams: p }: { readonly urlParams: typeof RatingParams.Type }): Effect.Effect<HttpServerResponse.HttpServerResponse, Problem.Problem, Needs> =>
    Effect.gen(function* () {
      const { caller, actor } = yield* reader
      const interval = period(p.period)
      const area = yield* areaOf(p, actor)
      const asOf = yield* asOfFor(p.asOf, interval.to)
      const report = yield* run(caller, Core.ratings({ level: p.level ?? "mahalla", area, interval, asOf }, actor))
      return answer(p.format, AnalyticsExport.ratings(report), { ...report, period: interval, asOf })
    }),
  repeatRates: ({ urlParams: p }: { readonly urlParams: typeof RatingParams.Type }): Effect.Effect<HttpServerResponse.HttpServerResponse, Problem.Problem, Needs> =>
    Effect.gen(function* () {
      const { caller, actor } = yield* reader
      const interval = period(p.period)
      const area = yield* areaOf(p, actor)
      const asOf = yield* asOfFor(p.asOf, interval.to)
      const rates = yield* run(caller, Core.repeatRates({ area, interval, asOf }, actor))
      return answer(p.format, AnalyticsExport.repeatRates(rates), { period: interval, asOf, mahallas: rates })
    }),
  signals: ({ urlParams: p }: { readonly urlParams: typeof SignalParams.Type }): Effect.Effect<HttpServerResponse.HttpServerResponse, Problem.Problem, Needs> =>
    Effect.gen(function* () {
      const { caller, actor } = yield* reader
      const area = yield* areaOf(p, actor)
      const asOf = yield* asOfFor(p.asOf)
      const all = yield* run(caller, Core.signals({ area, asOf }, actor))
      const signals = p.unmeasured === "true" ? all.filter((s) => !s.measured) : all
      return answer(p.format, AnalyticsExport.signals(signals), { asOf, signals })
    }),
  orderSuggestions: ({ urlParams: p }: { readonly urlParams: typeof SignalParams.Type }): Effect.Effect<HttpServerResponse.HttpServerResponse, Problem.Problem, Needs> =>
    Effect.gen(function* () {
      const { caller, actor } = yield* reader
      if (p.unmeasured !== undefined) return yield* Effect.fail(Problem.invalid("query", [{ path: "unmeasured", problem: "notAllowed", detail: "only for signals" }]))
      const area = yield* areaOf(p, actor)
      const asOf = yield* asOfFor(p.asOf)
      const suggestions = yield* run(caller, Core.orderSuggestions({ area, asOf }, actor))
      return answer(p.format, AnalyticsExport.orderSuggestions(suggestions), { asOf, suggestions })
    })
}

/**
 * The group implemented on the REST API (`Api.api`, which holds it): what `Server.layer` serves
 * under `/v1/analytics`. Needs the core's `Analytics` port, the `AppealService` and
 * `Api.Authentication`.
 *
 * @example
 * import { Analytics } from "@murojaat/http"
 * const layer = Analytics.live
 *
 * @since 0.2.0
 */
export const live = HttpApiBuilder.group(Api.api, "analytics", (h) =>
  h
    .handle("hotspots", handle.hotspots)
    .handle("ratings", handle.ratings)
    .handle("repeatRates", handle.repeatRates)
    .handle("signals", handle.signals)
    .handle("orderSuggestions", handle.orderSuggestions)
)

/**
 * Refreshes the analytics facts now and then every `every` (default 5 minutes), in the background,
 * for as long as the layer lives; a failed refresh is logged and retried at the next tick. Run it
 * in one instance or several (refreshes claim their work with `SKIP LOCKED`).
 *
 * @example
 * import { Analytics } from "@murojaat/http"
 * const background = Analytics.refresher("10 minutes")
 *
 * @since 0.1.0
 */
export const refresher = (every: Duration.DurationInput = "5 minutes"): Layer.Layer<never, never, Core.Analytics> =>
  Layer.scopedDiscard(
    Effect.forkScoped(
      Effect.gen(function* () {
        const analytics = yield* Core.Analytics
        const r = yield* analytics.refresh(yield* nowIso)
        yield* Effect.logDebug("analytics refreshed").pipe(Effect.annotateLogs({ facts: r.facts }))
      }).pipe(
        Effect.catchAll((e) => Effect.logWarning("analytics refresh failed").pipe(Effect.annotateLogs({ code: e._tag, reason: e.reason }))),
        Effect.repeat(Schedule.spaced(every))
      )
    )
  )

