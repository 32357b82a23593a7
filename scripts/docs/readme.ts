/**
 * Renders docs/rules/README.md: the reader's table of contents of the rule documents.
 */
import type { Doc } from "../docs.js"
import { generated } from "../markdown.js"

const render = (): string =>
  [
    generated("scripts/docs/readme.ts"),
    "",
    "# The rules of Murojaat: a reader's guide",
    "",
    "These documents say what the library does with a citizen's appeal and under which law, for",
    "auditors and lawyers. They are produced from the rules themselves, so they cannot drift from what",
    "the library does. Each ends with a section marked \"For developers\"; nothing before it needs",
    "programming knowledge.",
    "",
    "1. [Glossary](glossary.md): every role, command, status, outcome, clock and legal term in Uzbek",
    "   (Latin and Cyrillic), Russian and English, with its meaning. Start here.",
    "2. [The lifecycle](lifecycle.md) and [its picture](lifecycle.svg): the statuses of an appeal, which",
    "   legal clock runs in each, and every command: who may give it, when, and under which rule.",
    "3. [Deadlines](deadlines.md): every legal term (registration, forwarding, consideration, the",
    "   proposal notice, extension, the safety clocks), how days are counted on the Uzbek calendar,",
    "   and worked examples counted by hand, including how a term stands day by day.",
    "4. [Assignment](assignment.md): which officer handles an appeal, and why.",
    "5. [Triage](triage.md): how an appeal is classified, and what marks it carries.",
    "6. [Reporting](reporting.md): how statuses and outcomes map to the official reporting categories",
    "   and the indicators of Cabinet resolution No. 40 of 2026.",
    "7. [Prevention](prevention.md): hotspots, repeat signals, unit ratings under resolution No. 40,",
    "   preventive measures and protection orders after their issue, each rule with its source.",
    "8. [Rule index and open legal questions](index.md): every rule id with its source, or",
    "   \"Murojaat policy\" where the law is silent; and each open question with the setting that answers it.",
    "9. [Error codes](errors.md): why a request is refused, in four languages.",
    "",
    "The law brief these rules follow is the project's summary of ZRU-445 (appeals), ZRU-561 (protection",
    "from violence), ZRU-547 (personal data), the Civil and Labour Codes on terms and days off, and",
    "Cabinet resolution No. 40 of 2026. Statute texts on lex.uz are the authority."
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/README.md", render }]
export default docs
