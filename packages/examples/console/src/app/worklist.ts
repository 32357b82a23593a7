/**
 * The worklist table: the API's order (due first), urgent appeals moved to the top, each row with
 * its deadline badge (overdue, due soon, due) and the status name the API gave in the reader's
 * language. Kept apart from the rest of the console so the benchmark renders exactly this.
 *
 * @example
 * import { renderWorklist } from "./worklist.js"
 * const table = renderWorklist([{ appealId: "A-1", status: "assigned", statusName: "biriktirildi", flags: [] }], new Map(), "en", () => {})
 * table.querySelectorAll("tbody tr").length // 1
 */
import type { Locale } from "./api.js"
import { h } from "./dom.js"
import { t } from "./i18n.js"

/** A row of the worklist: the fields of the API's `Appeal` it shows. */
export interface Row {
  readonly appealId: string
  readonly status: string
  readonly statusName: string
  readonly priority?: string
  readonly category?: string
  readonly mahallaCode?: string
  readonly registrationNumber?: string
  readonly flags: ReadonlyArray<string>
}

/**
 * Names to show instead of codes, in the reader's language: categories (from the API's Open311
 * service list) and mahallas (from `/v1/places`). A code with no name is shown as it is.
 */
export interface Names {
  readonly category: ReadonlyMap<string, string>
  readonly mahalla: ReadonlyMap<string, string>
}

const noNames: Names = { category: new Map(), mahalla: new Map() }

const priorityWord = { urgent: "priorityUrgent", high: "priorityHigh", normal: "priorityNormal", low: "priorityLow" } as const

const priorityName = (locale: Locale, p: string | undefined): string =>
  p === undefined ? "—" : p in priorityWord ? t(locale, priorityWord[p as keyof typeof priorityWord]) : p

/** A deadline badge. */
export type Badge = "overdue" | "soon" | "due"

/**
 * Urgent first, otherwise the API's order (a stable sort keeps its due-time order).
 *
 * @example
 * import { urgentFirst } from "./worklist.js"
 * urgentFirst([{ appealId: "a", priority: "normal" }, { appealId: "b", priority: "urgent" }]).map((r) => r.appealId) // ["b", "a"]
 */
export const urgentFirst = <R extends { readonly priority?: string | undefined }>(rows: ReadonlyArray<R>): ReadonlyArray<R> =>
  rows.map((r, i) => [r, i] as const).sort((a, b) => Number(b[0].priority === "urgent") - Number(a[0].priority === "urgent") || a[1] - b[1]).map(([r]) => r)

const badgeWord = { overdue: "badgeOverdue", soon: "badgeSoon", due: "badgeDue" } as const

/**
 * The worklist as a table; `open` is called with an appeal id when a row's link is followed;
 * `names` gives the categories' and mahallas' names (codes are shown without it).
 */
export const renderWorklist = (
  rows: ReadonlyArray<Row>,
  badges: ReadonlyMap<string, Badge>,
  locale: Locale,
  open: (appealId: string) => void,
  names: Names = noNames
): HTMLTableElement => {
  const body = h("tbody")
  for (const r of urgentFirst(rows)) {
    const badge = badges.get(r.appealId) ?? "due"
    body.appendChild(
      h(
        "tr",
        { class: r.priority === "urgent" ? "urgent" : undefined, "data-appeal": r.appealId },
        h("td", null, h("a", { href: `#/appeal/${encodeURIComponent(r.appealId)}`, onclick: (e: Event) => (e.preventDefault(), open(r.appealId)) }, r.registrationNumber ?? r.appealId)),
        h("td", null, h("span", { class: `badge badge-${badge}` }, t(locale, badgeWord[badge]))),
        h("td", null, r.statusName),
        h("td", null, h("span", { class: `priority priority-${r.priority ?? "none"}` }, priorityName(locale, r.priority))),
        h("td", null, r.category === undefined ? "—" : (names.category.get(r.category) ?? r.category)),
        h("td", null, r.mahallaCode === undefined ? "—" : (names.mahalla.get(r.mahallaCode) ?? r.mahallaCode))
      )
    )
  }
  return h(
    "table",
    { class: "worklist" },
    h("caption", { class: "visually-hidden" }, t(locale, "worklist")),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        (["appealId", "deadline", "status", "priority", "category", "mahalla"] as const).map((w) => h("th", { scope: "col" }, t(locale, w)))
      )
    ),
    body
  )
}
