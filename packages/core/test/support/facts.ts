// Generated analytics facts in a small world (2 regions, 4 districts, 8 mahallas, 6 officers), for
// the property tests of the prevention analytics. The world's codes are fixed so that places,
// keys and repeated appeals collide often.
import { fc } from "@fast-check/vitest"
import type * as AppealFact from "../../src/AppealFact.js"

export const mahallas = [
  { mahallaCode: "M1", districtCode: "D1", regionCode: "R1" },
  { mahallaCode: "M2", districtCode: "D1", regionCode: "R1" },
  { mahallaCode: "M3", districtCode: "D2", regionCode: "R1" },
  { mahallaCode: "M4", districtCode: "D2", regionCode: "R1" },
  { mahallaCode: "M5", districtCode: "D3", regionCode: "R2" },
  { mahallaCode: "M6", districtCode: "D3", regionCode: "R2" },
  { mahallaCode: "M7", districtCode: "D4", regionCode: "R2" },
  { mahallaCode: "M8", districtCode: "D4", regionCode: "R2" }
] as const
export const categories = ["domesticViolence", "familyConflict", "publicOrder", "fraud", "unclassified"] as const
export const officers = ["O1", "O2", "O3", "O4", "O5", "O6"] as const

// From 2025-10-01 to 2026-04-30 (UTC), where the tests' periods lie.
const FROM = Date.UTC(2025, 9, 1)
const TO = Date.UTC(2026, 3, 30)

const draft = fc.record({
  place: fc.constantFrom(...mahallas),
  category: fc.constantFrom(...categories),
  dv: fc.boolean(),
  receivedMs: fc.integer({ min: FROM, max: TO }),
  merged: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  registered: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0),
  outcome: fc.option(fc.constantFrom("satisfied" as const, "explained" as const, "rejectedWithGrounds" as const), { nil: undefined }),
  assignee: fc.option(fc.constantFrom(...officers), { nil: undefined }),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  repeat: fc.option(fc.nat(), { nil: undefined }),
  violated: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  dueInDays: fc.option(fc.integer({ min: -20, max: 40 }), { nil: undefined }),
  applicant: fc.option(fc.constantFrom("u1", "u2", "u3", "u4", "u5"), { nil: undefined }),
  address: fc.option(fc.constantFrom("k1", "k2", "k3", "k4"), { nil: undefined }),
  measure: fc.integer({ min: 0, max: 5 }).map((n) => (n === 0 ? ["homeVisit" as const] : n === 1 ? ["protectionOrder" as const] : [])),
  orderDays: fc.option(fc.integer({ min: -30, max: 300 }), { nil: undefined })
})

/** A list of facts with unique ids A-000..; a repeated appeal names an earlier one of the list. */
export const facts = (options: { readonly maxLength?: number } = {}): fc.Arbitrary<ReadonlyArray<AppealFact.Fact>> =>
  fc.array(draft, { maxLength: options.maxLength ?? 120 }).map((ds) =>
    ds.map((d, i): AppealFact.Fact => {
      const receivedAt = new Date(d.receivedMs).toISOString()
      const repeatOf = d.repeat !== undefined && i > 0 ? `A-${String(d.repeat % i).padStart(3, "0")}` : undefined
      return {
        appealId: `A-${String(i).padStart(3, "0")}`,
        version: 3,
        ...d.place,
        kind: "shikoyat",
        category: d.category,
        flags: d.dv ? ["domesticViolence"] : [],
        status: d.merged ? "mergedAsDuplicate" : d.outcome !== undefined ? "answered" : "inReview",
        receivedAt,
        counted: !d.merged,
        registered: d.registered,
        ...(d.outcome !== undefined ? { outcome: d.outcome } : {}),
        ...(d.assignee !== undefined ? { assigneeId: d.assignee } : {}),
        ...(d.rating !== undefined && d.outcome !== undefined ? { rating: d.rating } : {}),
        ...(repeatOf !== undefined ? { repeatOf } : {}),
        violated: d.violated,
        ...(d.dueInDays !== undefined ? { dueAt: new Date(d.receivedMs + d.dueInDays * 86_400_000).toISOString() } : {}),
        ...(d.applicant !== undefined ? { applicantRef: d.applicant } : {}),
        ...(d.address !== undefined ? { addressKey: `${d.place.mahallaCode}:${d.address}` } : {}),
        measures: d.measure,
        ...(d.orderDays !== undefined ? { orderUntil: new Date(d.receivedMs + d.orderDays * 86_400_000).toISOString() } : {}),
        computedAt: "2026-05-01T00:00:00.000Z"
      }
    })
  )

/** A random instant of the facts' range, as an ISO text. */
export const instant = fc.integer({ min: FROM, max: TO + 30 * 86_400_000 }).map((t) => new Date(t).toISOString())

/** Two consecutive intervals [a, b) and [b, c). */
export const periods = fc
  .tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 90 }))
  .map(([b, d0, d1]) => ({
    previous: { from: new Date(b - d0 * 86_400_000).toISOString(), to: new Date(b).toISOString() },
    current: { from: new Date(b).toISOString(), to: new Date(b + d1 * 86_400_000).toISOString() }
  }))

export const areas: ReadonlyArray<AppealFact.Area> = [
  { all: true },
  { regionCode: "R1" },
  { districtCode: "D2" },
  { mahallaCodes: ["M1", "M3", "M7"] }
]

/** A deterministic generator of uniform numbers in [0, 1) (mulberry32). */
export const rng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A Poisson draw with mean `lambda` (Knuth's product of uniforms; fine for lambda up to a few hundred). */
export const poisson = (random: () => number, lambda: number): number => {
  const limit = Math.exp(-lambda)
  let k = 0
  let p = random()
  while (p > limit) {
    k++
    p *= random()
  }
  return k
}
