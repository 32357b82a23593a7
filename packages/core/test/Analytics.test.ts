// Analytics end to end over the in-memory service: appeals submitted and answered through
// AppealService, facts derived from the store (deadline violations from the real clocks), reports
// within the access policy, and no personal data in any aggregate. The access rules are checked
// against a table written from docs/rules/prevention.md for every actor of the world.
import { describe, expect, it } from "@effect/vitest"
import { Actor, Analytics, type AppealFact, AppealService, type Appeal, AppealStore, Errors, Hotspots, Repeats, UnitRating } from "@murojaat/core"
import { Effect, Either, Layer, TestClock } from "effect"
import { actors, directory } from "./support/world.js"

const pipeline = {
  pipeline: {
    triage: () => ({ category: "domesticViolence", priority: "high" as const, flags: ["domesticViolence"], confidence: 0.9, needsPerson: false, ruleIds: ["demo.dv"] }),
    assign: () => ({ officerId: "I1", ruleIds: ["demo.assign"] })
  }
}
const service = AppealService.layerMemory(directory, pipeline)
const live = Layer.provideMerge(Analytics.layerFromStore(), service)

const intake = (residence: string, applicantRef: string, receivedAt: string): Appeal.IntakeEncoded => ({
  kind: "shikoyat",
  form: "electronic",
  channel: "smartMahallaApp",
  applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence, contact: { phone: "+998901234567" }, consent: { given: true, form: "electronic" } },
  applicantRef,
  location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
  text: { body: "Erim meni yana urdi" },
  receivedAt
})

const march = { from: "2026-03-01T00:00:00+05:00", to: "2026-04-01T00:00:00+05:00" }
const february = { from: "2026-02-01T00:00:00+05:00", to: "2026-03-01T00:00:00+05:00" }

// Three appeals of one family in March (two addresses written in two scripts, one account), one
// answered in time, one late, one still open at the end of April.
const scenario = Effect.gen(function* () {
  yield* TestClock.setTime(Date.parse("2026-03-02T05:00:00.000Z"))
  const a = yield* AppealService.submit(intake("Bodomzor koʻchasi 12", "u7", "2026-03-02T09:00:00+05:00"), Actor.applicant("u7"))
  // Domestic violence: the protection-order study is due within 24 hours (ZRU-561); decided at once.
  yield* AppealService.execute({ type: "refuseProtectionOrder", appealId: a.appealId, reason: "Jabrlanuvchi qarindoshlarinikiga koʻchdi" }, Actor.officer("I1"))
  yield* TestClock.setTime(Date.parse("2026-03-10T05:00:00.000Z"))
  const b = yield* AppealService.submit(intake("бодомзор кўчаси 12", "u7", "2026-03-10T09:00:00+05:00"), Actor.applicant("u7"))
  const c = yield* AppealService.submit(intake("Bodomzor koʻchasi 12", "u8", "2026-03-10T10:00:00+05:00"), Actor.applicant("u8"))
  const inspector = Actor.officer("I1")
  yield* AppealService.execute({ type: "startReview", appealId: a.appealId }, inspector)
  yield* AppealService.execute({ type: "answer", appealId: a.appealId, outcome: "satisfied", answerText: "Profilaktik suhbat oʻtkazildi", legalBasis: "ZRU-445" }, inspector)
  yield* AppealService.execute({ type: "rate", appealId: a.appealId, score: 5 }, Actor.applicant("u7"))
  // b is answered 40 days after receipt: its 15-day term was violated.
  yield* TestClock.setTime(Date.parse("2026-04-19T05:00:00.000Z"))
  yield* AppealService.execute({ type: "startReview", appealId: b.appealId }, inspector)
  yield* AppealService.execute({ type: "answer", appealId: b.appealId, outcome: "rejectedWithGrounds", answerText: "Asos yoʻq", legalBasis: "ZRU-445" }, inspector)
  yield* TestClock.setTime(Date.parse("2026-04-30T05:00:00.000Z"))
  return { a: a.appealId, b: b.appealId, c: c.appealId }
})

const resolve = (id: string) => AppealService.officerActor(id)

describe("end to end over the in-memory service", () => {
  it.effect("hotspots, ratings, signals and suggestions from submitted appeals, each within the reader's territory", () =>
    Effect.gen(function* () {
      const ids = yield* scenario
      const chief = yield* resolve("C1")
      const inspector = yield* resolve("I1")
      const otherInspector = yield* resolve("I2")

      const hot = yield* Analytics.hotspots({ level: "mahalla", area: { districtCode: "D1" }, current: march, previous: february }, chief)
      expect(hot.cells.map((c) => [c.code, c.category, c.current, c.previous])).toEqual([["M1", "domesticViolence", 3, 0]])

      const asOf = "2026-04-30T10:00:00+05:00"
      const byMahalla = yield* Analytics.ratings({ level: "mahalla", area: { districtCode: "D1" }, interval: march, asOf }, chief)
      // a in time (its order study decided at once), b answered late (and its 24-hour study late), c open past its
      // terms: two violated; one rating of 5.
      expect(byMahalla.units.map((u) => [u.code, u.registered, u.answered, u.satisfied, u.rejected, u.violated, u.rated, u.ratingSum])).toEqual([["M1", 3, 2, 1, 1, 2, 1, 5]])
      // An inspector sees his own row of the inspector ratings, and his mahallas only.
      const own = yield* Analytics.ratings({ level: "inspector", area: { mahallaCodes: ["M1"] }, interval: march, asOf }, inspector)
      expect(own.units.map((u) => u.code)).toEqual(["I1"])
      const refused = yield* Effect.either(Analytics.ratings({ level: "mahalla", area: { mahallaCodes: ["M1"] }, interval: march, asOf }, otherInspector))
      expect(Either.isLeft(refused) && refused.left._tag).toBe("NotAuthorized")

      // One address in two scripts, one family: an address signal needs 3 appeals, a family 2.
      const forOfficer = yield* Analytics.signals({ area: { mahallaCodes: ["M1"] }, asOf }, inspector)
      expect(forOfficer.map((s) => [s.kind, [...s.appealIds].sort()])).toEqual([
        ["address", [ids.a, ids.b, ids.c].sort()],
        ["family", [ids.a, ids.b, ids.c].sort()]
      ])
      expect(forOfficer.every((s) => typeof s.key === "string" && !s.measured)).toBe(true)
      const forAuditor = yield* Analytics.signals({ area: { all: true }, asOf }, Actor.auditor("AUD"))
      expect(forAuditor.map((s) => s.appealIds)).toEqual(forOfficer.map((s) => s.appealIds))
      expect(forAuditor.some((s) => "key" in s)).toBe(false)

      // Three domestic-violence incidents at one address this year, no order: suggest one.
      const suggested = yield* Analytics.orderSuggestions({ area: { districtCode: "D1" }, asOf }, chief)
      expect(suggested.map((s) => [s.incidents, s.year])).toEqual([[3, 2026]])
    }).pipe(Effect.provide(live))
  )

  it.effect("no aggregate carries personal data: names, addresses, phones, texts or account references", () =>
    Effect.gen(function* () {
      yield* scenario
      const chief = yield* resolve("C1")
      const asOf = "2026-04-30T10:00:00+05:00"
      const reports = [
        yield* Analytics.hotspots({ level: "mahalla", area: { districtCode: "D1" }, current: march, previous: february }, chief),
        yield* Analytics.ratings({ level: "inspector", area: { districtCode: "D1" }, interval: march, asOf }, chief),
        yield* Analytics.repeatRates({ area: { districtCode: "D1" }, interval: march, asOf }, chief),
        yield* Analytics.signals({ area: { all: true }, asOf }, Actor.auditor("AUD")),
        yield* Analytics.orderSuggestions({ area: { all: true }, asOf }, Actor.auditor("AUD"))
      ]
      const text = JSON.stringify(reports)
      for (const secret of ["Karimova", "Dilnoza", "Bodomzor", "бодомзор", "998901234567", "urdi", "u7", "u8"]) expect(text).not.toContain(secret)
    }).pipe(Effect.provide(live))
  )

  it.effect("the store-derived facts match the store: one per received appeal, violations from the real clocks", () =>
    Effect.gen(function* () {
      const ids = yield* scenario
      const facts = yield* Analytics.factsOfStore("2026-04-30T10:00:00+05:00")
      const by = (id: string) => facts.find((f) => f.appealId === id)!
      expect([by(ids.a).violated, by(ids.b).violated, by(ids.c).violated]).toEqual([false, true, true])
      expect(new Set(facts.map((f) => f.addressKey)).size).toBe(1)
      expect(yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.ids(undefined, 100))).toHaveLength(facts.length)
    }).pipe(Effect.provide(live))
  )
})

// ---------------------------------------------------------------------------------------------
// Access, against a table
// ---------------------------------------------------------------------------------------------

const areas: ReadonlyArray<AppealFact.Area> = [{ all: true }, { regionCode: "R1" }, { districtCode: "D1" }, { districtCode: "D2" }, { mahallaCodes: ["M1"] }, { mahallaCodes: ["M1", "M2"] }, { mahallaCodes: ["M3"] }]
const levels = ["mahalla", "district", "region"] as const

// Who may read which area, from the rule analytics.scope: the oracle.
const mayRead = (actor: Actor.Actor, area: AppealFact.Area): boolean => {
  switch (actor._tag) {
    case "auditor":
    case "system":
      return true
    case "applicant":
      return false
    case "integration":
      return actor.districts === undefined || ("districtCode" in area && actor.districts.includes(area.districtCode as never))
    case "officer": {
      const wide = actor.roles.includes("seniorInspector") || actor.roles.includes("districtChief")
      if ("districtCode" in area) return wide && area.districtCode === actor.districtCode
      if ("mahallaCodes" in area) return area.mahallaCodes.every((m) => (actor.mahallas as ReadonlyArray<string>).includes(m))
      return false
    }
  }
}
// A level may not be coarser than the area (rule analytics.levelWithinArea).
const fits = (level: (typeof levels)[number], area: AppealFact.Area) => {
  const rank = { mahalla: 0, district: 1, region: 2 }[level]
  return rank <= ("mahallaCodes" in area ? 0 : "districtCode" in area ? 1 : "regionCode" in area ? 2 : 3)
}

describe("access", () => {
  it("every actor of the world, every area and level: allowed exactly as the table says", () => {
    let checked = 0
    for (const actor of actors) {
      for (const area of areas) {
        for (const level of levels) {
          const r = Analytics.authorize(actor, area, level)
          const expected = !fits(level, area) ? "InvalidInput" : mayRead(actor, area) ? "ok" : "NotAuthorized"
          expect(Either.isRight(r) ? "ok" : r.left._tag, `${Actor.label(actor)} ${JSON.stringify(area)} ${level}`).toBe(expected)
          checked++
        }
      }
    }
    expect(checked).toBe(actors.length * areas.length * levels.length)
  })

  it("a refusal is the catalogue's NotAuthorized, naming the actor and why", () => {
    const r = Analytics.authorize(Actor.applicant("u1"), { mahallaCodes: ["M1"] }, "mahalla")
    expect(Either.isLeft(r) && r.left).toEqual(new Errors.NotAuthorized({ actor: "applicant:u1", command: "analytics", reason: "roleNotAllowed" }))
  })

  it("the default area of each reader is one it may read", () => {
    for (const actor of actors) {
      const area = Analytics.defaultArea(actor)
      if (area === undefined) continue
      expect(Either.isRight(Analytics.authorize(actor, area, "mahalla")), Actor.label(actor)).toBe(true)
    }
  })

  it("the reference implementation is the pure functions", () =>
    Effect.runSync(
      Effect.gen(function* () {
        const s = Analytics.fromFacts([])
        expect(yield* s.hotspotCounts({ level: "region", area: { all: true }, current: march, previous: february })).toEqual(Hotspots.count([], { level: "region", area: { all: true }, current: march, previous: february }))
        expect(yield* s.indicators({ level: "district", area: { all: true }, interval: march, asOf: march.to })).toEqual(UnitRating.count([], { level: "district", area: { all: true }, interval: march, asOf: march.to }))
        expect(Repeats.signals(yield* s.linkedFacts({ all: true }, march), { asOf: march.to, personalData: false })).toEqual([])
      })
    ))
})
