/**
 * Accuracy reports: from (predicted, actual) pairs (the evaluation corpus) or from the lifecycle's
 * events (inspectors' corrections), and the corrections as training examples.
 */
import * as Taxonomy from "../../Taxonomy.js"
import type * as Triage from "../../Triage.js"

type Labels = Triage.Labels
type Stats = Triage.Stats
type Report = Triage.Report
type TriageEvent = Triage.TriageEvent

const uniq = <A>(xs: Iterable<A>): Array<A> => [...new Set(xs)]

const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 10000) / 10000)

const stats = (name: string, pairs: ReadonlyArray<readonly [boolean, boolean]>): Stats => {
  const support = pairs.filter(([, actual]) => actual).length
  const predicted = pairs.filter(([p]) => p).length
  const truePositives = pairs.filter(([p, a]) => p && a).length
  return { name, support, predicted, truePositives, precision: ratio(truePositives, predicted), recall: ratio(truePositives, support) }
}

/** See `Triage.report`. */
export const report = (pairs: ReadonlyArray<{ readonly predicted: Labels; readonly actual: Labels }>): Report => {
  const categories = uniq(pairs.flatMap((p) => [p.actual.category, p.predicted.category])).sort()
  const flags = uniq(pairs.flatMap((p) => [...p.actual.flags, ...p.predicted.flags])).sort()
  const correct = pairs.filter((p) => p.predicted.category === p.actual.category).length
  const confidentPairs = pairs.filter((p) => p.predicted.needsPerson !== true)
  const urgent = pairs.filter((p) => p.actual.priority === "urgent")
  const predictedUrgent = pairs.filter((p) => p.predicted.priority === "urgent")
  const confusions = new Map<string, number>()
  for (const p of pairs)
    if (p.predicted.category !== p.actual.category) {
      const k = `${p.actual.category}\u0000${p.predicted.category}`
      confusions.set(k, (confusions.get(k) ?? 0) + 1)
    }
  return {
    total: pairs.length,
    correct,
    accuracy: ratio(correct, pairs.length),
    confident: confidentPairs.length,
    confidentAccuracy: ratio(confidentPairs.filter((p) => p.predicted.category === p.actual.category).length, confidentPairs.length),
    needsPerson: pairs.length - confidentPairs.length,
    urgentActual: urgent.length,
    urgentFound: urgent.filter((p) => p.predicted.priority === "urgent").length,
    urgentRecall: ratio(urgent.filter((p) => p.predicted.priority === "urgent").length, urgent.length),
    urgentPrecision: ratio(predictedUrgent.filter((p) => p.actual.priority === "urgent").length, predictedUrgent.length),
    underPrioritised: pairs.filter((p) => Taxonomy.rank(p.predicted.priority) < Taxonomy.rank(p.actual.priority)).length,
    perCategory: categories.map((c) => stats(c, pairs.map((p) => [p.predicted.category === c, p.actual.category === c] as const))),
    perFlag: flags.map((f) => stats(f, pairs.map((p) => [p.predicted.flags.includes(f), p.actual.flags.includes(f)] as const))),
    matrix: {
      labels: categories,
      counts: categories.map((a) => categories.map((b) => pairs.filter((p) => p.actual.category === a && p.predicted.category === b).length))
    },
    confusions: [...confusions]
      .map(([k, count]) => {
        const [actual, predicted] = k.split("\u0000") as [string, string]
        return { actual, predicted, count }
      })
      .sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual) || a.predicted.localeCompare(b.predicted))
  }
}

const labelsOf = (data: unknown): Labels | undefined => {
  if (typeof data !== "object" || data === null) return undefined
  const d = data as Record<string, unknown>
  const priority = d["priority"]
  if (typeof d["category"] !== "string" || typeof priority !== "string" || !(Taxonomy.Priority.literals as ReadonlyArray<string>).includes(priority)) return undefined
  const flags = Array.isArray(d["flags"]) ? d["flags"].filter((f): f is string => typeof f === "string") : []
  return { category: d["category"], priority: priority as Taxonomy.Priority, flags, ...(d["needsPerson"] === true ? { needsPerson: true } : {}) }
}

/** See `Triage.reportFromEvents`. */
export const reportFromEvents = (events: ReadonlyArray<TriageEvent>): Report & { readonly corrected: number } => {
  const byAppeal = new Map<string, { predicted?: Labels; actual?: Labels }>()
  for (const e of [...events].sort((a, b) => a.appealId.localeCompare(b.appealId) || a.seq - b.seq)) {
    const entry = byAppeal.get(e.appealId) ?? {}
    const labels = labelsOf(e.data)
    if (labels !== undefined && e.type === "triaged" && entry.predicted === undefined) entry.predicted = labels
    if (labels !== undefined && e.type === "triageCorrected") entry.actual = labels
    byAppeal.set(e.appealId, entry)
  }
  const pairs = [...byAppeal.values()].flatMap((x) => (x.predicted === undefined ? [] : [{ predicted: x.predicted, actual: x.actual ?? x.predicted }]))
  return { ...report(pairs), corrected: [...byAppeal.values()].filter((x) => x.predicted !== undefined && x.actual !== undefined).length }
}

/** See `Triage.corrections`. */
export const corrections = (
  events: ReadonlyArray<TriageEvent>,
  textOf: (appealId: string) => string | undefined
): { readonly examples: ReadonlyArray<Triage.Correction>; readonly withoutText: ReadonlyArray<string> } => {
  const last = new Map<string, { seq: number; labels: Labels }>()
  for (const e of events) {
    if (e.type !== "triageCorrected") continue
    const labels = labelsOf(e.data)
    if (labels === undefined) continue
    const known = last.get(e.appealId)
    if (known === undefined || e.seq > known.seq) last.set(e.appealId, { seq: e.seq, labels })
  }
  const examples: Array<Triage.Correction> = []
  const withoutText: Array<string> = []
  for (const appealId of [...last.keys()].sort()) {
    const { labels } = last.get(appealId)!
    const text = textOf(appealId)
    if (text === undefined || text.trim() === "") withoutText.push(appealId)
    else examples.push({ appealId, text, category: labels.category, urgent: labels.priority === "urgent" })
  }
  return { examples, withoutText }
}
