/**
 * The analytics port: what a store computes for prevention analytics (aggregations over
 * `AppealFact`s), and the programs that answer a reader within the access policy.
 *
 * A store implements four operations: `refresh` (bring its facts up to date at an instant, where
 * it keeps them), `hotspotCounts` and `indicators` (the aggregations of `Hotspots.count` and
 * `UnitRating.count`), and `linkedFacts` (the facts signals are made of, `AppealFact.linked`).
 * The reference implementation computes them with those pure functions over facts (`fromFacts`);
 * `layerFromStore` derives the facts from any `AppealStore` (the in-memory adapter's analytics);
 * the PostgreSQL adapter answers them in SQL (`PgAnalytics`), and the testkit's analytics suite
 * proves both give the same answers on the same data.
 *
 * Access (rule `analytics.scope`): an inspector sees his mahallas, a senior inspector and a
 * district chief their district, an integration system its districts, an auditor and the system
 * everything; applicants see no analytics. Aggregates carry codes and counts only, never personal
 * data; signals and suggestions name the key that links their appeals only to readers who may see
 * personal data (`Policy.seesPersonalData`), the others get appeal ids. At the inspector level of
 * the ratings, an officer who is not district-wide sees his own row only.
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Effect, Either, Schema } from "effect"
 * const inspector = Schema.decodeUnknownSync(Actor.Officer)({ _tag: "officer", officerId: "O-1", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"] })
 * Either.isLeft(Analytics.authorize(inspector, { districtCode: "D1" }, "mahalla")) // true
 * Analytics.authorize(inspector, { mahallaCodes: ["M1"] }, "mahalla") // Either.right({ mahallaCodes: ["M1"] })
 *
 * @since 0.2.0
 */
import { Context, Effect, Either, Layer, Option, Ref } from "effect"
import * as Actor from "./Actor.js"
import * as AppealFact from "./AppealFact.js"
import { AppealStore } from "./AppealStore.js"
import * as CalendarStore from "./CalendarStore.js"
import type * as Deadline from "./Deadline.js"
import * as Errors from "./Errors.js"
import * as Hotspots from "./Hotspots.js"
import * as Eligibility from "./internal/eligibility.js"
import * as LocalTime from "./internal/localTime.js"
import * as Policy from "./Policy.js"
import * as ProtectionOrder from "./ProtectionOrder.js"
import * as Repeats from "./Repeats.js"
import type * as ReportPeriod from "./ReportPeriod.js"
import * as UnitRating from "./UnitRating.js"

// ---------------------------------------------------------------------------------------------
// The port
// ---------------------------------------------------------------------------------------------

/**
 * What a refresh did: how many facts it (re)computed, and the instant it computed them at.
 *
 * @example
 * import { Analytics } from "@murojaat/core"
 * const r: Analytics.Refreshed = { facts: 0, asOf: "2026-03-01T00:00:00.000Z" }
 *
 * @since 0.2.0
 * @category port
 */
export interface Refreshed {
  readonly facts: number
  readonly asOf: string
}

/**
 * The operations of an analytics store.
 *
 * @example
 * import { Analytics } from "@murojaat/core"
 * const s: Analytics.Service = Analytics.fromFacts([])
 *
 * @since 0.2.0
 * @category port
 */
export interface Service {
  /**
   * Brings the stored facts up to date at `asOf`: recomputes those of every appeal changed (or
   * whose personal data was erased) since the last refresh. A store that derives facts on every
   * query does nothing.
   */
  readonly refresh: (asOf: string) => Effect.Effect<Refreshed, Errors.StoreError>
  /** The count rows of `Hotspots.count` for the query, in `Hotspots.order`. */
  readonly hotspotCounts: (query: Hotspots.Query) => Effect.Effect<ReadonlyArray<Hotspots.CountRow>, Errors.StoreError>
  /** The unit rows of `UnitRating.count` for the query, in `UnitRating.order`. */
  readonly indicators: (query: UnitRating.Query) => Effect.Effect<ReadonlyArray<UnitRating.Row>, Errors.StoreError>
  /** The facts of the area received in the interval that `AppealFact.linked` keeps, by appeal id. */
  readonly linkedFacts: (area: AppealFact.Area, interval: ReportPeriod.Interval) => Effect.Effect<ReadonlyArray<AppealFact.Fact>, Errors.StoreError>
}

/**
 * The analytics service.
 *
 * @example
 * import { Analytics } from "@murojaat/core"
 * Analytics.Analytics.key // "@murojaat/core/Analytics"
 *
 * @since 0.2.0
 * @category port
 */
export class Analytics extends Context.Tag("@murojaat/core/Analytics")<Analytics, Service>() {}

const byId = (a: AppealFact.Fact, b: AppealFact.Fact) => (a.appealId < b.appealId ? -1 : a.appealId > b.appealId ? 1 : 0)

/**
 * The reference implementation over a list of facts: each operation is the pure function of the
 * facts (`Hotspots.count`, `UnitRating.count`, `AppealFact.linked`). For tests, exports read back,
 * and as the oracle of every store.
 *
 * @example
 * import { Analytics } from "@murojaat/core"
 * import { Effect } from "effect"
 * const rows = Effect.runSync(Analytics.fromFacts([]).indicators({ level: "district", area: { all: true },
 *   interval: { from: "2026-01-01T00:00:00+05:00", to: "2026-02-01T00:00:00+05:00" }, asOf: "2026-02-01T00:00:00+05:00" }))
 * rows // []
 *
 * @since 0.2.0
 * @category implementations
 */
export const fromFacts = (facts: ReadonlyArray<AppealFact.Fact>): Service => ({
  refresh: (asOf) => Effect.succeed({ facts: 0, asOf: AppealFact.instant(asOf) ?? asOf }),
  hotspotCounts: (query) => Effect.sync(() => Hotspots.count(facts, query)),
  indicators: (query) => Effect.sync(() => UnitRating.count(facts, query)),
  linkedFacts: (area, interval) =>
    Effect.sync(() => [...AppealFact.linked(facts.filter((f) => AppealFact.inArea(f, area) && AppealFact.receivedIn(f, interval)))].sort(byId))
})

/**
 * The facts of every appeal of an `AppealStore` at `asOf`, derived from their states, events and
 * personal data (`AppealFact.of`), in appeal-id order.
 *
 * @example
 * import { Analytics, AppealStore } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.provide(Analytics.factsOfStore("2026-03-01T00:00:00Z"), AppealStore.layerMemory())) // []
 *
 * @since 0.2.0
 * @category implementations
 */
export const factsOfStore = (
  asOf: string,
  deadlines?: Deadline.Options
): Effect.Effect<ReadonlyArray<AppealFact.Fact>, Errors.StoreError, AppealStore> =>
  Effect.gen(function* () {
    const store = yield* AppealStore
    const out: Array<AppealFact.Fact> = []
    let after: string | undefined
    for (;;) {
      const ids = yield* store.ids(after, 1000)
      for (const id of ids) {
        const state = yield* store.load(id)
        if (Option.isNone(state)) continue
        const events = yield* store.events(id)
        const personal = yield* store.personal(id)
        const fact = AppealFact.of({ state: state.value, events, personal: Option.getOrUndefined(personal), asOf, deadlines })
        if (fact !== undefined) out.push(fact)
      }
      if (ids.length < 1000) return out
      after = ids[ids.length - 1]
    }
  })

/**
 * The analytics of any `AppealStore`: every operation derives the facts from the store
 * (`factsOfStore`) and runs the reference implementation. Facts are computed at the instant of the
 * last `refresh`, as a store that keeps facts holds them (deadline violations after it follow from
 * the due times: `AppealFact.violatedAt`); before any refresh, at the query's instant (`asOf` of a
 * rating query, the end of the current period of a hotspot query, the end of the interval for
 * linked facts). The calendar is the `CalendarStore`'s in force when one is in context, else
 * `deadlines.calendar`, else the shipped one. Linear in the store's size on every query: the
 * in-memory adapter's analytics, and a reference for other stores.
 *
 * @example
 * import { Analytics, AppealStore } from "@murojaat/core"
 * import { Effect, Layer } from "effect"
 * const live = Analytics.layerFromStore().pipe(Layer.provide(AppealStore.layerMemory()))
 * const counts = Effect.flatMap(Analytics.Analytics, (a) => a.hotspotCounts({ level: "mahalla", area: { all: true },
 *   current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } }))
 * Effect.runSync(Effect.provide(counts, live)) // []
 *
 * @since 0.2.0
 * @category implementations
 */
export const layerFromStore = (options: { readonly deadlines?: Deadline.Options } = {}): Layer.Layer<Analytics, never, AppealStore> =>
  Layer.effect(
    Analytics,
    Effect.gen(function* () {
      const store = yield* AppealStore
      const calendars = yield* Effect.serviceOption(CalendarStore.CalendarStore)
      const refreshed = yield* Ref.make<string | undefined>(undefined)
      const deadlines: Effect.Effect<Deadline.Options | undefined, Errors.StoreError> =
        options.deadlines?.calendar !== undefined || Option.isNone(calendars)
          ? Effect.succeed(options.deadlines)
          : Effect.map(calendars.value.current, (calendar) => ({ ...options.deadlines, calendar }))
      const at = <A>(instant: string, f: (s: Service) => Effect.Effect<A, Errors.StoreError>) =>
        Effect.gen(function* () {
          const asOf = (yield* Ref.get(refreshed)) ?? instant
          const facts = yield* Effect.provideService(factsOfStore(asOf, yield* deadlines), AppealStore, store)
          return yield* f(fromFacts(facts))
        })
      return {
        refresh: (asOf) => Effect.as(Ref.set(refreshed, asOf), { facts: 0, asOf: AppealFact.instant(asOf) ?? asOf }),
        hotspotCounts: (query) => at(query.current.to, (s) => s.hotspotCounts(query)),
        indicators: (query) => at(query.asOf, (s) => s.indicators(query)),
        linkedFacts: (area, interval) => at(interval.to, (s) => s.linkedFacts(area, interval))
      }
    })
  )

// ---------------------------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------------------------

/**
 * The analytics rules, each with its source.
 *
 * @example
 * import { Analytics } from "@murojaat/core"
 * Analytics.rules.map((r) => r.id) // ["analytics.scope", "analytics.levelWithinArea", "analytics.noPersonalData", "analytics.duplicatesOnce", "analytics.violated"]
 *
 * @since 0.2.0
 * @category rules
 */
export const rules = [
  {
    id: "analytics.scope",
    source: "MIA order No. 151 of 2017 (inspectors' territories; senior inspectors and district chiefs across their district); Murojaat access policy (Policy)",
    statement:
      "an inspector reads the analytics of his mahallas, a senior inspector or district chief of his district, an integration system of its districts, an auditor and the system of everything; applicants none"
  },
  {
    id: "analytics.levelWithinArea",
    source: "Murojaat policy (a partial total under a district's or region's code would mislead)",
    statement: "places are counted at a level no coarser than the area read: mahallas for some mahallas, mahallas or the district for a district"
  },
  {
    id: "analytics.noPersonalData",
    source: "ZRU-547 of 2 Jul 2019 (personal data)",
    statement:
      "aggregates carry codes, counts and rates only; the keys that link appeals go to readers who may see personal data; an inspector who is not district-wide sees only his own row of the inspector ratings"
  },
  {
    id: "analytics.duplicatesOnce",
    source: "Murojaat policy (docs/rules/reporting.md: a merged duplicate counts with the appeal it joined)",
    statement: "an appeal merged as a duplicate is counted nowhere"
  },
  {
    id: "analytics.violated",
    source: "Cabinet resolution No. 40 of 2026 (deadline-violated appeals); ZRU-445 Art. 28; Deadline.violated",
    statement:
      "an appeal is deadline-violated at an instant when a legal clock was overdue, met late or stopped late when its fact was computed, or a clock still running then fell due before that instant"
  }
] as const

const refuse = (actor: Actor.Actor, reason: Errors.RefusalReason) =>
  Either.left(new Errors.NotAuthorized({ actor: Actor.label(actor), command: "analytics", reason }))

const badLevel = (level: string, area: AppealFact.Area) =>
  Either.left(
    new Errors.InvalidInput({
      subject: "Analytics",
      issues: [
        new Errors.FieldIssue({
          path: "level",
          problem: "invalidValue",
          expected: "a level no coarser than the area (rule analytics.levelWithinArea)",
          detail: `level ${level} over ${"all" in area ? "everything" : Object.keys(area)[0]}`
        })
      ]
    })
  )

// How coarse each area is, and each level: a level may not be coarser than its area.
const areaRank = (area: AppealFact.Area): number => ("mahallaCodes" in area ? 0 : "districtCode" in area ? 1 : "regionCode" in area ? 2 : 3)
const levelRank: Readonly<Record<Hotspots.Level | UnitRating.Level, number>> = { inspector: 0, mahalla: 0, district: 1, region: 2 }

const isDistrictWide = (o: Actor.Officer) => o.roles.some((r) => Eligibility.districtWideRoles.has(r))

/**
 * Checks that the actor may read the analytics of an area at a level (rules `analytics.scope`,
 * `analytics.levelWithinArea`): the area back, or `NotAuthorized` (applicants; an area outside the
 * actor's territory) or `InvalidInput` (a level coarser than the area).
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Either } from "effect"
 * Analytics.authorize(Actor.auditor("AUD-1"), { all: true }, "region") // Either.right({ all: true })
 * Either.isLeft(Analytics.authorize(Actor.applicant("u-1"), { mahallaCodes: ["M1"] }, "mahalla")) // true
 *
 * @since 0.2.0
 * @category access
 */
export const authorize = (
  actor: Actor.Actor,
  area: AppealFact.Area,
  level: Hotspots.Level | UnitRating.Level
): Either.Either<AppealFact.Area, Errors.NotAuthorized | Errors.InvalidInput> => {
  if (levelRank[level] > areaRank(area)) return badLevel(level, area)
  switch (actor._tag) {
    case "auditor":
    case "system":
      return Either.right(area)
    case "applicant":
      return refuse(actor, "roleNotAllowed")
    case "integration":
      if (actor.districts === undefined) return Either.right(area)
      return "districtCode" in area && actor.districts.includes(area.districtCode as never) ? Either.right(area) : refuse(actor, "outsideJurisdiction")
    case "officer": {
      if ("districtCode" in area) return isDistrictWide(actor) && area.districtCode === actor.districtCode ? Either.right(area) : refuse(actor, "outsideJurisdiction")
      if ("mahallaCodes" in area) {
        return area.mahallaCodes.length > 0 && area.mahallaCodes.every((m) => actor.mahallas.includes(m as never))
          ? Either.right(area)
          : refuse(actor, "outsideJurisdiction")
      }
      return refuse(actor, "outsideJurisdiction")
    }
  }
}

/**
 * The widest area an actor may read: everything, a district, or his mahallas; `undefined` for
 * applicants (and an integration limited to several districts, which asks district by district).
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Schema } from "effect"
 * const chief = Schema.decodeUnknownSync(Actor.Officer)({ _tag: "officer", officerId: "O-9", roles: ["districtChief"], districtCode: "D1", mahallas: [] })
 * Analytics.defaultArea(chief) // { districtCode: "D1" }
 *
 * @since 0.2.0
 * @category access
 */
export const defaultArea = (actor: Actor.Actor): AppealFact.Area | undefined => {
  switch (actor._tag) {
    case "auditor":
    case "system":
      return { all: true }
    case "applicant":
      return undefined
    case "integration":
      return actor.districts === undefined ? { all: true } : actor.districts.length === 1 ? { districtCode: actor.districts[0]! } : undefined
    case "officer":
      return isDistrictWide(actor) ? { districtCode: actor.districtCode } : { mahallaCodes: actor.mahallas }
  }
}

type Refused = Errors.NotAuthorized | Errors.InvalidInput | Errors.StoreError

// ---------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------

/**
 * The hotspot report of an area for the actor (see `Hotspots`).
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Effect } from "effect"
 * const q = { level: "district" as const, area: { all: true } as const,
 *   current: { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, previous: { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" } }
 * const r = Effect.runSync(Effect.provideService(Analytics.hotspots(q, Actor.auditor("AUD-1")), Analytics.Analytics, Analytics.fromFacts([])))
 * r.cells // []
 *
 * @since 0.2.0
 * @category programs
 */
export const hotspots = (
  query: Hotspots.Query,
  actor: Actor.Actor,
  settings: Hotspots.Settings = Hotspots.defaultSettings
): Effect.Effect<Hotspots.Report, Refused, Analytics> =>
  Effect.gen(function* () {
    const area = yield* authorize(actor, query.area, query.level)
    const rows = yield* Effect.flatMap(Analytics, (a) => a.hotspotCounts({ ...query, area }))
    return Hotspots.report(rows, query, settings)
  })

/**
 * The unit ratings of an area for the actor (see `UnitRating`); at the inspector level an officer
 * who is not district-wide gets his own row only (rule `analytics.noPersonalData`).
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Effect } from "effect"
 * const q = { level: "mahalla" as const, area: { all: true } as const, interval: { from: "2026-01-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" },
 *   asOf: "2026-04-01T00:00:00+05:00" }
 * Effect.runSync(Effect.provideService(Analytics.ratings(q, Actor.system("reports")), Analytics.Analytics, Analytics.fromFacts([]))).units // []
 *
 * @since 0.2.0
 * @category programs
 */
export const ratings = (
  query: UnitRating.Query,
  actor: Actor.Actor,
  settings: UnitRating.Settings = UnitRating.defaultSettings
): Effect.Effect<{ readonly settings: UnitRating.Settings; readonly units: ReadonlyArray<UnitRating.Unit> }, Refused, Analytics> =>
  Effect.gen(function* () {
    const area = yield* authorize(actor, query.area, query.level)
    const rows = yield* Effect.flatMap(Analytics, (a) => a.indicators({ ...query, area }))
    const own = query.level === "inspector" && actor._tag === "officer" && !isDistrictWide(actor)
    return UnitRating.report(own ? rows.filter((r) => r.code === actor.officerId) : rows, settings)
  })

/**
 * Mahallas of an area by repeat rate, for the actor (see `Repeats.mahallaRates`).
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Effect } from "effect"
 * const q = { area: { all: true } as const, interval: { from: "2026-01-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }, asOf: "2026-04-01T00:00:00+05:00" }
 * Effect.runSync(Effect.provideService(Analytics.repeatRates(q, Actor.auditor("AUD-1")), Analytics.Analytics, Analytics.fromFacts([]))) // []
 *
 * @since 0.2.0
 * @category programs
 */
export const repeatRates = (
  query: Omit<UnitRating.Query, "level">,
  actor: Actor.Actor,
  settings: Repeats.Settings = Repeats.defaultSettings
): Effect.Effect<ReadonlyArray<Repeats.MahallaRate>, Refused, Analytics> =>
  Effect.gen(function* () {
    const area = yield* authorize(actor, query.area, "mahalla")
    const rows = yield* Effect.flatMap(Analytics, (a) => a.indicators({ ...query, level: "mahalla", area }))
    return Repeats.mahallaRates(rows, settings)
  })

/**
 * The repeat signals of an area at `asOf` for the actor (see `Repeats.signals`), with the linking
 * keys only for readers who may see personal data.
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.provideService(Analytics.signals({ area: { all: true }, asOf: "2026-03-01T00:00:00Z" }, Actor.auditor("AUD-1")),
 *   Analytics.Analytics, Analytics.fromFacts([]))) // []
 *
 * @since 0.2.0
 * @category programs
 */
export const signals = (
  query: { readonly area: AppealFact.Area; readonly asOf: string },
  actor: Actor.Actor,
  settings: Repeats.Settings = Repeats.defaultSettings
): Effect.Effect<ReadonlyArray<Repeats.Signal>, Refused, Analytics> =>
  Effect.gen(function* () {
    const area = yield* authorize(actor, query.area, "mahalla")
    const facts = yield* Effect.flatMap(Analytics, (a) => a.linkedFacts(area, Repeats.window(query.asOf, settings)))
    return Repeats.signals(facts, { asOf: query.asOf, personalData: Policy.seesPersonalData(actor), settings })
  })

/**
 * The protection orders to suggest in an area at `asOf` (see `ProtectionOrder.suggestions`), with
 * the victim's key only for readers who may see personal data.
 *
 * @example
 * import { Actor, Analytics } from "@murojaat/core"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.provideService(Analytics.orderSuggestions({ area: { all: true }, asOf: "2026-03-01T00:00:00Z" }, Actor.system("reports")),
 *   Analytics.Analytics, Analytics.fromFacts([]))) // []
 *
 * @since 0.2.0
 * @category programs
 */
export const orderSuggestions = (
  query: { readonly area: AppealFact.Area; readonly asOf: string },
  actor: Actor.Actor,
  settings: ProtectionOrder.Settings = ProtectionOrder.defaultSettings
): Effect.Effect<ReadonlyArray<ProtectionOrder.Suggestion>, Refused, Analytics> =>
  Effect.gen(function* () {
    const area = yield* authorize(actor, query.area, "mahalla")
    const asOfMs = LocalTime.parseInstant(query.asOf) ?? Number.NaN
    // The calendar year of asOf in Tashkent time, up to and including asOf.
    const interval = { from: `${LocalTime.localYear(asOfMs)}-01-01T00:00:00+05:00`, to: new Date(asOfMs + 1).toISOString() }
    const facts = yield* Effect.flatMap(Analytics, (a) => a.linkedFacts(area, interval))
    return ProtectionOrder.suggestions(facts, { asOf: query.asOf, personalData: Policy.seesPersonalData(actor), settings })
  })
