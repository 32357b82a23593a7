// `RequestOptions.expectedVersion` (HTTP If-Match): a command runs only on the version its caller
// decided on. The oracle is the version the appeal had, read before the command, not the code
// under test: the command succeeds exactly when the expected version equals it, and a refusal
// leaves the appeal as it was.
import { fc, test } from "@fast-check/vitest"
import { Actor, AppealService, Sample } from "@murojaat/core"
import { Effect, Either } from "effect"
import { describe, expect } from "vitest"

const citizen = Actor.applicant("user-1")
const withdraw = (appealId: string, options: AppealService.RequestOptions) =>
  Effect.either(AppealService.execute({ type: "withdraw", appealId }, citizen, options))

const inService = <A, E>(program: Effect.Effect<A, E, AppealService.AppealService>) =>
  Effect.runPromise(Effect.provide(program, AppealService.layerMemory(Sample.directory)))

describe("expectedVersion", () => {
  test.prop([fc.integer({ min: 0, max: 8 })])("runs a command exactly when the appeal is at the expected version", async (expected) =>
    inService(
      Effect.gen(function* () {
        const created = yield* AppealService.submit(Sample.intake, citizen)
        const before = yield* AppealService.get(created.appealId, citizen)
        const r = yield* withdraw(created.appealId, { expectedVersion: expected })
        const after = yield* AppealService.get(created.appealId, citizen)
        if (expected === before.state.version) {
          expect(Either.isRight(r)).toBe(true)
          expect(after.state.status).toBe("withdrawn")
        } else {
          expect(Either.isLeft(r) && r.left._tag === "VersionConflict" && r.left.actual === before.state.version && r.left.expected === expected).toBe(true)
          expect(after.state).toStrictEqual(before.state)
        }
      })
    ))

  test("two commands decided on the same version: exactly one commits", async () =>
    inService(
      Effect.gen(function* () {
        const created = yield* AppealService.submit(Sample.intake, citizen)
        const v = created.state.version
        const both = yield* Effect.all(
          [
            AppealService.execute({ type: "withdraw", appealId: created.appealId }, citizen, { expectedVersion: v }),
            AppealService.execute({ type: "withdraw", appealId: created.appealId }, citizen, { expectedVersion: v })
          ].map(Effect.either),
          { concurrency: "unbounded" }
        )
        expect(both.filter(Either.isRight)).toHaveLength(1)
        expect((yield* AppealService.history(created.appealId, citizen)).length).toBe(v + 1)
      })
    ))

  test("an idempotent retry after the commit gets its first answer, though the version moved", async () =>
    inService(
      Effect.gen(function* () {
        const created = yield* AppealService.submit(Sample.intake, citizen)
        const options = { expectedVersion: created.state.version, idempotencyKey: "withdraw-1" }
        const first = yield* AppealService.execute({ type: "withdraw", appealId: created.appealId }, citizen, options)
        const again = yield* AppealService.execute({ type: "withdraw", appealId: created.appealId }, citizen, options)
        expect(again).toStrictEqual(first)
      })
    ))

  test("is a whole number from 0", async () => {
    for (const expectedVersion of [-1, 1.5, Number.NaN]) {
      const r = await inService(withdraw("A-1", { expectedVersion }))
      expect(Either.isLeft(r) && r.left._tag).toBe("InvalidInput")
    }
  })
})
