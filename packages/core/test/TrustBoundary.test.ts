// The trust boundary (issue 9, design.md "The trust boundary"): the service believes nothing a
// caller says that the directory, the store or the law can check. Each case here was written
// against the service as it was before, and failed there.
import { describe, expect, it } from "@effect/vitest"
import { Actor, Appeal, AppealService, AppealStore, DirectoryStore, Errors, Facade } from "@murojaat/core"
import { Effect, Either, Layer, TestClock } from "effect"
import { memoryPorts, serviceOver } from "./support/service.js"
import { directory } from "./support/world.js"

const intake = (over: Record<string, unknown> = {}): Appeal.IntakeEncoded =>
  ({
    kind: "shikoyat",
    form: "electronic",
    channel: "smartMahallaApp",
    applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "electronic" } },
    location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
    text: { body: "Qoʻshnim har kecha shovqin qiladi" },
    ...over
  }) as Appeal.IntakeEncoded

const pipeline = {
  pipeline: {
    triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["t"] }),
    assign: ({ state }) => ({ officerId: state.mahallaCode === "M3" ? "I3" : "I1", ruleIds: ["a"] })
  }
} satisfies Parameters<typeof AppealService.layerConfig>[0]
const layer = AppealService.layerMemory(directory, pipeline)
const at = (iso: string) => TestClock.setTime(Date.parse(iso))
const left = <A, E>(e: Effect.Effect<A, E, any>) => Effect.map(Effect.either(e), (r) => (Either.isLeft(r) ? r.left : undefined))

const chief = Actor.officer("C1")
const inspector = Actor.officer("I1")
const submitted = (over: Record<string, unknown> = {}, who: Actor.Subject = Actor.applicant("u1")) =>
  Effect.zipRight(at("2026-03-20T05:00:00.000Z"), AppealService.submit(intake(over), who))

describe("who is acting", () => {
  it.effect("a forged officer (an id the directory does not know) is refused, whatever roles he claims", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      const forged = { _tag: "officer", officerId: "FAKE-1", roles: ["districtChief"], districtCode: "D1", mahallas: [] } as unknown as Actor.Subject
      const e = yield* left(AppealService.execute({ type: "escalate", appealId: r.appealId, reason: "chief's control" }, forged))
      expect(e).toEqual(new Errors.OfficerNotFound({ officerId: "FAKE-1" }))
      expect((yield* AppealService.history(r.appealId, Actor.auditor("AUD"))).length).toBe(4)
    }).pipe(Effect.provide(layer))
  )

  it.effect("a real officer claiming roles or territory the directory does not give him is refused", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      const claims = [
        { roles: ["districtChief"] },
        { roles: ["preventionInspector", "districtChief"] },
        { districtCode: "D2" },
        { mahallas: ["M1", "M2", "M3"] }
      ]
      for (const claim of claims) {
        const e = yield* left(AppealService.execute({ type: "startReview", appealId: r.appealId }, { _tag: "officer", officerId: "I1", ...claim } as Actor.Subject))
        expect(e).toMatchObject({ _tag: "NotAuthorized", reason: "claimsMismatch" })
      }
      // The same claims as the directory's are accepted.
      const ok = yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, { _tag: "officer", officerId: "I1", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"] } as unknown as Actor.Subject)
      expect(ok.state.status).toBe("inReview")
    }).pipe(Effect.provide(layer))
  )

  it.effect("an inactive officer is refused; one moved to other mahallas loses the old ones at once", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      expect(yield* left(AppealService.execute({ type: "escalate", appealId: r.appealId, reason: "control" }, Actor.officer("X1")))).toMatchObject({
        _tag: "NotAuthorized",
        reason: "officerInactive"
      })
      // The chief moves I1 from M1 to M2 and C1 is made inactive; their old actor objects are worthless.
      const oldI1 = yield* AppealService.officerActor("I1")
      const oldC1 = yield* AppealService.officerActor("C1")
      const moved = {
        ...directory,
        officers: directory.officers.map((o) =>
          o.id === "I1" ? { ...o, mahallas: ["M2" as never] } : o.id === "C1" ? { ...o, active: false } : o
        )
      }
      yield* Effect.flatMap(DirectoryStore.DirectoryStore, (d) => d.replace(moved))
      expect(yield* left(AppealService.execute({ type: "startReview", appealId: r.appealId }, oldI1))).toMatchObject({ _tag: "NotAuthorized", reason: "claimsMismatch" })
      // I1 is still the assignee, and the assignee may work on it wherever he serves now.
      expect((yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, Actor.officer("I1"))).state.status).toBe("inReview")
      expect(yield* left(AppealService.execute({ type: "escalate", appealId: r.appealId, reason: "control" }, oldC1))).toMatchObject({ reason: "officerInactive" })
    }).pipe(Effect.provide(layer))
  )

  it.effect("malformed actors are InvalidInput from every service function, never a TypeError", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      const junk: ReadonlyArray<unknown> = [
        null,
        undefined,
        42,
        "officer",
        {},
        { _tag: "officer" },
        { _tag: "officer", officerId: 5 },
        { _tag: "officer", officerId: "I1", roles: [] },
        { _tag: "officer", officerId: "I1", roles: "districtChief" },
        { _tag: "king", id: "x" },
        { _tag: "applicant", applicantRef: "" }
      ]
      for (const actor of junk) {
        const a = actor as Actor.Subject
        const calls = [
          AppealService.submit(intake(), a),
          AppealService.execute({ type: "startReview", appealId: r.appealId }, a),
          AppealService.get(r.appealId, a),
          AppealService.history(r.appealId, a),
          AppealService.verify(r.appealId, a),
          AppealService.worklist("I1", a),
          AppealService.overdue({ districtCode: "D1" }, a),
          AppealService.escalateOverdue({ districtCode: "D1" }, a),
          AppealService.suggestLinks(intake(), a)
        ]
        for (const call of calls) expect(yield* left(call as Effect.Effect<unknown, unknown, any>)).toMatchObject({ _tag: "InvalidInput", subject: "Actor" })
      }
    }).pipe(Effect.provide(layer))
  )

  it.effect("the recorded event names the directory's role, not one the caller chose", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      const e = yield* AppealService.execute({ type: "escalate", appealId: r.appealId, reason: "control" }, Actor.officer("S1"))
      expect(e.events[0]!.actor).toEqual({ kind: "officer", id: "S1", role: "seniorInspector" })
    }).pipe(Effect.provide(layer))
  )
})

describe("approved by the head", () => {
  const leave = (appealId: string, approvedBy: string) => ({
    type: "leaveWithoutConsideration",
    appealId,
    ground: "otherRequirements",
    conclusion: "The appeal lacks the required content",
    approvedBy
  })
  it.effect("is an active chief of the appeal's own district, and never the officer complained about", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      // C2 is a chief, but of district D2; S1 and I1 are not chiefs; FAKE is not in the directory.
      for (const approver of ["C2", "S1", "I1", "FAKE"]) {
        expect(yield* left(AppealService.execute(leave(r.appealId, approver), chief))).toMatchObject({ _tag: "RuleViolation", rule: "leave.approvedByHead" })
      }
      // A complaint about the chief himself: he may not approve it (and may not act on it at all).
      const aboutChief = yield* submitted({ subjectOfficerId: "C1" })
      expect(yield* left(AppealService.execute(leave(aboutChief.appealId, "C1"), Actor.officer("S1")))).toMatchObject({
        _tag: "RuleViolation",
        rule: "leave.approvedByHead"
      })
      const ok = yield* AppealService.execute(leave(r.appealId, "C1"), Actor.officer("S1"))
      expect(ok.state.status).toBe("leftWithoutConsideration")
    }).pipe(Effect.provide(layer))
  )

  it.effect("answer approval, when required, follows the same rule", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, inspector)
      const answer = (approvedBy: string) => ({ type: "answer", appealId: r.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28", approvedBy })
      expect(yield* left(AppealService.execute(answer("C2"), inspector))).toMatchObject({ rule: "answer.approval" })
      expect((yield* AppealService.execute(answer("C1"), inspector)).state.status).toBe("answered")
    }).pipe(Effect.provide(AppealService.layerMemory(directory, { settings: { answerApprovalByHead: true }, pipeline: { triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: [] }), assign: () => ({ officerId: "I1", ruleIds: [] }) } })))
  )
})

describe("queries take an actor and the access policy", () => {
  it.effect("worklists, area lists, verification, history and the timer refuse actors outside them", () =>
    Effect.gen(function* () {
      const r = yield* submitted()
      // Worklists: the officer, his district's supervisors, auditors, the system.
      expect((yield* AppealService.worklist("I1", inspector)).items.map((s) => s.appealId)).toEqual([r.appealId])
      expect((yield* AppealService.worklist("I1", chief)).items.length).toBe(1)
      expect((yield* AppealService.worklist("I1", Actor.auditor("AUD"))).items.length).toBe(1)
      for (const who of [Actor.officer("I2"), Actor.officer("C2"), Actor.applicant("u1"), Actor.integration("portal")]) {
        expect(yield* left(AppealService.worklist("I1", who))).toMatchObject({ _tag: "NotAuthorized" })
      }
      // Area lists: a chief of another district, an inspector for a district, an applicant: refused.
      for (const [area, who] of [
        [{ districtCode: "D1" }, Actor.officer("C2")],
        [{ districtCode: "D1" }, inspector],
        [{ mahallaCode: "M1" }, Actor.officer("I2")],
        [{ districtCode: "D1" }, Actor.applicant("u1")],
        [{ districtCode: "D1" }, Actor.integration("portal-d2", ["D2" as never])]
      ] as const) {
        expect(yield* left(AppealService.overdue(area, who))).toMatchObject({ _tag: "NotAuthorized" })
        expect(yield* left(AppealService.escalateOverdue(area, who))).toMatchObject({ _tag: "NotAuthorized" })
      }
      expect(yield* left(AppealService.escalateOverdue({ districtCode: "D1" }, Actor.auditor("AUD")))).toMatchObject({ reason: "readOnly" })
      expect((yield* AppealService.overdue({ mahallaCode: "M1" }, inspector)).items).toEqual([])
      // Verify and history: like every read, "not found" to whoever may not read it.
      for (const who of [Actor.officer("I3"), Actor.applicant("u2")]) {
        expect(yield* left(AppealService.verify(r.appealId, who))).toEqual(new Errors.AppealNotFound({ appealId: r.appealId }))
        expect(yield* left(AppealService.history(r.appealId, who))).toEqual(new Errors.AppealNotFound({ appealId: r.appealId }))
      }
      expect(yield* AppealService.verify(r.appealId, Actor.applicant("u1"))).toMatchObject({ ok: true, projectionMatches: true })
    }).pipe(Effect.provide(layer))
  )

  it.effect("an area list leaves out what the reader may not read (a complaint about himself)", () =>
    Effect.gen(function* () {
      yield* submitted({ subjectOfficerId: "S1" })
      const plain = yield* submitted()
      yield* at("2026-05-20T05:00:00.000Z")
      const forS1 = yield* AppealService.overdue({ districtCode: "D1" }, Actor.officer("S1"))
      expect(forS1.items.map((s) => s.appealId)).toEqual([plain.appealId])
      expect((yield* AppealService.overdue({ districtCode: "D1" }, chief)).items.length).toBe(2)
    }).pipe(Effect.provide(layer))
  )
})

describe("what the caller may not choose", () => {
  it.effect("ids: receive is not a command; register and dispute take their ids from the IdGenerator", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const claimed = yield* left(AppealService.execute({ type: "receive", appealId: "A-000002", intake: intake() }, Actor.applicant("u9")))
      expect(claimed).toMatchObject({ _tag: "InvalidInput" })
      // Nobody claimed A-000002 above, so the next citizens get their appeals as usual.
      const a = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const b = yield* AppealService.submit(intake(), Actor.applicant("u2"))
      expect([a.appealId, b.appealId]).toEqual(["A-000001", "A-000002"])
      const withNumber = yield* left(AppealService.execute({ type: "register", appealId: a.appealId, registrationNumber: "D1-2026-000001" }, chief))
      expect(withNumber).toMatchObject({ _tag: "InvalidInput" })
      const withRepeat = yield* left(AppealService.execute({ type: "dispute", appealId: a.appealId, repeatAppealId: "A-000003", reason: "no" }, Actor.applicant("u1")))
      expect(withRepeat).toMatchObject({ _tag: "InvalidInput" })
    }).pipe(Effect.provide(layer))
  )

  it.effect("a registration by a person gets the district's next number; a refused one burns none", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const manual = AppealService.layerMemory(directory, { pipeline: { registerOnReceipt: false } })
      return yield* Effect.gen(function* () {
        const a = yield* AppealService.submit(intake(), Actor.officer("I1"))
        expect(a.state.status).toBe("received")
        // An applicant may not register: refused before a number is taken.
        expect(yield* left(AppealService.execute({ type: "register", appealId: a.appealId }, Actor.applicant("u1")))).toMatchObject({ _tag: "AppealNotFound" })
        expect(yield* left(AppealService.execute({ type: "register", appealId: a.appealId }, Actor.officer("I3")))).toMatchObject({ _tag: "AppealNotFound" })
        const r = yield* AppealService.execute({ type: "register", appealId: a.appealId }, inspector)
        expect(r.state.registrationNumber).toBe("D1-2026-000001")
        expect(yield* left(AppealService.execute({ type: "register", appealId: a.appealId }, inspector))).toMatchObject({ _tag: "InvalidTransition" })
        const b = yield* AppealService.submit(intake(), Actor.officer("I1"))
        expect((yield* AppealService.execute({ type: "register", appealId: b.appealId }, inspector)).state.registrationNumber).toBe("D1-2026-000002")
      }).pipe(Effect.provide(manual))
    })
  )

  it.effect("location codes must exist and agree; a district-limited integration cannot file elsewhere", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const bad = [
        { regionCode: "R1", districtCode: "D1", mahallaCode: "M3" }, // M3 is in D2
        { regionCode: "R1", districtCode: "D1", mahallaCode: "NOWHERE" },
        { regionCode: "R9", districtCode: "D1", mahallaCode: "M1" },
        { regionCode: "R1", districtCode: "D9", mahallaCode: "M1" }
      ]
      for (const location of bad) {
        expect(yield* left(AppealService.submit(intake({ location }), Actor.applicant("u1")))).toMatchObject({ _tag: "InvalidInput", subject: "Appeal" })
      }
      // Limited to D2, it declares D2 but names a mahalla of D1.
      const d2 = Actor.integration("portal-d2", ["D2" as never])
      expect(yield* left(AppealService.submit(intake({ location: { regionCode: "R1", districtCode: "D2", mahallaCode: "M1" } }), d2))).toMatchObject({
        _tag: "InvalidInput"
      })
      expect(yield* left(AppealService.submit(intake(), d2))).toMatchObject({ _tag: "NotAuthorized", reason: "outsideJurisdiction" })
      expect(yield* left(AppealService.submit(intake({ subjectOfficerId: "GHOST" }), Actor.applicant("u1")))).toMatchObject({ _tag: "InvalidInput" })
      const ok = yield* AppealService.submit(intake({ location: { regionCode: "R1", districtCode: "D2", mahallaCode: "M3" } }), d2)
      expect(ok.state.districtCode).toBe("D2")
      expect((yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({}))).items.length).toBe(1)
    }).pipe(Effect.provide(layer))
  )

  it.effect("an applicant files as himself, and links only to appeals he may read", () =>
    Effect.gen(function* () {
      const others = yield* submitted({}, Actor.applicant("u2"))
      expect(yield* left(AppealService.submit(intake({ applicantRef: "u2" }), Actor.applicant("u1")))).toMatchObject({ reason: "notApplicant" })
      // Linking to a neighbour's appeal tells him nothing: the same answer as for an id that does not exist.
      const linked = yield* left(AppealService.submit(intake({ links: [{ kind: "relatedTo", appealId: others.appealId }] }), Actor.applicant("u1")))
      const ghost = yield* left(AppealService.submit(intake({ links: [{ kind: "relatedTo", appealId: "A-999999" }] }), Actor.applicant("u1")))
      expect(linked).toEqual(new Errors.AppealNotFound({ appealId: others.appealId }))
      expect(ghost).toEqual(new Errors.AppealNotFound({ appealId: "A-999999" }))
    }).pipe(Effect.provide(layer))
  )
})

describe("merges and disputes", () => {
  const merge = (appealId: string, targetAppealId: string) => ({ type: "mergeInto", appealId, targetAppealId, reason: "Same matter" })

  it.effect("a merge needs a target that exists, is open, and the actor may read; none leads back", () =>
    Effect.gen(function* () {
      const a = yield* submitted()
      const b = yield* submitted()
      const elsewhere = yield* submitted({ location: { regionCode: "R1", districtCode: "D2", mahallaCode: "M3" } })
      expect(yield* left(AppealService.execute(merge(a.appealId, "A-999999"), chief))).toEqual(new Errors.AppealNotFound({ appealId: "A-999999" }))
      // C1 may not read D2's appeal: it is "not found" to him, exactly like one that does not exist.
      expect(yield* left(AppealService.execute(merge(a.appealId, elsewhere.appealId), chief))).toEqual(new Errors.AppealNotFound({ appealId: elsewhere.appealId }))
      yield* AppealService.execute(merge(a.appealId, b.appealId), chief)
      // B into A: A is no longer open (merged), so no cycle can form.
      expect(yield* left(AppealService.execute(merge(b.appealId, a.appealId), chief))).toMatchObject({ _tag: "RuleViolation", rule: "merge.targetOpen" })
      const c = yield* submitted()
      yield* AppealService.execute({ type: "withdraw", appealId: b.appealId }, Actor.applicant("u1"))
      expect(yield* left(AppealService.execute(merge(c.appealId, b.appealId), chief))).toMatchObject({ rule: "merge.targetOpen" })
    }).pipe(Effect.provide(layer))
  )

  it.effect("two appeals merged into each other at the same moment: at most one merge succeeds", () =>
    Effect.gen(function* () {
      const a = yield* submitted()
      const b = yield* submitted()
      const [ab, ba] = yield* Effect.all(
        [Effect.either(AppealService.execute(merge(a.appealId, b.appealId), chief)), Effect.either(AppealService.execute(merge(b.appealId, a.appealId), Actor.officer("S1")))],
        { concurrency: "unbounded" }
      )
      expect([ab, ba].filter(Either.isRight).length).toBe(1)
      const states = yield* Effect.all([a.appealId, b.appealId].map((id) => AppealService.get(id, chief)))
      expect(states.filter((v) => v.state.status === "mergedAsDuplicate").length).toBe(1)
    }).pipe(Effect.provide(serviceOver(interleavingStore, pipeline)))
  )

  it.effect("an appeal flagged as a suspected crime is not ended by merging or forwarding it", () =>
    Effect.gen(function* () {
      const a = yield* submitted()
      const b = yield* submitted()
      yield* AppealService.execute({ type: "correctTriage", appealId: a.appealId, category: "publicOrder", priority: "high", flags: ["suspectedCrime"], reason: "A crime is reported" }, chief)
      expect(yield* left(AppealService.execute(merge(a.appealId, b.appealId), chief))).toMatchObject({ rule: "merge.notACrime" })
      const forward = { type: "forward", appealId: a.appealId, body: { name: "District khokimiyat" }, applicantNotice: { channel: "post", reference: "OUT-1" } }
      expect(yield* left(AppealService.execute(forward, chief))).toMatchObject({ rule: "forward.notACrime" })
    }).pipe(Effect.provide(layer))
  )

  it.effect("one open repeated appeal per original at a time", () =>
    Effect.gen(function* () {
      const a = yield* submitted()
      yield* AppealService.execute({ type: "startReview", appealId: a.appealId }, inspector)
      yield* AppealService.execute({ type: "answer", appealId: a.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }, inspector)
      const first = yield* AppealService.dispute(a.appealId, "Nothing changed", Actor.applicant("u1"))
      const repeat = first.state.disputedBy[0]!
      expect(yield* left(AppealService.dispute(a.appealId, "Still nothing", Actor.applicant("u1")))).toMatchObject({ rule: "dispute.oneOpen" })
      // Once the repeated appeal is answered, the applicant may dispute again (within the term).
      yield* AppealService.execute({ type: "triage", appealId: repeat, category: "publicOrder", priority: "normal", flags: [], confidence: 1, needsPerson: false, ruleIds: [] }, chief)
      yield* AppealService.execute({ type: "assign", appealId: repeat, officerId: "I1" }, chief)
      yield* AppealService.execute({ type: "startReview", appealId: repeat }, inspector)
      yield* AppealService.execute({ type: "answer", appealId: repeat, outcome: "satisfied", answerText: "Done", legalBasis: "ZRU-445 Art. 28" }, inspector)
      const second = yield* AppealService.dispute(a.appealId, "It started again", Actor.applicant("u1"))
      expect(second.state.disputedBy.length).toBe(2)
    }).pipe(Effect.provide(layer))
  )

  it.effect("a supervisor named for control is one of the appeal's own district", () =>
    Effect.gen(function* () {
      const a = yield* submitted()
      for (const supervisorId of ["C2", "I2", "GHOST"]) {
        expect(yield* left(AppealService.execute({ type: "escalate", appealId: a.appealId, reason: "control", supervisorId }, chief))).toMatchObject({
          rule: "escalate.supervisorServes"
        })
      }
      expect((yield* AppealService.execute({ type: "escalate", appealId: a.appealId, reason: "control", supervisorId: "S1" }, chief)).state.escalated).toBe(true)
    }).pipe(Effect.provide(layer))
  )
})

describe("dates, numbers and options", () => {
  it.effect("an appeal whose legal clocks cannot be computed is refused at commit, never stored without a due time", () =>
    Effect.gen(function* () {
      // No calendar covers 1970 (nor 2199): before, such appeals were stored with dueAt = null.
      yield* TestClock.setTime(0)
      expect(yield* left(AppealService.submit(intake(), Actor.applicant("u1")))).toMatchObject({ _tag: "InvalidInput" })
      expect((yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({}))).items).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  it.effect("idempotency keys and correlation ids are bounded visible ASCII: an empty, odd or huge key is InvalidInput", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      for (const idempotencyKey of ["", " ", "a\u0000", "a\uFFFD", "ключ", "x".repeat(256), "x".repeat(1_000_000)]) {
        expect(yield* left(AppealService.submit(intake(), Actor.applicant("u1"), { idempotencyKey }))).toMatchObject({ _tag: "InvalidInput", subject: "RequestOptions" })
      }
      expect(yield* left(AppealService.submit(intake(), Actor.applicant("u1"), { correlationId: "" }))).toMatchObject({ _tag: "InvalidInput" })
      expect(yield* left(AppealService.submit(intake(), Actor.applicant("u1"), 7 as never))).toMatchObject({ _tag: "InvalidInput" })
      expect((yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({}))).items).toEqual([])
      const ok = yield* AppealService.submit(intake(), Actor.applicant("u1"), { idempotencyKey: "x".repeat(255) })
      expect(ok.state.status).toBe("assigned")
    }).pipe(Effect.provide(layer))
  )
})

describe("store refusals of odd input", () => {
  it.effect("a store's invalidInput (a value no adapter can keep) reaches the caller as InvalidInput", () => {
    const refusing = Layer.effect(
      AppealStore.AppealStore,
      Effect.map(AppealStore.AppealStore, (s) => ({
        ...s,
        commit: () => Effect.fail(new Errors.StoreError({ port: "AppealStore", reason: "invalidInput", detail: "U+0000 in a key" }))
      }))
    ).pipe(Layer.provideMerge(memoryPorts(directory)))
    return Effect.gen(function* () {
      expect(yield* left(submitted())).toMatchObject({ _tag: "InvalidInput", subject: "Request" })
    }).pipe(Effect.provide(serviceOver(refusing, pipeline)))
  })
})

// The in-memory store, yielding between reading and writing, so that concurrent commands interleave.
const interleavingStore = Layer.effect(
  AppealStore.AppealStore,
  Effect.map(AppealStore.AppealStore, (s) => ({ ...s, load: (id: string) => Effect.zipLeft(s.load(id), Effect.yieldNow()) }))
).pipe(Layer.provideMerge(memoryPorts(directory)))

describe("the deadline timer", () => {
  it.effect("escalates a breach exactly once when another instance escalates it between our read and our commit", () => {
    // Instance B's commit lands right after instance A read the appeal (a stale read for A).
    let raced = false
    const racing = Layer.effect(
      AppealStore.AppealStore,
      Effect.gen(function* () {
        const s = yield* AppealStore.AppealStore
        // The other instance: a service of its own over the same ports, on the store without this hook.
        const b = yield* AppealService.make.pipe(Effect.provideService(AppealStore.AppealStore, s))
        return {
          ...s,
          load: (id: string) =>
            Effect.tap(s.load(id), () =>
              raced
                ? Effect.void
                : Effect.zipRight(Effect.sync(() => (raced = true)), Effect.orDie(b.escalateOverdue({ districtCode: "D1" }, Actor.system("instance-b"))))
            )
        } satisfies AppealStore.Service
      })
    ).pipe(Layer.provideMerge(memoryPorts(directory)))
    return Effect.gen(function* () {
      const a = yield* submitted()
      yield* AppealService.execute({ type: "startReview", appealId: a.appealId }, inspector)
      raced = false
      yield* at("2026-05-20T05:00:00.000Z")
      const run = yield* AppealService.escalateOverdue({ districtCode: "D1" }, Actor.system("instance-a"))
      expect(raced).toBe(true)
      const escalations = (yield* AppealService.history(a.appealId, Actor.auditor("AUD"))).filter((e) => e.type === "escalated")
      expect(escalations.length).toBe(1)
      expect(run.escalated).toEqual([])
    }).pipe(Effect.provide(serviceOver(racing, pipeline)))
  })
})

describe("the facade", () => {
  it("never rejects with an untyped error, whatever it is given", async () => {
    const { fc } = await import("@fast-check/vitest")
    const m = Facade.make({ directory, now: () => Date.parse("2026-03-20T05:00:00.000Z") })
    const codes = new Set(Errors.catalogue.map((e) => e.code))
    const calls: ReadonlyArray<(args: ReadonlyArray<unknown>) => Promise<unknown>> = [
      ([a, b, c]) => m.submit(a as never, b as never, c as never),
      ([a, b, c]) => m.execute(a as never, b as never, c as never),
      ([a, b, c, d]) => m.dispute(a as never, b as never, c as never, d as never),
      ([a, b]) => m.get(a as never, b as never),
      ([a, b]) => m.history(a as never, b as never),
      ([a, b]) => m.verify(a as never, b as never),
      ([a]) => m.officerActor(a as never),
      ([a, b]) => m.suggestLinks(a as never, b as never),
      ([a, b, c]) => m.worklist(a as never, b as never, c as never),
      ([a, b, c]) => m.overdue(a as never, b as never, c as never),
      ([a, b, c, d]) => m.soonDue(a as never, b as never, c as never, d as never),
      ([a, b]) => m.escalateOverdue(a as never, b as never)
    ]
    const value = fc.oneof(fc.anything(), fc.constantFrom(Actor.officer("C1"), Actor.auditor("AUD"), "A-000001", { districtCode: "D1" }, intake()))
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: calls.length - 1 }), fc.array(value, { minLength: 0, maxLength: 4 }), async (k, args) => {
          const outcome = await calls[k]!(args).then(
            () => undefined,
            (e: unknown) => e
          )
          if (outcome !== undefined) expect(codes.has((outcome as { _tag?: string })._tag as never)).toBe(true)
        }),
        { numRuns: 400 }
      )
    } finally {
      await m.dispose()
    }
  })
})
