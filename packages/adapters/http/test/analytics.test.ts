// The analytics endpoints as the REST API serves them (Server.layer mounts Api.analytics under
// /v1): each reader gets his territory's reports, as JSON or CSV; the keys linking appeals go to
// officers only; out-of-territory reads are 403, unknown parameters 400. The prevention commands
// (planMeasure, extendProtectionOrder, ...) are endpoints of the REST API like every command, and
// a measure planned over HTTP shows in the signals.
import { OpenApi } from "@effect/platform"
import { Actor, AppealService, ReportPeriod, Sample } from "@murojaat/core"
import { Api } from "@murojaat/http"
import { Effect, Exit, Layer, Option, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { call, type Running, start, token } from "./support.js"

const pipeline = {
  pipeline: {
    triage: () => ({ category: "domesticViolence", priority: "high" as const, flags: ["domesticViolence"], confidence: 0.9, needsPerson: false, ruleIds: ["test.dv"] }),
    assign: () => ({ officerId: "O-101", ruleIds: ["test.assign"] })
  }
}

let url = ""
let s: Running
const coreScope = Effect.runSync(Scope.make())
const t: Record<string, string> = {}
const ids: Array<string> = []
const DAY = 86_400_000
const now = Date.now()
// The period of the appeals: the month holding two days ago (Tashkent time).
const month = Option.getOrThrow(ReportPeriod.containing("month", new Date(now - 2 * DAY).toISOString()))

beforeAll(async () => {
  // The core built once: the appeals are submitted through it, and Server.layer serves it with its
  // default analytics (computed from the store): the REST API as served.
  const core = await Effect.runPromise(Layer.buildWithScope(AppealService.layerMemory(Sample.directory, pipeline), coreScope))
  s = await start(Layer.succeedContext(core))
  url = s.url
  // Two appeals of one family at one address, received two days ago, in the inspector's mahalla.
  const intake = (applicantRef: string) => ({
    ...Sample.intake,
    kind: "shikoyat",
    applicant: { ...Sample.intake.applicant, residence: "Bodomzor 5" },
    applicantRef,
    receivedAt: new Date(now - 2 * DAY).toISOString()
  })
  for (const ref of ["u-1", "u-1"]) {
    const r = await Effect.runPromise(Effect.provide(AppealService.submit(intake(ref), Actor.applicant(ref)), core))
    ids.push(r.appealId)
  }
  t.inspector = await token({ kind: "officer", sub: "O-101" })
  t.otherInspector = await token({ kind: "officer", sub: "O-102" })
  t.chief = await token({ kind: "officer", sub: "O-301" })
  t.auditor = await token({ kind: "client", sub: "AUD-1" })
  t.citizen = await token({ kind: "applicant", sub: "u-1" })
}, 60_000)

afterAll(async () => {
  await s.close()
  await Effect.runPromise(Scope.close(coreScope, Exit.void))
})

describe("GET /v1/analytics/*", () => {
  it("a chief's hotspots of his district, per mahalla, as JSON and as CSV", async () => {
    const r = await call(url, "GET", `/v1/analytics/hotspots?period=${month.label}&district=1726262`, { token: t.chief! })
    expect(r.status).toBe(200)
    expect(r.json.cells.map((c: { code: string; category: string; current: number }) => [c.code, c.category, c.current])).toEqual([["1726262-001", "domesticViolence", 2]])
    const csv = await call(url, "GET", `/v1/analytics/hotspots?period=${month.label}&district=1726262&format=csv`, { token: t.chief! })
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/)
    expect(csv.text.split("\r\n")[1]).toMatch(/^mahalla,1726262-001,domesticViolence,2,0,/)
  })

  it("an inspector reads his mahalla by default, not the district, not another mahalla", async () => {
    const own = await call(url, "GET", `/v1/analytics/ratings?period=${month.label}&level=inspector`, { token: t.inspector! })
    expect(own.status).toBe(200)
    expect(own.json.units.map((u: { code: string; registered: number }) => [u.code, u.registered])).toEqual([["O-101", 2]])
    expect((await call(url, "GET", `/v1/analytics/ratings?period=${month.label}&district=1726262`, { token: t.inspector! })).status).toBe(403)
    expect((await call(url, "GET", `/v1/analytics/ratings?period=${month.label}&mahalla=1726262-001`, { token: t.otherInspector! })).status).toBe(403)
    const others = await call(url, "GET", `/v1/analytics/ratings?period=${month.label}`, { token: t.otherInspector! })
    expect(others.json.units).toEqual([])
  })

  it("signals name the linking key to officers only; auditors get the appeal ids", async () => {
    const officer = await call(url, "GET", "/v1/analytics/signals?unmeasured=true", { token: t.inspector! })
    expect(officer.status).toBe(200)
    expect(officer.json.signals.map((s: { kind: string; appealIds: ReadonlyArray<string>; key?: string }) => [s.kind, s.appealIds.length, typeof s.key])).toEqual([["family", 2, "string"]])
    const auditor = await call(url, "GET", "/v1/analytics/signals", { token: t.auditor! })
    expect(auditor.status).toBe(200)
    expect(auditor.json.signals.map((s: { appealIds: ReadonlyArray<string> }) => s.appealIds)).toEqual(officer.json.signals.map((s: { appealIds: ReadonlyArray<string> }) => s.appealIds))
    expect(auditor.text).not.toContain('"key"')
    expect(auditor.text).not.toContain("u-1")
    const suggested = await call(url, "GET", "/v1/analytics/order-suggestions", { token: t.chief! })
    expect(suggested.json.suggestions.map((s: { incidents: number }) => s.incidents)).toEqual([2])
  })

  it("applicants have no analytics; bad parameters are 400 problems", async () => {
    const citizen = await call(url, "GET", `/v1/analytics/hotspots?period=${month.label}`, { token: t.citizen! })
    expect(citizen.status).toBe(403)
    expect(citizen.headers.get("content-type")).toMatch(/problem\+json/)
    for (const q of [`period=${month.label}&nope=1`, "period=2026-13", `period=${month.label}&district=1726262&region=1726`, `period=${month.label}&format=xml`]) {
      const r = await call(url, "GET", `/v1/analytics/hotspots?${q}`, { token: t.chief! })
      expect(r.status, q).toBe(400)
    }
    expect((await call(url, "GET", `/v1/analytics/hotspots?period=${month.label}`)).status).toBe(401)
  })
})

describe("analytics in the REST API", () => {
  it("the OpenAPI document lists the analytics endpoints and the prevention commands", () => {
    const paths = Object.keys(OpenApi.fromApi(Api.api).paths)
    for (const p of ["/v1/analytics/hotspots", "/v1/analytics/ratings", "/v1/analytics/repeat-rates", "/v1/analytics/signals", "/v1/analytics/order-suggestions"]) expect(paths).toContain(p)
    for (const c of ["planMeasure", "completeMeasure", "cancelMeasure", "extendProtectionOrder", "recordProtectionOrderBreach"]) expect(paths).toContain(`/v1/appeals/{appealId}/${c}`)
  })

  it("every report comes as CSV too, with codes and counts only", async () => {
    for (const path of [`ratings?period=${month.label}`, `repeat-rates?period=${month.label}`, "signals", "order-suggestions"]) {
      const r = await call(url, "GET", `/v1/analytics/${path}${path.includes("?") ? "&" : "?"}format=csv`, { token: t.chief! })
      expect(r.status, path).toBe(200)
      expect(r.headers.get("content-type"), path).toMatch(/^text\/csv/)
      expect(r.text, path).not.toContain("Bodomzor")
      expect(r.text, path).not.toContain("u-1")
    }
  })

  it("a measure planned over HTTP on one of the family's appeals takes the signal off the unmeasured list; completed, it stays measured", async () => {
    const before = await call(url, "GET", "/v1/analytics/signals?unmeasured=true", { token: t.inspector! })
    expect(before.json.signals.map((x: { kind: string }) => x.kind)).toEqual(["family"])
    const appeal = await call(url, "GET", `/v1/appeals/${ids[0]}`, { token: t.inspector! })
    const plan = await call(url, "POST", `/v1/appeals/${ids[0]}/planMeasure`, {
      token: t.inspector!,
      body: { kind: "homeVisit", linkedAppealIds: [ids[1]] },
      headers: { "if-match": appeal.headers.get("etag")! }
    })
    expect(plan.status, JSON.stringify(plan.json)).toBe(200)
    expect(plan.json.events.at(-1)).toMatchObject({ type: "measurePlanned", data: { measureId: `${ids[0]}/M1`, kind: "homeVisit", linkedAppealIds: [ids[1]] } })
    // Another mahalla's inspector may not plan here; a citizen may not either.
    for (const who of [t.otherInspector!, t.citizen!]) {
      const r = await call(url, "POST", `/v1/appeals/${ids[0]}/planMeasure`, { token: who, body: { kind: "homeVisit" } })
      expect([403, 404]).toContain(r.status)
    }
    const after = await call(url, "GET", "/v1/analytics/signals?unmeasured=true", { token: t.inspector! })
    expect(after.json.signals).toEqual([])
    const done = await call(url, "POST", `/v1/appeals/${ids[0]}/completeMeasure`, {
      token: t.inspector!,
      body: { measureId: `${ids[0]}/M1`, outcome: "held", note: "Oila bilan suhbat oʻtkazildi" },
      headers: { "if-match": plan.headers.get("etag")! }
    })
    expect(done.status, JSON.stringify(done.json)).toBe(200)
    expect(JSON.stringify(done.json.events.at(-1))).not.toContain("suhbat")
    // Completing it twice is refused by the rule, as a problem naming it.
    const again = await call(url, "POST", `/v1/appeals/${ids[0]}/completeMeasure`, {
      token: t.inspector!,
      body: { measureId: `${ids[0]}/M1`, outcome: "held", note: "Yana" },
      headers: { "if-match": done.headers.get("etag")!, "accept-language": "en" }
    })
    expect(again.status).toBe(422)
    expect(JSON.stringify(again.json)).toContain("measure.open")
    expect((await call(url, "GET", "/v1/analytics/signals?unmeasured=true", { token: t.inspector! })).json.signals).toEqual([])
    expect((await call(url, "GET", "/v1/analytics/signals", { token: t.inspector! })).json.signals.map((x: { measured: boolean }) => x.measured)).toEqual([true])
  })
})

