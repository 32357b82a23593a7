// What the console's browser tests share: the reference service started as `pnpm start` starts it
// (a child process, on a fresh database of this test file: DATABASE_URL's server, else an embedded
// PostgreSQL), Debian's Chromium driven by playwright-core, development tokens for the demo callers.
import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { Identity } from "@murojaat/http"
import { Testing } from "@murojaat/postgres/testing"
import { Effect, Exit, Scope } from "effect"
import pg from "pg"
import { type Browser, chromium } from "playwright-core"

export const secret = "console-secret-console-secret-console!"

/** The path of the browser: MUROJAAT_CHROMIUM, else Debian's. */
export const chromiumPath = (): string => process.env["MUROJAAT_CHROMIUM"] ?? "/usr/bin/chromium"

/**
 * Debian's Chromium, headless, with a fresh profile. Missing, it is an error (never a skipped
 * test): the test command installs it (.ci/chromium.sh, `apt-get install chromium`).
 */
export const launch = async (): Promise<{ readonly browser: Browser; readonly close: () => Promise<void> }> => {
  const path = chromiumPath()
  if (!existsSync(path)) {
    throw new Error(`Chromium is missing at ${path}: install Debian's chromium (apt-get install chromium, as .ci/chromium.sh does) or set MUROJAAT_CHROMIUM to a Chromium binary. The console's browser tests cannot run without it.`)
  }
  // Without the background-networking flags Chromium keeps trying hosts this closed network
  // refuses. playwright-core gives every launch a new empty profile (--user-data-dir) of its own.
  const browser = await chromium.launch({
    executablePath: path,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  })
  return { browser, close: () => browser.close() }
}

export interface Service {
  readonly url: string
  readonly child: ChildProcess
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/** A fresh database for this file (closed with the returned function). */
export const freshDatabase = async (): Promise<{ readonly database: Testing.Database; readonly close: () => Promise<void> }> => {
  const scope = Effect.runSync(Scope.make())
  const database = await Effect.runPromise(Scope.extend(Testing.database({ server: "preferred" }), scope))
  return { database, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
}

/** The reference service on that database, on a free port, with the given extra environment. */
export const startService = (database: Testing.Database, env: Record<string, string> = {}): Promise<Service> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/examples/service/src/main.ts"], {
      cwd: join(import.meta.dirname, "..", "..", "..", ".."),
      env: {
        ...process.env,
        DATABASE_URL: database.appUrl,
        PORT: "0",
        // The embedded database comes migrated, with a role that may not migrate; a server's fresh
        // database is empty, and its role owns it.
        MUROJAAT_MIGRATE: database.kind === "server" ? "true" : "false",
        MUROJAAT_JWT_SECRET: secret,
        MUROJAAT_TIMER_SECONDS: "0",
        // The chief's ratings and hotspots read the analytics facts, refreshed in the background.
        MUROJAAT_ANALYTICS_REFRESH_SECONDS: "2",
        MUROJAAT_RATE_PER_MINUTE: "100000",
        MUROJAAT_LOG_LEVEL: "WARN",
        ...env
      },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let out = ""
    const exited = new Promise<void>((done) => child.on("exit", () => done()))
    const onData = (d: Buffer) => {
      out += String(d)
      const m = /Murojaat reference service: (http:\/\/[0-9.:]+)/.exec(out)
      if (m !== null)
        resolve({
          url: m[1]!,
          child,
          output: () => out,
          stop: async () => {
            child.kill("SIGINT")
            await exited
          }
        })
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", (d) => (out += String(d)))
    void exited.then(() => reject(new Error(`the service exited before serving:\n${out.slice(-3000)}`)))
  })

/** A development token for a demo caller. */
export const mint = (claims: Identity.Claims): Promise<string> => Effect.runPromise(Identity.mint({ ...Identity.development, secret }, claims))

/** One SQL statement as the database's all-rights role (the intruder of the tamper test). */
export const sql = async (url: string, text: string, values: ReadonlyArray<unknown> = []): Promise<ReadonlyArray<Record<string, unknown>>> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(text, values as Array<unknown>)).rows as Array<Record<string, unknown>>
  } finally {
    await client.end()
  }
}

/** A JSON call of the API, as an independent client (the tests' oracle for what the page shows). */
export const api = async (url: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {})
  })
  const text = await r.text()
  return { status: r.status, etag: r.headers.get("etag"), json: (text === "" ? undefined : JSON.parse(text)) as any }
}
