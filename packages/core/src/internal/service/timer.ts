// The deadline timer: escalates each breach exactly once, deciding on the events at the version
// its commit expects.
import { Effect, Either, Option } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import { AppealStore } from "../../AppealStore.js"
import * as Command from "../../Command.js"
import * as Deadline from "../../Deadline.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import * as Errors from "../../Errors.js"
import * as Worklist from "../../Worklist.js"
import * as Trust from "../trust.js"
import { config, nowIso, once } from "./base.js"
import * as Commands from "./commands.js"
import { decodeArea } from "./worklists.js"

// One appeal's escalation, decided from the events at the version the commit expects: a retry after
// `VersionConflict` reads again and decides again, so a breach another instance escalated meanwhile
// is not escalated twice.
export const escalateOne = (appealId: string, now: string) =>
  Effect.gen(function* () {
    const { deadlines } = yield* config
    const store = yield* AppealStore
    const state = yield* store.load(appealId)
    if (Option.isNone(state)) return Option.none<string>()
    const events = yield* store.events(appealId)
    // Read between two commits: decide again on a consistent read.
    if (events.length !== state.value.version) {
      return yield* Effect.fail(new Errors.VersionConflict({ appealId, expected: state.value.version, actual: events.length }))
    }
    const due = Deadline.escalation(events, now, deadlines)
    if (Either.isLeft(due) || Option.isNone(due.right)) return Option.none<string>()
    const command: Command.Input = { ...due.right.value.command, appealId: appealId as Appeal.AppealId }
    yield* Commands.run(command, timerActor, undefined, state.value.version)
    return Option.some(due.right.value.command.reason)
  }).pipe(Effect.retry({ times: 5, while: (e) => e._tag === "VersionConflict" }))

// The timer acts as the system: its escalations are recorded as `deadline-timer`'s.
const timerActor = Actor.system("deadline-timer")

export const escalateOverdue = (area: Worklist.Area, actor: Actor.Subject) =>
  once(Effect.gen(function* () {
    const where = yield* decodeArea(area)
    const who = yield* Trust.resolveActor(actor, "escalateOverdue")
    const directory = yield* Effect.flatMap(DirectoryStore, (d) => d.snapshot)
    const covered = who._tag === "auditor" ? { ok: false as const, reason: "readOnly" as const } : Trust.coversArea(directory, who, where)
    if (!covered.ok) return yield* Effect.fail(new Errors.NotAuthorized({ actor: Actor.label(who), command: "escalateOverdue", reason: covered.reason }))
    const now = yield* nowIso
    const worklist = yield* Worklist.Worklist
    const escalated: Array<{ appealId: string; reason: string }> = []
    const failed: Array<{ appealId: string; code: string }> = []
    let checked = 0
    let after: Worklist.DueCursor | undefined
    do {
      const page = yield* worklist.overdue(where, now, { after, limit: 200 })
      for (const state of page.items) {
        checked++
        const r = yield* Effect.either(escalateOne(state.appealId, now))
        if (Either.isRight(r)) {
          if (Option.isSome(r.right)) escalated.push({ appealId: state.appealId, reason: r.right.value })
        } else if (r.left._tag === "StoreError") return yield* Effect.fail(r.left)
        else failed.push({ appealId: state.appealId, code: r.left._tag })
      }
      after = page.next
    } while (after !== undefined)
    return { checked, escalated, failed }
  }))
