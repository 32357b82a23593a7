// The analytics endpoints served on their own (Analytics.api with the REST API's authentication):
// each reader gets his territory's reports, as JSON or CSV; the keys linking appeals go to officers
// only; out-of-territory reads are 403, unknown parameters 400.
import { createServer } from "node:http"
import { HttpApiBuilder } from "@effect/platform"
import { NodeHttpServer } from "@effect/platform-node"
import { Actor, Analytics as Core, AppealService, Sample } from "@murojaat/core"
import { Edge, Handlers, Identity } from "@murojaat/http"
// Not yet in the package index (mounting is the REST API's owner's step): read from the source.
import * as Analytics from "../src/Analytics.js"
import { HttpServer } from "@effect/platform"
import { Context, Effect, Exit, Layer, Logger, LogLevel, Option, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { ReportPeriod } from "@murojaat/core"
import { call, clients, identity, token } from "./support.js"

const pipeline = {
  pipeline: {
    triage: () => ({ category: "domesticViolence", priority: "high" as const, flags: ["domesticViolence"], confidence: 0.9, needsPerson: false, ruleIds: ["test.dv"] }),
    assign: () => ({ officerId: "O-101", ruleIds: ["test.assign"] })
  }
}

let url = ""
let close = async () => {}
const t: Record<string, string> = {}
const DAY = 86_400_000
const now = Date.now()
// The period of the appeals: the month holding two days ago (Tashkent time).
const month = Option.getOrThrow(ReportPeriod.containing("month", new Date(now - 2 * DAY).toISOString()))

beforeAll(async () => {
  const core = Layer.provideMerge(Core.layerFromStore(), AppealService.layerMemory(Sample.directory, pipeline))
  const served = HttpApiBuilder.api(Analytics.api).pipe(Layer.provide(Analytics.live), Layer.provide(Handlers.authentication))
  // As Server.layer serves the REST API: the edge turns every failure into its problem document.
  const layer = HttpApiBuilder.serve().pipe(
    Layer.provide(HttpApiBuilder.middleware(Edge.middleware, { withContext: true })),
    Layer.provide(served),
    Layer.provide(Identity.layer(identity, clients)),
    Layer.provide(Edge.layer()),
    Layer.provideMerge(core),
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: 0, host: "127.0.0.1" })),
    Layer.provide(Logger.minimumLogLevel(LogLevel.None))
  )
  const scope = Effect.runSync(Scope.make())
  const context = (await Effect.runPromise(Layer.buildWithScope(layer, scope))) as Context.Context<HttpServer.HttpServer | AppealService.AppealService>
  const address = Context.get(context, HttpServer.HttpServer).address
  url = `http://127.0.0.1:${address._tag === "TcpAddress" ? address.port : 0}`
  close = () => Effect.runPromise(Scope.close(scope, Exit.void))
  // Two appeals of one family at one address, received two days ago, in the inspector's mahalla.
  const intake = (applicantRef: string) => ({
    ...Sample.intake,
    kind: "shikoyat",
    applicant: { ...Sample.intake.applicant, residence: "Bodomzor 5" },
    applicantRef,
    receivedAt: new Date(now - 2 * DAY).toISOString()
  })
  for (const ref of ["u-1", "u-1"]) await Effect.runPromise(Effect.provide(AppealService.submit(intake(ref), Actor.applicant(ref)), context))
  t.inspector = await token({ kind: "officer", sub: "O-101" })
  t.otherInspector = await token({ kind: "officer", sub: "O-102" })
  t.chief = await token({ kind: "officer", sub: "O-301" })
  t.auditor = await token({ kind: "client", sub: "AUD-1" })
  t.citizen = await token({ kind: "applicant", sub: "u-1" })
}, 60_000)

afterAll(() => close())

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
