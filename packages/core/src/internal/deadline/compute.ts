/**
 * Deadline computation: every clock of an appeal from its facts. Day terms are counted on the
 * calendar (calendar days, working days or months), extended, paused and settled on a working day;
 * hour terms run continuously. Documented in `Deadline.ts`.
 */
import { Either } from "effect"
import * as Days from "../calendar/arithmetic.js"
import type * as Deadline from "../../Deadline.js"
import type { InvalidInput } from "../../Errors.js"
import * as localTime from "../localTime.js"
import { sourceOf, ZRU_445_28 } from "./rules.js"
import { type Ctx, ctxOf, invalid } from "./settings.js"

type Clock = Deadline.Clock
type ClockId = Deadline.ClockId
type DayUnit = Deadline.DayUnit
type Pause = Deadline.Pause
type SkippedDay = Deadline.SkippedDay

const reasonText = (ctx: Ctx, d: number): string => {
  const rs = Days.reasonsForDayNumber(ctx.cal, d, ctx.week)
  return rs.length === 0 ? "non-working day" : rs.map((r) => (r.from === undefined ? r.name : `${r.name} (from ${r.from})`)).join("; ")
}

const skippedIn = (ctx: Ctx, from: number, toInclusive: number): Array<SkippedDay> => {
  const out: Array<SkippedDay> = []
  if (!ctx.explain) return out
  for (let d = from; d <= toInclusive; d++)
    if (!Days.isWorkingDayNumber(ctx.cal, d, ctx.week)) out.push({ date: localTime.isoFromDay(d), reason: reasonText(ctx, d) })
  return out
}

const provisionalSpan = (ctx: Ctx, from: number, to: number): boolean =>
  !Days.isCovered(ctx.cal, from) || !Days.isCovered(ctx.cal, to)

export const dueInstant = (ctx: Ctx, day: number): number =>
  localTime.instantOf(day, ctx.p.dueTime === "endOfWorkingHours" ? ctx.workEnd : localTime.MS_PER_DAY - 1000)

const pauseDays = (ctx: Ctx, pauses: ReadonlyArray<Pause> | undefined, nowMs: number | undefined, unit: DayUnit) => {
  let days = 0
  const notes: Array<string> = []
  if (!ctx.p.pauseWhileAwaitingApplicant || pauses === undefined) return { days, notes }
  for (const pz of pauses) {
    const a = localTime.parseInstant(pz.from)
    const b = pz.to === undefined ? nowMs : localTime.parseInstant(pz.to)
    if (a === undefined || b === undefined || b <= a) continue
    const fromDay = localTime.localDay(a)
    const toDay = localTime.localDay(b)
    const n = unit === "workingDays" ? Days.workingDaysBetweenNumbers(ctx.cal, fromDay, toDay, ctx.week) : toDay - fromDay
    if (n <= 0) continue
    days += n
    notes.push(
      `paused ${n} ${unit === "workingDays" ? "working " : ""}day(s) awaiting the applicant, ${localTime.isoFromDay(fromDay)} to ${localTime.isoFromDay(toDay)}${pz.to === undefined ? " (still waiting)" : ""} (rule pause.awaitingApplicant)`
    )
  }
  return { days, notes }
}

type RuleId = Deadline.RuleId

interface DayTerm {
  readonly clock: ClockId
  readonly ruleId: RuleId
  readonly source: string
  readonly term: string
  readonly amount: number
  readonly unit: DayUnit | "months"
  readonly extension?: { readonly untilDay?: number; readonly extra: number }
  readonly pauses?: ReadonlyArray<Pause>
  readonly notes?: ReadonlyArray<string>
}

/** The core of every day term: count, extend, pause, then settle the last day on the calendar. */
const dayTerm = (ctx: Ctx, receivedMs: number, t: DayTerm, nowMs: number | undefined): Clock => {
  const startDay = localTime.localDay(receivedMs)
  const sameDay = ctx.p.periodStart === "sameDay"
  const countFrom = sameDay ? startDay : startDay + 1
  const adjustments: Array<string> = []
  let skipped: Array<SkippedDay> = []
  let end: number
  let counted: number
  if (t.unit === "calendarDays") {
    end = countFrom + t.amount - 1
    counted = t.amount
  } else if (t.unit === "workingDays") {
    end = Days.nthWorkingDayNumber(ctx.cal, countFrom, t.amount, ctx.week)
    counted = t.amount
    skipped = skippedIn(ctx, countFrom, end)
  } else {
    end = localTime.addMonths(startDay, t.amount) - (sameDay ? 1 : 0)
    counted = end - countFrom + 1
  }
  let ruleId: RuleId = t.ruleId
  if (t.extension !== undefined) {
    ruleId = "consideration.extension"
    adjustments.push(`base term: ${t.term} (rule ${t.ruleId}) ending ${localTime.isoFromDay(end)}`)
    const ceiling = localTime.addMonths(startDay, 2) - (sameDay ? 1 : 0)
    // The extra month runs from the last day of the term it extends (its nominal last day: moving a
    // non-working last day forward is a grace for acting, not a longer term).
    const full = ctx.p.extensionCountsFrom === "receipt" ? ceiling : localTime.addMonths(end, 1)
    let target = Math.min(full, ceiling)
    if (t.extension.untilDay !== undefined && t.extension.untilDay < target) target = Math.max(t.extension.untilDay, end)
    adjustments.push(
      `extended by the head from ${localTime.isoFromDay(end)} to ${localTime.isoFromDay(target)} (rule consideration.extension: at most 1 month${ctx.p.extensionCountsFrom === "receipt" ? ", counted as 2 months from receipt (setting extensionCountsFrom = receipt)" : ", counted from the last day of the term it extends"}${full > ceiling ? `, capped at the 2-month ceiling ${localTime.isoFromDay(ceiling)}` : ""})`
    )
    if (t.extension.extra > 0)
      adjustments.push(`${t.extension.extra} further extension(s) ignored: only one is allowed (rule consideration.extension, ${ZRU_445_28})`)
    if (t.unit === "calendarDays" || t.unit === "months") counted += target - end
    else counted += Days.workingDaysBetweenNumbers(ctx.cal, end + 1, target + 1, ctx.week)
    end = target
  }
  if (t.notes !== undefined) adjustments.push(...t.notes)
  // Pauses, in order; one that begins after the term (as extended by the earlier pauses) ended is
  // ignored: a term that ran out stays violated (rule term.noLateChanges).
  let awaiting = false
  if (ctx.p.pauseWhileAwaitingApplicant)
    for (const pz of [...(t.pauses ?? [])].sort((a, b) => (localTime.parseInstant(a.from) ?? 0) - (localTime.parseInstant(b.from) ?? 0))) {
      const from = localTime.parseInstant(pz.from)
      if (from === undefined) continue
      if (from > dueInstant(ctx, settleDay(ctx, end))) {
        adjustments.push(`awaiting the applicant from ${localTime.isoFromDay(localTime.localDay(from))} not counted: the term had already ended (rule term.noLateChanges)`)
        continue
      }
      const pd = pauseDays(ctx, [pz], nowMs, t.unit === "workingDays" ? "workingDays" : "calendarDays")
      if (pz.to === undefined) awaiting = true
      if (pd.days === 0) continue
      const before = end
      end = t.unit === "workingDays" ? Days.nthWorkingDayNumber(ctx.cal, end + 1, pd.days, ctx.week) : end + pd.days
      if (t.unit === "workingDays") skipped = skipped.concat(skippedIn(ctx, before + 1, end))
      counted += pd.days
      adjustments.push(...pd.notes)
    }
  let due = end
  if (!Days.isWorkingDayNumber(ctx.cal, end, ctx.week)) {
    const rule = ctx.p.endOnNonWorkingDay
    due = settleDay(ctx, end)
    if (rule === "nextWorkingDay") {
      if (t.unit !== "workingDays") skipped = skipped.concat(skippedIn(ctx, end, due - 1))
      adjustments.push(`the term ended on ${localTime.isoFromDay(end)}, a non-working day: moved to the next working day ${localTime.isoFromDay(due)} (rule counting.civilCode)`)
    } else if (rule === "previousWorkingDay") {
      if (t.unit !== "workingDays") skipped = skipped.concat(skippedIn(ctx, due + 1, end))
      adjustments.push(`the term ended on ${localTime.isoFromDay(end)}, a non-working day: brought back to the previous working day ${localTime.isoFromDay(due)} (setting endOnNonWorkingDay)`)
    } else adjustments.push(`the term ends on ${localTime.isoFromDay(end)}, a non-working day, kept (setting endOnNonWorkingDay = keep)`)
  }
  let nonWorkingCounted = 0
  if (ctx.explain && t.unit !== "workingDays")
    nonWorkingCounted = end - countFrom + 1 - Days.workingDaysBetweenNumbers(ctx.cal, countFrom, end + 1, ctx.week)
  const dueMs = dueInstant(ctx, due)
  return {
    clock: t.clock,
    ruleId,
    dueAt: localTime.formatInstant(dueMs),
    dueDate: localTime.isoFromDay(due),
    explanation: {
      ruleId,
      source: t.source,
      start: localTime.formatInstant(receivedMs),
      countFrom: localTime.isoFromDay(countFrom),
      term: t.term,
      unit: t.unit,
      daysCounted: counted,
      nonWorkingDaysCounted: nonWorkingCounted,
      daysSkipped: skipped,
      adjustments,
      provisional: provisionalSpan(ctx, countFrom, due),
      ...(awaiting ? { awaitingApplicant: true } : {})
    }
  }
}

/** The day a term ending on `end` is due, after the end-on-a-non-working-day setting. */
export const settleDay = (ctx: Ctx, end: number): number => {
  if (Days.isWorkingDayNumber(ctx.cal, end, ctx.week)) return end
  switch (ctx.p.endOnNonWorkingDay) {
    case "nextWorkingDay":
      return Days.nextWorkingDayNumber(ctx.cal, end, ctx.week)
    case "previousWorkingDay":
      return Days.previousWorkingDayNumber(ctx.cal, end, ctx.week)
    case "keep":
      return end
  }
}

const hourTerm = (ctx: Ctx, receivedMs: number, clock: ClockId, ruleId: RuleId, hours: number): Clock => {
  const source = sourceOf(ruleId)
  const dueMs = receivedMs + hours * localTime.MS_PER_HOUR
  return {
    clock,
    ruleId,
    dueAt: localTime.formatInstant(dueMs),
    dueDate: localTime.isoFromDay(localTime.localDay(dueMs)),
    explanation: {
      ruleId,
      source,
      start: localTime.formatInstant(receivedMs),
      term: `${hours} hours`,
      unit: "hours",
      daysCounted: 0,
      nonWorkingDaysCounted: 0,
      daysSkipped: [],
      adjustments: [`${hours} hours counted continuously from receipt; non-working days and nights are not skipped`],
      provisional: false
    }
  }
}

const registration = (ctx: Ctx, receivedMs: number): Clock => {
  const day = localTime.localDay(receivedMs)
  const time = localTime.localTimeOfDay(receivedMs)
  const working = Days.isWorkingDayNumber(ctx.cal, day, ctx.week)
  const adjustments: Array<string> = []
  let due = day
  let skipped: Array<SkippedDay> = []
  if (working && time < ctx.workEnd) adjustments.push("received on a working day before the end of working hours: registered the same day")
  else {
    due = Days.nextWorkingDayNumber(ctx.cal, day + 1, ctx.week)
    skipped = skippedIn(ctx, day, due - 1)
    adjustments.push(
      working
        ? `received after working hours (${ctx.p.workingHours.end}): registered the next working day ${localTime.isoFromDay(due)}`
        : `received on a non-working day: registered the next working day ${localTime.isoFromDay(due)}`
    )
  }
  const dueMs = localTime.instantOf(due, ctx.workEnd)
  return {
    clock: "registration",
    ruleId: "registration.sameDay",
    dueAt: localTime.formatInstant(dueMs),
    dueDate: localTime.isoFromDay(due),
    explanation: {
      ruleId: "registration.sameDay",
      source: sourceOf("registration.sameDay"),
      start: localTime.formatInstant(receivedMs),
      countFrom: localTime.isoFromDay(day),
      term: "same day, or the next working day after hours",
      unit: "sameDay",
      daysCounted: due - day,
      nonWorkingDaysCounted: 0,
      daysSkipped: skipped,
      adjustments,
      provisional: provisionalSpan(ctx, day, due)
    }
  }
}

export const supportedFrom = Date.UTC(1992, 0, 1)
export const supportedUntil = Date.UTC(2200, 11, 31)

export const compute = (facts: Deadline.Facts, options?: Deadline.Options & { readonly now?: string }): Either.Either<Deadline.Schedule, InvalidInput> => {
  const ctx = ctxOf(options)
  const receivedMs = localTime.parseInstant(facts.receivedAt)
  if (receivedMs === undefined) return Either.left(invalid("Deadline", "receivedAt", `"${facts.receivedAt}" is not a date and time`, "ISO 8601, e.g. 2026-03-19T15:00:00+05:00"))
  // The calendar model covers the years of the Republic (ZRU-445 is of 2017); outside them day
  // counting is meaningless and would walk centuries of days.
  if (receivedMs < supportedFrom || receivedMs > supportedUntil) {
    return Either.left(invalid("Deadline", "receivedAt", `"${facts.receivedAt}" is outside the supported years`, "a time between 1992 and 2200"))
  }
  const nowMs = options?.now === undefined ? undefined : localTime.parseInstant(options.now)
  let untilDay: number | undefined
  if (typeof facts.extended === "object" && facts.extended.until !== undefined) {
    const u = localTime.parseInstant(facts.extended.until)
    if (u === undefined) return Either.left(invalid("Deadline", "extended.until", `"${facts.extended.until}" is not a date`, "ISO 8601 date"))
    untilDay = localTime.localDay(u)
  }
  return Either.right(schedule(ctx, facts, receivedMs, nowMs, untilDay))
}

const schedule = (ctx: Ctx, facts: Deadline.Facts, receivedMs: number, nowMs: number | undefined, untilDay: number | undefined): Deadline.Schedule => {
  const clocks: Array<Clock> = [registration(ctx, receivedMs)]
  const unitWord = (u: DayUnit) => (u === "workingDays" ? "working days" : "days")
  clocks.push(
    dayTerm(
      ctx,
      receivedMs,
      {
        clock: "forwarding",
        ruleId: "forwarding.fiveDays",
        source: sourceOf("forwarding.fiveDays"),
        term: `5 ${unitWord(ctx.p.forwardingUnit)}`,
        amount: 5,
        unit: ctx.p.forwardingUnit,
        ...(facts.pauses === undefined ? {} : { pauses: facts.pauses })
      },
      nowMs
    )
  )
  const proposal = facts.kind === "taklif"
  const extension = facts.extended && !proposal ? { extra: facts.extraExtensions ?? 0, ...(untilDay === undefined ? {} : { untilDay }) } : undefined
  const notes = [
    ...(facts.extended && proposal ? ["an extension by the head is not counted: a proposal is not extended like an application (rule extension.notForProposal)"] : []),
    ...(facts.notes ?? [])
  ]
  const longer = ctx.p.proposalLongerStudyMonths
  const base: Pick<DayTerm, "ruleId" | "term" | "amount" | "unit"> = proposal
    ? facts.extraStudy
      ? { ruleId: "consideration.proposalLongerStudy", term: `${longer} month(s)`, amount: longer, unit: "months" as const }
      : { ruleId: "consideration.proposal", term: "1 month", amount: 1, unit: "months" as const }
    : facts.extraStudy
        ? { ruleId: "consideration.extraStudy", term: "1 month", amount: 1, unit: "months" as const }
        : { ruleId: "consideration.standard", term: `15 ${unitWord(ctx.p.considerationUnit)}`, amount: 15, unit: ctx.p.considerationUnit }
  clocks.push(
    dayTerm(
      ctx,
      receivedMs,
      {
        clock: "consideration",
        source: ZRU_445_28,
        ...base,
        ...(extension === undefined ? {} : { extension }),
        ...(notes.length === 0 ? {} : { notes }),
        ...(facts.pauses === undefined ? {} : { pauses: facts.pauses })
      },
      nowMs
    )
  )
  if (facts.kind === "taklif")
    clocks.push(
      dayTerm(
        ctx,
        receivedMs,
        {
          clock: "proposalNotice",
          ruleId: "proposal.notice",
          source: ZRU_445_28,
          term: `10 ${unitWord(ctx.p.considerationUnit)}`,
          amount: 10,
          unit: ctx.p.considerationUnit,
          ...(facts.pauses === undefined ? {} : { pauses: facts.pauses })
        },
        nowMs
      )
    )
  if (facts.urgent)
    clocks.push(hourTerm(ctx, receivedMs, "urgentFirstContact", "urgent.firstContact", ctx.p.urgentFirstContactHours))
  if (facts.domesticViolence)
    clocks.push(hourTerm(ctx, receivedMs, "protectionOrderStudy", "protectionOrder.study", ctx.p.protectionOrderStudyHours))
  return { kind: facts.kind, receivedAt: localTime.formatInstant(receivedMs), week: ctx.week, clocks }
}
