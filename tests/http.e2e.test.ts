// The reference service (`pnpm start`: packages/examples/service) as a child process on PostgreSQL
// (DATABASE_URL in CI, else an embedded server this test starts), over real HTTP: an appeal's whole
// life through the API; SIGKILL during a stream of submissions loses no acknowledged appeal (every
// 201 is in the database after a restart, and a retry of an unanswered request with its key makes
// exactly one appeal); Ctrl-C (SIGINT) finishes the requests in flight and exits 0.
import { type ChildProcess, spawn } from "node:child_process"
import { Identity } from "@murojaat/http"
import { Testing } from "@murojaat/postgres/testing"
import { Effect, Exit, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const secret = "e2e-secret-e2e-secret-e2e-secret-e2e!"
let scope: Scope.CloseableScope
let database: Testing.Database

beforeAll(async () => {
  scope = Effect.runSync(Scope.make())
  database = await Effect.runPromise(Scope.extend(Testing.database({ server: "preferred" }), scope))
}, 180_000)
afterAll(() => Effect.runPromise(Scope.close(scope, Exit.void)), 60_000)

interface Service {
  readonly url: string
  readonly child: ChildProcess
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  readonly output: () => string
}

const startService = (): Promise<Service> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/examples/service/src/main.ts"], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        DATABASE_URL: database.appUrl,
        PORT: "0",
        // The embedded database comes migrated, with a role that may not migrate; a server's fresh
        // database is empty, and its role owns it.
        MUROJAAT_MIGRATE: database.kind === "server" ? "true" : "false",
        MUROJAAT_JWT_SECRET: secret,
        MUROJAAT_TIMER_SECONDS: "0",
        MUROJAAT_RATE_PER_MINUTE: "100000",
        MUROJAAT_DRAIN_SECONDS: "20"
      },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("exit", (code, signal) => done({ code, signal })))
    const onData = (d: Buffer) => {
      out += String(d)
      const m = /Murojaat reference service: (http:\/\/[0-9.:]+)/.exec(out)
      if (m !== null) resolve({ url: m[1]!, child, exited, output: () => out })
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", (d) => (out += String(d)))
    void exited.then(({ code, signal }) => reject(new Error(`the service exited (${code ?? signal}) before serving:\n${out.slice(-3000)}`)))
  })

const mint = (claims: Identity.Claims) => Effect.runPromise(Identity.mint({ ...Identity.development, secret }, claims))

const intake = (n: number) => ({
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicantRef: "smart-mahalla:u-1001",
  applicant: {
    type: "individual",
    surname: "Aliyev",
    name: "Bobur",
    residence: "Bodomzor 5",
    contact: { phone: "+998901112233" },
    consent: { given: true, form: "electronic" }
  },
  location: { regionCode: "1726", districtCode: "1726262", mahallaCode: `1726262-00${1 + (n % 5)}` },
  text: { body: `Koʻchamizdagi chiroqlar yonmaydi (${n})` }
})

const post = (url: string, tokenValue: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${tokenValue}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body)
  }).then(async (r) => ({ status: r.status, etag: r.headers.get("etag"), json: (await r.json()) as any }))

const get = (url: string, tokenValue: string, path: string) =>
  fetch(url + path, { headers: { authorization: `Bearer ${tokenValue}` } }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }))

describe("the reference service over HTTP", () => {
  it("an appeal's whole life through the API; SIGKILL loses no acknowledged appeal; Ctrl-C drains and exits 0", async () => {
    const citizen = await mint({ kind: "applicant", sub: "smart-mahalla:u-1001" })
    const senior = await mint({ kind: "officer", sub: "O-201" })
    const auditor = await mint({ kind: "client", sub: "AUD-1" })
    const acknowledged = new Map<string, string>()
    const unanswered = new Set<string>()
    let next = 0
    let killed = false
    const first = await startService()
    try {
      expect((await get(first.url, citizen, "/ready")).json).toMatchObject({ status: "ready", checks: { database: "ok", migrations: "ok" } })

      // 1. A whole life.
      const submitted = await post(first.url, citizen, "/v1/appeals", intake(0), { "idempotency-key": "life-1" })
      expect(submitted.status, JSON.stringify(submitted.json)).toBe(201)
      const id = submitted.json.appeal.appealId as string
      let etag = submitted.etag!
      let assignee = submitted.json.appeal.assigneeId as string | undefined
      if (assignee === undefined) {
        const assigned = await post(first.url, senior, `/v1/appeals/${id}/assign`, { officerId: "O-101" }, { "if-match": etag })
        expect(assigned.status, JSON.stringify(assigned.json)).toBe(200)
        etag = assigned.etag!
        assignee = "O-101"
      }
      const officer = await mint({ kind: "officer", sub: assignee })
      for (const [who, type, body] of [
        [officer, "startReview", {}],
        [officer, "answer", { outcome: "satisfied", answerText: "Chiroqlar tuzatildi", legalBasis: "ZRU-445 Art. 28" }],
        [citizen, "rate", { score: 4 }],
        [citizen, "close", {}]
      ] as const) {
        const r = await post(first.url, who, `/v1/appeals/${id}/${type}`, body, { "if-match": etag })
        expect(r.status, `${type}: ${JSON.stringify(r.json)}`).toBe(200)
        etag = r.etag!
      }
      const history = await get(first.url, auditor, `/v1/appeals/${id}/history`)
      expect(history.json.verification).toMatchObject({ ok: true, projectionMatches: true })
      expect(history.json.events.at(-1).type).toBe("closed")

      // 2. A stream of submissions, and SIGKILL after 25 acknowledgements.
      const worker = async () => {
        while (!killed) {
          const key = `kill-${next++}`
          try {
            const r = await post(first.url, citizen, "/v1/appeals", intake(next), { "idempotency-key": key })
            if (r.status === 201) acknowledged.set(key, r.json.appeal.appealId)
            else unanswered.add(key)
          } catch {
            unanswered.add(key)
          }
          if (acknowledged.size >= 25 && !killed) {
            killed = true
            first.child.kill("SIGKILL")
          }
        }
      }
      await Promise.all(Array.from({ length: 8 }, worker))
      expect((await first.exited).signal).toBe("SIGKILL")
    } finally {
      first.child.kill("SIGKILL")
    }

    const second = await startService()
    try {
      // Every acknowledged appeal is there, as acknowledged.
      for (const [, appealId] of acknowledged) {
        const r = await get(second.url, auditor, `/v1/appeals/${appealId}`)
        expect(r.status, appealId).toBe(200)
      }
      // A retry of each unanswered request, with its key, makes at most the one appeal it may have made.
      const retried = new Map<string, string>()
      for (const key of unanswered) {
        const n = Number(key.slice("kill-".length)) + 1
        const r = await post(second.url, citizen, "/v1/appeals", intake(n), { "idempotency-key": key })
        expect(r.status, JSON.stringify(r.json)).toBe(201)
        retried.set(key, r.json.appeal.appealId)
      }
      const listed: Array<string> = []
      let after: string | undefined
      do {
        const page = await get(second.url, auditor, `/v1/appeals?limit=1000${after ? `&after=${after}` : ""}`)
        listed.push(...page.json.items.filter((a: any) => a.applicantRef === "smart-mahalla:u-1001").map((a: any) => a.appealId))
        after = page.json.next
      } while (after !== undefined)
      const expected = new Set([...acknowledged.values(), ...retried.values()])
      // The life appeal, the acknowledged ones and one per retried key: no more, no fewer.
      expect(listed.length).toBe(expected.size + 1)
      for (const appealId of expected) expect(listed).toContain(appealId)

      // 3. Ctrl-C while requests are in flight: each of them is answered, then the process exits 0.
      const inFlight = Array.from({ length: 6 }, (_, i) =>
        post(second.url, citizen, "/v1/appeals", intake(1000 + i), { "idempotency-key": `sigint-${i}` }).then(
          (r) => r.status,
          () => 0
        )
      )
      await new Promise((r) => setTimeout(r, 150))
      second.child.kill("SIGINT")
      const statuses = await Promise.all(inFlight)
      const exit = await second.exited
      expect(exit.code, second.output().slice(-2000)).toBe(0)
      expect(statuses.every((s) => s === 201 || s === 503 || s === 0)).toBe(true)
      expect(second.output()).toContain('"message":"drained"')
    } finally {
      second.child.kill("SIGKILL")
    }
  }, 600_000)
})
