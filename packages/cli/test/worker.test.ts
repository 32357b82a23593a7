// `murojaat worker`: bad options exit 2 with one line; the deadline worker runs once on a migrated
// database and prints its run; a relay process serves its health and stops gracefully on SIGTERM.
import { spawn } from "node:child_process"
import { createServer } from "node:net"
import { describe, expect, it } from "@effect/vitest"
import { Testing } from "@murojaat/postgres/testing"
import { Effect } from "effect"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer()
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

describe("murojaat worker", () => {
  it.live("refuses bad options with exit code 2 and one line", () =>
    Effect.gen(function* () {
      for (const argv of [
        ["worker"],
        ["worker", "mailman"],
        ["worker", "relay", "--amqp", "not a url"],
        ["worker", "relay", "--amqp", "http://127.0.0.1"],
        ["worker", "intake", "--amqp", "amqp://127.0.0.1"],
        ["worker", "notify", "--amqp", "amqp://127.0.0.1"],
        ["worker", "notify", "--amqp", "amqp://127.0.0.1", "--smtp", "smtp://127.0.0.1:25"],
        ["worker", "relay", "--amqp", "amqp://127.0.0.1", "--batch", "0"]
      ]) {
        const c = capture()
        expect(yield* Effect.promise(() => run(argv, c.io)), argv.join(" ")).toBe(2)
        expect(c.out).toEqual([])
        expect(c.err.length).toBe(1)
        expect(c.err[0]).toMatch(/^murojaat worker: .*\(usage: murojaat worker /)
      }
    })
  )

  it.live("deadlines --once: one run over the directory's districts, printed as JSON", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const db = yield* Testing.database({ server: "preferred" })
        const migrated = capture()
        expect(yield* Effect.promise(() => run(["migrate", "--database", db.url], migrated.io))).toBe(0)
        const c = capture()
        const code = yield* Effect.promise(() => run(["worker", "deadlines", "--once", "--database", db.url], c.io))
        expect(c.err).toEqual([])
        expect(code).toBe(0)
        expect(JSON.parse(c.out.join(""))).toEqual({ districts: 0, overdue: 0, escalated: [], soonDue: 0, warned: [], failed: [] })
      })
    ), 180_000
  )

  it.live("a relay serves its health, and stops gracefully on SIGTERM with exit code 0", () =>
    Effect.scoped(
      Effect.gen(function* () {
        const amqp = process.env["AMQP_URL"]
        if (amqp === undefined || amqp === "") throw new Error("AMQP_URL is not set: run pnpm test (it starts RabbitMQ with .ci/rabbitmq.sh)")
        const db = yield* Testing.database({ server: "preferred" })
        expect(yield* Effect.promise(() => run(["migrate", "--database", db.url], capture().io))).toBe(0)
        const port = yield* Effect.promise(freePort)
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "packages/cli/src/bin.ts", "worker", "relay", "--database", db.url, "--amqp", amqp, "--prefix", `t.cli.${process.pid}`, "--lease-ms", "500", "--health-port", String(port)],
          { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] }
        )
        let out = ""
        child.stdout.on("data", (d) => (out += String(d)))
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))
        yield* Effect.addFinalizer(() => Effect.sync(() => child.kill("SIGKILL")))
        const health = yield* Effect.promise(async () => {
          for (let i = 0; i < 600; i++) {
            if (out.includes('"state":"started"')) {
              const r = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined)
              if (r !== undefined && r.status === 200) return (await r.json()) as { worker: string; state: string }
            }
            await new Promise((r) => setTimeout(r, 100))
          }
          throw new Error(`no healthy relay: ${out}`)
        })
        expect(health.worker).toBe("relay")
        expect(JSON.parse(out.split("\n")[0]!)).toMatchObject({ worker: "relay", state: "started", broker: expect.stringContaining("***") })
        child.kill("SIGTERM")
        expect(yield* Effect.promise(() => exited)).toBe(0)
        expect(JSON.parse(out.slice(out.indexOf("\n") + 1))).toMatchObject({ worker: "relay", state: "stopped", failed: 0 })
      })
    ), 180_000
  )
})
