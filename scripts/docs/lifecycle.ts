/**
 * Renders docs/rules/lifecycle.md and the picture docs/rules/lifecycle.svg from the lifecycle
 * machine: the statuses and which legal clock runs in each, every command with who may give it,
 * where, and what it requires (rule ids and sources), the choices where the law is silent, the
 * settings, and, for developers, the transition table, the Mermaid text and every path.
 */
import { AppealMachine, AppealMachineGraph, AppealState, type Command, Rule } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"
import { commandNames, plainWho } from "./glossary.js"

const code = (s: string) => `\`${s}\``
const statusName = (s: AppealState.Status) => AppealState.names[s].en

const and = (xs: ReadonlyArray<string>) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`)

// Which legal clocks run in which status (docs/rules/deadlines.md has the terms).
const clocksIn: Readonly<Record<AppealState.Status, string>> = {
  none: "none",
  received: "registration (the same day, or the next working day after hours); consideration, counted from the day of receipt; the forwarding window (5 days); for a proposal, the 10-day window to tell the proposer of longer study",
  registered: "consideration; the forwarding window; for a proposal, the 10-day window; after triage, the safety clocks",
  triaged: "consideration; the forwarding window; the proposal's 10-day window; urgent first contact (priority urgent); the 24-hour protection-order study (domestic violence)",
  assigned: "the same as triaged",
  inReview: "consideration; the proposal's 10-day window; the protection-order study. Forwarding is no longer expected, but a forward is still judged against its 5 days",
  awaitingApplicant: "the same as in review: the law gives no pause (setting `pauseWhileAwaitingApplicant`, off by default)",
  answered: "none; the term for disputing the answer starts (12 months, a setting; it never refuses a dispute)",
  closed: "none; the term for disputing the answer runs on",
  leftWithoutConsideration: "none: every clock stops (a clock whose term had already run out stays violated)",
  forwarded: "none: the forwarding clock is met, in time or late; the others stop",
  handedToCriminalProcedure: "none: the criminal-procedure terms apply instead",
  mergedAsDuplicate: "none: the appeal it joins carries the terms",
  withdrawn: "none: every clock stops (a clock whose term had already run out stays violated)"
}

const render = (): string => {
  const transitions = AppealMachine.transitions()
  const rules = Rule.registry.filter((r) => r.area === "lifecycle" || r.area === "service")
  const notes = Object.entries(AppealMachine.grants).filter(([, g]) => g.note !== undefined)
  const s = AppealMachine.defaultSettings
  const commands = [...new Set(transitions.map((t) => t.command))]
  const byCommand = (c: Command.Type) => {
    const ts = transitions.filter((t) => t.command === c)
    const g = AppealMachine.grants[c]
    const from = ts.map((t) => statusName(t.from))
    const targets = [...new Set(ts.map((t) => (t.to === t.from ? "the status stays" : `to ${statusName(t.to)}`)))]
    const requires = g.rules.map((r) => `${Rule.find(r).statement} (${code(r)})`)
    return `- **${code(c)}** (${commandNames[c].uzLatn} / ${commandNames[c].ru}): ${plainWho(g.who)}; when the appeal is ${and(from)}; ${and(targets)}.${requires.length > 0 ? ` Requires: ${requires.join("; ")}.` : ""} Source: ${g.source}.`
  }
  return [
    generated("packages/core/src/AppealMachine.ts"),
    "",
    "# The appeal lifecycle",
    "",
    "What can happen to an appeal, who may do it, and under which rule of law. Law: ZRU-445 \"On appeals",
    "of individuals and legal entities\" (11 Sep 2017), unless another source is named. A rule marked",
    "**Murojaat policy** is a choice of this library where the law is silent (see [glossary.md](glossary.md)).",
    "Every rule id is listed with its source in [index.md](index.md).",
    "",
    "Everything that is done is recorded with who did it, when, and the rules applied; records are",
    "chained so that any later change to them is detected. A request that is refused records nothing",
    "and says why: not possible in this status, not allowed to this person, or the rule it breaks",
    "(see [errors.md](errors.md)).",
    "",
    "## The picture",
    "",
    "![The statuses of an appeal and the commands that move it between them](lifecycle.svg)",
    "",
    "Boxes are statuses; arrows are commands that change the status. Grey boxes end the appeal.",
    "Commands that keep the status (extension, extra study, escalation, protection orders...) are in",
    "the list below.",
    "",
    "## Statuses, and which legal clock runs in each",
    "",
    table(
      ["status", "uz-Latn", "uz-Cyrl", "ru", "legal clocks that run"],
      AppealState.Status.literals.map((st) => [code(st), AppealState.names[st]["uz-Latn"], AppealState.names[st]["uz-Cyrl"], AppealState.names[st].ru, clocksIn[st]])
    ),
    "",
    "Extension, extra study and escalation are not statuses: they are marks on an open appeal. An",
    "appeal entered on a later day than it was received is marked as entered late and keeps its true",
    "date of receipt.",
    "",
    "## The commands: who, when, under which rule",
    "",
    ...commands.map(byCommand),
    "",
    "## Rules",
    "",
    table(
      ["rule id", "requires", "source"],
      rules.map((r) => [code(r.id), r.statement, r.source])
    ),
    "",
    "## Choices where the law is silent",
    "",
    ...notes.map(([command, g]) => `- ${code(command)}: ${g.note}`),
    "- Reopening: a disputed answer is not reopened in place. The dispute is recorded on the appeal and a new, repeated appeal (a complaint linked to this one) is received, registered and put under a supervisor's control at once; the original answer stays on record.",
    "- An appeal marked as a suspected crime can neither be left without consideration nor answered: it is handed to criminal procedure, or an officer removes the mark with a recorded reason.",
    "- Personal data (applicant, signatories, text, exact place, attachments) is kept apart from the record of what was done, so that it can be erased when its retention ends while the record stays verifiable.",
    "",
    "## Settings",
    "",
    table(
      ["setting", "default", "meaning"],
      [
        [code("portalGrounds"), String(s.portalGrounds), "The portals' grounds (insults or threats, meaningless text, advertising) may be used to leave an appeal without consideration, as \"other requirements\" of Art. 29."],
        [code("protectionOrderRegime"), s.protectionOrderRegime, "How long a protection order may run (ZRU-561): `current` up to 1 year (current regulation), `original` up to 30 days. Sources disagree; the current one is the default."],
        [code("answerApprovalByHead"), String(s.answerApprovalByHead), "An answer needs the approval of the district chief."],
        [code("disputeTermMonths"), String(s.disputeTermMonths), "Months after the answer after which a dispute is marked as after the term (Art. 22: 1 year from learning of the decision, restorable for a good reason). A dispute is never refused for it; the supervisor decides on restoration. `null`: no term."]
      ]
    ),
    "",
    "## For developers",
    "",
    "The xstate machine in `packages/core/src/AppealMachine.ts` is the single source: `Lifecycle.decide`",
    "runs it, and this page and `lifecycle.svg` are rendered from it by `scripts/docs/lifecycle.ts`.",
    "The rules that ask whether a term still runs read the calendar and counting policy from",
    "`AppealMachine.Context.deadlines` (`Deadline.Options`).",
    "",
    "### Transitions",
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
    "### Mermaid",
    "",
    "```mermaid",
    AppealMachineGraph.mermaid(),
    "```",
    "",
    "### Every path from receipt to an end",
    "",
    "Enumerated by xstate's graph utilities (simple paths: no status twice). The tests drive each one",
    "through the real `decide`/`evolve` with an actor who may take each step, check the statuses, the",
    "replay and the chain, and then try every loop (self-transitions, `unassign`, `provideInformation`).",
    "",
    ...AppealMachineGraph.paths().map((p, i) => `${i + 1}. ${p.commands.map(code).join(" → ")} (ends ${code(p.statuses[p.statuses.length - 1]!)})`)
  ].join("\n")
}

// ---------------------------------------------------------------------------------------------
// The picture: a deterministic layout of the machine's statuses and status-changing transitions.
// The main flow runs down the left column; the statuses that end an appeal stand in a right
// column, each labelled with the one command that leads there.
// ---------------------------------------------------------------------------------------------

const W = 190
const H = 44
const place: Partial<Record<AppealState.Status, readonly [number, number]>> = {
  none: [200, 30],
  received: [200, 120],
  registered: [200, 210],
  triaged: [200, 300],
  assigned: [200, 390],
  inReview: [200, 480],
  awaitingApplicant: [470, 480],
  answered: [200, 570],
  closed: [60, 660]
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

export const svg = (): string => {
  const transitions = AppealMachine.transitions().filter((t) => t.from !== t.to)
  const ends = AppealState.Status.literals.filter((s) => AppealState.terminal.has(s))
  const pos = new Map<AppealState.Status, readonly [number, number]>()
  for (const st of AppealState.Status.literals) {
    const p = place[st]
    if (p !== undefined) pos.set(st, p)
  }
  ends.forEach((st, i) => pos.set(st, [760, 120 + i * 110]))
  let extra = 0
  for (const st of AppealState.Status.literals) if (!pos.has(st)) pos.set(st, [470, 660 + 90 * extra++])
  const height = Math.max(...[...pos.values()].map(([, y]) => y)) + H + 40
  const width = 760 + W + 40
  const center = (st: AppealState.Status) => {
    const [x, y] = pos.get(st)!
    return [x + W / 2, y + H / 2] as const
  }
  // Where the line from the centre of `a` towards `b` leaves the box of `a`.
  const border = (a: AppealState.Status, b: AppealState.Status) => {
    const [ax, ay] = center(a)
    const [bx, by] = center(b)
    const dx = bx - ax
    const dy = by - ay
    const t = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy))
    return [ax + dx * t, ay + dy * t] as const
  }
  const pairs = new Map<string, { from: AppealState.Status; to: AppealState.Status; commands: Array<string> }>()
  for (const t of transitions) {
    const key = `${t.from}>${t.to}`
    const p = pairs.get(key) ?? { from: t.from, to: t.to, commands: [] }
    if (!p.commands.includes(t.command)) p.commands.push(t.command)
    pairs.set(key, p)
  }
  const out: Array<string> = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>The appeal lifecycle: statuses and the commands that change them (generated from packages/core/src/AppealMachine.ts)</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`
  ]
  const labels: Array<string> = []
  for (const p of pairs.values()) {
    const terminal = AppealState.terminal.has(p.to)
    const reverse = pairs.has(`${p.to}>${p.from}`)
    let [x1, y1] = border(p.from, p.to)
    let [x2, y2] = border(p.to, p.from)
    if (reverse) {
      // Two opposite arrows: shift each to its own side.
      const len = Math.hypot(x2 - x1, y2 - y1) || 1
      const nx = (-(y2 - y1) / len) * 6
      const ny = ((x2 - x1) / len) * 6
      x1 += nx
      y1 += ny
      x2 += nx
      y2 += ny
    }
    const f = (n: number) => n.toFixed(1)
    const backwards = !terminal && y2 < y1 - 1 && Math.abs(x2 - x1) < 1
    if (backwards) {
      // Upward along the main column: an arc on the left.
      const bend = 30 + 12 * (Math.round((y1 - y2) / 90) - 1)
      out.push(`<path d="M ${f(x1 - W / 2 + 10)} ${f(y1 - H / 2 + 4)} C ${f(x1 - W / 2 - bend)} ${f(y1)}, ${f(x2 - W / 2 - bend)} ${f(y2)}, ${f(x2 - W / 2 + 10)} ${f(y2 + H / 2 - 4)}" fill="none" stroke="#999" stroke-dasharray="4 3" marker-end="url(#arrow)"/>`)
      labels.push(`<text x="${f(x1 - W / 2 - bend * 0.75)}" y="${f((y1 + y2) / 2 + 4)}" text-anchor="end" font-size="10" fill="#555">${esc(p.commands.join(", "))}</text>`)
      continue
    }
    out.push(`<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${terminal ? "#bbb" : "#444"}" marker-end="url(#arrow)"/>`)
    if (!terminal) {
      const mx = (x1 + x2) / 2
      const my = (y1 + y2) / 2
      const text = p.commands.join(", ")
      labels.push(`<rect x="${f(mx + 4)}" y="${f(my - 9)}" width="${text.length * 6.2 + 6}" height="14" fill="#fff" opacity="0.85"/>`)
      labels.push(`<text x="${f(mx + 7)}" y="${f(my + 2)}" font-size="10" fill="#222">${esc(text)}</text>`)
    }
  }
  for (const [st, [x, y]] of pos) {
    const terminal = AppealState.terminal.has(st)
    const via = terminal ? [...new Set(transitions.filter((t) => t.to === st).map((t) => t.command))].join(", ") : ""
    out.push(`<rect x="${x}" y="${y}" width="${W}" height="${H}" rx="8" fill="${terminal ? "#eee" : st === "closed" ? "#e8f4e8" : "#eef3fb"}" stroke="#333"/>`)
    out.push(`<text x="${x + W / 2}" y="${y + (via === "" ? 20 : 18)}" text-anchor="middle" font-weight="bold">${esc(st)}</text>`)
    out.push(`<text x="${x + W / 2}" y="${y + (via === "" ? 35 : 31)}" text-anchor="middle" font-size="10" fill="#444">${esc(AppealState.names[st]["uz-Latn"])}</text>`)
    if (via !== "") out.push(`<text x="${x + W / 2}" y="${y + 41}" text-anchor="middle" font-size="9" fill="#666">by ${esc(via)}</text>`)
  }
  out.push(...labels)
  out.push("</svg>")
  return out.join("\n")
}

const docs: ReadonlyArray<Doc> = [
  { file: "docs/rules/lifecycle.md", render },
  { file: "docs/rules/lifecycle.svg", render: svg }
]
export default docs
