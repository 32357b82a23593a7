// Repeat signals against a brute-force oracle: for every key, the counted appeals of the window that
// share it; keys only for readers who may see personal data; linked facts give the same signals.
import { fc, test } from "@fast-check/vitest"
import { describe, expect } from "vitest"
import * as AppealFact from "../src/AppealFact.js"
import * as Repeats from "../src/Repeats.js"
import * as UnitRating from "../src/UnitRating.js"
import { facts, instant, periods } from "./support/facts.js"

const s = Repeats.defaultSettings

// Appeal id lists the oracle expects, per kind, from the definitions in docs/rules/prevention.md.
const oracle = (fs: ReadonlyArray<AppealFact.Fact>, asOf: string) => {
  const to = Date.parse(asOf)
  const from = to - s.windowDays * 86_400_000
  const inWindow = fs.filter((f) => f.counted && from <= Date.parse(f.receivedAt) && Date.parse(f.receivedAt) < to)
  const sortIds = (xs: ReadonlyArray<AppealFact.Fact>) =>
    [...xs].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.appealId < b.appealId ? -1 : 1)).map((f) => f.appealId)
  const groupsOf = (xs: ReadonlyArray<AppealFact.Fact>, key: (f: AppealFact.Fact) => string | undefined, min: number) =>
    [...new Set(xs.map(key).filter((k) => k !== undefined))].map((k) => sortIds(xs.filter((f) => key(f) === k))).filter((ids) => ids.length >= min)
  const family = inWindow.filter((f) => ["domesticViolence", "familyConflict"].includes(f.category) || f.flags.includes("domesticViolence"))
  const repeated = [...new Set(inWindow.flatMap((f) => (f.repeatOf === undefined ? [] : [f.repeatOf])))].map((orig) => {
    const own = inWindow.find((f) => f.appealId === orig)
    return [orig, ...sortIds(inWindow.filter((f) => f.repeatOf === orig)).filter((id) => id !== orig)].filter((id, i) => i === 0 || id !== orig || own === undefined)
  })
  const sortGroups = (gs: Array<ReadonlyArray<string>>) => gs.map((g) => [...g]).sort((a, b) => (a.join() < b.join() ? -1 : 1))
  return {
    address: sortGroups(groupsOf(inWindow, (f) => f.addressKey, s.address.minAppeals)),
    family: sortGroups(groupsOf(family, (f) => f.addressKey ?? (f.applicantRef === undefined ? undefined : `u:${f.applicantRef}`), s.family.minAppeals)),
    repeatedAppeal: sortGroups(repeated)
  }
}

describe("signals", () => {
  test.prop([facts(), instant])("each kind of signal groups exactly the appeals the oracle groups", (fs, asOf) => {
    const got = Repeats.signals(fs, { asOf, personalData: true })
    const ids = (kind: Repeats.Kind) =>
      got
        .filter((x) => x.kind === kind)
        .map((x) => [...x.appealIds])
        .sort((a, b) => (a.join() < b.join() ? -1 : 1))
    const o = oracle(fs, asOf)
    expect(ids("address")).toEqual(o.address)
    expect(ids("family")).toEqual(o.family)
    // A repeated appeal's group is its original and its repeats (the original first).
    expect(ids("repeatedAppeal").map((g) => [g[0], [...g.slice(1)].sort()])).toEqual(o.repeatedAppeal.map((g) => [g[0], [...g.slice(1)].sort()]))
  })

  test.prop([facts(), instant])("linked facts alone give the same signals", (fs, asOf) => {
    expect(Repeats.signals(AppealFact.linked(fs), { asOf, personalData: true })).toEqual(Repeats.signals(fs, { asOf, personalData: true }))
  })

  test.prop([facts(), instant])("readers who may not see personal data get the appeals but never the key", (fs, asOf) => {
    const full = Repeats.signals(fs, { asOf, personalData: true })
    const masked = Repeats.signals(fs, { asOf, personalData: false })
    expect(masked.map((x) => x.appealIds)).toEqual(full.map((x) => x.appealIds))
    for (const x of masked) expect("key" in x).toBe(false)
    const text = JSON.stringify(masked)
    for (const f of fs) {
      if (f.applicantRef !== undefined) expect(text).not.toContain(`"${f.applicantRef}"`)
      if (f.addressKey !== undefined) expect(text).not.toContain(f.addressKey)
    }
  })

  test.prop([facts(), instant])("a signal is measured exactly when one of the appeals behind it (its evidence) carries a measure; unmeasured lists the rest of the mahallas asked", (fs, asOf) => {
    const byId = new Map(fs.map((f) => [f.appealId, f]))
    const got = Repeats.signals(fs, { asOf, personalData: false })
    for (const x of got) expect(x.measured).toBe(x.evidence.some((e) => (byId.get(e.appealId)?.measures.length ?? 0) > 0))
    const open = Repeats.unmeasured(got, ["M1", "M2"])
    expect(open).toEqual(got.filter((x) => !x.measured && (x.mahallaCode === "M1" || x.mahallaCode === "M2")))
  })
})

describe("mahallas by repeat rate", () => {
  test.prop([facts(), periods, instant])("the rate is repeated over registered; ranked first, highest first", (fs, ps, asOf) => {
    const rows = UnitRating.count(fs, { level: "mahalla", area: { all: true }, interval: ps.current, asOf })
    const rates = Repeats.mahallaRates(rows, { ...s, mahallaRate: { minRegistered: 3 } })
    for (const r of rates) {
      const row = rows.find((x) => x.code === r.mahallaCode)!
      expect(r.rate).toBe(row.repeated / row.registered)
      expect(r.ranked).toBe(row.registered >= 3)
    }
    for (let i = 1; i < rates.length; i++) {
      const [a, b] = [rates[i - 1]!, rates[i]!]
      expect(Number(a.ranked) > Number(b.ranked) || (a.ranked === b.ranked && a.rate >= b.rate)).toBe(true)
    }
  })

  test("hand-counted: 2 of 10 in M1, 1 of 40 in M2", () => {
    const row = (code: string, registered: number, repeated: number) =>
      ({ level: "mahalla", code, registered, repeated, answered: 0, satisfied: 0, explained: 0, rejected: 0, violated: 0, rated: 0, ratingSum: 0 }) as const
    expect(Repeats.mahallaRates([row("M2", 40, 1), row("M1", 10, 2)], { ...s, mahallaRate: { minRegistered: 5 } }).map((r) => [r.mahallaCode, r.rate])).toEqual([
      ["M1", 0.2],
      ["M2", 0.025]
    ])
  })
})

test("windows end at the report's instant and reach back windowDays", () => {
  expect(Repeats.window("2026-03-01T05:00:00+05:00", { ...s, windowDays: 30 })).toEqual({ from: "2026-01-30T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" })
  expect(fc).toBeDefined()
})
