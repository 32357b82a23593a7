// The Express example on PostgreSQL (an embedded server in a temporary folder): an appeal through
// its life over HTTP, and the typed errors as statuses with messages in the caller's language.
import type { AddressInfo } from "node:net"
import type { Server } from "node:http"
import { AppealService, Facade, Sample } from "@murojaat/core"
import { Embedded, layerEmbedded } from "@murojaat/postgres"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/app.js"

const dataDir = Embedded.temporaryDataDir()
const murojaat = Facade.make({ layer: layerEmbedded({ dataDir, ephemeral: true }), config: { pipeline: AppealService.rulesPipeline() } })
let server: Server
let base = ""

beforeAll(async () => {
  await murojaat.replaceDirectory(Sample.directory)
  server = makeApp(murojaat).listen(0, "127.0.0.1")
  await new Promise((r) => server.once("listening", r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}, 120_000)

afterAll(async () => {
  await new Promise((r) => server.close(r))
  await murojaat.dispose()
  Embedded.removeDataDir(dataDir)
})

const call = async (method: string, path: string, who: Record<string, string>, body?: unknown) => {
  const res = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json", ...who },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {})
  })
  return { status: res.status, body: (await res.json()) as any }
}

describe("the Express example on PostgreSQL", () => {
  it("takes an appeal from submission to a verified answer", async () => {
    const citizen = { "x-applicant": "user-1" }
    const submitted = await call("POST", "/appeals", { ...citizen, "idempotency-key": "portal-1" }, Sample.intake)
    expect(submitted.status).toBe(201)
    const id = submitted.body.appealId as string
    // A retry with the same key gets the same answer, and stores nothing twice.
    expect((await call("POST", "/appeals", { ...citizen, "idempotency-key": "portal-1" }, Sample.intake)).body.appealId).toBe(id)
    if (submitted.body.state.status === "triaged") {
      expect(["needsPerson", "noEligibleInspector", "notAssigned"]).toContain(submitted.body.holdup.reason)
      expect((await call("POST", `/appeals/${id}/commands`, { "x-officer": "O-201" }, { type: "assign", officerId: "O-101" })).status).toBe(200)
    }
    const inspector = { "x-officer": "O-101" }
    expect((await call("GET", "/officers/O-101/worklist", inspector)).body.items.map((s: { appealId: string }) => s.appealId)).toContain(id)
    expect((await call("POST", `/appeals/${id}/commands`, inspector, { type: "startReview" })).status).toBe(200)
    const answer = { type: "answer", outcome: "satisfied", answerText: "Choralar koʻrildi", legalBasis: "ZRU-445 Art. 28" }
    const answered = await call("POST", `/appeals/${id}/commands`, inspector, answer)
    expect(answered.body.state.status).toBe("answered")
    const verified = await call("GET", `/appeals/${id}/verification`, { "x-officer": "O-301" })
    expect(verified.body).toMatchObject({ ok: true, projectionMatches: true })
    expect((await call("GET", `/appeals/${id}/history`, citizen)).body.map((e: { type: string }) => e.type)).toContain("answered")
  })

  it("answers errors with their status, code and message in the asked language; never a stack trace", async () => {
    expect((await call("GET", "/appeals/A-404", {})).status).toBe(401)
    const missing = await call("GET", "/appeals/A-404", { "x-officer": "O-101", "accept-language": "ru" })
    expect(missing).toMatchObject({ status: 404, body: { code: "AppealNotFound" } })
    expect(missing.body.message).toBe(missing.body.messages.ru)
    const bad = await call("POST", "/appeals", { "x-applicant": "user-1" }, { kind: "anwser" })
    expect(bad).toMatchObject({ status: 400, body: { code: "InvalidInput" } })
    expect(bad.body.message).toBe(bad.body.messages["uz-Latn"])
    expect((await call("POST", "/appeals/A-1/commands", { "x-officer": "NOPE" }, { type: "startReview" })).body.code).toBe("OfficerNotFound")
    const malformed = await call("POST", "/appeals", { "x-applicant": "user-1" }, "{ not json")
    expect(malformed).toEqual({ status: 400, body: { code: "BadRequest", message: "malformed request" } })
  })
})
