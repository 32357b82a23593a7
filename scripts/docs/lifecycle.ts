/**
 * Renders docs/rules/lifecycle.md from the lifecycle machine: the Mermaid diagram, every
 * transition with who may make it, its rules and their legal sources, the events it records, the
 * choices made where the law is silent, the settings, and every path from receipt to an end.
 */
import { AppealMachine, AppealState } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"

const code = (s: string) => `\`${s}\``

const render = (): string => {
  const transitions = AppealMachine.transitions()
  const rules = Object.entries(AppealMachine.rules) as ReadonlyArray<[AppealMachine.RuleId, AppealMachine.Rule]>
  const notes = Object.entries(AppealMachine.grants).filter(([, g]) => g.note !== undefined)
  const s = AppealMachine.defaultSettings
  return [
    generated("packages/core/src/AppealMachine.ts"),
    "",
    "# The appeal lifecycle",
    "",
    "This document is the lifecycle as the code enforces it. The xstate machine in",
    "`packages/core/src/AppealMachine.ts` is the single source: `Lifecycle.decide` runs it, and this",
    "page is rendered from it. Law: ZRU-445 \"On appeals of individuals and legal entities\" (11 Sep 2017),",
    "unless another source is named.",
    "",
    "Every accepted command records one event with its actor, time, the rule ids applied and the",
    "SHA-256 of the previous event of the appeal (see `Audit`). A refused command records nothing and",
    "fails with a typed error: `InvalidTransition` (no such transition in this status), `NotAuthorized`",
    "(with the reason) or `RuleViolation` (with the rule id and its source). See [errors.md](errors.md).",
    "",
    "## Diagram",
    "",
    "```mermaid",
    AppealMachine.mermaid(),
    "```",
    "",
    "## Statuses",
    "",
    table(
      ["status", "uz-Latn", "uz-Cyrl", "ru", "kind"],
      AppealState.Status.literals.map((st) => [
        code(st),
        AppealState.names[st]["uz-Latn"],
        AppealState.names[st]["uz-Cyrl"],
        AppealState.names[st].ru,
        st === "none"
          ? "before the first event"
          : AppealState.terminal.has(st)
            ? "terminal: accepts nothing"
            : st === "closed"
              ? "closed: accepts only `rate` and `dispute`"
              : st === "answered"
                ? "answered: the work is done; the applicant may rate or dispute; the system closes it"
                : "open: the legal clocks run"
      ])
    ),
    "",
    "Extension, extra study and escalation are not statuses: they are events and flags on an open appeal.",
    "",
    "## Transitions",
    "",
    "Who may: officer roles act within their territory (prevention, women's affairs, juvenile and probation",
    "inspectors in the mahallas they serve; senior inspectors and district chiefs in their district);",
    "`assignee` is the officer the appeal is assigned to, whatever his role; `applicant` is the applicant",
    "who owns the appeal. An officer never acts on a complaint about himself (`conflictOfInterest`); an",
    "auditor never acts (`readOnly`).",
    "",
    table(
      ["from", "command", "to", "who may", "rules", "records", "legal source"],
      transitions.map((t) => [
        code(t.from),
        code(t.command),
        t.to === t.from ? "(stays)" : code(t.to),
        t.grant.who.join(", "),
        t.grant.rules.map(code).join(", ") || "—",
        t.grant.events.map(code).join(", "),
        t.grant.source
      ])
    ),
    "",
    "## Rules",
    "",
    table(
      ["rule id", "requires", "source"],
      rules.map(([id, r]) => [code(id), r.requires, r.source])
    ),
    "",
    "## Choices where the law is silent",
    "",
    ...notes.map(([command, g]) => `- ${code(command)}: ${g.note}`),
    "- Reopening: a disputed answer is not reopened in place. The dispute is recorded on the appeal and a new, repeated appeal (a `shikoyat` linked `repeatOf`) is received, registered and put under a supervisor's control in the same commit; the original answer stays on record.",
    "- An appeal flagged `suspectedCrime` can neither be left without consideration nor answered: it is handed to criminal procedure, or an officer removes the flag with a recorded reason (`correctTriage`).",
    "- Personal data (applicant, signatories, text, exact place, attachments) is not in the event log; `received` carries its SHA-256 digest, so the data can be erased when retention ends while the chain stays verifiable.",
    "",
    "## Settings",
    "",
    table(
      ["setting", "default", "meaning"],
      [
        [code("portalGrounds"), String(s.portalGrounds), "The portals' grounds (insults or threats, meaningless text, advertising) may be used to leave an appeal without consideration, as \"other requirements\" of Art. 29."],
        [code("protectionOrderRegime"), s.protectionOrderRegime, "How long a protection order may run (ZRU-561): `current` up to 1 year (current regulation), `original` up to 30 days. Sources disagree; the current one is the default."],
        [code("answerApprovalByHead"), String(s.answerApprovalByHead), "An answer needs `approvedBy` a district chief."],
        [code("disputeTermMonths"), String(s.disputeTermMonths), "Months after the answer after which a dispute is marked as after the term (Art. 22: 1 year, restorable); it is never refused for it."]
      ]
    ),
    "",
    "## Every path from receipt to an end",
    "",
    "Enumerated by xstate's graph utilities (simple paths: no status twice). The tests drive each one",
    "through the real `decide`/`evolve` with an actor who may take each step, check the statuses, the",
    "replay and the chain, and then try every loop (self-transitions, `unassign`, `provideInformation`).",
    "",
    ...AppealMachine.paths().map((p, i) => `${i + 1}. ${p.commands.map(code).join(" → ")} (ends ${code(p.statuses[p.statuses.length - 1]!)})`)
  ].join("\n")
}

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/lifecycle.md", render }]
export default docs
