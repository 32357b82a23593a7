// The lifecycle as the rules state it, written by hand from docs/rules/lifecycle.md ("The commands:
// who, when, under which rule") and ../shared/lifecycle.md (the starting table drawn from the law).
// Nothing here is read from AppealMachine, Lifecycle or Event: the tests compare the code with it.
import type { AppealState, Command, Event } from "@murojaat/core"

type Status = AppealState.Status

/** One command as the rules state it: the statuses it may be given in, where it leads, what it records. */
export interface Expected {
  readonly from: ReadonlyArray<Status>
  /** The status after it; `"stays"`: the status does not change. */
  readonly to: Status | "stays"
  /** The one event it records. */
  readonly event: Event.Type
}

/** The open statuses: any of them accepts `withdraw` and `escalate` (lifecycle.md: "any open state"). */
export const open: ReadonlyArray<Status> = ["received", "registered", "triaged", "assigned", "inReview", "awaitingApplicant"]
/** Registered, and neither answered nor waiting for the applicant: it may still be left, forwarded or merged. */
const registeredToReview: ReadonlyArray<Status> = ["registered", "triaged", "assigned", "inReview"]
/** An officer holds the appeal. */
const held: ReadonlyArray<Status> = ["assigned", "inReview", "awaitingApplicant"]

/** The statuses that end an appeal: only the prevention commands that settle what exists are accepted in them. */
export const terminal: ReadonlyArray<Status> = ["leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn"]
/**
 * Prevention (docs/rules/prevention.md, "Measures and orders in the lifecycle"): a measure is
 * planned from registration on, after the answer, and beside a criminal case; what exists (a
 * measure, an order) is settled in every status after that, the ends included; an order may exist
 * from the moment an officer holds the appeal.
 */
const planning: ReadonlyArray<Status> = ["registered", "triaged", "assigned", "inReview", "awaitingApplicant", "answered", "closed", "handedToCriminalProcedure"]
const settling: ReadonlyArray<Status> = [...planning, ...terminal.filter((s) => s !== "handedToCriminalProcedure")]
const ordered: ReadonlyArray<Status> = [...held, "answered", "closed", ...terminal]
/** The commands of prevention: they never change the status. */
export const prevention: ReadonlyArray<Command.Type> = ["planMeasure", "completeMeasure", "cancelMeasure", "extendProtectionOrder", "recordProtectionOrderBreach"]

export const expected: { readonly [C in Command.Type]: Expected } = {
  receive: { from: ["none"], to: "received", event: "received" },
  register: { from: ["received"], to: "registered", event: "registered" },
  leaveWithoutConsideration: { from: registeredToReview, to: "leftWithoutConsideration", event: "leftWithoutConsideration" },
  triage: { from: ["registered"], to: "triaged", event: "triaged" },
  correctTriage: { from: ["triaged", "assigned", "inReview"], to: "stays", event: "triageCorrected" },
  assign: { from: ["triaged"], to: "assigned", event: "assigned" },
  // "the status stays or to assigned": from any status that has an officer, the appeal is assigned anew.
  reassign: { from: held, to: "assigned", event: "reassigned" },
  unassign: { from: held, to: "triaged", event: "unassigned" },
  startReview: { from: ["assigned"], to: "inReview", event: "reviewStarted" },
  issueProtectionOrder: { from: held, to: "stays", event: "protectionOrderIssued" },
  refuseProtectionOrder: { from: held, to: "stays", event: "protectionOrderRefused" },
  declareExtraStudy: { from: held, to: "stays", event: "extraStudyDeclared" },
  extendDeadline: { from: held, to: "stays", event: "deadlineExtended" },
  requestInformation: { from: ["inReview"], to: "awaitingApplicant", event: "informationRequested" },
  provideInformation: { from: ["awaitingApplicant"], to: "inReview", event: "informationProvided" },
  forward: { from: registeredToReview, to: "forwarded", event: "forwarded" },
  handToCriminalProcedure: { from: ["triaged", "assigned", "inReview"], to: "handedToCriminalProcedure", event: "handedToCriminalProcedure" },
  answer: { from: ["inReview"], to: "answered", event: "answered" },
  close: { from: ["answered"], to: "closed", event: "closed" },
  rate: { from: ["answered", "closed"], to: "stays", event: "rated" },
  dispute: { from: ["answered", "closed"], to: "stays", event: "disputed" },
  mergeInto: { from: registeredToReview, to: "mergedAsDuplicate", event: "mergedAsDuplicate" },
  withdraw: { from: open, to: "withdrawn", event: "withdrawn" },
  escalate: { from: open, to: "stays", event: "escalated" },
  planMeasure: { from: planning, to: "stays", event: "measurePlanned" },
  completeMeasure: { from: settling, to: "stays", event: "measureCompleted" },
  cancelMeasure: { from: settling, to: "stays", event: "measureCancelled" },
  extendProtectionOrder: { from: ordered, to: "stays", event: "protectionOrderExtended" },
  recordProtectionOrderBreach: { from: ordered, to: "stays", event: "protectionOrderBreached" }
}
/** Where a path from receipt ends: closed (only rating and disputing remain) or a terminal status. */
export const ends: ReadonlyArray<Status> = ["closed", ...terminal]

/** The status after `command` given in `from`, or `undefined` when the rules do not allow it there. */
export const after = (command: Command.Type, from: Status): Status | undefined => {
  const e = expected[command]
  if (!e.from.includes(from)) return undefined
  return e.to === "stays" ? from : e.to
}

/** One path from `none` to an end: the commands and the statuses passed. */
export interface OraclePath {
  readonly commands: ReadonlyArray<Command.Type>
  readonly statuses: ReadonlyArray<Status>
}

/**
 * Every simple path (no status twice) from `none` to an end, walked over the table above, for the
 * commands given (in the order given: `Command.types` is the audit vocabulary's list).
 */
export const simplePaths = (commands: ReadonlyArray<Command.Type>): ReadonlyArray<OraclePath> => {
  const out: Array<OraclePath> = []
  const walk = (path: OraclePath) => {
    const here = path.statuses[path.statuses.length - 1]!
    if (ends.includes(here)) out.push(path)
    for (const c of commands) {
      const next = after(c, here)
      if (next === undefined || path.statuses.includes(next)) continue
      walk({ commands: [...path.commands, c], statuses: [...path.statuses, next] })
    }
  }
  walk({ commands: [], statuses: ["none"] })
  return out
}
