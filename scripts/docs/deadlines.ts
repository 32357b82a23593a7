/**
 * Renders docs/rules/deadlines.md from the deadline engine: every rule with its legal source, the
 * counting settings with their defaults, the shipped calendar's non-working days, and the example
 * table the tests run (packages/core/test/fixtures/deadlineExamples.ts).
 */
import { Either, Schema } from "effect"
import { Calendar, Deadline, Rule } from "../../packages/core/src/index.js"
import { examples, statusExamples } from "../../packages/core/test/fixtures/deadlineExamples.js"
import type { Doc } from "../docs.js"
import { table } from "../markdown.js"

const weekdays = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
const dateText = (iso: string) => `${weekdays[Calendar.weekday(Calendar.dayFromIso(iso.slice(0, 10))!)]} ${iso.slice(0, 10)}`
const instantText = (iso: string) => `${dateText(iso)} ${iso.slice(11, 16)}`

const factsText = (f: Deadline.Facts) =>
  [
    f.kind,
    f.extraStudy ? "extra study" : "",
    f.extended ? (typeof f.extended === "object" && f.extended.until ? `extended until ${f.extended.until}` : "extended") : "",
    f.urgent ? "urgent" : "",
    f.domesticViolence ? "domestic violence" : "",
    (f.pauses ?? []).map((p) => `awaiting applicant ${p.from.slice(0, 16)} to ${p.to?.slice(0, 16) ?? "now"}`).join(", ")
  ]
    .filter((x) => x !== "")
    .join(", ")

const settingsText = (p: Deadline.SettingsInput | undefined) =>
  p === undefined || Object.keys(p).length === 0
    ? "defaults (5-day week)"
    : Object.entries(p)
        .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
        .join(", ")

const exampleRows = (rule: string) =>
  examples
    .filter((e) => e.rule === rule)
    .map((e) => {
      const settings = Schema.decodeUnknownSync(Deadline.Settings)(e.settings ?? {})
      const s = Either.getOrThrow(Deadline.compute(e.facts, { settings }))
      const c = s.clocks.find((x) => x.clock === e.clock)!
      if (c.dueAt !== e.due) throw new Error(`example "${e.title}" no longer gives ${e.due} (got ${c.dueAt}): fix the code or the fixture`)
      const skipped = c.explanation.daysSkipped.map((d) => d.date.slice(5)).join(", ")
      return [
        e.title,
        instantText(e.facts.receivedAt),
        factsText(e.facts),
        settingsText(e.settings),
        e.clock,
        `**${instantText(c.dueAt)}**${c.explanation.provisional ? " (provisional)" : ""}`,
        skipped === "" ? "none" : skipped,
        e.why
      ]
    })

const settings: ReadonlyArray<readonly [string, string, string]> = [
  ["week", "fiveDay", "The body's working week: which days are worked, for working-day counts and the end-of-term rule."],
  ["workingHours", "09:00-18:00", "Registration after the end is next-day; notices go out only inside. A local setting (UNCONFIRMED), not law."],
  ["periodStart", "nextDay", "A term starts the day after receipt (Civil Code Art. 146). `sameDay` counts the day of receipt as day 1."],
  ["endOnNonWorkingDay", "nextWorkingDay", "A term ending on a non-working day ends on the next working day (Civil Code, the article after 146; number UNCONFIRMED). Alternatives: `previousWorkingDay` (stricter internal practice), `keep`."],
  ["dueTime", "endOfWorkingHours", "An act done in an office is due when its working day ends (Civil Code reading). `endOfDay`: 23:59:59."],
  ["forwardingUnit", "calendarDays", "The law says 5 days; whether working days are meant is UNCONFIRMED."],
  ["considerationUnit", "calendarDays", "The law says days and months, not working days: read as calendar days."],
  ["urgentFirstContactHours", "3", "A Murojaat choice: the law sets no term for urgent safety cases."],
  ["protectionOrderStudyHours", "24", "ZRU-561."],
  ["pauseWhileAwaitingApplicant", "false", "The law gives no pause. When on, the days between informationRequested and informationProvided are added to day terms (working days for working-day terms)."],
  ["warnWorkingDaysBefore", "[3, 1]", "Warnings at the start of working hours, that many working days before a day clock's due date."],
  ["warnHoursBefore", "[1]", "Warnings that many hours before an hour clock (safety) falls due."],
  ["safetyNoticesAnyTime", "false", "When true, notices of the safety clocks go out at once instead of waiting for working hours."],
  ["safetyFlags", '["domesticViolence"]', "Triage flags that start the protection-order study."],
  ["extensionCountsFrom", "endOfTerm", "The head's extra month runs from the last day of the term it extends (31 Jan + 1 month of extra study = 28 Feb; + 1 month = 28 Mar), never past the 2-month ceiling; `receipt` gives the full 2 months from receipt (31 Mar). The law says \"extend by at most 1 month\": counting from the end of the term never gives more than a month."],
  ["proposalLongerStudyMonths", "2", "The term, in months from receipt, of a proposal that needs longer study. ZRU-445 Art. 28 excepts such a proposal from the 1-month term and names no other; the default borrows the 2-month ceiling of the same article so that no proposal runs without a term."],
  ["events", "lifecycle names", "Which event types meet, stop, pause or extend the clocks (see `Deadline.EventTypes`)."]
]

const daysOffRows = (year: number) => {
  const cal = Calendar.uzbekistan
  const five = new Map(Calendar.daysOff(cal, year, "fiveDay").map((d) => [d.date, d.reasons]))
  const six = new Map(Calendar.daysOff(cal, year, "sixDay").map((d) => [d.date, d.reasons]))
  const special = (rs: ReadonlyArray<Calendar.Reason> | undefined) => rs !== undefined && rs.some((r) => r.kind !== "weeklyRestDay")
  const dates = [...new Set([...five.keys(), ...six.keys()])].filter((d) => special(five.get(d)) || special(six.get(d))).sort()
  const workedEntries = cal.data.years.find((y) => y.year === year)!.entries.filter((e) => e.kind === "workingDay")
  const worked = workedEntries.map((e) => e.date)
  const state = (m: Map<string, ReadonlyArray<Calendar.Reason>>, d: string) => {
    const rs = m.get(d)
    const week = m === five ? "fiveDay" : "sixDay"
    if (rs === undefined) return workedEntries.some((e) => e.date === d && e.weeks.includes(week)) ? "worked (rest day made a working day)" : "working day"
    return rs.map((r) => (r.kind === "weeklyRestDay" ? "rest day" : r.kind === "holiday" ? "holiday" : r.kind === "extraDayOff" ? "extra day off" : `moved rest day (from ${r.from})`)).join(" + ")
  }
  const name = (d: string) => [...(five.get(d) ?? []), ...(six.get(d) ?? [])].find((r) => r.kind !== "weeklyRestDay")?.name ?? ""
  const rows = [...dates, ...worked].sort().map((d) => [dateText(d), name(d) || cal.data.years.find((y) => y.year === year)!.entries.find((e) => e.date === d)?.name || "", state(five, d), state(six, d)])
  return table(["date", "what", "5-day week", "6-day week"], rows)
}

// The rules, from the one registry; each deadline rule's clock and term from the engine's table.
const deadlineRules = Rule.registry
  .filter((r) => r.area === "deadline")
  .map((rule) => ({ rule, row: Deadline.rules.find((d) => d.id === rule.id)! }))
const lateChangeRules = Deadline.lateChangeRules.map((id) => Rule.find(id))

const render = (): string => {
  const lines: Array<string> = []
  lines.push("# Deadline rules")
  lines.push("")
  lines.push("<!-- Generated by scripts/docs/deadlines.ts from the rule registry (packages/core/src/Rule.ts, reading packages/core/src/internal/deadline/rules.ts), packages/core/src/calendars/ and packages/core/test/fixtures/deadlineExamples.ts. Do not edit: run `pnpm docs:build`. -->")
  lines.push("")
  lines.push(
    "Every legal term of an appeal: when it is due, and where it stands on a given day. Each due time comes with an explanation: the rule id below, its legal source, the start, the days counted, the days skipped and why, and every adjustment (extension, pause, a last day that is a day off). Time zone Asia/Tashkent (UTC+5, no daylight saving). Words are explained in [glossary.md](glossary.md)."
  )
  lines.push("")
  lines.push("## Rules")
  lines.push("")
  lines.push(table(["rule id", "clock", "term", "legal source", "notes"], deadlineRules.map(({ rule, row }) => [`\`${rule.id}\``, row.clock, row.term, rule.source, row.note])))
  lines.push("")
  lines.push("The lifecycle refuses a change to the terms that comes too late or is not allowed for the kind of appeal, and the clocks ignore such a change read from elsewhere, by these rules of the lifecycle (stated in [lifecycle.md](lifecycle.md)):")
  lines.push("")
  lines.push(table(["rule id", "requires", "legal source"], lateChangeRules.map((r) => [`\`${r.id}\``, r.statement, r.source])))
  lines.push("")
  lines.push("What meets a term: registration is met by registering; consideration by the answer; forwarding by forwarding; the proposal notice by declaring, with the written notice, that the proposal needs longer study; urgent first contact by starting the review, asking for information or answering; the protection-order study by issuing or refusing an order, answering, or handing the appeal to criminal procedure. An appeal that ends another way (left without consideration, forwarded, handed to criminal procedure, merged, withdrawn, closed) stops every term not yet met.")
  lines.push("")
  lines.push("Two terms are owed only when their act is needed: **forwarding** (only an appeal the body forwards owes it; one it keeps and works on shows `notRequired`, but a forward that comes after day 5 is late, whatever was done before) and the **proposal notice** (only a proposal that needs longer study owes it; an ordinary proposal shows `notRequired` after day 10, never overdue). They raise no warnings and are never escalated.")
  lines.push("")
  lines.push("Where a term stands (see the glossary): running, due soon, overdue, met, met late, stopped, stopped late, paused, not required. **Violated** means overdue, met late or stopped late, and a term that ran out stays violated whatever comes later: an extension, a declaration of extra study or a pause recorded after the term it would change had ended does not count (rule `term.noLateChanges`), and the lifecycle refuses such an extension or declaration. Warnings come 3 and 1 working days before a day term (1 hour before a safety term), and are sent inside working hours of a working day; an overdue term puts the appeal under a supervisor's control once per term that falls due.")
  lines.push("")
  lines.push("## Counting settings and their defaults")
  lines.push("")
  lines.push(
    "The appeals law (ZRU-445) says \"days\" and \"months\" and nothing on how to count them. The defaults follow the Civil Code's general rules on terms; whether those govern appeals is UNCONFIRMED, so each is a setting (`Deadline.Settings`)."
  )
  lines.push("")
  lines.push(table(["setting", "default", "meaning and source"], settings.map(([k, v, m]) => [`\`${k}\``, `\`${v}\``, m])))
  lines.push("")
  lines.push("## Examples")
  lines.push("")
  lines.push("Each row is run by `packages/core/test/Deadline.test.ts`; this page is regenerated from the same fixtures, so it cannot drift from the code. Skipped days are the non-working days stepped over (month-day).")
  for (const r of [...deadlineRules.map(({ rule }) => rule), ...lateChangeRules.filter((x) => exampleRows(x.id).length > 0)]) {
    lines.push("")
    lines.push(`### \`${r.id}\``)
    lines.push("")
    lines.push(table(["case", "received", "appeal", "settings", "clock", "due", "skipped", "why"], exampleRows(r.id)))
  }
  lines.push("")
  lines.push("## How a term stands day by day")
  lines.push("")
  lines.push("Each row gives an appeal's history, a moment, and what the term shows then; every value was counted by hand on the calendar (the \"why\" column), and the tests check each row.")
  lines.push("")
  const historyText = (ex: (typeof statusExamples)[number]) =>
    ex.events.map((e) => (e.type === "received" ? `${e.type} ${instantText(String((e.data as { receivedAt?: string }).receivedAt ?? e.at))}${(e.data as { receivedAt?: string }).receivedAt !== undefined && (e.data as { receivedAt?: string }).receivedAt !== e.at ? ` (entered ${instantText(e.at)})` : ""} (${String((e.data as { kind?: string }).kind)})` : `${e.type} ${instantText(e.at)}`)).join("; ")
  lines.push(
    table(
      ["case", "rule", "history", "settings", "asked at", "term", "shows", "due", "why"],
      statusExamples.map((ex) => {
        const r = Either.getOrThrow(Deadline.status(ex.events, ex.now, { settings: Schema.decodeUnknownSync(Deadline.Settings)(ex.settings ?? {}) }))
        const c = r.clocks.find((x) => x.clock === ex.clock)!
        if (c.state !== ex.state || c.dueAt !== ex.due) throw new Error(`status example "${ex.title}" no longer gives ${ex.state} due ${ex.due} (got ${c.state} due ${c.dueAt}): fix the code or the fixture`)
        return [ex.title, `\`${ex.rule}\``, historyText(ex), settingsText(ex.settings), instantText(ex.now), ex.clock, `**${c.state}**`, instantText(c.dueAt), ex.why]
      })
    )
  )
  lines.push("")
  lines.push("## The shipped calendar")
  lines.push("")
  lines.push(
    "Weekly rest days: Saturday and Sunday in the 5-day week, Sunday in the 6-day week. Fixed holidays (Labour Code): " +
      Calendar.uzbekistan.data.fixedHolidays.map((h) => `${h.day}.${String(h.month).padStart(2, "0")} ${h.name}`).join("; ") +
      ". Labour Code Art. 208: a weekly rest day that falls on a holiday moves to the next working day. Years without decree data (2027 on) are provisional: fixed holidays and Art. 208 only, and every result in them says so. Operators load next year's decree as JSON (`Calendar.decodeJson`, `Calendar.withYears`) or iCalendar (`Calendar.fromICalendar`)."
  )
  for (const y of Calendar.uzbekistan.data.years) {
    lines.push("")
    lines.push(`### ${y.year}`)
    lines.push("")
    lines.push(`Sources: ${y.source}.`)
    if (y.note !== undefined) {
      lines.push("")
      lines.push(`Note: ${y.note}`)
    }
    lines.push("")
    lines.push(daysOffRows(y.year))
  }
  lines.push("")
  lines.push("## For developers")
  lines.push("")
  lines.push("`Deadline.compute(facts)` gives the due times, `Deadline.status(events, now)` where each clock stands, `Deadline.escalation(events, now)` the `escalate` command when a clock is overdue, `Deadline.lateChange(facts, change, at)` whether an extension or extra study comes in time (the lifecycle's rules use it), `Deadline.scheduleNotice` the working-hours notice time. Event types that meet, stop, pause or extend the clocks are settings (`Deadline.EventTypes`). Examples: `packages/core/test/fixtures/deadlineExamples.ts`, run by `packages/core/test/Deadline.test.ts`.")
  return lines.join("\n")
}

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/deadlines.md", render }]
export default docs
