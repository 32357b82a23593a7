/**
 * Masking cost on 20,000-character texts (the longest appeal text): a realistic appeal full of
 * phones, e-mail addresses and passport numbers, and hostile texts built to make a backtracking
 * regular expression rescan (one long word, long digit runs, digits and spaces, many `@`, digits
 * separated by runs of spaces). Baseline: one plain `String.prototype.replace` of a single simple
 * regex (`/[0-9]/g`, every digit to `*`) over the same text, run in the same process. Also
 * compares the previous two-regex `maskText` on the hostile word, to show why it was replaced.
 *
 * Run: npx tsx scripts/bench.ts mask
 */
import { Policy } from "../src/index.js"
import { compare } from "../../../scripts/benchkit.js"

const N = 20_000
const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N)
const texts: ReadonlyArray<readonly [string, string]> = [
  [
    "appeal text with phones, e-mails, passports",
    fill("Qoʻshnim har kecha shovqin qiladi, tel +998 (90) 123-45-67 yoki ９０ １２３ ４５ ６７, pasport AA 1234567, e-mail ali.valiyev@mail.uz. ")
  ],
  ["one 20,000-letter word", fill("a")],
  ["20,000 digits", fill("1")],
  ["digit, space, digit, space...", fill("1 ")],
  ["digits with three-space gaps", fill("1   ")],
  ["digits with four-space gaps (never joined)", fill("12    ")],
  ["a@a@a@...", fill("a@")],
  ["NBSP-grouped numbers", fill("90\u00a0123\u00a045\u00a067 ")]
]

// The previous implementation, kept here only to measure it.
const previous = (text: string): string =>
  text.replace(/[^\s@,;]+@[^\s@,;]+/g, "***@***").replace(/\+?\d[\d\s()-]{5,}\d/g, (m) => m.replace(/\d(?=(?:\D*\d){2})/g, "*"))

let sink = 0
const msPer = (ops: number) => (1000 / ops).toFixed(3)
const rows: Array<string> = []
for (const [name, text] of texts) {
  const r = compare(
    `maskText on ${name} (${text.length.toLocaleString("en-US")} characters), masks per second`,
    { name: "String.prototype.replace(/[0-9]/g, \"*\")", run: () => ((sink += text.replace(/[0-9]/g, "*").length), 1) },
    { name: "Policy.maskText", run: () => ((sink += Policy.maskText(text).length), 1) },
    900
  )
  rows.push(`| ${name} | ${msPer(r.baseline.opsPerSecond)} | ${msPer(r.subject.opsPerSecond)} | ${r.ratio.toFixed(2)} |`)
}
const old = compare(
  "previous two-regex maskText vs Policy.maskText on one 20,000-letter word, masks per second",
  { name: "previous maskText (backtracking regexes)", run: () => ((sink += previous(texts[1]![1]).length), 1) },
  { name: "Policy.maskText", run: () => ((sink += Policy.maskText(texts[1]![1]).length), 1) },
  2400
)
console.log("\n| text (20,000 characters) | one replace, ms | maskText, ms | ratio (masks/s) |\n| --- | --- | --- | --- |")
for (const r of rows) console.log(r)
console.log(`| previous maskText on one 20,000-letter word | ${msPer(old.baseline.opsPerSecond)} | ${msPer(old.subject.opsPerSecond)} | ${old.ratio.toFixed(0)} |`)
if (sink === -1) console.log("")
