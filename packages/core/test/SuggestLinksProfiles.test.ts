// Link suggestions read each candidate's comparison profile from its personal record (derived once,
// stored there, erased with it) instead of deriving it on every request. The oracle is the
// straightforward path, which derives every profile from the personal data on every request: the
// same service over a store that keeps no profile (its labels are checked against the rules by
// SuggestLinks.test.ts). On random districts both give the same suggestions, on the first request
// (profiles derived and stored) and on the next (profiles read back); an erasure by another
// instance leaves nothing of the profile behind and the appeal out of every later answer.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Actor, type Appeal, AppealService, AppealStore, CalendarStore, DirectoryStore, type Duplicates, IdGenerator } from "@murojaat/core"
import { Effect, FastCheck as fc, Layer, TestClock } from "effect"
import * as Profile from "../src/internal/service/comparisonProfile.js"
import { directory } from "./support/world.js"

// The labelled pairs' texts, side by side: text 2k and 2k + 1 are a pair (a duplicate, a
// paraphrase, a hard negative), so a query telling an appeal's partner is often suggested.
const corpus = readFileSync(new URL("./fixtures/duplicates/train.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .flatMap((l) => {
    const p = JSON.parse(l) as { a: { text: string }; b: { text: string } }
    return [p.a.text, p.b.text]
  })
const streets = ["Navoiy koʻchasi", "ул. Навои,", "Bodomzor yoʻli", "Minor", "Шаҳриобод"]

const ports = () =>
  Layer.mergeAll(AppealStore.layerMemoryInspectable(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(directory), CalendarStore.layerMemory())
const layer = () =>
  AppealService.layerWith({
    pipeline: {
      triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["demo.noise"] }),
      // The inspector of the mahalla (I2 is in conflict with applicant u2, who never writes here).
      assign: ({ state }) => ({ officerId: state.mahallaCode === "M2" ? "I2" : "I1", ruleIds: ["demo.assign"] })
    }
  }).pipe(Layer.provideMerge(ports()))

// The straightforward path: the same store, but no profile is ever read or kept.
const withoutProfiles = (s: AppealStore.Service): AppealStore.Service => ({
  ...s,
  personalMany: (ids, version) => Effect.map(s.personalMany(ids, version), (rows) => rows.map(({ profile: _dropped, ...r }) => r)),
  saveProfiles: () => Effect.succeed(0)
})

// Counts the records read with and without a stored profile.
const counting = (s: AppealStore.Service, seen: { withProfile: number; without: number }): AppealStore.Service => ({
  ...s,
  personalMany: (ids, version) =>
    Effect.tap(s.personalMany(ids, version), (rows) =>
      Effect.sync(() => {
        for (const r of rows) r.profile === undefined ? seen.without++ : seen.withProfile++
      })
    )
})

const instanceOver = (store: AppealStore.Service) => AppealService.make.pipe(Effect.provideService(AppealStore.AppealStore, store))

interface Place {
  readonly mahalla: "M1" | "M2"
  readonly street: number
  readonly house: number | undefined
  readonly point: { readonly lat: number; readonly lon: number } | undefined
}
const place: fc.Arbitrary<Place> = fc.record({
  mahalla: fc.constantFrom("M1" as const, "M2" as const),
  street: fc.nat({ max: streets.length - 1 }),
  house: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  // A point near the corpus of addresses or none: the distance signal is part of the profile input.
  point: fc.option(fc.record({ lat: fc.double({ min: 41.3, max: 41.302, noNaN: true }), lon: fc.double({ min: 69.24, max: 69.242, noNaN: true }) }), { nil: undefined })
})
const appeal = fc.record({
  text: fc.nat({ max: corpus.length - 1 }),
  place,
  applicant: fc.constantFrom("u0", "u1", "u3", "u4"),
  hours: fc.integer({ min: 1, max: 240 }),
  fate: fc.constantFrom("open", "open", "open", "answered", "erased")
})
// A query tells the partner of one of the district's appeals (`of`), at its place or another.
const query = fc.record({ of: fc.nat(), samePlace: fc.boolean(), place, who: fc.constantFrom("u0", "u1", "u3", "inspector", "senior") })

const intake = (text: number, p: Place, applicantRef?: string): Appeal.IntakeEncoded =>
  ({
    ...(applicantRef !== undefined ? { applicantRef } : {}),
    kind: "shikoyat",
    form: "electronic",
    channel: "smartMahallaApp",
    applicant: { type: "individual", surname: "Karimova", name: "Ali", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "electronic" } },
    location: {
      regionCode: "R1",
      districtCode: "D1",
      mahallaCode: p.mahalla,
      ...(p.house !== undefined ? { address: `${streets[p.street]} ${p.house}-uy` } : {}),
      ...(p.point !== undefined ? { point: p.point } : {})
    },
    text: { body: corpus[text]! }
  }) as Appeal.IntakeEncoded

const actorOf = (who: string) =>
  who === "inspector" ? AppealService.officerActor("I1") : who === "senior" ? AppealService.officerActor("S1") : Effect.succeed(Actor.applicant(who))

describe("link suggestions from stored comparison profiles", () => {
  it.effect.prop(
    "give the suggestions of the straightforward path on random districts, on the first request and on the next",
    [fc.array(appeal, { minLength: 1, maxLength: 18 }), fc.array(query, { minLength: 1, maxLength: 3 })],
    ([appeals, queries]) =>
      Effect.gen(function* () {
        const store = yield* AppealStore.AppealStore
        const seen = { withProfile: 0, without: 0 }
        const fast = yield* instanceOver(counting(store, seen))
        const straight = yield* instanceOver(withoutProfiles(store))
        const inspectors = { M1: yield* AppealService.officerActor("I1"), M2: yield* AppealService.officerActor("I2") }
        let t = Date.parse("2026-03-02T04:00:00.000Z")
        for (const a of appeals) {
          yield* TestClock.setTime((t += a.hours * 3_600_000))
          const r = yield* AppealService.submit(intake(a.text, a.place), Actor.applicant(a.applicant))
          if (a.fate === "answered") {
            const inspector = inspectors[a.place.mahalla]
            yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, inspector)
            yield* AppealService.execute({ type: "answer", appealId: r.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }, inspector)
          }
          if (a.fate === "erased") yield* AppealService.erasePersonal(r.appealId, Actor.system("retention"))
        }
        yield* TestClock.setTime(t + 3_600_000)
        for (const q of queries) {
          const who = yield* actorOf(q.who)
          const of = appeals[q.of % appeals.length]!
          const input = intake(of.text ^ 1, q.samePlace ? of.place : q.place, q.who.startsWith("u") ? undefined : "u1")
          const expected = yield* straight.suggestLinks(input, who)
          const before = seen.withProfile
          expect(yield* fast.suggestLinks(input, who)).toEqual(expected)
          const derivedOnce = seen.without
          expect(yield* fast.suggestLinks(input, who)).toEqual(expected)
          // The second request read every candidate's profile back: nothing was derived again.
          expect(seen.without).toBe(derivedOnce)
          expect(seen.withProfile).toBeGreaterThanOrEqual(before)
        }
      }).pipe(Effect.provide(layer())),
    { fastCheck: { numRuns: 20 } }
  )

  it.effect("an erasure by another instance leaves no profile behind, and the appeal out of every later answer", () =>
    Effect.gen(function* () {
      const store = yield* AppealStore.AppealStore
      const memory = yield* AppealStore.MemoryInspector
      const a = yield* instanceOver(store)
      const b = yield* instanceOver(store)
      const senior = yield* AppealService.officerActor("S1")
      yield* TestClock.setTime(Date.parse("2026-03-02T18:00:00.000Z"))
      const noise = "Qoʻshnilar har kecha baland musiqa qoʻyishadi, uxlay olmayapmiz"
      const first = yield* a.submit({ ...intake(0, { mahalla: "M1", street: 0, house: 14, point: undefined }), text: { body: noise } }, Actor.applicant("u1"))
      yield* TestClock.setTime(Date.parse("2026-03-02T19:00:00.000Z"))
      const again = { ...intake(0, { mahalla: "M1", street: 1, house: 14, point: undefined }), text: { body: "Қўшнилар ҳар кеча баланд мусиқа қўйишади, ухлай олмаяпмиз" } }
      expect((yield* a.suggestLinks(again, senior)).suggestions.map((s) => s.appealId)).toEqual([first.appealId])
      // Instance A stored the profile in the personal record.
      expect(memory.profiles.has(first.appealId)).toBe(true)
      yield* b.erasePersonal(first.appealId, Actor.system("retention"))
      expect(memory.profiles.has(first.appealId)).toBe(false)
      expect(memory.personal.has(first.appealId)).toBe(false)
      const after = yield* a.suggestLinks(again, senior)
      expect(after.suggestions).toEqual([])
      expect(after.similarElsewhere).toBe(0)
      expect(memory.profiles.has(first.appealId)).toBe(false)
    }).pipe(Effect.provide(layer()))
  )
})

// What a prepared appeal may hold, whatever duplicate detection computes next: nested plain
// objects and arrays, sets, maps, typed arrays, and the numbers JSON cannot carry.
const { value: member } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom(-0, Number.NaN, Infinity, -Infinity),
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0))).map((xs) => Float64Array.from(xs)),
    fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).filter((x) => !Object.is(x, -0))).map((xs) => Int32Array.from(xs)),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.array(tie("value"), { maxLength: 3 }).map((xs) => new Set(xs)),
    fc.array(fc.tuple(fc.string(), tie("value")), { maxLength: 3 }).map((xs) => new Map(xs)),
    fc.dictionary(fc.string().filter((k) => !k.startsWith("$") && k !== "__proto__"), tie("value"), { maxKeys: 3 })
  )
}))
const input: Duplicates.Appeal = { applicantRef: "sm:u-1", submittedAt: "2026-03-02T18:00:00.000Z", status: "open", mahallaCode: "M1", address: null, text: "t" }
const preparedWith = (parts: Record<string, unknown>) => ({ ...parts, input, at: Date.parse(input.submittedAt), applicant: "sm:u-1" }) as unknown as Duplicates.Prepared
const throughJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as { readonly [key: string]: unknown }

describe("the stored form of a prepared appeal", () => {
  it.prop(
    "is JSON that gives back exactly the prepared appeal, with the input's parts from the input",
    [fc.dictionary(fc.string().filter((k) => !k.startsWith("$") && k !== "__proto__" && !["input", "at", "applicant"].includes(k)), member, { maxKeys: 4 })],
    ([parts]) => {
      const p = preparedWith(parts)
      const stored = Profile.toStored(p)
      expect(stored).toBeDefined()
      // Nothing of the input (state, applicant, submission time) is stored.
      expect(Object.keys(stored!).some((k) => ["input", "at", "applicant"].includes(k))).toBe(false)
      expect(Profile.fromStored(throughJson(stored), input)).toEqual(p)
    }
  )

  it("refuses what JSON cannot carry back, and reads nothing from data that is not its form", () => {
    class Opaque {}
    for (const odd of [{ f: () => 1 }, { o: new Opaque() }, { $tag: 1 }, { n: 10n }, { s: Symbol("s") }]) expect(Profile.toStored(preparedWith(odd))).toBeUndefined()
    for (const bad of [{ x: { $nope: 1 } }, { x: { $f64: ["1"] } }, { x: { $n: "7" } }, { x: { $set: 1 } }, { x: { $map: [[1]] } }]) expect(Profile.fromStored(bad, input)).toBeUndefined()
  })

  it("has a version for the shipped model, stable within the process", () => {
    const v = Profile.version()
    expect(v).toMatch(/^cp1-[0-9a-f]{64}$/)
    expect(Profile.version()).toBe(v)
  })
})
