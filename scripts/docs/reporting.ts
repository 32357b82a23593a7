/**
 * Renders docs/rules/reporting.md: how statuses and outcomes map to the official reporting
 * categories, and how the indicators of Cabinet resolution No. 40 of 30 Jan 2026 are counted.
 */
import { AppealState, Command, Deadline } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"
import { clockStates, outcomes } from "./glossary.js"

const code = (s: string) => `\`${s}\``

const category: Readonly<Record<AppealState.Status, string>> = {
  none: "not counted (nothing received)",
  received: "in progress (koʻrib chiqilmoqda)",
  registered: "in progress",
  triaged: "in progress",
  assigned: "in progress",
  inReview: "in progress",
  awaitingApplicant: "in progress",
  answered: "by the outcome of the answer (table below)",
  closed: "by the outcome of the answer (table below)",
  leftWithoutConsideration: "left without consideration (koʻrmasdan qoldirildi)",
  forwarded: "forwarded to another body (vakolatli organga yuborildi)",
  handedToCriminalProcedure: "not one of the categories: a crime report follows the Criminal Procedure Code; reported apart (Murojaat policy)",
  mergedAsDuplicate: "counted once, with the appeal it joined (Murojaat policy)",
  withdrawn: "not one of the categories: reported apart as withdrawn (Murojaat policy)"
}

const render = (): string =>
  [
    generated("scripts/docs/reporting.ts"),
    "",
    "# Reporting: official categories and the resolution No. 40 indicators",
    "",
    "Official reporting counts appeals by outcome: resolved (satisfied), legal explanation given,",
    "rejected with grounds, left without consideration, forwarded to another body, and in progress.",
    "Cabinet of Ministers resolution No. 40 of 30 Jan 2026 scores bodies by registered, satisfied,",
    "rejected, deadline-violated and repeated appeals, ranked green, yellow or red. Where the law",
    "brief gives no category, the choice is marked **Murojaat policy**.",
    "",
    "## Statuses to reporting categories",
    "",
    table(
      ["status", "uz-Latn", "reporting category"],
      AppealState.Status.literals.map((s) => [code(s), AppealState.names[s]["uz-Latn"], category[s]])
    ),
    "",
    "## Outcomes of an answer",
    "",
    table(
      ["outcome", "uz-Latn", "uz-Cyrl", "ru", "reporting category"],
      Command.Outcome.literals.map((o) => [code(o), outcomes[o].uzLatn, outcomes[o].uzCyrl, outcomes[o].ru, outcomes[o].en])
    ),
    "",
    "## Indicators of resolution No. 40",
    "",
    table(
      ["indicator", "counted as"],
      [
        ["registered", "appeals registered in the period (every appeal is registered: refusing is forbidden, ZRU-445 Art. 23), with their true date of receipt"],
        ["satisfied", "appeals answered with the outcome `satisfied`"],
        ["rejected", "appeals answered with the outcome `rejectedWithGrounds`"],
        [
          "deadline-violated",
          `appeals with at least one clock ${[...Deadline.violated].map((s) => `${code(s)} (${clockStates[s].en})`).join(", ")}; a term that ran out stays violated whatever comes later (rule \`term.noLateChanges\`). Clocks owed only when their act is needed (forwarding, the proposal notice) count only when that act came late; \`notRequired\` is never a violation`
        ],
        ["repeated", "appeals linked as repeated (a dispute opens one, linked to the earlier appeal), and appeals triage marks `repeated` once the history confirms it"],
        ["green / yellow / red", "the thresholds are not in the law brief: `UnitRating` ranks with thresholds that are settings (UNCONFIRMED defaults, to be replaced with the resolution's own); see prevention.md"]
      ]
    ),
    "",
    "## For developers",
    "",
    "Clock states come from `Deadline.status(events, now)`; `Deadline.violated` is the set of violated",
    "states and `Deadline.conditional` the clocks owed only when needed. Statuses and outcomes are",
    "`AppealState.Status` and `Command.Outcome`."
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/reporting.md", render }]
export default docs
