import { describe, expect, it } from "@effect/vitest"
import { Actor, Appeal, AppealMachine, AppealService, AppealStore, Audit, type Calendar, CalendarStore, Deadline, Errors, Facade, IdempotencyStore, Lifecycle, Outbox, Worklist } from "@murojaat/core"
import { Effect, Either, Layer, Option, TestClock } from "effect"
import { memoryPorts, serviceOver } from "./support/service.js"
import { directory } from "./support/world.js"

const intake = (over: Record<string, unknown> = {}): Appeal.IntakeEncoded => ({
  kind: "shikoyat",
  form: "electronic",
  channel: "smartMahallaApp",
  applicant: { type: "individual", surname: "Karimova", name: "Dilnoza", residence: "Bodomzor 3", contact: { phone: "+998901234567" }, consent: { given: true, form: "electronic" } },
  location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
  text: { body: "Qoʻshnim har kecha shovqin qiladi, tel +998907654321" },
  ...over
}) as Appeal.IntakeEncoded

const pipeline = {
  pipeline: {
    triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: ["demo.noise"] }),
    assign: () => ({ officerId: "I1", ruleIds: ["demo.assign"] })
  }
} satisfies Parameters<typeof AppealService.layerConfig>[0]
const layer = AppealService.layerMemory(directory, pipeline)
// The in-memory store, but yielding between reading and writing, so that concurrent commands
// really interleave and meet VersionConflict (and racing requests meet each other's idempotency record).
const conflicts = { count: 0, idempotency: 0 }
const interleaving = serviceOver(
  Layer.merge(
    Layer.effect(
      AppealStore.AppealStore,
      Effect.map(AppealStore.AppealStore, (s) => ({
        ...s,
        load: (id: string) => Effect.zipLeft(s.load(id), Effect.yieldNow()),
        commit: (c: AppealStore.Commit) =>
          Effect.tapError(s.commit(c), (e) =>
            Effect.sync(() => (e._tag === "VersionConflict" ? conflicts.count++ : e._tag === "IdempotencyConflict" ? conflicts.idempotency++ : 0))
          )
      }))
    ),
    Layer.effect(
      IdempotencyStore.IdempotencyStore,
      Effect.map(IdempotencyStore.IdempotencyStore, (s) => ({ lookup: (key: string) => Effect.zipLeft(s.lookup(key), Effect.yieldNow()) }))
    )
  ).pipe(Layer.provideMerge(memoryPorts(directory))),
  pipeline
)
const at = (iso: string) => TestClock.setTime(Date.parse(iso))
const inspector = AppealService.officerActor("I1")
const chief = AppealService.officerActor("C1")

describe("AppealService", () => {
  it.effect("receives, registers, triages and assigns in one commit, with the outbox and a verifiable chain", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      expect(r.events.map((e) => e.type)).toEqual(["received", "registered", "triaged", "assigned"])
      expect(r.state).toMatchObject({ status: "assigned", assigneeId: "I1", applicantRef: "u1", registrationNumber: "D1-2026-000001" })
      expect(r.events.every((e) => e.at === "2026-03-20T05:00:00.000Z")).toBe(true)
      expect(yield* AppealService.verify(r.appealId, Actor.auditor("AUD"))).toMatchObject({ ok: true, count: 4, projectionMatches: true })
      expect(yield* Effect.flatMap(Outbox.Outbox, (o) => o.pending)).toBe(4)
      // The event log keeps no personal data: not the name, not the text, not the phone.
      const log = JSON.stringify(yield* AppealService.history(r.appealId, Actor.auditor("AUD")))
      for (const secret of ["Karimova", "shovqin", "998901234567", "Bodomzor"]) expect(log).not.toContain(secret)
    }).pipe(Effect.provide(layer))
  )

  it.effect("a retried request with the same idempotency key is answered once; a different request with it is refused", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const first = yield* AppealService.submit(intake(), Actor.applicant("u1"), { idempotencyKey: "k-1" })
      const again = yield* AppealService.submit(intake(), Actor.applicant("u1"), { idempotencyKey: "k-1" })
      expect(again).toEqual(first)
      const other = yield* Effect.either(AppealService.submit(intake({ kind: "ariza" }), Actor.applicant("u1"), { idempotencyKey: "k-1" }))
      expect(other).toEqual(Either.left(new Errors.IdempotencyConflict({ key: "k-1" })))
      const page = yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({}))
      expect(page.items.length).toBe(1)
    }).pipe(Effect.provide(layer))
  )

  it.effect("two copies of one request racing with the same key give one appeal and the same answer", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const [a, b] = yield* Effect.all(
        [AppealService.submit(intake(), Actor.applicant("u1"), { idempotencyKey: "race" }), AppealService.submit(intake(), Actor.applicant("u1"), { idempotencyKey: "race" })],
        { concurrency: "unbounded" }
      )
      expect(b).toEqual(a)
      expect(conflicts.idempotency).toBeGreaterThan(0)
      expect((yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({}))).items.length).toBe(1)
    }).pipe(Effect.provide(interleaving))
  )

  it.effect("refusals store nothing", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const future = yield* Effect.either(AppealService.submit(intake({ receivedAt: "2026-03-21T05:00:00.000Z" }), Actor.applicant("u1")))
      expect(future).toMatchObject({ _tag: "Left", left: { _tag: "RuleViolation", rule: "receive.notInFuture" } })
      // A receipt date centuries ago is a typing error, refused, not counted day by day. (One that
      // really came long ago is taken with its true date and marked: Lifecycle.test.ts, "late entry".)
      const old = yield* Effect.either(AppealService.submit(intake({ receivedAt: "0926-03-20T05:00:00.000Z" }), Actor.applicant("u1")))
      expect(old).toMatchObject({ _tag: "Left", left: { _tag: "RuleViolation", rule: "receive.supportedYears" } })
      const bad = yield* Effect.either(AppealService.submit({ kind: "ariza" }, Actor.applicant("u1")))
      expect(bad).toMatchObject({ _tag: "Left", left: { _tag: "InvalidInput" } })
      const other = yield* Effect.either(AppealService.submit(intake({ applicantRef: "u2" }), Actor.applicant("u1")))
      expect(other).toMatchObject({ _tag: "Left", left: { _tag: "NotAuthorized", reason: "notApplicant" } })
      expect((yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.query({}))).items).toEqual([])
      expect(yield* Effect.flatMap(Outbox.Outbox, (o) => o.pending)).toBe(0)
    }).pipe(Effect.provide(layer))
  )

  it.effect("who may read: the territory's officers, the applicant, auditors (masked); others get AppealNotFound", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const mine = yield* AppealService.get(r.appealId, Actor.applicant("u1"))
      expect(mine.masked).toBe(false)
      expect(mine.personal?.text.body).toContain("shovqin")
      const audit = yield* AppealService.get(r.appealId, Actor.auditor("AUD"))
      expect(audit.masked).toBe(true)
      expect(JSON.stringify(audit.personal)).not.toMatch(/Karimova|998901234567|998907654321/)
      const outsider = yield* Effect.flatMap(AppealService.officerActor("I3"), (a) => Effect.either(AppealService.get(r.appealId, a)))
      expect(outsider).toEqual(Either.left(new Errors.AppealNotFound({ appealId: r.appealId })))
      const stranger = yield* Effect.either(AppealService.get(r.appealId, Actor.applicant("u2")))
      expect(stranger._tag).toBe("Left")
    }).pipe(Effect.provide(layer))
  )

  it.effect("concurrent commands on one appeal lose no update and keep one chain", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const c = yield* chief
      const commands = [
        { type: "declareExtraStudy", appealId: r.appealId, reason: "Needs checking" },
        { type: "escalate", appealId: r.appealId, reason: "chief's control" },
        { type: "extendDeadline", appealId: r.appealId, reason: "Expert opinion", applicantNotice: { channel: "post", reference: "OUT-1" } },
        { type: "correctTriage", appealId: r.appealId, category: "familyConflict", priority: "high", flags: [], reason: "Family matter" },
        { type: "correctTriage", appealId: r.appealId, category: "familyConflict", priority: "urgent", flags: ["domesticViolence"], reason: "Violence" }
      ]
      const results = yield* Effect.all(
        commands.map((cmd) => Effect.either(AppealService.execute(cmd, c))),
        { concurrency: "unbounded" }
      )
      const accepted = results.filter(Either.isRight).length
      expect(accepted).toBe(5)
      // The commands did collide, and were decided again on the fresh state.
      expect(conflicts.count).toBeGreaterThan(0)
      const v = yield* AppealService.verify(r.appealId, Actor.auditor("AUD"))
      expect(v).toMatchObject({ ok: true, count: 4 + accepted, projectionMatches: true })
    }).pipe(Effect.provide(interleaving))
  )

  it.effect("a commit on a stale version changes nothing at all", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const store = yield* AppealStore.AppealStore
      const before = yield* store.events(r.appealId)
      const stale = yield* Effect.either(
        store.commit({
          streams: [{ appealId: r.appealId, expectedVersion: 1, events: before.slice(0, 1), state: r.state, personal: undefined }],
          outbox: [{ id: "x", appealId: r.appealId, seq: 99, topic: "appeal.x", payload: {} }],
          idempotency: { key: "k-stale", fingerprint: "f", response: null }
        })
      )
      expect(stale).toEqual(Either.left(new Errors.VersionConflict({ appealId: r.appealId, expected: 1, actual: 4 })))
      expect(yield* store.events(r.appealId)).toEqual(before)
      expect(yield* Effect.flatMap(Outbox.Outbox, (o) => o.pending)).toBe(4)
    }).pipe(Effect.provide(layer))
  )

  it.effect("disputing an answer opens a repeated appeal under a supervisor's control; the original records it", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const i = yield* inspector
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, i)
      yield* AppealService.execute({ type: "answer", appealId: r.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }, i)
      yield* at("2026-04-20T05:00:00.000Z")
      const d = yield* AppealService.dispute(r.appealId, "The noise goes on", Actor.applicant("u1"))
      const repeatId = d.state.disputedBy[0]!
      const repeat = yield* AppealService.get(repeatId, Actor.applicant("u1"))
      expect(repeat.state).toMatchObject({ status: "registered", escalated: true, kind: "shikoyat", links: [{ kind: "repeatOf", appealId: r.appealId }] })
      expect(repeat.personal?.text.body).toBe("The noise goes on")
      expect(yield* AppealService.verify(repeatId, Actor.auditor("AUD"))).toMatchObject({ ok: true, projectionMatches: true })
      // A year and more later the term is over, but that never refuses a dispute (the supervisor
      // decides on restoring the term, rule dispute.term); this one is refused only because the
      // first repeated appeal is still open.
      yield* at("2027-04-21T05:00:00.000Z")
      const late = yield* Effect.either(AppealService.dispute(r.appealId, "Again", Actor.applicant("u1")))
      expect(late).toMatchObject({ _tag: "Left", left: { _tag: "RuleViolation", rule: "dispute.oneOpen" } })
      expect(AppealMachine.disputeAfterTerm(d.state, "2027-04-21T05:00:00.000Z")).toBe(true)
    }).pipe(Effect.provide(layer))
  )

  it.effect("erasing personal data keeps the audit chain verifiable", () =>
    Effect.gen(function* () {
      yield* at("2026-03-20T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const store = yield* AppealStore.AppealStore
      const personal = yield* store.personal(r.appealId)
      expect(Option.isSome(personal) && Audit.digest(personal.value)).toBe(r.state.personalDigest)
      expect(yield* store.erasePersonal(r.appealId)).toBe(true)
      expect((yield* AppealService.get(r.appealId, Actor.applicant("u1"))).personal).toBeUndefined()
      expect(yield* AppealService.verify(r.appealId, Actor.auditor("AUD"))).toMatchObject({ ok: true, projectionMatches: true })
    }).pipe(Effect.provide(layer))
  )
})

describe("due times kept with the projection", () => {
  const received = { type: "received", at: "2026-03-02T05:00:00.000Z", data: { kind: "ariza" } }
  const event = (type: string, iso: string) => ({ type, at: iso, data: {} })
  it("is the nearest running legal clock, and none once the appeal is answered", () => {
    // Received Monday 2 Mar 2026, 10:00 Tashkent: registration is due the same working day.
    expect(AppealService.dueAt([received], "2026-03-02T05:00:00.000Z")).toBe("2026-03-02T13:00:00.000Z")
    const registered = [received, event("registered", "2026-03-02T05:00:00.000Z")]
    const forwarding = AppealService.dueAt(registered, "2026-03-02T05:00:00.000Z")
    const review = [...registered, event("reviewStarted", "2026-03-03T05:00:00.000Z")]
    const consideration = AppealService.dueAt(review, "2026-03-03T05:00:00.000Z")
    expect(Date.parse(consideration!)).toBeGreaterThan(Date.parse(forwarding!))
    expect(AppealService.dueAt([...review, event("answered", "2026-03-04T05:00:00.000Z")], "2026-03-04T05:00:00.000Z")).toBeNull()
  })

  it.effect("every commit carries the due time to the store", () => {
    const seen: Array<string | null | undefined> = []
    const spying = serviceOver(
      Layer.effect(
        AppealStore.AppealStore,
        Effect.map(AppealStore.AppealStore, (s) => ({ ...s, commit: (c: AppealStore.Commit) => Effect.zipRight(Effect.sync(() => seen.push(...c.streams.map((w) => w.dueAt))), s.commit(c)) }))
      ).pipe(Layer.provideMerge(memoryPorts(directory))),
      pipeline
    )
    return Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const i = yield* inspector
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, i)
      yield* AppealService.execute({ type: "answer", appealId: r.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }, i)
      expect(seen.length).toBe(3)
      expect(typeof seen[0]).toBe("string")
      expect(typeof seen[1]).toBe("string")
      expect(seen[2]).toBeNull()
    }).pipe(Effect.provide(spying))
  })
})

describe("Facade", () => {
  it("runs worklists, the overdue list and the deadline timer on its own clock", async () => {
    let now = Date.parse("2026-03-02T05:00:00.000Z")
    const m = Facade.make({ directory, now: () => now, config: { pipeline: { triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: [] }), assign: () => ({ officerId: "I1", ruleIds: [] }) } } })
    try {
      const r = await m.submit(intake(), Actor.applicant("u1"))
      expect(r.events[0]!.at).toBe("2026-03-02T05:00:00.000Z")
      expect((await m.worklist("I1", Actor.officer("I1"))).items.map((s) => s.appealId)).toEqual([r.appealId])
      expect((await m.overdue({ districtCode: "D1" }, Actor.officer("C1"))).items).toEqual([])
      expect((await m.suggestLinks(intake(), Actor.applicant("u1"))).suggestions.map((s) => s.appealId)).toEqual([r.appealId])
      now = Date.parse("2026-04-02T05:00:00.000Z")
      expect((await m.overdue({ districtCode: "D1" }, Actor.officer("C1"))).items.map((s) => s.appealId)).toEqual([r.appealId])
      expect((await m.escalateOverdue({ districtCode: "D1" }, Actor.system("deadline-timer"))).escalated.map((e) => e.appealId)).toEqual([r.appealId])
      // A month on, the earlier appeal's term ran out unanswered: the same matter again is a repeated appeal (ZRU-445).
      expect((await m.suggestLinks(intake(), Actor.applicant("u1"))).suggestions.map((s) => [s.appealId, s.label])).toEqual([[r.appealId, "repeated"]])
    } finally {
      await m.dispose()
    }
  })

  it("resolves with data and rejects with the same tagged errors", async () => {
    const m = Facade.make({ directory })
    try {
      const r = await m.submit(intake(), Actor.applicant("u1"))
      expect(r.state.status).toBe("registered")
      await expect(m.execute({ type: "answer", appealId: r.appealId } as never, Actor.applicant("u1"))).rejects.toMatchObject({ _tag: "InvalidInput" })
      await expect(m.execute({ type: "withdraw", appealId: r.appealId }, Actor.applicant("u2"))).rejects.toBeInstanceOf(Errors.AppealNotFound)
      await expect(m.officerActor("NOPE")).rejects.toMatchObject({ _tag: "OfficerNotFound" })
      const w = await m.execute({ type: "withdraw", appealId: r.appealId }, Actor.applicant("u1"))
      expect(w.state.status).toBe("withdrawn")
      expect((await m.history(r.appealId, Actor.applicant("u1"))).map((e) => e.type)).toEqual(["received", "registered", "withdrawn"])
    } finally {
      await m.dispose()
    }
  })
})

describe("the deadline timer and worklists", () => {
  it.effect("orders an officer's worklist by due time, lists the overdue, and escalates each once per breach", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const first = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      yield* at("2026-03-03T05:00:00.000Z")
      const second = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const i = yield* inspector
      yield* AppealService.execute({ type: "startReview", appealId: first.appealId }, i)
      yield* AppealService.execute({ type: "startReview", appealId: second.appealId }, i)
      const worklist = yield* Worklist.Worklist
      const mine = yield* worklist.worklist("I1")
      expect(mine.items.map((s) => s.appealId)).toEqual([first.appealId, second.appealId])
      // A month later both consideration terms (15 days) have passed.
      yield* at("2026-04-02T05:00:00.000Z")
      const overdue = yield* worklist.overdue({ districtCode: "D1" }, "2026-04-02T05:00:00.000Z")
      expect(overdue.items.length).toBe(2)
      const run = yield* AppealService.escalateOverdue({ districtCode: "D1" }, Actor.system("deadline-timer"))
      expect(run).toMatchObject({ checked: 2, failed: [] })
      expect(run.escalated.map((e) => e.appealId).sort()).toEqual([first.appealId, second.appealId].sort())
      expect(run.escalated[0]!.reason).toContain("consideration")
      const again = yield* AppealService.escalateOverdue({ districtCode: "D1" }, Actor.system("deadline-timer"))
      expect(again.escalated).toEqual([])
      const state = (yield* AppealService.get(first.appealId, Actor.auditor("AUD"))).state
      expect(state.escalated).toBe(true)
      // Another district sees nothing.
      expect((yield* worklist.overdue({ districtCode: "D2" }, "2026-04-02T05:00:00.000Z")).items).toEqual([])
    }).pipe(Effect.provide(layer))
  )

  it.effect("pages follow due order without gaps or repeats", () =>
    Effect.gen(function* () {
      for (let k = 0; k < 7; k++) {
        yield* at(`2026-03-0${k + 2}T05:00:00.000Z`)
        yield* AppealService.submit(intake(), Actor.applicant("u1"))
      }
      const worklist = yield* Worklist.Worklist
      const all = yield* worklist.worklist("I1", { limit: 100 })
      const seen: Array<string> = []
      let after: Worklist.DueCursor | undefined
      do {
        const page = yield* worklist.worklist("I1", { after, limit: 3 })
        seen.push(...page.items.map((s) => s.appealId))
        after = page.next
      } while (after !== undefined)
      expect(seen).toEqual(all.items.map((s) => s.appealId))
      expect(seen.length).toBe(7)
    }).pipe(Effect.provide(layer))
  )
})

describe("link suggestions before submission", () => {
  it.effect("the applicant sees his own similar appeal; of his neighbours' only how many there are; an officer sees both", () =>
    Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const own = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      const neighbour = yield* AppealService.submit(intake({ applicant: { type: "individual", surname: "Aliyev", name: "Bobur", residence: "Bodomzor 5", contact: {}, consent: { given: true, form: "electronic" } } }), Actor.applicant("u2"))
      yield* AppealService.submit(intake({ text: { body: "Koʻchadagi chiroqlar yonmayapti" } }), Actor.applicant("u2"))
      // The same applicant re-sends it in the other script the same morning: a duplicate.
      yield* at("2026-03-02T09:00:00.000Z")
      const again = intake({ text: { body: "Қўшним ҳар кеча шовқин қилади, ухлай олмаймиз" } })
      const forCitizen = yield* AppealService.suggestLinks(again, Actor.applicant("u1"))
      expect(forCitizen.suggestions.map((s) => [s.appealId, s.kind, s.label, s.reasons])).toEqual([[own.appealId, "duplicateOf", "duplicate", ["sameApplicant", "samePlace"]]])
      expect(forCitizen.similarElsewhere).toBe(1)
      const forOfficer = yield* Effect.flatMap(AppealService.officerActor("S1"), (s1) => AppealService.suggestLinks(again, s1))
      expect(forOfficer.suggestions.map((s) => s.appealId).sort()).toEqual([own.appealId, neighbour.appealId].sort())
      expect(forOfficer.similarElsewhere).toBe(0)
    }).pipe(Effect.provide(layer))
  )
})

describe("the service's counting settings", () => {
  it.effect("govern the term rules as well as the due times (an extension is judged on the same calendar)", () => {
    // Counted in working days, the 15-day term of an ariza received Monday 2 March 2026 runs past
    // Thursday 19 March (a calendar-day count ends on 17 March); so an extension on 19 March is
    // within the term only if the rules count the way the service is configured.
    const workingDays = AppealService.layerMemory(
      directory,
      {
        deadlines: { settings: Deadline.Settings.make({ ...Deadline.defaultSettings, considerationUnit: "workingDays" }) },
        pipeline: {
          triage: () => ({ category: "publicOrder", priority: "normal", flags: [], confidence: 0.9, needsPerson: false, ruleIds: [] }),
          assign: () => ({ officerId: "I1", ruleIds: [] })
        }
      }
    )
    return Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const r = yield* AppealService.submit(intake({ kind: "ariza" }), Actor.applicant("u1"))
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, Actor.officer("I1"))
      yield* at("2026-03-19T05:00:00.000Z")
      const extended = yield* AppealService.execute(
        { type: "extendDeadline", appealId: r.appealId, reason: "Expert opinion needed", applicantNotice: { channel: "post", reference: "OUT-1" } },
        Actor.officer("C1")
      )
      expect(extended.state.extended).toBe(true)
    }).pipe(Effect.provide(workingDays))
  })
})

describe("one resolution per request", () => {
  it.effect("a submit and a command each ask the CalendarStore once, however many steps they take", () => {
    let reads = 0
    const counting = Layer.effect(
      CalendarStore.CalendarStore,
      Effect.map(CalendarStore.CalendarStore, (s) => ({ ...s, current: Effect.zipLeft(s.current, Effect.sync(() => reads++)) }))
    ).pipe(Layer.provideMerge(memoryPorts(directory)))
    return Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      // Receipt, registration, triage, assignment and the due time: five steps, one read.
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      expect(r.events.length).toBe(4)
      expect(reads).toBe(1)
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, Actor.officer("I1"))
      expect(reads).toBe(2)
    }).pipe(Effect.provide(serviceOver(counting, pipeline)))
  })
})

describe("the rules pipeline", () => {
  it.effect("decides that an appeal needs a person before reading any workload", () => {
    let queries = 0
    const counting = Layer.effect(
      AppealStore.AppealStore,
      Effect.map(AppealStore.AppealStore, (s) => ({ ...s, query: (q: AppealStore.Query) => Effect.zipLeft(s.query(q), Effect.sync(() => queries++)) }))
    ).pipe(Layer.provideMerge(memoryPorts(directory)))
    const unsure = {
      pipeline: {
        ...AppealService.rulesPipeline(),
        triage: () => ({ category: "other", priority: "normal", flags: [], confidence: 0.2, needsPerson: true, ruleIds: [] })
      }
    } satisfies Parameters<typeof AppealService.layerConfig>[0]
    return Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const r = yield* AppealService.submit(intake(), Actor.applicant("u1"))
      expect(r.state.status).toBe("triaged")
      expect(queries).toBe(0)
    }).pipe(Effect.provide(serviceOver(counting, unsure)))
  })
})

describe("the calendar in force", () => {
  const year2027: Calendar.Year = {
    year: 2027,
    source: "Decree for 2027 (test data)",
    entries: [{ date: "2027-03-10", kind: "holiday", weeks: ["fiveDay", "sixDay"], name: "Ramazon hayiti (test)", source: "test" }]
  }

  it.effect("a decree loaded into the CalendarStore counts from the next request on", () => {
    const dueAts: Array<string | null | undefined> = []
    const spying = Layer.effect(
      AppealStore.AppealStore,
      Effect.map(AppealStore.AppealStore, (s) => ({ ...s, commit: (c: AppealStore.Commit) => Effect.zipRight(Effect.sync(() => dueAts.push(c.streams[0]?.dueAt)), s.commit(c)) }))
    ).pipe(Layer.provideMerge(memoryPorts(directory)))
    return Effect.gen(function* () {
      // Received Tue 9 Mar 2027 at 19:00 Tashkent, after hours, and not registered: registration is
      // due the next working day, Wed 10 Mar, until the 2027 decree makes it a holiday.
      yield* at("2027-03-09T14:00:00.000Z")
      yield* AppealService.submit(intake(), Actor.applicant("u1"))
      yield* Effect.flatMap(CalendarStore.CalendarStore, (c) => c.addYears([year2027]))
      yield* AppealService.submit(intake(), Actor.applicant("u1"))
      expect(dueAts.map((d) => d?.slice(0, 10))).toEqual(["2027-03-10", "2027-03-11"])
    }).pipe(Effect.provide(serviceOver(spying, { pipeline: { registerOnReceipt: false } })))
  })
})

describe("due times from the state", () => {
  // The in-memory store, counting the reads of an appeal's history and keeping each commit's due time.
  const counted = () => {
    const seen = { historyReads: 0, dueAts: [] as Array<string | null | undefined> }
    const store = Layer.effect(
      AppealStore.AppealStore,
      Effect.map(AppealStore.AppealStore, (s) => ({
        ...s,
        events: (id: string, from?: number) => Effect.zipLeft(s.events(id, from), Effect.sync(() => seen.historyReads++)),
        commit: (c: AppealStore.Commit) => Effect.zipRight(Effect.sync(() => seen.dueAts.push(c.streams[0]?.dueAt)), s.commit(c))
      }))
    ).pipe(Layer.provideMerge(memoryPorts(directory)))
    return { seen, store }
  }
  const pausing = Deadline.Settings.make({ ...Deadline.defaultSettings, pauseWhileAwaitingApplicant: true })
  const history = (appealId: string) => Effect.flatMap(AppealStore.AppealStore, (s) => s.events(appealId))

  it.effect("no commit reads the appeal's history: submit, commands, a dispute and the deadline timer", () => {
    const { seen, store } = counted()
    return Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const r = yield* AppealService.submit(intake({ kind: "ariza" }), Actor.applicant("u1"))
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, Actor.officer("I1"))
      yield* AppealService.execute({ type: "requestInformation", appealId: r.appealId, request: "Send the documents" }, Actor.officer("I1"))
      yield* at("2026-03-06T05:00:00.000Z")
      yield* AppealService.execute({ type: "provideInformation", appealId: r.appealId, note: "Sent" }, Actor.applicant("u1"))
      yield* at("2026-05-20T05:00:00.000Z")
      const timer = yield* AppealService.escalateOverdue({ districtCode: "D1" }, Actor.system("deadline-timer"))
      expect(timer.escalated.map((e) => e.appealId)).toEqual([r.appealId])
      yield* AppealService.execute(
        { type: "answer", appealId: r.appealId, outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" },
        Actor.officer("I1")
      )
      yield* AppealService.dispute(r.appealId, "I disagree", Actor.applicant("u1"))
      expect(seen.historyReads).toBe(0)
      expect(seen.dueAts.length).toBe(7)
    }).pipe(Effect.provide(serviceOver(store, pipeline)))
  })

  it.effect("a term change recorded while awaiting the applicant counts as the law says then: the commit's due time is the history's", () => {
    const { seen, store } = counted()
    return Effect.gen(function* () {
      // An ariza received Mon 2 Mar 2026: its 15 days end Tue 17 Mar. Six days awaiting the
      // applicant (pauses count, by this setting) move the end to Mon 23 Mar; awaited again from
      // Sat 21 Mar, four more days by Wed 25 Mar: the head may still extend then, and only with both
      // periods counted as they stood when he did.
      yield* at("2026-03-02T05:00:00.000Z")
      const r = yield* AppealService.submit(intake({ kind: "ariza" }), Actor.applicant("u1"))
      const i = Actor.officer("I1")
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, i)
      yield* AppealService.execute({ type: "requestInformation", appealId: r.appealId, request: "Send the documents" }, i)
      yield* at("2026-03-08T05:00:00.000Z")
      yield* AppealService.execute({ type: "provideInformation", appealId: r.appealId, note: "Sent" }, Actor.applicant("u1"))
      yield* at("2026-03-21T05:00:00.000Z")
      yield* AppealService.execute({ type: "requestInformation", appealId: r.appealId, request: "One more document" }, i)
      yield* at("2026-03-25T05:00:00.000Z")
      const extended = yield* AppealService.execute(
        { type: "extendDeadline", appealId: r.appealId, reason: "Expert opinion needed", applicantNotice: { channel: "post", reference: "OUT-1" } },
        Actor.officer("C1")
      )
      const now = "2026-03-25T05:00:00.000Z"
      const consideration = Either.getOrThrow(Deadline.statusOf(extended.state, now, { settings: pausing })).clocks.find((c) => c.clock === "consideration")
      expect(consideration?.ruleId).toBe("consideration.extension")
      const events = yield* history(r.appealId)
      expect(seen.dueAts.at(-1)).toBe(Either.getOrThrow(AppealService.dueTime(events, now, { settings: pausing })))
      expect(extended.state.clockFacts?.termChanges).toEqual([{ change: "extension", at: "2026-03-25T05:00:00.000Z", pausesEnded: 1, awaitingSince: "2026-03-21T05:00:00.000Z" }])
    }).pipe(Effect.provide(serviceOver(store, { ...pipeline, deadlines: { settings: pausing } })))
  })

  it.effect("an appeal stored before the clock facts existed gets them from its events once, and verifies before and after", () => {
    const { seen, store } = counted()
    return Effect.gen(function* () {
      yield* at("2026-03-02T05:00:00.000Z")
      const r = yield* AppealService.submit(intake({ kind: "ariza" }), Actor.applicant("u1"))
      yield* AppealService.execute({ type: "startReview", appealId: r.appealId }, Actor.officer("I1"))
      // The projection as an older version stored it: without clock facts.
      const s = yield* AppealStore.AppealStore
      const stored = Option.getOrThrow(yield* s.load(r.appealId))
      const { clockFacts: _, ...old } = stored
      yield* s.commit({ streams: [{ appealId: r.appealId, expectedVersion: stored.version, events: [], state: old }], outbox: [] })
      expect(yield* AppealService.verify(r.appealId, Actor.auditor("AUD"))).toMatchObject({ ok: true, projectionMatches: true })
      const reads = seen.historyReads
      yield* at("2026-03-03T05:00:00.000Z")
      const next = yield* AppealService.execute({ type: "requestInformation", appealId: r.appealId, request: "Send the documents" }, Actor.officer("I1"))
      expect(seen.historyReads - reads).toBe(1)
      expect(next.state.clockFacts).toEqual(Lifecycle.replay(r.appealId, yield* history(r.appealId)).clockFacts)
      expect(seen.dueAts.at(-1)).toBe(Either.getOrThrow(AppealService.dueTime(yield* history(r.appealId), "2026-03-03T05:00:00.000Z")))
      expect(yield* AppealService.verify(r.appealId, Actor.auditor("AUD"))).toMatchObject({ ok: true, projectionMatches: true })
      // Stored with them now: the next command reads no history.
      const before = seen.historyReads
      yield* AppealService.execute({ type: "provideInformation", appealId: r.appealId, note: "Sent" }, Actor.applicant("u1"))
      expect(seen.historyReads).toBe(before)
    }).pipe(Effect.provide(serviceOver(store, pipeline)))
  })
})

describe("building the service", () => {
  it("a service built with its configuration over ports that already carry a service is its own instance", async () => {
    // The ports of layerMemory (or layerPg) come with a service of the default configuration; the
    // facade's, built over them with the pipeline, must be the one that answers.
    const m = Facade.make({ layer: AppealService.layerMemory(directory), config: pipeline, now: () => Date.parse("2026-03-20T05:00:00.000Z") })
    const r = await m.submit(intake(), Actor.applicant("u1"))
    expect(r.state.status).toBe("assigned")
    const plain = await m.run(Effect.flatMap(AppealService.AppealService, (s) => s.get(r.appealId, Actor.auditor("AUD"))))
    expect(plain.state.assigneeId).toBe("I1")
    await m.dispose()
  })
})
