/**
 * Renders docs/rules/prevention.md: prevention analytics (hotspots, repeat signals, unit ratings
 * under Cabinet resolution No. 40 of 2026, the protection-order suggestion), preventive measures
 * and the protection order after its issue; every rule with its id and source, every setting with
 * its default, and the worked examples of packages/core/test/fixtures/prevention.ts.
 */
import {
  AppealMachine,
  Analytics,
  AppealFact,
  Hotspots,
  PreventiveMeasure,
  ProtectionOrder,
  Repeats,
  UnitRating
} from "../../packages/core/src/index.js"
import { extensionExamples, hotspotExamples, ratingExamples } from "../../packages/core/test/fixtures/prevention.js"
import type { Doc } from "../docs.js"
import { generated, table } from "../markdown.js"

const code = (s: string) => `\`${s}\``
const ruleRows = (rules: ReadonlyArray<{ readonly id: string; readonly statement: string; readonly source: string }>) =>
  rules.map((r) => [code(r.id), r.statement, r.source])
const ruleTable = (rules: ReadonlyArray<{ readonly id: string; readonly statement: string; readonly source: string }>) =>
  table(["rule", "what it says", "source"], ruleRows(rules))
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`

const thresholds = () => {
  const t = UnitRating.defaultSettings.thresholds
  return table(
    ["indicator", "counted as", "green", "yellow", "red"],
    UnitRating.Indicator.literals.map((i) => {
      const th = t[i]
      const what = {
        violated: "deadline-violated appeals / registered",
        repeated: "repeated appeals / registered",
        satisfied: "answers `satisfied` / answered",
        rejected: "answers `rejectedWithGrounds` / answered",
        rating: "mean of the applicants' ratings (1 to 5)"
      }[i]
      if (th === null) return [code(i), what, "reported, not ranked", "", ""]
      const fmt = (x: number) => (i === "rating" ? x.toFixed(1) : pct(x))
      return th.direction === "lowerIsBetter"
        ? [code(i), what, `≤ ${fmt(th.green)}`, `≤ ${fmt(th.yellow)}`, `> ${fmt(th.yellow)}`]
        : [code(i), what, `≥ ${fmt(th.green)}`, `≥ ${fmt(th.yellow)}`, `< ${fmt(th.yellow)}`]
    })
  )
}

const render = (): string =>
  [
    generated("scripts/docs/prevention.ts"),
    "",
    "# Prevention: analytics, preventive measures and protection orders",
    "",
    "Appeals are not only answered: the prevention inspector analyses them to prevent offences (the",
    "seed article of this project: \"analyse the accumulated appeals to plan preventive work\"). This",
    "document says what Murojaat counts and suggests from the appeals, and under which rule. Where the",
    "law gives no number, the number is a **setting** with a default, marked as such; where a source",
    "was read but not confirmed on lex.uz, it says **UNCONFIRMED**.",
    "",
    "## 1. What is counted",
    "",
    "Every analysis reads one record per appeal (its *fact*): its place (region, district, mahalla), kind,",
    "category and flags, when it was truly received, whether it was registered, the outcome of its",
    "answer, the officer it is assigned to, the applicant's rating, whether it repeats an earlier appeal,",
    "whether a legal term was violated, the preventive measures recorded on it, and two links to other",
    "appeals that are personal data (the applicant's account, and a digest of the address). No name,",
    "text, phone or address is in it.",
    "",
    ruleTable(Analytics.rules),
    "",
    `An appeal not triaged yet counts under the category ${code(AppealFact.unclassified)}.`,
    "",
    "Who may read what: an inspector his mahallas; a senior inspector or a district chief his district;",
    "an integration system its districts; an auditor and the system everything; an applicant nothing.",
    "At the inspector level of the ratings, an inspector sees his own row only. Places are counted at a",
    "level no coarser than the area read.",
    "",
    "## 2. Hotspots: where appeals of a kind grow",
    "",
    "For each place (mahalla, district or region) and category: the appeals of the period and of the",
    "period before it (for example March against February), the rate per day of each (periods differ",
    "in length), the category's share of the place's appeals, the ratio of the rates, and a test of",
    "whether the rise is more than chance.",
    "",
    ruleTable(Hotspots.rules),
    "",
    "The test, in words: if nothing had changed, the appeals of both periods together would fall into",
    "the current one in proportion to its length (31 of 59 days for March against February). The",
    "p-value is the chance of at least as many in the current period. Many places are tested at once,",
    "so some small p-values are expected by chance alone; the Benjamini–Hochberg correction raises them",
    "(q-values) so that, among the places shown as rises, at most the chosen share (5 %) are expected",
    "to be false alarms. Generated data without any rise shows a rise in no more data sets than that",
    "(`packages/core/test/Hotspots.test.ts`).",
    "",
    table(
      ["setting", "default", "meaning"],
      [
        [code("fdr"), String(Hotspots.defaultSettings.fdr), "the false-discovery rate kept across the cells tested"],
        [code("minTotal"), String(Hotspots.defaultSettings.minTotal), "a cell is tested only with at least this many appeals in both periods together"],
        [code("minRatio"), String(Hotspots.defaultSettings.minRatio), "a rise must also be at least this ratio of the rates per day"]
      ]
    ),
    "",
    "Worked example (March against February 2026, one category, four mahallas), counted by hand:",
    "",
    table(
      ["mahalla", "March", "February", "p-value", "shown as a rise"],
      hotspotExamples.map((e) => [e.name.split(":")[0]!, e.current, e.previous, e.pValue === null ? "not tested (fewer than 5)" : e.pValue.toFixed(4), e.rise ? "yes" : "no"])
    ),
    "",
    "M1 and M4 keep q-values of 0.0046 after the correction across the three cells tested; M2's 0.33",
    "is no evidence of a rise.",
    "",
    "## 3. Repeat signals",
    "",
    "Appeals that keep coming back, each signal explained by the appeals behind it. Readers who may",
    "see personal data (officers) see the key that links them; others (auditors, integration systems)",
    "see the appeal ids only. An inspector is shown the signals in his mahallas that no measure",
    "addresses yet.",
    "",
    ruleTable(Repeats.rules),
    "",
    table(
      ["setting", "default"],
      [
        [code("windowDays"), String(Repeats.defaultSettings.windowDays)],
        [code("address.minAppeals"), String(Repeats.defaultSettings.address.minAppeals)],
        [code("family.minAppeals"), String(Repeats.defaultSettings.family.minAppeals)],
        [code("family.categories"), Repeats.defaultSettings.family.categories.map(code).join(", ")],
        [code("family.flags"), Repeats.defaultSettings.family.flags.map(code).join(", ")],
        [code("mahallaRate.minRegistered"), String(Repeats.defaultSettings.mahallaRate.minRegistered)]
      ]
    ),
    "",
    "All are Murojaat settings: no law sets them.",
    "",
    "## 4. Performance of units (Cabinet resolution No. 40 of 30 Jan 2026)",
    "",
    "Per inspector (the appeals assigned to him), per mahalla and per district: registered, answered,",
    "satisfied, explained, rejected, deadline-violated and repeated appeals received in the period,",
    "and the applicants' ratings. The resolution ranks bodies green, yellow or red; its thresholds were",
    "not in the sources read, so the thresholds below are **settings, UNCONFIRMED**: replace them with",
    "the resolution's own. A unit's rank is the worst rank of its indicators.",
    "",
    ruleTable(UnitRating.rules),
    "",
    thresholds(),
    "",
    `A unit with fewer than ${UnitRating.defaultSettings.minRegistered} registered appeals is unranked; the rating counts from ${UnitRating.defaultSettings.minRated} ratings.`,
    "",
    "Worked examples (a district with 100 registered and 100 answered appeals, 60 satisfied, unless said):",
    "",
    table(
      ["example", "rank"],
      ratingExamples.map((e) => [e.name, e.expect])
    ),
    "",
    "## 5. Protection orders (ZRU-561)",
    "",
    "The inspector studies a report of domestic violence within 24 hours and issues or refuses an order",
    "(the lifecycle's `issueProtectionOrder` and `refuseProtectionOrder`; docs/rules/lifecycle.md). After",
    "it is issued, the order is extended and its breaches recorded by commands of their own",
    "(`extendProtectionOrder`, `recordProtectionOrderBreach`). The sources disagree on the regime: the",
    "original text gives 30 days, extendable once by 30 days on the victim's application; the current",
    "regulation text gives up to 1 year (setting `protectionOrderRegime`, default `current`).",
    "",
    ruleTable(ProtectionOrder.rules),
    "",
    table(
      ["setting", "default"],
      [
        [code("incidentsPerCalendarYear"), `${ProtectionOrder.defaultSettings.incidentsPerCalendarYear} (UNCONFIRMED)`],
        [code("incidentCategories"), ProtectionOrder.defaultSettings.incidentCategories.map(code).join(", ")],
        [code("incidentFlags"), ProtectionOrder.defaultSettings.incidentFlags.map(code).join(", ")],
        [code("originalExtensionDays"), String(ProtectionOrder.defaultSettings.originalExtensionDays)],
        [code("originalExtensions"), String(ProtectionOrder.defaultSettings.originalExtensions)],
        [code("currentCeilingMonths"), `${ProtectionOrder.defaultSettings.currentCeilingMonths} (whether the current regime extends at all: UNCONFIRMED)`]
      ]
    ),
    "",
    "Worked examples of extensions (an order issued 10 Jan 2026 at 10:00):",
    "",
    table(
      ["example", "regime", "recorded, or refused by"],
      extensionExamples.map((e) => [e.name, e.regime, e.expect === null ? "recorded" : code(e.expect)])
    ),
    "",
    "The suggestion on the inspector's own initiative: when the same victim (the same address, else the",
    `same applicant) has ${ProtectionOrder.defaultSettings.incidentsPerCalendarYear} or more domestic-violence appeals in one calendar year and no order on them is in`,
    "force, the inspector is shown the appeals and asked to decide. It is a suggestion, never an order.",
    "",
    "## 6. Preventive measures",
    "",
    "A measure is recorded on the appeal that led to it, linked to the other appeals behind it, in the",
    "appeal's audited event log: planned (with its due time), then done (with its outcome) or cancelled",
    "(with the reason, kept as personal data). A protection order is a measure too, recorded by its own",
    "commands.",
    "",
    table(
      ["kind", "outcomes", "term by default", "longest term"],
      PreventiveMeasure.PlannedKind.literals.map((k) => [
        code(k),
        PreventiveMeasure.outcomesOf[k].map(code).join(", "),
        `${PreventiveMeasure.defaultSettings.defaultDays[k]} days`,
        `${PreventiveMeasure.defaultSettings.maxDays[k]} days`
      ])
    ),
    "",
    "No law found sets these terms: they are Murojaat settings.",
    "",
    ruleTable(PreventiveMeasure.rules),
    "",
    "## 7. Measures and orders in the lifecycle",
    "",
    "The five prevention commands are lifecycle commands like any other: audited events on the appeal's",
    "hash chain, given by the roles below within their territory (docs/security.md), guarded by the rules",
    "above. None changes the appeal's status. A measure is planned from registration on, before and after",
    "the answer; what exists (a planned measure, an issued order) is settled in every later status, after",
    "the appeal ended too, so no measure stays planned and no order loses its extension because its",
    "appeal moved on.",
    "",
    "After `handToCriminalProcedure` measures are still planned and orders extended: the appeal leaves",
    "ZRU-445 for the Criminal Procedure Code, but preventive work with the family and the protection of",
    "the victim (ZRU-561) go on beside the criminal case; domestic violence is itself a crime (Criminal",
    "Code Art. 126-1, ZRU-829 of 2023). After an appeal was left without consideration, forwarded,",
    "merged or withdrawn, nothing new is planned on it (the competent body, or the appeal it joined,",
    "plans), and what exists is completed, cancelled, extended or breached.",
    "",
    table(
      ["command", "who", "statuses", "records"],
      (["planMeasure", "completeMeasure", "cancelMeasure", "extendProtectionOrder", "recordProtectionOrderBreach"] as const).map((c) => [
        code(c),
        AppealMachine.grants[c].who.join(", "),
        AppealMachine.transitions()
          .filter((t) => t.command === c)
          .map((t) => t.from)
          .join(", "),
        AppealMachine.grants[c].events.map(code).join(", ")
      ])
    ),
    "",
    "Over HTTP: `POST /v1/appeals/{appealId}/{command}` takes these commands like every other",
    "(docs/http.md); the analytics are read at `/v1/analytics/*`.",
    "",
    "## For developers",
    "",
    "The facts are `AppealFact.of(state, events, personal, asOf)`; the computations are `Hotspots`,",
    "`Repeats`, `UnitRating`, `ProtectionOrder.suggestions`, each a pure function of facts; the port is",
    "`Analytics` (reference `Analytics.fromFacts`, any store `Analytics.layerFromStore`, PostgreSQL",
    "`PgAnalytics`, proven equal by the testkit's analytics suite). Exports: `AnalyticsExport` (CSV,",
    "JSON) and `murojaat analytics`. Settings: `Hotspots.defaultSettings`, `Repeats.defaultSettings`,",
    "`UnitRating.defaultSettings`, `ProtectionOrder.defaultSettings`, `PreventiveMeasure.defaultSettings`.",
    "Worked examples: packages/core/test/fixtures/prevention.ts."
  ].join("\n")

const docs: ReadonlyArray<Doc> = [{ file: "docs/rules/prevention.md", render }]
export default docs
