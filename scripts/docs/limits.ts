/**
 * Renders docs/rules/limits.md from `Limits.defaultSettings` and `Limits.describe`: every size
 * limit on input, its value, unit, the fields it applies to and why it has that value; and the
 * rules every text and instant follows.
 */
import { Limits } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"

const names = Object.keys(Limits.defaultSettings) as ReadonlyArray<Limits.Name>
const section = (title: string, units: ReadonlyArray<Limits.Unit>) => {
  const rows = names
    .filter((n) => units.includes(Limits.describe[n].unit))
    .map((n) => [`\`${n}\``, Limits.defaultSettings[n].toLocaleString("en-US"), Limits.describe[n].unit, Limits.describe[n].appliesTo, Limits.describe[n].why])
  return [`## ${title}`, "", table(["limit", "value", "unit", "applies to", "why this value"], rows), ""]
}

const render = (): string =>
  [
    generated("packages/core/src/Limits.ts"),
    "",
    "# Input limits",
    "",
    "Every string and every list Murojaat accepts from outside has a bound, so that no input can make",
    "it store, hash, index or scan more than the law's work needs, and so that every adapter refuses the",
    "same inputs with the same error (`InvalidInput`, naming the field). The values are one table,",
    "`Limits.defaultSettings`, documented here. They are static: the schemas are built from the table",
    "when the core loads, so the table is what an operator reads, not a switch to turn at run time.",
    "Lengths are counted in UTF-16 code units (`String.length`): a letter outside the Basic Multilingual",
    "Plane, such as an emoji, counts two.",
    "",
    "## Rules for every text",
    "",
    "- A text is refused when it holds a C0 control character other than tab, line feed and carriage",
    "  return (NUL included) or DEL, or a lone UTF-16 surrogate (not Unicode; it cannot be stored as",
    "  UTF-8). (`Limits.text`)",
    "- Where a value is required (names, addresses, references, ids, the appeal's text, reasons), a",
    "  blank text is refused: empty, or only white space of any kind (U+00A0 no-break space, U+3000",
    "  ideographic space and the other Unicode spaces) and invisible format characters (zero-width",
    "  space and joiners, word joiner, soft hyphen). Optional free texts (a subject line, a rating",
    "  comment, a withdrawal reason, the appeal's address note) may be empty. (`Limits.requiredText`)",
    "- The length is checked before any pattern, so no pattern ever runs on a long string.",
    "",
    "## Rules for every instant and date",
    "",
    "- An instant (`Directory.Instant`: the time of every event, `receivedAt`, duty periods, absences,",
    "  a protection order's end) is ISO 8601 with an explicit offset, and must exist: a date in the",
    "  calendar (days of the month, leap years: 2026-02-29 and 2026-02-30 are refused), hours 00-23",
    "  (24:00 is refused), minutes and seconds 00-59 (no leap second), and an offset of at most ±14:00",
    "  with minutes 00-59. The check is an explicit calendar check (`Directory.isRealInstant`), not",
    "  `Date.parse`, which accepts 2026-02-30.",
    "- A date (`Calendar.IsoDate`) is `YYYY-MM-DD` and must exist in the calendar.",
    "",
    "## Rules for every input as a whole",
    "",
    "`Decode` copies every input into plain data before any schema reads it, without recursion, and",
    "refuses (as `InvalidInput`, never a thrown error) input nested deeper, larger or longer than the",
    "bounds below; cycles; bigints, symbols, functions and symbol keys; objects that are not plain data",
    "(class instances, `Date`, `Map`); and getters or proxies that throw. Every property is read once,",
    "so what is checked is what is decoded.",
    "",
    ...section("Texts", ["characters"]),
    ...section("Lists", ["items"]),
    ...section("Whole inputs", ["levels", "values"])
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/limits.md", render }]
export default docs
