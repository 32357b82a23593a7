// The NestJS example on PostgreSQL (a fresh database on DATABASE_URL when set, else an embedded
// server in a temporary folder), over real HTTP: an appeal through its life, Murojaat's typed
// errors as problem+json in the caller's language, and shutdown closing the database, both on
// `app.close()` and on SIGTERM to `main.ts`.
import { type ChildProcess, spawn } from "node:child_process"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { AppealService, Errors, I18n, Sample } from "@murojaat/core"
import { layerPg } from "@murojaat/postgres"
import { Testing } from "@murojaat/postgres/testing"
import type { NestExpressApplication } from "@nestjs/platform-express"
import { Effect, Exit, Scope } from "effect"
import fc from "fast-check"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createApp } from "../src/app.js"

const scope = Effect.runSync(Scope.make())
let db: Testing.Database
let app: NestExpressApplication
let base = ""

// The app as main.ts builds it, on the test database (migrated here on a server's fresh database;
// the embedded one comes migrated, and its application role may not migrate).
const boot = async (applicationName = "murojaat") => {
  const layer = layerPg({ url: db.appUrl, migrate: db.kind === "server", applicationName })
  const booted = await createApp({ layer, config: { pipeline: AppealService.rulesPipeline() }, directory: Sample.directory }, false)
  await booted.listen(0, "127.0.0.1")
  return { app: booted, base: `http://127.0.0.1:${(booted.getHttpServer().address() as AddressInfo).port}` }
}

beforeAll(async () => {
  db = await Effect.runPromise(Scope.extend(Testing.database(), scope))
  ;({ app, base } = await boot())
}, 120_000)

afterAll(async () => {
  await app?.close()
  await Effect.runPromise(Scope.close(scope, Exit.void))
})

const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown, at = base) => {
  const res = await fetch(at + path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {})
  })
  expect(res.headers.get("x-powered-by")).toBeNull()
  return { status: res.status, type: res.headers.get("content-type"), language: res.headers.get("content-language"), body: (await res.json()) as any }
}

describe("the NestJS example on PostgreSQL", () => {
  it("takes an appeal from submission to a verified answer", async () => {
    const citizen = { "x-applicant": "user-1" }
    const submitted = await call("POST", "/appeals", { ...citizen, "idempotency-key": "portal-1" }, Sample.intake)
    expect(submitted.status).toBe(201)
    const id = submitted.body.appealId as string
    // A retry with the same key gets the same appeal, and stores nothing twice.
    const retried = await call("POST", "/appeals", { ...citizen, "idempotency-key": "portal-1" }, Sample.intake)
    expect(retried.body.appealId).toBe(id)
    if (submitted.body.state.status === "triaged") {
      expect(["needsPerson", "noEligibleInspector", "notAssigned"]).toContain(submitted.body.holdup.reason)
      expect((await call("POST", `/appeals/${id}/commands`, { "x-officer": "O-201" }, { type: "assign", officerId: "O-101" })).status).toBe(200)
    }
    const inspector = { "x-officer": "O-101" }
    const worklist = await call("GET", "/officers/O-101/worklist", inspector)
    expect(worklist.body.items.map((s: { appealId: string }) => s.appealId)).toContain(id)
    expect((await call("POST", `/appeals/${id}/commands`, inspector, { type: "startReview" })).status).toBe(200)
    const answer = { type: "answer", outcome: "satisfied", answerText: "Choralar koʻrildi", legalBasis: "ZRU-445 Art. 28" }
    expect((await call("POST", `/appeals/${id}/commands`, inspector, answer)).body.state.status).toBe("answered")
    // The citizen reads their appeal; the answer is stored and its chain verifies.
    expect((await call("GET", `/appeals/${id}`, citizen)).body.state.status).toBe("answered")
    const verified = await call("GET", `/appeals/${id}/verification`, { "x-officer": "O-301" })
    expect(verified.body).toMatchObject({ ok: true, projectionMatches: true })
    // Gone from the inspector's worklist once answered.
    expect((await call("GET", "/officers/O-101/worklist", inspector)).body.items.map((s: { appealId: string }) => s.appealId)).not.toContain(id)
  })

  // Each language's message is the catalogue's own, read through Accept-Language (RFC 9110 ranges).
  const languages: ReadonlyArray<readonly [string, I18n.Locale]> = [
    ["uz-Cyrl", "uz-Cyrl"],
    ["ru-RU,ru;q=0.9", "ru"],
    ["de, en;q=0.5", "en"],
    ["fr", "uz-Latn"]
  ]

  it("answers Murojaat's typed errors as problem+json: stable code, status, message in the asked language", async () => {
    for (const [header, locale] of languages) {
      const missing = await call("GET", "/appeals/A-404", { "x-officer": "O-101", "accept-language": header })
      expect(missing).toMatchObject({ status: 404, type: expect.stringMatching(/^application\/problem\+json/), language: locale })
      expect(missing.body).toMatchObject({ type: "urn:murojaat:problem:AppealNotFound", code: "AppealNotFound", status: 404, language: locale, instance: "/appeals/A-404" })
      // The same text the core gives for that code in that language (the four differ).
      expect(missing.body.detail).toBe(I18n.pick(expectedNotFound("A-404"), locale))
    }
    const bad = await call("POST", "/appeals", { "x-applicant": "user-1" }, { kind: "anwser" })
    expect(bad).toMatchObject({ status: 400, body: { code: "InvalidInput", language: "uz-Latn" } })
    expect(bad.body.issues.length).toBeGreaterThan(0)
    const wrongCommand = await call("POST", "/appeals/A-1/commands", { "x-officer": "O-101" }, { type: "anwser" })
    expect(wrongCommand).toMatchObject({ status: 400, body: { code: "InvalidInput" } })
    // Statuses as docs/http.md's table gives them for the REST face: the same mapping here.
    expect((await call("POST", "/appeals/A-1/commands", { "x-officer": "NOPE" }, { type: "startReview" })).body).toMatchObject({ code: "OfficerNotFound", status: 404 })
  })

  it("answers any command body with a 4xx problem of a catalogued code, never a 500 or a stack trace", async () => {
    const codes = new Set<string>(Errors.catalogue.map((e) => e.code))
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom("uz-Latn", "uz-Cyrl", "ru", "en"), async (body, locale) => {
        const res = await call("POST", "/appeals/A-1/commands", { "x-officer": "O-101", "accept-language": locale }, JSON.stringify(body))
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        expect(res.type).toMatch(/^application\/problem\+json/)
        expect(codes.has(res.body.code) || res.body.code === "MalformedBody").toBe(true)
        expect(res).toMatchObject({ language: locale, body: { language: locale } })
      }),
      { numRuns: 40 }
    )
  })

  it("answers Nest's own refusals in the same shape; never a stack trace", async () => {
    expect((await call("GET", "/appeals/A-1", {})).body).toMatchObject({ status: 401, code: "Unauthenticated", reason: "missing" })
    const malformed = await call("POST", "/appeals", { "x-applicant": "user-1", "accept-language": "ru" }, "{ not json")
    expect(malformed).toMatchObject({ status: 400, type: expect.stringMatching(/^application\/problem\+json/), body: { code: "MalformedBody", language: "ru" } })
    expect(JSON.stringify(malformed.body)).not.toMatch(/not json|at .*\.js|Unexpected token/)
    const huge = await call("POST", "/appeals", { "x-applicant": "user-1" }, { text: "x".repeat(300 * 1024) })
    expect(huge.body).toMatchObject({ status: 413, code: "PayloadTooLarge", limitBytes: 256 * 1024 })
    expect((await call("GET", "/nowhere", {})).body).toMatchObject({ status: 404, code: "NotFound" })
  })
})

// Sessions of the app's pool, found by the application name it gave the server.
const sessions = async (applicationName: string): Promise<number> => {
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    const r = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [applicationName])
    return r.rows[0].n as number
  } finally {
    await client.end()
  }
}

describe("shutdown", () => {
  it("app.close() closes the HTTP server, then the database pool", async () => {
    const name = `nest-example-${process.pid}`
    const second = await boot(name)
    expect((await call("GET", "/officers/O-101/worklist", { "x-officer": "O-101" }, undefined, second.base)).status).toBe(200)
    expect(await sessions(name)).toBeGreaterThan(0)
    await second.app.close()
    expect(await sessions(name)).toBe(0)
    await expect(fetch(second.base + "/appeals/A-1")).rejects.toThrow()
  })

  it("SIGTERM to main.ts: Nest's shutdown hooks close the database, then the process ends", async () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))
    const child: ChildProcess = spawn(tsx, [main], {
      cwd: fileURLToPath(new URL("..", import.meta.url)), // tsx reads the decorator setting of the package's tsconfig
      env: { ...process.env, DATABASE_URL: db.url, PORT: "0", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    child.stdout!.on("data", (b: Buffer) => void (out += b.toString()))
    child.stderr!.on("data", (b: Buffer) => void (out += b.toString()))
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once("exit", (code, signal) => r({ code, signal })))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const look = () => {
          const m = /murojaat NestJS example on (http:\/\/\S+)/.exec(out)
          if (m !== null) resolve(m[1]!.replace("[::1]", "127.0.0.1"))
        }
        child.stdout!.on("data", look)
        void ended.then(() => reject(new Error(`main.ts ended before listening:\n${out}`)))
      })
      expect((await call("GET", "/officers/O-101/worklist", { "x-officer": "O-101" }, undefined, url)).status).toBe(200)
      child.kill("SIGTERM")
      const exit = await ended
      // Nest re-raises the signal once its hooks have run, so the process ends by SIGTERM (which
      // tsx, between us and node, reports as the shell's 128 + 15).
      expect(exit.signal === "SIGTERM" || exit.code === 128 + 15).toBe(true)
      expect(out).toMatch(/database closed on SIGTERM/)
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL")
    }
  }, 120_000)
})

// The core's AppealNotFound text, written out here from the error catalogue's wording so the test
// does not read it back from the code under test.
const expectedNotFound = (id: string): I18n.Text =>
  I18n.text(`Murojaat topilmadi: ${id}`, `Мурожаат топилмади: ${id}`, `Обращение не найдено: ${id}`, `Appeal not found: ${id}`)
