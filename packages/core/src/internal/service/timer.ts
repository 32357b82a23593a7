// The deadline timer: walks the overdue list and escalates each breach exactly once, deciding on
// the appeal's state at the version its commit expects.
import { Effect, Either, Option } from "effect"
import * as Actor from "../../Actor.js"
import * as Appeal from "../../Appeal.js"
import { AppealStore } from "../../AppealStore.js"
import { DirectoryStore } from "../../DirectoryStore.js"
import * as Errors from "../../Errors.js"
import * as Worklist from "../../Worklist.js"
import * as Trust from "../trust.js"
import { escalationOfState } from "../deadline/fromState.js"
import { config, nowIso, once, withClockFacts } from "./base.js"
import * as Commands from "./commands.js"
import { decodeArea } from "./worklists.js"

// One appeal's escalation, decided from its state (the clock facts its events gathered; no
// history is read) and committed through the typed command path at the version it was decided on:
// a retry after `VersionConflict` reads again and decides again, so a breach another instance
// escalated meanwhile is not escalated twice.
export const escalateOne = (appealId: string, now: string) =>
  Effect.gen(function* () {
    const { deadlines } = yield* config
    const stored = yield* Effect.flatMap(AppealStore, (s) => s.load(appealId))
    if (Option.isNone(stored)) return Option.none<string>()
    const state = yield* withClockFacts(stored.value)
    const due = escalationOfState(state, now, deadlines)
    if (due === undefined || Either.isLeft(due) || Option.isNone(due.right)) return Option.none<string>()
    const { reason } = due.right.value.command
    yield* Commands.run({ type: "escalate", appealId: appealId as Appeal.AppealId, reason }, timerActor, undefined, state.version)
    return Option.some(reason)
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
