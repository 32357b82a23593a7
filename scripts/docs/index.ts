/**
 * Renders docs/rules/index.md: one index of every rule id of the rule registry (`Rule.registry`:
 * lifecycle, deadlines, assignment, the service, prevention, duplicates, triage), each with its legal source or "Murojaat policy", article numbers
 * the law brief does not confirm marked as such; and the open legal questions with the setting that
 * answers each.
 */
import { Rule } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"

// Articles the law brief (../shared/domain.md) confirms: ZRU-445 Art. 22, 23, 28, 29; Criminal Code
// Art. 126-1; Civil Code Art. 146; Labour Code Art. 208; ZRU-547 Art. 27-1.
const confirmed = new Set(["22", "23", "28", "29", "126-1", "146", "208", "27-1"])

const kindOf = (source: string): string => {
  const policy = /^Murojaat (policy|setting|triage|assignment)/.test(source) || /^policy/.test(source)
  const articles = [...source.matchAll(/Art\.\s*([0-9]+(?:-[0-9]+)?(?:\s*[,–-]\s*[0-9]+(?:-[0-9]+)?)*)/g)].flatMap((m) => m[1]!.split(/\s*[,–]\s*/))
  const unconfirmed = articles.filter((a) => !confirmed.has(a.trim()))
  return [policy ? "**Murojaat policy**" : "law", ...(unconfirmed.length > 0 ? [`article ${unconfirmed.join(", ")} not confirmed by the law brief`] : [])].join("; ")
}

interface Row {
  readonly id: string
  readonly doc: string
  readonly what: string
  readonly source: string
}

// The document that explains each area's rules.
const docOf: Readonly<Record<Rule.Area, string>> = {
  lifecycle: "lifecycle.md",
  command: "lifecycle.md",
  service: "lifecycle.md",
  deadline: "deadlines.md",
  assignment: "assignment.md",
  prevention: "prevention.md",
  duplicates: "duplicates.md",
  triage: "triage.md"
}

const rows = (): ReadonlyArray<Row> => Rule.registry.map((r) => ({ id: r.id, doc: docOf[r.area], what: r.statement, source: r.source }))

/** The open legal questions, each with the setting that answers it and its default. */
export const openQuestions: ReadonlyArray<readonly [string, string, string]> = [
  ["Does the Civil Code's counting of terms (start the day after, months to the same date, a last day off moves on) govern appeals?", "`periodStart`, `endOnNonWorkingDay`, `dueTime` (deadlines)", "yes: next day; next working day; end of working hours"],
  ["Are the 5 days for forwarding calendar or working days?", "`forwardingUnit` (deadlines)", "calendar days"],
  ["Are the 15 days of consideration calendar or working days?", "`considerationUnit` (deadlines)", "calendar days (the law says days)"],
  ["Does waiting for the applicant's information pause a term?", "`pauseWhileAwaitingApplicant` (deadlines)", "no (the law gives no pause)"],
  ["What term has a proposal that needs longer study? Art. 28 excepts it from the month and names none.", "`proposalLongerStudyMonths` (deadlines)", "2 months from receipt (the ceiling Art. 28 sets for the others)"],
  ["After extra study, does the head's month run from the end of that month or make 2 months from receipt (31 Jan: 28 Mar or 31 Mar)?", "`extensionCountsFrom` (deadlines)", "from the end of the term it extends, never past the 2-month ceiling"],
  ["Is disputing an answer before the same body's supervisors a complaint to a higher body with its 1-year term (Art. 22)?", "`disputeTermMonths` (lifecycle)", "12 months from the answer; never refuses, the supervisor decides on restoring a missed term"],
  ["Which protection-order regime applies: up to 30 days (original) or up to 1 year (current regulation)?", "`protectionOrderRegime` (lifecycle)", "current: up to 1 year"],
  ["Do the portals' grounds (insults, meaningless text, advertising) count as \"other requirements\" of Art. 29?", "`portalGrounds` (lifecycle)", "yes"],
  ["Must an answer be approved by the head?", "`answerApprovalByHead` (lifecycle)", "no"],
  ["What are the working hours that make a receipt \"after hours\"?", "`workingHours` (deadlines)", "09:00-18:00"],
  ["How fast must an urgent safety case be first acted on? The law sets no term.", "`urgentFirstContactHours` (deadlines)", "3 hours"],
  ["Is there exactly one prevention inspector per mahalla?", "the directory (many-to-many)", "no assumption: officers list the mahallas they serve"]
]

const render = (): string => {
  const all = rows()
  return [
    generated("scripts/docs/index.ts"),
    "",
    "# Rule index and open legal questions",
    "",
    "Every rule id used in the records, in one list, with the document that explains it and its source.",
    "\"Law\" means the rule comes from the cited act; **Murojaat policy** means it is this library's own",
    "choice where the law is silent (see [glossary.md](glossary.md)). Where a source cites an article",
    "number that the project's law brief does not confirm, the index says so: such a citation is a",
    "pointer to check on lex.uz, not an established fact.",
    "",
    `${all.length} rules.`,
    "",
    table(
      ["rule id", "document", "what it says", "source", "kind"],
      all.map((r) => [`\`${r.id}\``, `[${r.doc.replace(".md", "")}](${r.doc})`, r.what, r.source, kindOf(r.source)])
    ),
    "",
    "## Open legal questions",
    "",
    "Where the law is unclear, the answer is a setting with a documented default, never a silent guess.",
    "",
    table(["question", "setting", "default"], openQuestions.map(([q, s, d]) => [q, s, d]))
  ].join("\n")
}

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/index.md", render }]
export default docs
