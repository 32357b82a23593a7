/**
 * Where each clock stands at `now` (running, due soon, overdue, met, stopped, paused...), the
 * warnings due, and notice times moved into working hours. Documented in `Deadline.ts`.
 */
import { Either } from "effect"
import * as Days from "../calendar/arithmetic.js"
import type * as Deadline from "../../Deadline.js"
import type { InvalidInput } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { supportedFrom, supportedUntil } from "./compute.js"
import { fromEvents } from "./events.js"
import { type Ctx, ctxOf, invalid, settingsOf } from "./settings.js"

type ClockId = Deadline.ClockId
type ClockState = Deadline.ClockState
type ClockStatus = Deadline.ClockStatus
type EventInput = Deadline.EventInput
type Options = Deadline.Options

export const violated: ReadonlySet<ClockState> = new Set<ClockState>(["overdue", "metLate", "stoppedLate"])

export const conditional: ReadonlySet<ClockId> = new Set<ClockId>(["forwarding", "proposalNotice"])

const completionTypes = (T: Deadline.EventTypes, clock: ClockId): ReadonlyArray<string> => {
  switch (clock) {
    case "registration":
      return T.registered
    case "forwarding":
      return T.forwarded
    case "consideration":
      return T.answered
    case "proposalNotice":
      return T.extraStudyDeclared
    case "urgentFirstContact":
      return T.firstContact
    case "protectionOrderStudy":
      return T.protectionOrderDecided
  }
}

export const isHourClock = (c: ClockId) => c === "urgentFirstContact" || c === "protectionOrderStudy"

export const scheduleNotice = (at: string, options?: Options): string => {
  const ms = localTime.parseInstant(at)
  if (ms === undefined) throw new RangeError(`not a date and time: ${at}`)
  return localTime.formatInstant(noticeMs(ctxOf(options), ms))
}

export const noticeMs = (ctx: Ctx, ms: number): number => {
  const day = localTime.localDay(ms)
  const t = localTime.localTimeOfDay(ms)
  if (Days.isWorkingDayNumber(ctx.cal, day, ctx.week)) {
    if (t >= ctx.workStart && t < ctx.workEnd) return ms
    if (t < ctx.workStart) return localTime.instantOf(day, ctx.workStart)
  }
  return localTime.instantOf(Days.nextWorkingDayNumber(ctx.cal, day + 1, ctx.week), ctx.workStart)
}

/** The k-th working day strictly before `day`. */
const workingDaysBefore = (ctx: Ctx, day: number, k: number): number => {
  let d = day
  let left = k
  while (left > 0) {
    d--
    if (Days.isWorkingDayNumber(ctx.cal, d, ctx.week)) left--
  }
  return d
}

/** The first of an appeal's events up to now, in order, whose type is one of `types`, with its time. */
export type FirstOf = (types: ReadonlyArray<string>) => { readonly type: string; readonly ms: number } | undefined

export const status = (events: ReadonlyArray<EventInput>, now: string, options?: Options): Either.Either<Deadline.Report, InvalidInput> =>
  Either.flatMap(nowOf(now), (nowMs) => {
    // Only what has happened by `now` counts: a later extension or answer is not known yet.
    const sorted = events
      .map((e) => ({ e, ms: localTime.parseInstant(e.at) }))
      .filter((x): x is { e: EventInput; ms: number } => x.ms !== undefined && x.ms <= nowMs)
    const firstOf: FirstOf = (types) => {
      const x = sorted.find(({ e }) => types.includes(e.type))
      return x === undefined ? undefined : { type: x.e.type, ms: x.ms }
    }
    return Either.map(fromEvents(sorted.map((x) => x.e), { ...options, now }), (s) => report(s, nowMs, firstOf, options))
  })

/** The instant `now`, checked: a date and time within the supported years. */
export const nowOf = (now: string): Either.Either<number, InvalidInput> => {
  const nowMs = localTime.parseInstant(now)
  if (nowMs === undefined) return Either.left(invalid("Deadline", "now", `"${now}" is not a date and time`, "ISO 8601 instant"))
  if (nowMs < supportedFrom || nowMs > supportedUntil) return Either.left(invalid("Deadline", "now", `"${now}" is outside the supported years`, "a time between 1992 and 2200"))
  return Either.right(nowMs)
}

// The event types that settle a clock: its own act (`done`) and what stops it.
interface Settling {
  readonly done: ReadonlyArray<string>
  readonly optional: boolean
  readonly stops: ReadonlyArray<string>
  readonly either: ReadonlyArray<string>
}

// Worked out once per event-type settings (the defaults, or a service's own), not per clock and call.
const settlings = new WeakMap<Deadline.EventTypes, Map<ClockId, Settling>>()
const settlingOf = (T: Deadline.EventTypes, clock: ClockId): Settling => {
  let byClock = settlings.get(T)
  if (byClock === undefined) settlings.set(T, (byClock = new Map()))
  let s = byClock.get(clock)
  if (s === undefined) {
    const done = completionTypes(T, clock)
    const optional = conditional.has(clock)
    // An answer ends the need for a proposal notice; working on the appeal (review, extra study,
    // an answer) shows that the body keeps it, so no forwarding is needed. A conditional clock's
    // act still counts whenever it comes: a forward on day 10 after review began is late.
    const stops = optional ? [...T.terminal, ...T.answered, ...(clock === "forwarding" ? T.competenceAccepted : [])] : T.terminal
    s = { done, optional, stops, either: [...done, ...stops] }
    byClock.set(clock, s)
  }
  return s
}

// What settled a clock by now, if anything: its own act (`done`) or what stops it.
const settled = (T: Deadline.EventTypes, c: Deadline.Clock, firstOf: FirstOf) => {
  const { done, optional, stops, either } = settlingOf(T, c.clock)
  const settle = optional ? (firstOf(done) ?? firstOf(stops)) : firstOf(either)
  return { done, optional, settle }
}

/**
 * The nearest due time (epoch ms) of the clocks of a schedule that still run at `nowMs`: those the
 * report (`report`) gives as running, due soon, overdue or paused, that is every clock nothing
 * settled, but a conditional one whose time passed (not required). `Infinity` when none runs.
 * What a commit stores, without building the report's clocks and warnings.
 */
export const nearestRunningMs = (s: Deadline.Schedule, nowMs: number, firstOf: FirstOf, options?: Options): number => {
  const T = settingsOf(options).events
  let nearest = Number.POSITIVE_INFINITY
  for (const c of s.clocks) {
    const { optional, settle } = settled(T, c, firstOf)
    // The report's test of a conditional clock, and `nearestDue`'s reading of the due time.
    if (settle !== undefined || (optional && nowMs > localTime.parseInstant(c.dueAt)!)) continue
    nearest = Math.min(nearest, Date.parse(c.dueAt))
  }
  return nearest
}

/** Where each clock of a schedule stands at `nowMs`, given what settled it (`firstOf`), and the warnings due. */
export const report = (s: Deadline.Schedule, nowMs: number, firstOf: FirstOf, options?: Options): Deadline.Report => {
  const ctx = ctxOf(options)
  const T = ctx.p.events
  const clocks: Array<ClockStatus> = []
  const warnings: Array<Deadline.Warning> = []
  for (const c of s.clocks) {
    const dueMs = localTime.parseInstant(c.dueAt)!
    const { done, optional, settle } = settled(T, c, firstOf)
    if (settle !== undefined) {
      const met = done.includes(settle.type)
      const inTime = settle.ms <= dueMs
      clocks.push({
        ...c,
        state: met ? (inTime ? "met" : "metLate") : optional ? "notRequired" : inTime ? "stopped" : "stoppedLate",
        settledAt: localTime.formatInstant(settle.ms),
        settledBy: settle.type
      })
      continue
    }
    if (optional) {
      clocks.push({ ...c, state: nowMs > dueMs ? "notRequired" : "running" })
      continue
    }
    if (c.explanation.awaitingApplicant === true) {
      clocks.push({ ...c, state: "paused" })
      continue
    }
    const safety = isHourClock(c.clock)
    const anyTime = safety && ctx.p.safetyNoticesAnyTime
    if (nowMs > dueMs) {
      clocks.push({ ...c, state: "overdue" })
      warnings.push({
        clock: c.clock,
        ruleId: c.ruleId,
        level: "overdue",
        threshold: "due time passed",
        at: c.dueAt,
        notifyAt: localTime.formatInstant(anyTime ? dueMs : noticeMs(ctx, dueMs)),
        dueAt: c.dueAt
      })
      continue
    }
    // The latest threshold crossed by now (the first listed of equal ones); its label is written
    // only for the warning.
    const amounts = safety ? ctx.p.warnHoursBefore : ctx.p.warnWorkingDaysBefore
    let latest = -1
    let latestMs = 0
    for (let i = 0; i < amounts.length; i++) {
      const ms = safety
        ? dueMs - amounts[i]! * localTime.MS_PER_HOUR
        : localTime.instantOf(workingDaysBefore(ctx, localTime.localDay(dueMs), amounts[i]!), ctx.workStart)
      if (ms <= nowMs && (latest < 0 || ms > latestMs)) {
        latest = i
        latestMs = ms
      }
    }
    if (latest >= 0)
      warnings.push({
        clock: c.clock,
        ruleId: c.ruleId,
        level: "dueSoon",
        threshold: safety ? `${amounts[latest]} hour(s) before` : `${amounts[latest]} working day(s) before`,
        at: localTime.formatInstant(latestMs),
        notifyAt: localTime.formatInstant(anyTime ? latestMs : noticeMs(ctx, latestMs)),
        dueAt: c.dueAt
      })
    clocks.push({ ...c, state: latest >= 0 ? "dueSoon" : "running" })
  }
  return { now: localTime.formatInstant(nowMs), clocks, warnings }
}

export const overdue = (events: ReadonlyArray<EventInput>, now: string, options?: Options): Either.Either<ReadonlyArray<ClockStatus>, InvalidInput> =>
  Either.map(status(events, now, options), (r) => r.clocks.filter((c) => c.state === "overdue"))
