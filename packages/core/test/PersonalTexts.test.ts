// Free text written by people is personal data (design.md, "The trust boundary"): it lives in the
// personal-data record, the event keeps its digest, and erasure removes every copy (events, outbox,
// idempotency records, projections, the repeated appeals a dispute copies). The field list below is
// written from the brief and docs/security.md, not read from Event.textFields.
import { fc, test } from "@fast-check/vitest"
import {
  Actor,
  AppealMachine,
  AppealMachineGraph,
  AppealService,
  AppealState,
  AppealStore,
  Audit,
  CalendarStore,
  type Command,
  DirectoryStore,
  type Event,
  IdGenerator
} from "@murojaat/core"
import { Effect, Either, Layer, Option, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import { serviceOver } from "./support/service.js"
import { buildCommand, directory, type IntakeSeed, rightActorFor, type Step } from "./support/world.js"

// Command type -> its free-text fields -> the event type that records them.
const personal: ReadonlyArray<{ readonly command: Command.Type; readonly fields: ReadonlyArray<string>; readonly event: Event.Type }> = [
  { command: "leaveWithoutConsideration", fields: ["conclusion"], event: "leftWithoutConsideration" },
  { command: "correctTriage", fields: ["reason"], event: "triageCorrected" },
  { command: "reassign", fields: ["reason"], event: "reassigned" },
  { command: "unassign", fields: ["reason"], event: "unassigned" },
  { command: "declareExtraStudy", fields: ["reason"], event: "extraStudyDeclared" },
  { command: "requestInformation", fields: ["request"], event: "informationRequested" },
  { command: "provideInformation", fields: ["note"], event: "informationProvided" },
  { command: "extendDeadline", fields: ["reason"], event: "deadlineExtended" },
  { command: "escalate", fields: ["reason"], event: "escalated" },
  { command: "refuseProtectionOrder", fields: ["reason"], event: "protectionOrderRefused" },
  { command: "answer", fields: ["answerText", "legalBasis"], event: "answered" },
  { command: "rate", fields: ["comment"], event: "rated" },
  { command: "dispute", fields: ["reason"], event: "disputed" },
  { command: "mergeInto", fields: ["reason"], event: "mergedAsDuplicate" },
  { command: "withdraw", fields: ["reason"], event: "withdrawn" }
]
const fieldsOf = (type: Command.Type) => personal.find((p) => p.command === type)?.fields ?? []

const START = Date.parse("2026-03-02T05:00:00.000Z")
const world = () =>
  serviceOver(Layer.mergeAll(AppealStore.layerMemoryInspectable(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(directory), CalendarStore.layerMemory()))
type World = Layer.Layer.Success<ReturnType<typeof world>>
const run = <A, E>(program: Effect.Effect<A, E, World>): Promise<A> =>
  Effect.runPromise(Effect.zipRight(TestClock.setTime(START), program).pipe(Effect.provide(world()), Effect.provide(TestContext.TestContext)))

const intake = (surname: string, name: string, body: string, applicantRef: string) => ({
  kind: "shikoyat",
  form: "electronic",
  channel: "smartMahallaApp",
  applicant: { type: "individual", surname, name, residence: "Bodomzor 3", contact: {}, consent: { given: true, form: "electronic" } },
  applicantRef,
  location: { regionCode: "R1", districtCode: "D1", mahallaCode: "M1" },
  text: { body }
})
const seed = { location: { mahallaCode: "M1" }, applicantRef: "u1" } as unknown as IntakeSeed
const params = (target: string): Step["p"] => ({
  officer: "I1",
  approver: "C1",
  ground: "otherRequirements",
  category: "familyConflict",
  priority: "high",
  flags: ["domesticViolence"],
  outcome: "explained",
  score: 4,
  target
})

const chief = Actor.fromOfficer(directory.officers.find((o) => o.id === "C1")!)
const load = (appealId: string) => Effect.flatMap(AppealStore.AppealStore, (s) => Effect.map(s.load(appealId), Option.getOrThrow))

// One command on the appeal, by an actor likely to be allowed, with `texts` in its free-text fields.
const act = (appealId: string, type: Command.Type, texts: Readonly<Record<string, string>>, target: string, key: string) =>
  Effect.gen(function* () {
    const state = yield* load(appealId)
    // The district's chief where the system may not act.
    const likely = rightActorFor(type, state, seed)
    const actor = likely._tag === "system" && !AppealMachine.grants[type].who.includes("system") ? chief : likely
    if (type === "dispute") return yield* Effect.either(AppealService.dispute(appealId, texts["reason"] ?? "I disagree", actor, { idempotencyKey: key }))
    const now = new Date(yield* TestClock.currentTimeMillis).toISOString()
    const { registrationNumber: _ignored, ...command } = buildCommand(type, appealId, params(target), seed, now) as Record<string, unknown>
    // A correction must change the triage, a reassignment the officer.
    const fit = type === "correctTriage" ? { category: "publicOrder" } : type === "reassign" ? { officerId: state.assigneeId === "W1" ? "I1" : "W1" } : {}
    return yield* Effect.either(AppealService.execute({ ...command, ...fit, ...texts }, actor, { idempotencyKey: key }))
  })

// A path of commands from a submitted (registered) appeal to a status where `type` is allowed.
const prefixTo = (type: Command.Type): ReadonlyArray<Command.Type> => {
  const from = AppealMachine.transitions().filter((t) => t.command === type).map((t) => t.from)
  const path = AppealMachineGraph.paths()
    .filter((p) => p.commands[1] === "register")
    .map((p) => ({ p, i: p.statuses.findIndex((s, k) => k >= 2 && from.includes(s)) }))
    .filter((x) => x.i >= 2)
    .sort((a, b) => a.i - b.i)[0]!
  return path.p.commands.slice(2, path.i)
}

const everything = Effect.map(AppealStore.MemoryInspector, (m) =>
  JSON.stringify(Object.entries(m).map(([k, v]) => [k, v instanceof Map ? [...v.entries()] : v]))
)

describe("free texts are personal data", () => {
  it.each(personal.flatMap((p) => p.fields.map((f) => [`${p.command}.${f}`, p, f] as const)))(
    "%s: the event keeps the digest, the text is in the personal-data record only",
    async (_name, row, field) => {
      const marker = `Matn ${field} Qodirov Anvarjon 901234567`
      const texts = Object.fromEntries(row.fields.map((f) => [f, f === field ? marker : `Boshqa matn ${f}`]))
      await run(
        Effect.gen(function* () {
          const target = yield* AppealService.submit(intake("Aliyev", "Bobur", "Boshqa murojaat", "u2"), Actor.system("portal"))
          const r = yield* AppealService.submit(intake("Karimova", "Dilnoza", "Shovqin", "u1"), Actor.system("portal"))
          for (const [i, type] of prefixTo(row.command).entries()) {
            const step = yield* act(r.appealId, type, {}, target.appealId, `prefix-${i}`)
            if (Either.isLeft(step)) throw new Error(`${type}: ${step.left._tag}`)
          }
          const done = yield* act(r.appealId, row.command, texts, target.appealId, "the-command")
          if (Either.isLeft(done)) throw new Error(`${row.command}: ${JSON.stringify(done.left)}`)
          const event = done.right.events.find((e) => e.type === row.event)!
          // The digest of exactly the texts written, and none of them in the event's data.
          expect((event.data as { textDigest?: string }).textDigest).toBe(Audit.digest(texts))
          for (const f of row.fields) expect(Object.keys(event.data)).not.toContain(f)
          const store = yield* AppealStore.AppealStore
          expect(yield* store.texts(r.appealId)).toContainEqual({ seq: event.seq, texts })
          // Nothing of it in the events, the outbox, the idempotency record or the projection.
          const m = yield* AppealStore.MemoryInspector
          const stored = JSON.stringify([m.events.get(r.appealId), [...m.outbox.values()], m.idempotency.get("the-command"), m.states.get(r.appealId)])
          expect(stored).not.toContain(marker)
          expect(stored).not.toContain("Qodirov")
          // Readers who may see personal data read it; others read it masked.
          const officer = yield* AppealService.get(r.appealId, chief)
          expect(officer.texts.find((t) => t.seq === event.seq)?.texts[field]).toBe(marker)
          const auditor = yield* AppealService.get(r.appealId, Actor.auditor("AUD"))
          expect(auditor.texts.find((t) => t.seq === event.seq)?.texts[field]).not.toContain("901234567")
          expect(auditor.texts.find((t) => t.seq === event.seq)?.texts[field]).toMatch(/^Matn /)
          // Erased with the personal data; the chain still verifies.
          yield* AppealService.erasePersonal(r.appealId, Actor.system("retention"))
          expect(yield* store.texts(r.appealId)).toEqual([])
          expect(yield* everything).not.toContain(marker)
          expect(Audit.verifyChain(yield* store.events(r.appealId)).ok).toBe(true)
        })
      )
    }
  )

  it("a dispute's repeated appeal copies the applicant; erasing the original erases the copy too", async () => {
    await run(
      Effect.gen(function* () {
        const target = yield* AppealService.submit(intake("Aliyev", "Bobur", "Boshqa", "u2"), Actor.system("portal"))
        const r = yield* AppealService.submit(intake("Yoʻldosheva", "Gulnora", "Shovqin kechasi", "u1"), Actor.system("portal"))
        for (const [i, type] of prefixTo("dispute").entries()) yield* act(r.appealId, type, {}, target.appealId, `p-${i}`)
        const disputed = yield* act(r.appealId, "dispute", { reason: "Javob notoʻgʻri, Rustamov yolgʻon gapirdi" }, target.appealId, "d")
        if (Either.isLeft(disputed)) throw new Error(disputed.left._tag)
        const repeatId = disputed.right.state.disputedBy[0]!
        const store = yield* AppealStore.AppealStore
        expect(Option.getOrThrow(yield* store.personal(repeatId)).applicant).toMatchObject({ surname: "Yoʻldosheva" })
        expect(yield* everything).toContain("Yoʻldosheva")
        const erased = yield* AppealService.erasePersonal(r.appealId, Actor.system("retention"))
        expect(erased).toEqual({ appealIds: [r.appealId, repeatId], removed: [r.appealId, repeatId] })
        const left = yield* everything
        for (const s of ["Yoʻldosheva", "Gulnora", "Shovqin kechasi", "Rustamov"]) expect(left).not.toContain(s)
        expect(Option.isNone(yield* store.personal(repeatId))).toBe(true)
        for (const id of [r.appealId, repeatId]) expect(Audit.verifyChain(yield* store.events(id)).ok).toBe(true)
        // The other person's appeal is untouched.
        expect(Option.isSome(yield* store.personal(target.appealId))).toBe(true)
      })
    )
  })

  it("erasure: the system and the district's chief may; an auditor may not; a reader from elsewhere learns nothing", async () => {
    await run(
      Effect.gen(function* () {
        const r = yield* AppealService.submit(intake("Karimova", "Dilnoza", "Shovqin", "u1"), Actor.system("portal"))
        const refused = (actor: Actor.Actor) => Effect.map(Effect.flip(AppealService.erasePersonal(r.appealId, actor)), (e) => e._tag)
        const officer = (id: string) => Actor.fromOfficer(directory.officers.find((o) => o.id === id)!)
        expect(yield* refused(Actor.auditor("AUD"))).toBe("NotAuthorized")
        expect(yield* refused(officer("I1"))).toBe("NotAuthorized")
        expect(yield* refused(Actor.applicant("u1"))).toBe("NotAuthorized")
        expect(yield* refused(officer("C2"))).toBe("AppealNotFound")
        expect(yield* refused(Actor.applicant("u2"))).toBe("AppealNotFound")
        expect(Option.isSome(yield* Effect.flatMap(AppealStore.AppealStore, (s) => s.personal(r.appealId)))).toBe(true)
        expect((yield* AppealService.erasePersonal(r.appealId, officer("C1"))).removed).toEqual([r.appealId])
        expect((yield* AppealService.erasePersonal(r.appealId, Actor.system("retention"))).removed).toEqual([])
      })
    )
  })

  const ending: ReadonlySet<Command.Type> = new Set(["leaveWithoutConsideration", "withdraw", "mergeInto", "forward", "handToCriminalProcedure"])
  // Words no generated command would produce by itself, so that finding one means it was kept.
  const word = fc.stringMatching(/^[A-Za-z]{6,12}$/).map((w) => `Zq${w}`)
  const freeText = fc.tuple(word, fc.stringMatching(/^[a-z ʻʼ.,0-9]{0,30}$/), word).map(([a, b, c]) => `${a} ${b} ${c}`)
  const stepArb = fc.record({
    typeIndex: fc.nat(),
    minutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 60 * 24 * 20 })),
    texts: fc.array(freeText, { minLength: 2, maxLength: 2 })
  })

  test.prop([word, word, freeText, fc.array(stepArb, { minLength: 8, maxLength: 30 })], { numRuns: 40 })(
    "random runs with random texts: after erasure no text and no name is stored anywhere; chains verify before and after",
    async (surname, name, body, steps) => {
      await run(
        Effect.gen(function* () {
          const written: Array<string> = [surname, name, body]
          const kept: Array<string> = []
          const target = yield* AppealService.submit(intake("Aliyev", "Bobur", "Boshqa", "u2"), Actor.system("portal"))
          const r = yield* AppealService.submit(intake(surname, name, body, "u1"), Actor.system("portal"))
          for (const [i, s] of steps.entries()) {
            yield* TestClock.adjust(s.minutes * 60_000)
            const state = yield* load(r.appealId)
            const allowed = AppealMachine.transitions().filter((t) => t.from === state.status && t.command !== "receive" && t.command !== "register").map((t) => t.command)
            // Ending commands one time in ten, so that runs reach answers, ratings and disputes.
            const going = allowed.filter((t) => !ending.has(t))
            const pool = s.typeIndex % 10 === 0 || going.length === 0 ? allowed : going
            if (pool.length === 0) break
            const type = pool[Math.floor(s.typeIndex / 10) % pool.length]!
            const texts = Object.fromEntries(fieldsOf(type).map((f, j) => [f, s.texts[j]!]))
            written.push(...Object.values(texts))
            const done = yield* act(r.appealId, type, texts, target.appealId, `k-${i}`)
            if (Either.isLeft(done)) expect(done.left._tag).not.toBe("StoreError")
            else kept.push(...Object.values(texts))
          }
          const store = yield* AppealStore.AppealStore
          const ids = [r.appealId, ...(yield* load(r.appealId)).disputedBy]
          // Before: every event with a text digest has its texts, matching the digest.
          for (const id of ids) {
            const events = yield* store.events(id)
            const state = yield* load(id)
            expect(Audit.verifyChain(events, { seq: state.version, hash: state.lastHash }).ok).toBe(true)
            const texts = yield* store.texts(id)
            for (const e of events) {
              const digest = (e.data as { textDigest?: string }).textDigest
              if (digest !== undefined) expect(Audit.digest(texts.find((t) => t.seq === e.seq)?.texts)).toBe(digest)
            }
          }
          // The search finds what is there: the name and every text a recorded command carried.
          const before = yield* everything
          for (const w of [surname, name, body, ...kept]) expect(before).toContain(w)
          yield* AppealService.erasePersonal(r.appealId, Actor.system("retention"))
          const left = yield* everything
          for (const w of written) expect(left).not.toContain(w)
          for (const id of ids) {
            const state: AppealState.AppealState = yield* load(id)
            expect(Audit.verifyChain(yield* store.events(id), { seq: state.version, hash: state.lastHash }).ok).toBe(true)
          }
        })
      )
    }
  )
})
