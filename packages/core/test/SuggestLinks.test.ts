// The service's link suggestions before submission, by `Duplicates`. Expected labels follow the
// definitions of packages/core/test/fixtures/duplicates/BRIEF.md (duplicate: the same incident told
// again, by another neighbour or in the other script; reminder: the same applicant about his own
// still-open appeal; repeated: the same applicant on the same matter after an answer or after the
// term ran out; same place, other problem: nothing to link), not from running the code.
import { fc } from "@fast-check/vitest"
import { describe, expect, it } from "@effect/vitest"
import { Actor, type Appeal, AppealService, Rule, Similarity } from "@murojaat/core"
import { Effect, TestClock, TestContext } from "effect"
import { directory } from "./support/world.js"

const person = (surname: string) => ({ type: "individual", surname, name: "Ali", residence: "Bodomzor 3", contact: { phone: "+998901234567" }, consent: { given: true, form: "electronic" } })

const intake = (body: string, address: string | undefined, surname = "Karimova", applicantRef?: string): Appeal.IntakeEncoded =>
  ({
    ...(applicantRef !== undefined ? { applicantRef } : {}),
    kind: "shikoyat",
    form: "electronic",
    channel: "smartMahallaApp",
    applicant: person(surname),
    location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1", ...(address !== undefined ? { address } : {}) },
    text: { body }
  }) as Appeal.IntakeEncoded

const layer = AppealService.layerMemory(directory, {
  pipeline: {
    triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["demo.noise"] }),
    assign: () => ({ officerId: "I1", ruleIds: ["demo.assign"] })
  }
})
const at = (iso: string) => TestClock.setTime(Date.parse(iso))
const senior = AppealService.officerActor("S1")
const inspector = AppealService.officerActor("I1")

const noiseLatin = "Qoʻshnilar har kecha baland musiqa qoʻyishadi, uxlay olmayapmiz"
const noiseCyrillic = "Қўшнилар ҳар кеча баланд мусиқа қўйишади, ухлай олмаяпмиз"

describe("link suggestions by Duplicates", () => {
  it.effect("a neighbour's re-send in the other script is a duplicate: the inspector sees it with its reasons; the neighbour only that the place has one", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T18:00:00.000Z")
      const a = yield* AppealService.submit(intake(noiseLatin, "Navoiy koʻchasi 14-uy"), Actor.applicant("u1"))
      yield* at("2026-03-02T19:30:00.000Z")
      // Entered for applicant u2 (an inspector checks before registering it).
      const b = intake(noiseCyrillic, "ул. Навои, д. 14", "Aliyev", "u2")
      const forInspector = yield* Effect.flatMap(senior, (s) => AppealService.suggestLinks(b, s))
      expect(forInspector.suggestions.map((s) => [s.appealId, s.kind, s.label, s.ruleId])).toEqual([[a.appealId, "duplicateOf", "duplicate", "duplicates.sameIncident"]])
      const [s] = forInspector.suggestions
      expect(s!.reasons).toEqual(["samePlace"])
      expect(s!.similarity).toBe(s!.score)
      // The reasons an inspector reads: the address matched across scripts, the applicants differ.
      expect(s!.signals?.find((x) => x.signal === "address")?.reason).toContain("same street and house")
      expect(s!.signals?.find((x) => x.signal === "applicant")?.reason).toBe("different applicants")
      expect(Rule.find(s!.ruleId!)?.area).toBe("duplicates")
      expect(forInspector.similarElsewhere).toBe(0)
      const forNeighbour = yield* AppealService.suggestLinks(b, Actor.applicant("u2"))
      expect(forNeighbour.suggestions).toEqual([])
      expect(forNeighbour.similarElsewhere).toBe(1)
      expect(forNeighbour.openAtPlace).toBe(true)
    }).pipe(Effect.provide(layer))
  )

  it.effect("the same applicant's follow-up on his open appeal days later is a reminder, linked as related", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T18:00:00.000Z")
      const a = yield* AppealService.submit(intake(noiseLatin, "Navoiy 14"), Actor.applicant("u1"))
      yield* at("2026-03-05T06:00:00.000Z")
      const r = yield* AppealService.suggestLinks(intake("Uch kun oldin yozgan edim, hech kim kelmadi. Qoʻshnilar hali ham kechasi musiqa qoʻyishadi", "Navoiy 14"), Actor.applicant("u1"))
      expect(r.suggestions.map((s) => [s.appealId, s.kind, s.label, s.reasons])).toEqual([[a.appealId, "relatedTo", "reminder", ["sameApplicant", "samePlace"]]])
      expect(r.similarElsewhere).toBe(0)
    }).pipe(Effect.provide(layer))
  )

  it.effect("the same applicant disputing an answer within the repeat window is a repeated appeal; outside it, nothing", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T06:00:00.000Z")
      const a = yield* AppealService.submit(intake("Qoʻshnining iti bolalarni qopyapti", "Shahriobod 20"), Actor.applicant("u1"))
      const i = yield* inspector
      yield* AppealService.execute({ type: "startReview", appealId: a.appealId }, i)
      yield* at("2026-03-06T06:00:00.000Z")
      yield* AppealService.execute({ type: "answer", appealId: a.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }, i)
      yield* at("2026-03-26T06:00:00.000Z")
      const dispute = intake("Javobingizga rozi emasman, it hali ham bolalarni qopyapti", "Шаҳриобод 20")
      const r = yield* AppealService.suggestLinks(dispute, Actor.applicant("u1"))
      expect(r.suggestions.map((s) => [s.appealId, s.label, s.ruleId])).toEqual([[a.appealId, "repeated", "duplicates.repeated"]])
      // 20 days after the answer, a 10-day window no longer reaches it.
      const narrow = yield* AppealService.suggestLinks(dispute, Actor.applicant("u1"), { settings: { ...Similarity.defaultSettings, repeatWindowDays: 10 } })
      expect(narrow.suggestions).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  // The repeat window is a setting (ZRU-445 sets none): an answered appeal is a candidate exactly
  // while the days since its answer are within it.
  it("an answered appeal is suggested as repeated exactly within the repeat window", () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 }), (days, window) =>
        Effect.runPromise(
          Effect.gen(function* () {
            yield* at("2026-03-02T06:00:00.000Z")
            const a = yield* AppealService.submit(intake("Qoʻshnining iti bolalarni qopyapti", "Shahriobod 20"), Actor.applicant("u1"))
            const i = yield* inspector
            yield* AppealService.execute({ type: "startReview", appealId: a.appealId }, i)
            yield* AppealService.execute({ type: "answer", appealId: a.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }, i)
            yield* at(new Date(Date.parse("2026-03-02T06:00:00.000Z") + days * 86_400_000).toISOString())
            const dispute = intake("Javobingizga rozi emasman, it hali ham bolalarni qopyapti", "Shahriobod 20")
            const r = yield* AppealService.suggestLinks(dispute, Actor.applicant("u1"), { settings: { ...Similarity.defaultSettings, repeatWindowDays: window } })
            expect(r.suggestions.map((s) => s.label)).toEqual(days <= window ? ["repeated"] : [])
          }).pipe(Effect.provide(layer), Effect.provide(TestContext.TestContext))
        )
      ),
      // The boundary itself, and one day past it, always.
      { numRuns: 12, examples: [[10, 10], [11, 10]] }
    ), 60_000
  )

  it.effect("a neighbour's appeal past its term is explained as overdue, from its clocks", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T06:00:00.000Z")
      const a = yield* AppealService.submit(intake(noiseLatin, "Navoiy 14"), Actor.applicant("u1"))
      // A shikoyat is considered within 15 days (ZRU-445 Art. 28); two months on it is overdue.
      yield* at("2026-05-04T06:00:00.000Z")
      const r = yield* Effect.flatMap(senior, (s) => AppealService.suggestLinks(intake(noiseCyrillic, "Навоий 14", "Aliyev", "u2"), s))
      expect(r.suggestions.map((s) => s.appealId)).toEqual([a.appealId])
      expect(r.suggestions[0]!.signals?.find((x) => x.signal === "status")?.reason).toBe("A is overdue when B arrives")
    }).pipe(Effect.provide(layer))
  )

  it.effect("another problem at the same place is not suggested, to anyone", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T06:00:00.000Z")
      yield* AppealService.submit(intake(noiseLatin, "Navoiy koʻchasi 14-uy"), Actor.applicant("u1"))
      yield* at("2026-03-02T08:00:00.000Z")
      const lights = intake("Koʻchadagi chiroqlar bir haftadan beri yonmayapti, kechasi qorongʻi", "Navoiy 14", "Aliyev")
      const forInspector = yield* Effect.flatMap(senior, (s) => AppealService.suggestLinks(lights, s))
      expect(forInspector.suggestions).toEqual([])
      const forNeighbour = yield* AppealService.suggestLinks(lights, Actor.applicant("u2"))
      expect([forNeighbour.suggestions, forNeighbour.similarElsewhere]).toEqual([[], 0])
      expect(forNeighbour.openAtPlace).toBe(false)
    }).pipe(Effect.provide(layer))
  )

  // Whoever asks, the suggestions are the same comparisons: an applicant sees exactly those of his
  // own appeals that an auditor (who reads everything) is shown, and the count of the rest.
  it("an applicant sees exactly his own of the auditor's suggestions, and the count of the others", () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ who: fc.constantFrom("u1", "u2", "u3"), text: fc.constantFrom(noiseLatin, noiseCyrillic, "Koʻchadagi chiroqlar yonmayapti", "Itlar bolalarga tashlanyapti"), address: fc.constantFrom("Navoiy 14", "ул. Навои, д. 14", "Navoiy 41", undefined) }), { maxLength: 5 }),
          fc.constantFrom("u1", "u2", "u3"),
          fc.constantFrom(noiseLatin, noiseCyrillic, "Itlar bolalarga tashlanyapti"),
          (earlier, asker, text) =>
            Effect.runPromise(
              Effect.gen(function* () {
                yield* at("2026-03-02T06:00:00.000Z")
                const owner = new Map<string, string>()
                for (const [n, e] of earlier.entries()) {
                  const r = yield* AppealService.submit(intake(e.text, e.address, `P${n}`), Actor.applicant(e.who))
                  owner.set(r.appealId, e.who)
                }
                yield* at("2026-03-02T09:00:00.000Z")
                const b = intake(text, "Navoiy 14", "Karimova", asker)
                const all = yield* AppealService.suggestLinks(b, Actor.auditor("AUD"))
                const mine = yield* AppealService.suggestLinks(b, Actor.applicant(asker))
                expect(all.similarElsewhere).toBe(0)
                expect(mine.suggestions).toEqual(all.suggestions.filter((s) => owner.get(s.appealId) === asker))
                expect(mine.similarElsewhere).toBe(all.suggestions.length - mine.suggestions.length)
                expect(all.suggestions.every((s) => s.label !== undefined && s.kind === (s.label === "duplicate" ? "duplicateOf" : "relatedTo"))).toBe(true)
              }).pipe(Effect.provide(layer), Effect.provide(TestContext.TestContext))
            )
        ),
        { numRuns: 15 }
      ), 60_000
  )
})
