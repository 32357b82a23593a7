/**
 * Analytics: the adapter's `Analytics` port answers what the core's pure functions answer on the
 * same data. A population of appeals (three districts' worth of domestic violence, family
 * conflict, public order and fraud; answered in time and late, rated, repeated, merged, under a
 * protection order, with shared applicants and addresses written in both scripts) is committed
 * through `AppealStore.commit`; the expected facts are computed from what was committed
 * (`AppealFact.of`), not read back; after `refresh`, every hotspot count, unit indicator and linked
 * fact of any level, area, period and instant equals `Hotspots.count`, `UnitRating.count` and
 * `AppealFact.linked` of those facts. A later event and an erasure of personal data reach the
 * facts at the next refresh.
 *
 * @example
 * import { AnalyticsSuite } from "@murojaat/testkit"
 * AnalyticsSuite.register
 */
import { describe, expect } from "@effect/vitest"
import {
  Actor,
  Analytics,
  type Appeal,
  AppealFact,
  AppealService,
  AppealStore,
  Audit,
  CalendarStore,
  type Deadline,
  type Event,
  Hotspots,
  Lifecycle,
  ReportPeriod,
  UnitRating
} from "@murojaat/core"
import { Effect, FastCheck as fc, Option } from "effect"
import type { Adapter } from "./Adapter.js"
import { freshId, type It, outboxOf, runsOf, same, timeoutOf } from "./internal/support.js"

const DAY = 86_400_000
const HOUR = 3_600_000
/** The refresh instant: every generated event lies before it. */
const REFRESH = Date.UTC(2026, 5, 30, 7)
const iso = (ms: number) => new Date(ms).toISOString()
const system = Actor.ref(Actor.system("testkit"), "system")
const officer = (id: string) => ({ kind: "officer" as const, id, role: "preventionInspector" as const })

interface Generated {
  readonly appealId: string
  readonly events: ReadonlyArray<Event.AppealEvent>
  readonly texts: ReadonlyArray<Event.TextRecord>
  readonly personal: Appeal.Personal
}

const categories = ["domesticViolence", "familyConflict", "publicOrder", "fraud"] as const
const addresses = ["Bodomzor koʻchasi 12", "БОДОМЗОР КЎЧАСИ, 12", "Navoiy 5", "навоий 5", "Yangi hayot 40"] as const
const outcomes = ["satisfied", "explained", "rejectedWithGrounds"] as const

/** The places of one run: a region, three districts, six mahallas (no other run uses them). */
const placesOf = (tag: string) => {
  const region = `${tag}-R`
  const districts = [`${tag}-D1`, `${tag}-D2`, `${tag}-D3`]
  const mahallas = [0, 1, 2, 3, 4, 5].map((i) => ({ code: `${tag}-M${i + 1}`, district: districts[Math.floor(i / 2)]! }))
  return { region, districts, mahallas }
}

// One appeal's events, each sealed at its own time onto the chain.
const chain = (appealId: string, steps: ReadonlyArray<{ readonly at: number; readonly actor?: Event.AppealEvent["actor"]; readonly event: Event.Pending }>) => {
  const events: Array<Event.AppealEvent> = []
  const texts: Array<Event.TextRecord> = []
  let head = { version: 0, lastHash: Audit.genesis }
  for (const s of steps) {
    const [e] = Audit.seal(head, [s.event], { appealId, at: iso(s.at), actor: s.actor ?? system })
    events.push(e!)
    if (s.event.texts !== undefined) texts.push({ seq: e!.seq, texts: s.event.texts })
    head = { version: e!.seq, lastHash: e!.hash }
  }
  return { events, texts }
}

/** The population: `n` appeals, deterministic in their index, spread over January to June 2026. */
const population = (tag: string, n: number): ReadonlyArray<Generated> => {
  const { region, mahallas } = placesOf(tag)
  const ids = Array.from({ length: n }, (_, i) => `${tag}-A${String(i).padStart(3, "0")}`)
  return ids.map((appealId, i) => {
    const m = mahallas[(i * 5) % mahallas.length]!
    const received = REFRESH - (3 + ((i * 37) % 175)) * DAY - ((i * 7) % 9) * HOUR
    const category = categories[i % categories.length]!
    const dv = category === "domesticViolence" || i % 7 === 0
    const officerId = `${tag}-O${i % 3}`
    const personal: Appeal.Personal = {
      applicant: {
        type: "individual",
        surname: "Karimova",
        name: "Dilnoza",
        ...(i % 6 === 5 ? {} : { residence: addresses[i % addresses.length]! }),
        declaredFalse: false,
        contact: {},
        consent: { given: true, form: "electronic", revoked: false }
      },
      signatories: [],
      text: { body: "Qoʻshnilar yana janjal qilishdi" },
      attachments: []
    }
    const links = i >= 9 && i % 9 === 4 ? [{ kind: "repeatOf" as const, appealId: ids[i - 9]! as Appeal.AppealId }] : []
    const steps: Array<{ at: number; actor?: Event.AppealEvent["actor"]; event: Event.Pending }> = [
      {
        at: received,
        event: {
          type: "received",
          data: {
            kind: i % 5 === 2 ? "taklif" : "shikoyat",
            form: "electronic",
            channel: "smartMahallaApp",
            regionCode: region as never,
            districtCode: m.district as never,
            mahallaCode: m.code as never,
            applicantType: "individual",
            anonymous: false,
            missing: [],
            representativeWithoutAuthority: false,
            consent: true,
            collective: false,
            signatoryCount: 0,
            attachmentCount: 0,
            links,
            script: "latin",
            language: "uz",
            ...(i % 8 === 0 ? {} : { applicantRef: `${tag}-U${i % 6}` }),
            receivedAt: iso(received) as never
          },
          personal,
          rules: ["testkit"]
        }
      }
    ]
    if (i % 13 !== 6) steps.push({ at: received + HOUR, event: { type: "registered", data: { registrationNumber: `${appealId}-R` }, rules: ["testkit"] } })
    if (i % 11 !== 10) {
      steps.push({
        at: received + 2 * HOUR,
        event: { type: "triaged", data: { category, priority: dv ? "high" : "normal", flags: dv ? ["domesticViolence"] : [], confidence: 0.9, needsPerson: false }, rules: ["testkit"] }
      })
      if (i % 5 !== 0) steps.push({ at: received + 3 * HOUR, event: { type: "assigned", data: { officerId: officerId as never }, rules: ["testkit"] } })
    }
    // Preventive measures in the event log (lifecycle commands): planned on some appeals, one in two
    // of them cancelled (a cancelled measure does not count as one).
    if (i % 7 === 1 && i % 13 !== 6) {
      steps.push({
        at: received + 2 * HOUR + 1,
        event: { type: "measurePlanned", data: { measureId: `${appealId}/M1`, kind: i % 2 === 0 ? "homeVisit" : "preventionTalk", dueBy: iso(received + 5 * DAY) as never, linkedAppealIds: [] }, rules: ["testkit"] }
      })
      if (i % 14 === 8) steps.push({ at: received + 2 * HOUR + 2, event: { type: "measureCancelled", data: { measureId: `${appealId}/M1` }, texts: { reason: "moved away" }, rules: ["testkit"] } })
    }
    const answeredAt = received + (1 + ((i * 11) % 40)) * DAY
    const mergedTarget = i % 17 === 16 ? ids[i - 1] : undefined
    if (mergedTarget !== undefined) {
      steps.push({ at: received + 5 * HOUR, event: { type: "mergedAsDuplicate", data: { targetAppealId: mergedTarget as never }, texts: { reason: "the same matter" }, rules: ["testkit"] } })
    } else if (i % 4 !== 3 && answeredAt < REFRESH - DAY && i % 5 !== 0 && i % 11 !== 10) {
      if (dv && i % 3 === 0) {
        steps.push({
          at: received + 4 * HOUR,
          actor: officer(officerId),
          event: { type: "protectionOrderIssued", data: { orderNumber: `HO-${appealId}`, validUntil: iso(received + 300 * DAY) as never }, rules: ["testkit"] }
        })
      }
      steps.push({ at: received + 4 * HOUR + 1, actor: officer(officerId), event: { type: "reviewStarted", data: {}, rules: ["testkit"] } })
      steps.push({
        at: answeredAt,
        actor: officer(officerId),
        event: { type: "answered", data: { outcome: outcomes[i % 3]! }, texts: { answerText: "Choralar koʻrildi", legalBasis: "ZRU-445" }, rules: ["testkit"] }
      })
      if (i % 3 === 0) steps.push({ at: answeredAt + DAY, event: { type: "rated", data: { score: 1 + (i % 5) }, rules: ["testkit"] } })
      // An order extended after the answer, and breached while in force: the fact reads its new end.
      if (dv && i % 3 === 0) {
        const until = received + 300 * DAY
        steps.push({
          at: answeredAt + 2 * DAY,
          actor: officer(officerId),
          event: {
            type: "protectionOrderExtended",
            data: { orderNumber: `HO-${appealId}`, previousValidUntil: iso(until) as never, validUntil: iso(until + 30 * DAY) as never, onVictimApplication: true },
            texts: { reason: "threats go on" },
            rules: ["testkit"]
          }
        })
        steps.push({ at: answeredAt + 3 * DAY, actor: officer(officerId), event: { type: "protectionOrderBreached", data: { orderNumber: `HO-${appealId}`, occurredAt: iso(answeredAt + 2 * DAY + HOUR) as never }, rules: ["testkit"] } })
      }
    }
    const { events, texts } = chain(appealId, steps)
    return { appealId, events, texts, personal }
  })
}

const commitAll = (generated: ReadonlyArray<Generated>) =>
  Effect.gen(function* () {
    const store = yield* AppealStore.AppealStore
    for (const g of generated) {
      const state = Lifecycle.replay(g.appealId, g.events)
      const dueAt = AppealService.dueAt(g.events, g.events[g.events.length - 1]!.at)
      yield* store.commit({ streams: [{ appealId: g.appealId, expectedVersion: 0, events: g.events, state, personal: g.personal, texts: g.texts, dueAt }], outbox: outboxOf(g.events) })
    }
  })

// The calendar in force (the adapter's, when it keeps one), as the adapter's facts count with it.
const calendarOptions: Effect.Effect<Deadline.Options> = Effect.gen(function* () {
  const calendars = yield* Effect.serviceOption(CalendarStore.CalendarStore)
  if (Option.isNone(calendars)) return {}
  return { calendar: yield* Effect.orDie(calendars.value.current) }
})

/** The facts the core computes from what was committed, at an instant. */
const factsOf = (generated: ReadonlyArray<Generated>, asOf: string, options: Deadline.Options, erased: ReadonlySet<string> = new Set()) =>
  generated.flatMap((g) => {
    const f = AppealFact.of({ state: Lifecycle.replay(g.appealId, g.events), events: g.events, personal: erased.has(g.appealId) ? undefined : g.personal, asOf, deadlines: options })
    return f === undefined ? [] : [f]
  })

/**
 * Registers the analytics tests.
 *
 * @example
 * import { AnalyticsSuite } from "@murojaat/testkit"
 * AnalyticsSuite.register
 */
export const register = (it: It, adapter: Adapter): void => {
  describe("analytics", () => {
    const tag = freshId("an")
    const { region, districts, mahallas } = placesOf(tag)
    const generated = population(tag, 90)
    const asOf = iso(REFRESH)
    let seeded = false
    const seed = Effect.gen(function* () {
      if (seeded) return
      const store = yield* AppealStore.AppealStore
      if (Option.isNone(yield* store.load(generated[0]!.appealId))) yield* commitAll(generated)
      yield* Effect.flatMap(Analytics.Analytics, (a) => a.refresh(asOf))
      seeded = true
    })

    const areas: ReadonlyArray<AppealFact.Area> = [{ regionCode: region }, { districtCode: districts[1]! }, { mahallaCodes: [mahallas[0]!.code, mahallas[3]!.code, mahallas[5]!.code] }]
    // Any instants, or whole Tashkent months and quarters (a store may answer those from summaries).
    const anyInstants = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 92 }), fc.integer({ min: 1, max: 92 }))
      .map(([back, d0, d1]) => {
        const b = REFRESH - back * DAY + ((back * 7919) % 86_400) * 1000
        return { previous: { from: iso(b - d0 * DAY), to: iso(b) }, current: { from: iso(b), to: iso(b + d1 * DAY) } }
      })
    const wholePeriods = fc.tuple(fc.constantFrom("month" as const, "quarter" as const), fc.integer({ min: 0, max: 6 })).map(([unit, k]) => {
      const current = Option.getOrThrow(ReportPeriod.containing(unit, iso(Date.UTC(2026, k, 15))))
      const previous = ReportPeriod.previous(current)
      return { previous: { from: previous.from, to: previous.to }, current: { from: current.from, to: current.to } }
    })
    const intervals = fc.oneof(anyInstants, wholePeriods)

    it.effect.prop(
      "hotspot counts of any level, area and periods equal Hotspots.count of the same facts",
      [fc.constantFrom(...Hotspots.Level.literals), fc.constantFrom(...areas), intervals],
      ([level, area, ps]) =>
        Effect.gen(function* () {
          yield* seed
          const expected = Hotspots.count(factsOf(generated, asOf, yield* calendarOptions), { level, area, ...ps })
          const got = yield* Effect.flatMap(Analytics.Analytics, (a) => a.hotspotCounts({ level, area, ...ps }))
          same(got, expected)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter) * 2, endOnFailure: true } }
    )

    it.effect.prop(
      "unit indicators of any level, area, period and instant equal UnitRating.count of the same facts",
      [fc.constantFrom(...UnitRating.Level.literals), fc.constantFrom(...areas), intervals, fc.integer({ min: 0, max: 60 })],
      ([level, area, ps, later]) =>
        Effect.gen(function* () {
          yield* seed
          const q = { level, area, interval: { from: ps.previous.from, to: ps.current.to }, asOf: iso(REFRESH + later * DAY) }
          const expected = UnitRating.count(factsOf(generated, asOf, yield* calendarOptions), q)
          const got = yield* Effect.flatMap(Analytics.Analytics, (a) => a.indicators(q))
          same(got, expected)
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter) * 2, endOnFailure: true } }
    )

    it.effect.prop(
      "linked facts of any area and interval equal AppealFact.linked of the same facts, keys included",
      [fc.constantFrom(...areas), intervals],
      ([area, ps]) =>
        Effect.gen(function* () {
          yield* seed
          const interval = { from: ps.previous.from, to: ps.current.to }
          const expected = AppealFact.linked(factsOf(generated, asOf, yield* calendarOptions).filter((f) => AppealFact.inArea(f, area) && AppealFact.receivedIn(f, interval)))
          const got = yield* Effect.flatMap(Analytics.Analytics, (a) => a.linkedFacts(area, interval))
          same(got, [...expected].sort((a, b) => (a.appealId < b.appealId ? -1 : 1)))
        }),
      { timeout: timeoutOf(adapter), fastCheck: { numRuns: runsOf(adapter), endOnFailure: true } }
    )

    it.effect(
      "the population has what the analytics look for: violations, repeats, ratings, shared keys, a merged duplicate, an order",
      () =>
        Effect.gen(function* () {
          yield* seed
          const facts = factsOf(generated, asOf, yield* calendarOptions)
          expect(facts.filter((f) => f.violated).length).toBeGreaterThan(5)
          expect(facts.filter((f) => !f.violated && f.outcome !== undefined).length).toBeGreaterThan(5)
          expect(facts.filter((f) => f.repeatOf !== undefined).length).toBeGreaterThan(3)
          expect(facts.filter((f) => f.rating !== undefined).length).toBeGreaterThan(5)
          expect(facts.filter((f) => !f.counted).length).toBeGreaterThan(1)
          expect(facts.filter((f) => f.orderUntil !== undefined).length).toBeGreaterThan(0)
          expect(AppealFact.linked(facts).filter((f) => f.addressKey !== undefined).length).toBeGreaterThan(10)
          // Both scripts of one address give one key.
          expect(new Set(facts.filter((f) => f.addressKey !== undefined).map((f) => f.addressKey)).size).toBeLessThanOrEqual(3 * 6)
        }),
      { timeout: timeoutOf(adapter) }
    )

    it.effect(
      "a later event and an erasure of personal data reach the facts at the next refresh",
      () =>
        Effect.gen(function* () {
          yield* seed
          const store = yield* AppealStore.AppealStore
          const analytics = yield* Analytics.Analytics
          // An open appeal gets its answer; an appeal with an address loses its personal data.
          const open = generated.find((g) => Lifecycle.replay(g.appealId, g.events).status === "assigned")!
          const before = Lifecycle.replay(open.appealId, open.events)
          const answerAt = REFRESH + DAY
          const [e1] = Audit.seal(before, [{ type: "reviewStarted", data: {}, rules: ["testkit"] }], { appealId: open.appealId, at: iso(answerAt), actor: system })
          const mid = Lifecycle.evolve(before, e1!)
          const [e2] = Audit.seal(mid, [{ type: "answered", data: { outcome: "satisfied" }, texts: { answerText: "Hal qilindi", legalBasis: "ZRU-445" }, rules: ["testkit"] }], {
            appealId: open.appealId,
            at: iso(answerAt + HOUR),
            actor: system
          })
          const after = Lifecycle.evolve(mid, e2!)
          yield* store.commit({
            streams: [{ appealId: open.appealId, expectedVersion: before.version, events: [e1!, e2!], state: after, texts: [{ seq: e2!.seq, texts: { answerText: "Hal qilindi", legalBasis: "ZRU-445" } }], dueAt: null }],
            outbox: outboxOf([e1!, e2!])
          })
          const erasedOne = generated.find((g) => g.appealId !== open.appealId && g.personal.applicant.type === "individual" && g.personal.applicant.residence !== undefined)!
          expect(yield* store.erasePersonal(erasedOne.appealId)).toBe(true)
          const later = iso(REFRESH + 2 * DAY)
          yield* analytics.refresh(later)
          const updated = generated.map((g) => (g.appealId === open.appealId ? { ...g, events: [...g.events, e1!, e2!] } : g))
          const erased = new Set([erasedOne.appealId])
          const changed = new Set([open.appealId, erasedOne.appealId])
          const options = yield* calendarOptions
          // A store that keeps facts recomputes the changed appeals only: the others keep the facts of
          // the first refresh, whose violations after it follow from their due times.
          const kept = factsOf(generated, asOf, options).filter((f) => !changed.has(f.appealId))
          const fresh = factsOf(updated, later, options, erased)
          const mixed = [...kept, ...fresh.filter((f) => changed.has(f.appealId))]
          const area = { regionCode: region }
          const interval = { from: iso(REFRESH - 400 * DAY), to: iso(REFRESH + 10 * DAY) }
          const got = yield* analytics.linkedFacts(area, interval)
          const byId = (xs: ReadonlyArray<AppealFact.Fact>) => [...xs].sort((a, b) => (a.appealId < b.appealId ? -1 : 1))
          // The facts as of any instant: without what the instant alone decides.
          const timeless = (xs: ReadonlyArray<AppealFact.Fact>) => byId(xs).map(({ computedAt: _c, violated: _v, dueAt: _d, ...rest }) => rest)
          same(timeless(got), timeless(AppealFact.linked(fresh)))
          same(
            got.filter((f) => changed.has(f.appealId)),
            byId(AppealFact.linked(fresh)).filter((f) => changed.has(f.appealId))
          )
          expect(got.find((f) => f.appealId === erasedOne.appealId)?.addressKey).toBeUndefined()
          expect(got.find((f) => f.appealId === open.appealId)?.outcome ?? fresh.find((f) => f.appealId === open.appealId)?.outcome).toBe("satisfied")
          const year = { from: "2026-01-01T00:00:00+05:00", to: "2027-01-01T00:00:00+05:00" }
          for (const level of UnitRating.Level.literals) {
            for (const span of [interval, year]) {
              const q = { level, area, interval: span, asOf: later }
              same(yield* analytics.indicators(q), UnitRating.count(mixed, q))
              same(UnitRating.count(mixed, q), UnitRating.count(fresh, q))
            }
          }
          const halves = { previous: { from: year.from, to: "2026-07-01T00:00:00+05:00" }, current: { from: "2026-07-01T00:00:00+05:00", to: year.to } }
          same(yield* analytics.hotspotCounts({ level: "mahalla", area, ...halves }), Hotspots.count(mixed, { level: "mahalla", area, ...halves }))
        }),
      { timeout: timeoutOf(adapter) }
    )
  })
}
