// Lists for officers and areas: every list takes an actor, checks his territory, and leaves out
// what he may not read.
import { Effect, Option, Schema } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import type { ActorError } from "../../AppealService.js"
import * as Decode from "../../Decode.js"
import * as Directory from "../../Directory.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import * as Errors from "../../Errors.js"
import * as Worklist from "../../Worklist.js"
import * as Trust from "../trust.js"
import { nowIso } from "./base.js"

export const Area = Schema.Union(Schema.Struct({ districtCode: Directory.DistrictCode }), Schema.Struct({ mahallaCode: Directory.MahallaCode }))
export const DueCursor = Schema.Struct({ dueAt: Schema.NullOr(Directory.Instant), appealId: Appeal.AppealId })
export const PageRequest = Schema.Struct({
  after: Schema.optional(Schema.UndefinedOr(DueCursor)),
  limit: Schema.optional(Schema.UndefinedOr(Schema.Int.pipe(Schema.between(1, 1000))))
})
export const decodeArea = Decode.unknown(Area, "area")
export const decodePage = (page: unknown) => Decode.unknown(PageRequest, "page")(page ?? {})

// An area list for an actor whose roles cover the area; items he may not read are left out.
export const areaList = (
  area: unknown,
  actor: Actor.Subject,
  action: string,
  page: unknown,
  list: (w: Worklist.Service, area: Worklist.Area, now: string, page: Worklist.PageRequest) => Effect.Effect<Worklist.DuePage, Errors.StoreError>
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  Effect.gen(function* () {
    const where = yield* decodeArea(area)
    const request = yield* decodePage(page)
    const who = yield* Trust.resolveActor(actor, action)
    const directory = yield* Effect.flatMap(DirectoryStore, (d) => d.snapshot)
    const covered = Trust.coversArea(directory, who, where)
    if (!covered.ok) return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(who), command: action, reason: covered.reason }))
    const now = yield* nowIso
    const result = yield* Effect.flatMap(Worklist.Worklist, (w) => list(w, where, now, request))
    return { items: Trust.readable(who, result.items), next: result.next }
  })

export const worklist = (
  officerId: string,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  Effect.gen(function* () {
    const id = yield* Decode.unknown(Directory.OfficerId, "officerId")(officerId)
    const request = yield* decodePage(page)
    const who = yield* Trust.resolveActor(actor, "worklist")
    const officer = yield* Effect.flatMap(DirectoryStore, (d) => d.officer(id))
    if (Option.isNone(officer)) return yield* Effect.fail(new Errors.OfficerNotFound({ officerId: id }))
    if (!Trust.seesWorklistOf(who, officer.value)) {
      return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(who), command: "worklist", reason: "outsideJurisdiction" }))
    }
    const result = yield* Effect.flatMap(Worklist.Worklist, (w) => w.worklist(id, request))
    return { items: Trust.readable(who, result.items), next: result.next }
  })

export const overdue = (
  area: Worklist.Area,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  areaList(area, actor, "overdue", page, (w, a, now, p) => w.overdue(a, now, p))

export const soonDue = (
  area: Worklist.Area,
  until: string,
  actor: Actor.Subject,
  page?: Worklist.PageRequest
): Effect.Effect<Worklist.DuePage, ActorError, Worklist.Worklist | DirectoryStore> =>
  Effect.flatMap(Decode.unknown(Directory.Instant, "until")(until), (to) =>
    areaList(area, actor, "soonDue", page, (w, a, now, p) => w.soonDue(a, now, to, p))
  )
