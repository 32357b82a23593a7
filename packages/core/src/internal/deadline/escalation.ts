/**
 * Escalation: the lifecycle's `escalate` command when a clock is overdue and the appeal was not
 * escalated since that clock fell due, with when to send it. Documented in `Deadline.ts`.
 */
import { Either, Option } from "effect"
import type * as Deadline from "../../Deadline.js"
import type { InvalidInput } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { ctxOf } from "./settings.js"
import { isHourClock, noticeMs, status } from "./status.js"

export const escalation = (
  events: ReadonlyArray<Deadline.EventInput>,
  now: string,
  options?: Deadline.Options
): Either.Either<Option.Option<Deadline.Escalation>, InvalidInput> =>
  Either.map(status(events, now, options), (r) => {
    const ctx = ctxOf(options)
    const nowMs = localTime.parseInstant(now)!
    const appealId = events.find((e) => typeof e.appealId === "string")?.appealId ?? ""
    return escalationOf(r, nowMs, appealId, (since) =>
      events.some((e) => {
        const ms = localTime.parseInstant(e.at)
        return ctx.p.events.escalated.includes(e.type) && ms !== undefined && ms >= since && ms <= nowMs
      }), options)
  })

/**
 * The escalation a report calls for: its overdue clocks that the appeal was not escalated for since
 * each fell due (`escalatedSince`, given that time in epoch milliseconds). One escalation per term
 * that falls due: an escalation covers the terms already overdue when it came, never one that falls
 * due after it.
 */
export const escalationOf = (
  r: Deadline.Report,
  nowMs: number,
  appealId: string,
  escalatedSince: (sinceMs: number) => boolean,
  options?: Deadline.Options
): Option.Option<Deadline.Escalation> => {
  const ctx = ctxOf(options)
  const late = r.clocks.filter((c) => c.state === "overdue" && !escalatedSince(localTime.parseInstant(c.dueAt)!))
  if (late.length === 0) return Option.none()
  const since = Math.min(...late.map((c) => localTime.parseInstant(c.dueAt)!))
  const safety = late.some((c) => isHourClock(c.clock))
  return Option.some({
    command: {
      type: "escalate" as const,
      appealId,
      reason: `Overdue: ${late.map((c) => `${c.clock} was due ${c.dueAt} (${c.ruleId})`).join("; ")}`
    },
    clocks: late.map((c) => c.clock),
    ruleIds: late.map((c) => c.ruleId),
    overdueSince: localTime.formatInstant(since),
    notBefore: localTime.formatInstant(safety && ctx.p.safetyNoticesAnyTime ? nowMs : noticeMs(ctx, nowMs))
  })
}
