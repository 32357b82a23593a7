/**
 * Deadlines from an appeal's state: where its clocks stand, its nearest due time and the
 * escalation it calls for, from the clock facts its typed events gathered (`AppealState.clockFacts`,
 * folded by `Lifecycle.evolve`), so a commit or the deadline timer reads no history. Each answers
 * as the same function over the appeal's events would (`status`, `escalation`); `undefined` when
 * the state has no clock facts (stored before they existed: rebuild them with `Lifecycle.replay`).
 */
import { Either, type Option } from "effect"
import type * as AppealState from "../../AppealState.js"
import type * as Deadline from "../../Deadline.js"
import type { InvalidInput } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { compute } from "./compute.js"
import { escalationOf } from "./escalation.js"
import { factsFromState } from "./events.js"
import { invalid, settingsOf } from "./settings.js"
import { type FirstOf, nearestRunningMs, nowOf, report } from "./status.js"

// The first event of each type, in order, up to now: what settles a clock. Each time is parsed
// once, when first asked for (a report asks once or twice per clock).
const firstOf = (clocks: AppealState.ClockFacts, nowMs: number): FirstOf => {
  let times: Array<number | undefined> | undefined
  return (types) => {
    const firsts = clocks.firsts
    for (let i = 0; i < firsts.length; i++) {
      const f = firsts[i]!
      if (!types.includes(f.type)) continue
      times ??= new Array<number | undefined>(firsts.length)
      let ms = times[i]
      if (ms === undefined) ms = times[i] = localTime.parseInstant(f.at)
      if (ms !== undefined && ms <= nowMs) return { type: f.type, ms }
    }
    return undefined
  }
}

/** Where each clock of the appeal stands at `now`, and the warnings due (as `Deadline.status`). */
export const statusOfState = (
  state: AppealState.AppealState,
  now: string,
  options?: Deadline.Options
): Either.Either<Deadline.Report, InvalidInput> | undefined => {
  const clocks = state.clockFacts
  if (clocks === undefined) return undefined
  return Either.flatMap(nowOf(now), (nowMs) => {
    const facts = factsFromState(state, settingsOf(options), { ...options, now })!
    return Either.map(
      Either.flatMap(facts, (f) => compute(f, { ...options, now })),
      (s) => report(s, nowMs, firstOf(clocks, nowMs), options)
    )
  })
}

// A clock that still runs (or waits for the applicant) has a due time ahead of the appeal.
const running: ReadonlySet<Deadline.ClockState> = new Set(["running", "dueSoon", "overdue", "paused"])

/** The nearest due time of the running clocks of a report, as an ISO instant in UTC; `null` when none runs. */
export const nearestDue = (r: Deadline.Report): string | null => {
  let nearest = Number.POSITIVE_INFINITY
  for (const c of r.clocks) if (running.has(c.state)) nearest = Math.min(nearest, Date.parse(c.dueAt))
  return Number.isFinite(nearest) ? new Date(nearest).toISOString() : null
}

/** The nearest due time of the appeal's running clocks at `now` (see `nearestDue`). */
export const dueAtOfState = (
  state: AppealState.AppealState,
  now: string,
  options?: Deadline.Options
): Either.Either<string | null, InvalidInput> | undefined => {
  // As `nearestDue` of `statusOfState`, without the report: the same schedule, the same clocks
  // settled by the same facts (`nearestRunningMs`), every commit asks for it.
  const clocks = state.clockFacts
  if (clocks === undefined) return undefined
  const o = { ...options, explain: false }
  return Either.flatMap(nowOf(now), (nowMs) => {
    const facts = factsFromState(state, settingsOf(o), { ...o, now })!
    return Either.map(
      Either.flatMap(facts, (f) => compute(f, { ...o, now })),
      (s) => {
        const nearest = nearestRunningMs(s, nowMs, firstOf(clocks, nowMs), o)
        return Number.isFinite(nearest) ? new Date(nearest).toISOString() : null
      }
    )
  })
}

/** The escalation the appeal's clocks call for at `now`, if any (as `Deadline.escalation`). */
export const escalationOfState = (
  state: AppealState.AppealState,
  now: string,
  options?: Deadline.Options
): Either.Either<Option.Option<Deadline.Escalation>, InvalidInput> | undefined => {
  const r = statusOfState(state, now, options)
  if (r === undefined) return undefined
  const escalatedMs = localTime.parseInstant(state.clockFacts?.escalatedAt ?? "")
  return Either.map(r, (report) => {
    const nowMs = localTime.parseInstant(now)!
    return escalationOf(report, nowMs, state.appealId, (since) => escalatedMs !== undefined && escalatedMs >= since && escalatedMs <= nowMs, options)
  })
}

// The public face (`Deadline.statusOf`, `Deadline.dueAtOf`): a state without clock facts is the
// caller's input to fix (replay its events), not an absent answer.
const noClockFacts = (state: AppealState.AppealState) =>
  Either.left(invalid("AppealState", "clockFacts", `appeal ${state.appealId} has no clock facts`, "a state replayed from its events (Lifecycle.replay)"))

export const statusOf = (state: AppealState.AppealState, now: string, options?: Deadline.Options): Either.Either<Deadline.Report, InvalidInput> =>
  statusOfState(state, now, options) ?? noClockFacts(state)

export const dueAtOf = (state: AppealState.AppealState, now: string, options?: Deadline.Options): Either.Either<string | null, InvalidInput> =>
  dueAtOfState(state, now, options) ?? noClockFacts(state)
