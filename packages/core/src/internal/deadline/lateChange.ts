/**
 * Late changes: a change to the terms (the head's extension, extra or longer study) checked against
 * ZRU-445 Art. 28 at the moment it is recorded. A term that ran out stays violated. Documented in
 * `Deadline.ts`.
 */
import { Either, Option } from "effect"
import type * as Deadline from "../../Deadline.js"
import type * as Rule from "../../Rule.js"
import * as localTime from "../localTime.js"
import { compute } from "./compute.js"
import { ZRU_445_28 } from "./rules.js"

type LateChange = Deadline.LateChange

/** The lifecycle's rules a change to the terms can break (stated in `AppealMachine.rules`). */
export const lateChangeRules = [
  "extension.once",
  "extension.notForProposal",
  "extension.beforeTermEnds",
  "extraStudy.once",
  "extraStudy.beforeTermEnds",
  "extraStudy.proposalWithinTenDays"
] as const satisfies ReadonlyArray<Rule.LifecycleId>

const dueOf = (facts: Deadline.Facts, clock: Deadline.ClockId, options: Deadline.Options | undefined): number | undefined => {
  const s = compute(facts, { ...options, explain: false })
  if (Either.isLeft(s)) return undefined
  const c = s.right.clocks.find((x) => x.clock === clock)
  return c === undefined ? undefined : localTime.parseInstant(c.dueAt)
}

export const lateChange = (
  facts: Deadline.Facts,
  change: "extension" | "extraStudy",
  at: string,
  options?: Deadline.Options & { readonly now?: string }
): Option.Option<LateChange> => {
  const atMs = localTime.parseInstant(at)
  const proposal = facts.kind === "taklif"
  const refuse = (rule: LateChange["rule"], dueMs?: number) =>
    Option.some<LateChange>({ rule, source: ZRU_445_28, ...(dueMs === undefined ? {} : { dueAt: localTime.formatInstant(dueMs) }) })
  const late = (dueMs: number | undefined) => atMs !== undefined && dueMs !== undefined && atMs > dueMs
  // Pauses still open count up to the moment of the change.
  const opts = { ...options, now: at }
  if (change === "extension") {
    if (proposal) return refuse("extension.notForProposal")
    if (facts.extended) return refuse("extension.once")
    const due = dueOf({ ...facts, extended: false }, "consideration", opts)
    return late(due) ? refuse("extension.beforeTermEnds", due) : Option.none()
  }
  if (facts.extraStudy) return refuse("extraStudy.once")
  if (proposal) {
    const due = dueOf(facts, "proposalNotice", opts)
    return late(due) ? refuse("extraStudy.proposalWithinTenDays", due) : Option.none()
  }
  const due = dueOf({ ...facts, extended: false }, "consideration", opts)
  return late(due) ? refuse("extraStudy.beforeTermEnds", due) : Option.none()
}

export const noteOf = (type: string, at: string, c: LateChange): string =>
  `${type} at ${at} not counted: ${
    c.rule === "extension.notForProposal"
      ? "a proposal is not extended like an application"
      : c.rule === "extension.once"
        ? "only one extension is allowed"
        : c.rule === "extraStudy.once"
          ? "extra study is declared once"
          : c.rule === "extraStudy.proposalWithinTenDays"
            ? `longer study of a proposal is declared, with the written notice, within 10 days (they ended ${c.dueAt})`
            : `the term it would change had already ended at ${c.dueAt}`
  } (rule ${c.rule}; a term that ran out stays violated: rule term.noLateChanges)`
