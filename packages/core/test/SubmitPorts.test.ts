// The service's `submit` is given its ports when the service is built (issue 12): it reads none
// from the caller's context, for every kind of actor (an officer is looked up in the directory
// the service was built with). Run in an empty context, any read of a port there would die.
import { Actor, AppealService, AppealStore, DirectoryStore, IdGenerator, Sample } from "@murojaat/core"
import { Effect, Either, Layer } from "effect"
import { describe, expect, it } from "vitest"

const ports = Layer.mergeAll(AppealStore.layerMemory(), IdGenerator.layerMemory(), DirectoryStore.layerMemory(Sample.directory))
const service = () => Effect.runSync(Effect.provide(AppealService.make, ports))
const officer = Sample.directory.officers.find((o) => o.active !== false)!

describe("AppealService.make's submit", () => {
  it("runs in an empty context for every kind of actor, with and without a key", () => {
    const s = service()
    const actors: ReadonlyArray<Actor.Subject> = [
      Actor.applicant("smart-mahalla:u-1"),
      Actor.system("portal"),
      Actor.officer(officer.id),
      Actor.officer("O-nobody")
    ]
    for (const [i, actor] of actors.entries()) {
      const r = Effect.runSync(Effect.either(s.submit(Sample.intake, actor, { idempotencyKey: `k-${i}` })))
      const again = Effect.runSync(Effect.either(s.submit(Sample.intake, actor, { idempotencyKey: `k-${i}` })))
      expect(JSON.stringify(again)).toBe(JSON.stringify(r))
      if (actor._tag === "officer" && actor.officerId === "O-nobody") expect(Either.isLeft(r) && r.left._tag).toBe("OfficerNotFound")
      else if (actor._tag !== "officer") expect(Either.isRight(r) && r.right.state.status).toBe("registered")
    }
  })

  it("refuses in an empty context what the module's submit refuses in a full one", () => {
    const s = service()
    const bad = [{ kind: "x" }, { ...Sample.intake, links: [{ kind: "repeatOf", appealId: "A-none" }] }]
    for (const input of bad) {
      const direct = Effect.runSync(Effect.either(s.submit(input, Actor.system("portal"))))
      const viaModule = Effect.runSync(Effect.either(Effect.provide(AppealService.submit(input, Actor.system("portal")), AppealService.layerMemory(Sample.directory))))
      expect(Either.isLeft(direct)).toBe(true)
      expect(JSON.stringify(direct)).toBe(JSON.stringify(viaModule))
    }
  })
})
