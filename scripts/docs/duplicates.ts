/**
 * Renders docs/rules/duplicates.md from `Duplicates`: the signals, how the score is made, the
 * decision procedure (rules with sources), the settings with their defaults, the concept lexicon,
 * and worked examples computed by the code.
 */
import { Duplicates } from "../../packages/core/src/index.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"

const s = Duplicates.defaultSettings
const cell = (x: string) => x.replace(/\|/g, "\\|")

const examples: ReadonlyArray<{ readonly title: string; readonly a: Duplicates.Appeal; readonly b: Duplicates.Appeal }> = [
  {
    title: "The same night's noise, in Uzbek and in Russian, by two neighbours",
    a: { applicantRef: "sm:u-1", submittedAt: "2026-01-14T23:40:00+05:00", status: "open", mahallaCode: "1726262-002", address: "Navoiy koʻchasi 14-uy", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi, bolalar uxlay olmayapti" },
    b: { applicantRef: "sm:u-2", submittedAt: "2026-01-15T00:05:00+05:00", mahallaCode: "1726262-002", address: "ул. Навои, д. 14", text: "Соседи каждую ночь громко включают музыку, дети не могут уснуть" }
  },
  {
    title: "The same problem at house 41 instead of 14",
    a: { applicantRef: "sm:u-1", submittedAt: "2026-01-14T23:40:00+05:00", status: "open", mahallaCode: "1726262-002", address: "Navoiy koʻchasi 14-uy", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi, bolalar uxlay olmayapti" },
    b: { applicantRef: "sm:u-3", submittedAt: "2026-01-15T00:05:00+05:00", mahallaCode: "1726262-002", address: "Navoiy 41", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi" }
  },
  {
    title: "A reminder about a still-open appeal",
    a: { applicantRef: "sm:u-1", submittedAt: "2026-01-14T23:40:00+05:00", status: "open", mahallaCode: "1726262-002", address: "Navoiy koʻchasi 14-uy", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi, bolalar uxlay olmayapti" },
    b: { applicantRef: "sm:u-1", submittedAt: "2026-01-17T10:00:00+05:00", mahallaCode: "1726262-002", address: null, text: "3 kun oldin musiqa haqida yozgan edim, hech kim kelmadi" }
  },
  {
    title: "The same person disputing the answer (a repeated appeal, ZRU-445)",
    a: { applicantRef: "sm:u-1", submittedAt: "2026-01-14T23:40:00+05:00", status: "answered", mahallaCode: "1726262-002", address: "Navoiy koʻchasi 14-uy", text: "Qoʻshnilar har kecha baland musiqa qoʻyishadi, bolalar uxlay olmayapti" },
    b: { applicantRef: "sm:u-1", submittedAt: "2026-02-14T22:00:00+05:00", mahallaCode: "1726262-002", address: "Navoiy 14", text: "Javobingizga rozi emasman, qoʻshnilar hali ham kechasi baland musiqa qoʻyishadi" }
  }
]

const render = (): string =>
  [
    generated("packages/core/src/Duplicates.ts"),
    "",
    "# Duplicates, reminders, repeated and related appeals",
    "",
    "`Duplicates.compare(a, b)` tells what a new appeal B is with respect to an earlier appeal A, as an",
    "inspector would decide it, and says why: every signal with its contribution to the score and its",
    "reason. It suggests; merging and linking stay a person's decision.",
    "",
    table(
      ["label", "what B is", "what the inspector does"],
      [
        ["`duplicate`", "the same incident reported again (other script, rewrite, another neighbour, other language, added details)", "merges B into A"],
        ["`reminder`", "the same applicant about his own still-open appeal A", "links B to A; no new appeal to work"],
        ["`repeated`", "the same applicant on the same matter after A was answered or after A's term ran out (ZRU-445)", "a new appeal, linked to A, examined by a superior"],
        ["`related`", "the same kind of problem at the same place, a new occurrence", "a new appeal, linked to A"],
        ["`distinct`", "anything else: same place other problem, same problem other place, another house", "nothing to link"]
      ]
    ),
    "",
    "## Signals",
    "",
    table(
      ["signal", "what is compared", "effect"],
      [
        ["mahalla", "the mahalla codes", `different mahallas: two places (\`distinct\`), unless the coordinates are at most ${s.nearMetres} m apart (a border street)`],
        ["address", "the address as written, reduced to street skeleton, lane, block (\"7-мавзе\", \"7-й квартал\"), house, flat, numbered landmark, across scripts, languages and spellings (\"Navoiy koʻchasi 14-uy\", \"ул. Навои, д. 14\", \"Navoiy 14\" are one key); the house numbers each text names (\"31-uy haqida\", a collective letter's \"(6-уй)\")", `same house ${s.place.sameHouse}, same street ${s.place.sameStreet} (also neighbouring houses, at most ${s.neighbourHouses} numbers apart, and a house the other text names), same landmark ${s.place.sameLandmark}, other street ${s.place.otherStreet}; another house on the same street (14 ≠ 41), another street and house, or another landmark: two places`],
        ["distance", "great-circle distance between coordinates, when both have them", `at most ${s.nearMetres} m: +${s.place.near}, one place; at least ${s.farMetres} m: two places`],
        ["text", "cosine of the character trigrams of the folded words (triage's fold: script, apostrophes, q→k, x→h), polite filler, function words and numbers left out", `× ${s.weights.text}`],
        ["concepts", "weighted Dice of the concepts of the shared Uzbek–Russian lexicon (below), the appeal's own street name left out (\"ул. Тинчлик\" is a place, not peace); a problem concept weighs 1, a setting concept " + s.weights.setting, `× ${s.weights.concepts}; both name problems and share none: ${s.weights.problemConflict}`],
        ["category", "the triage categories (`Triage.classify`, or the recorded one) and the triage model's likeliest categories with their probabilities", `× ${s.weights.category} the agreement: 1 when the same (not \`other\`), else the overlap of the likeliest categories (the sum of the lower probability of each category both name, \`other\` left out; a recorded category is certain, so two recorded categories that differ overlap 0)`],
        ["applicant", "the applicant refs", "decides between reminder / repeated and duplicate / related"],
        ["timeGap", "hours between A and B", `same applicant within ${s.resendHours} h: a re-send; another applicant after ${s.relatedAfterDays} days: related`],
        ["status", "A's status when B arrives (open, answered, overdue)", "open: reminder; answered or overdue: repeated (ZRU-445)"],
        ["cues", "B's words: reminder (\"yozgan edim\", \"писал\", \"о ходе рассмотрения\"), dispute (\"javobga rozi emasman\", \"не согласна\"), recurrence (\"yana\", \"снова\")", `a reminder or dispute cue of the same applicant lowers the score needed to ${s.reminderThreshold}; a message of at most ${s.reminderWords} words with a reminder cue is a reminder even within ${s.resendHours} h; a recurrence cue at the same place of an answered or older appeal lowers the topic needed to ${s.recurrenceThreshold}`]
      ]
    ),
    "",
    "## Score",
    "",
    `topic = ${s.weights.text} × text cosine + ${s.weights.concepts} × concept Dice + ${s.weights.category} × category agreement + (${s.weights.problemConflict} when the problems differ); score = topic + place, clamped to [0, 1].`,
    `Two appeals are about the same matter when the score reaches \`matterThreshold\` (${s.matterThreshold}) and the topic alone reaches \`topicThreshold\` (${s.topicThreshold}): the place alone never makes the same matter; the texts must also share a concept, or the triage category and some trigrams (two long unrelated letters share many trigrams; the category alone says nothing of the texts). The text and place parts are symmetric in A and B.`,
    "",
    "## Decision procedure",
    "",
    "Applied in this order; the first that applies gives the label and is named in the result (`ruleId`).",
    "",
    table(["rule", "statement", "source"], Duplicates.rules.map((r) => [`\`${r.id}\``, cell(r.statement), cell(r.source)])),
    "",
    "## Settings",
    "",
    "All thresholds and weights are `Duplicates.Settings`, with these defaults (chosen on the tuning splits of the labelled corpus, train, dev, test, holdout, extra and holdout2, the two thresholds by 5-fold cross-validation over their 1110 pairs and by leaving one split out, `pnpm similarity:eval --cv --loso`; the frozen split holdout3 played no part):",
    "",
    "```json",
    JSON.stringify(s, null, 2),
    "```",
    "",
    "## Concept lexicon",
    "",
    "Data in `packages/core/src/internal/duplicates/lexicon.ts`; entries are word beginnings in any script, folded once.",
    "",
    table(["concept", "kind", "meaning", "words"], Duplicates.lexicon.map((c) => [`\`${c.id}\``, c.kind, c.en, cell(c.words.map((w) => w.trim()).join(", "))])),
    "",
    "## Examples",
    "",
    ...examples.flatMap((e) => {
      const r = Duplicates.compare(e.a, e.b)
      return [
        `### ${e.title}`,
        "",
        `- A (${e.a.status}): ${e.a.address ?? "no address"}: "${e.a.text}"`,
        `- B: ${e.b.address ?? "no address"}: "${e.b.text}"`,
        "",
        `**${r.label}** (score ${r.score}, rule \`${r.ruleId}\`)`,
        "",
        table(["signal", "contribution", "reason"], r.signals.map((x) => [x.signal, x.contribution, cell(x.reason)])),
        ""
      ]
    }),
    "## Evaluation",
    "",
    "`pnpm similarity:eval` reports precision and recall of `duplicate` and the confusion table over the five labels for each split of packages/core/test/fixtures/duplicates. Tuning splits (their errors listed pair by pair with `--pairs`; `--cv` cross-validates the thresholds over them in 5 folds, `--loso` leaves one split out at a time): train, dev and test (the first authors), holdout (author D, 224 pairs; the frozen split of the first round, measured once there at duplicate precision 0.882 and recall 0.779), extra (author E, 224 pairs) and holdout2 (author F, 232 pairs; the frozen split of the second round, measured once there at precision 0.944 and recall 0.840). The frozen measure is holdout3 (author G, written apart from the code), checked against its SHA-256 in FROZEN and reported in aggregate only. The target is duplicate precision and recall of at least 0.90 on the frozen split.",
    "",
    "Figures of the defaults above. The tuning splits are in-sample: the lexicon was widened by meaning families after reading their errors, holdout2's among them; the out-of-fold and left-out figures re-choose the two thresholds only.",
    "",
    table(
      ["split", "pairs", "duplicate precision", "duplicate recall", "accuracy (5 labels)"],
      [
        ["train (tuning)", 160, "0.982 (54/55)", "0.964 (54/56)", "0.969"],
        ["dev (tuning)", 130, "1.000 (45/45)", "0.978 (45/46)", "0.969"],
        ["test (tuning)", 140, "0.939 (46/49)", "0.939 (46/49)", "0.957"],
        ["holdout (tuning, author D)", 224, "0.974 (75/77)", "0.974 (75/77)", "0.964"],
        ["extra (tuning, author E)", 224, "0.938 (75/80)", "0.962 (75/78)", "0.946"],
        ["holdout2 (tuning, author F)", 232, "0.976 (81/83)", "1.000 (81/81)", "0.957"],
        ["all six tuning splits, out of fold (5-fold cross-validation of the thresholds)", 1110, "0.964 (375/389)", "0.969 (375/387)", "0.958"],
        ["all six tuning splits, each left out (thresholds chosen on the other five)", 1110, "0.964 (376/390)", "0.972 (376/387)", "0.959"],
        ["**holdout3 (frozen, author G; measured once, 2026-11-29, after the last change)**", 240, "**0.927 (76/82)**", "**0.905 (76/84)**", "0.900"]
      ]
    ),
    "",
    "In the second round holdout2, then frozen, kept its precision (0.944) but lost recall (0.840) to a new author's wording: another neighbour's paraphrase, a report in the other language, where a single spurious problem word (\"разводит руками\" read as a scam) made the two texts look like two problems. This round widened the lexicon by whole situations rather than by the missed words (abandoned vehicles, graffiti, indecent exposure and bullying, prostitution, playgrounds, gas, heating, youths gathering, collisions, bank-call fraud, loans, bribes, charity collectors, livestock), dropped words that name no problem (\"открыт\", \"развод\"), counted the triage model's overlapping categories in part, and read a one-line note naming the appeal as a reminder however soon it comes. Holdout2's recall is now in-sample and says little about holdout3; the out-of-fold and left-out figures above were the estimate before holdout3 was measured.",
    "",
    "Measured once on the frozen holdout3 (240 pairs by an author who read only the corpus brief), after the last change: duplicate precision 0.927 and recall 0.905, both above the 0.90 target, lower than the out-of-fold estimate (0.964 / 0.969), as a new author's wording is. Its confusion table (actual in rows, predicted in columns; duplicate, reminder, repeated, related, distinct): duplicate 76, 0, 0, 0, 8; reminder 0, 24, 0, 0, 0; repeated 0, 0, 24, 0, 0; related 0, 0, 3, 23, 3; distinct 6, 4, 0, 0, 69. Eight of its duplicates were still read as distinct and six distinct pairs as duplicates; holdout3 is now used, so the next round needs another author's split to measure again."
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/duplicates.md", render }]
export default docs
