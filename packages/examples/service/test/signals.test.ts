// Ctrl-C twice (or once, relayed a second time by a wrapper such as tsx) on the reference service
// with its embedded PostgreSQL: the service still drains and stops the database it started, and
// exits; no server is left running on the data folder.
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

const dir = mkdtempSync(join(tmpdir(), "murojaat-signals-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe("stopping the reference service", () => {
  it("two SIGINTs in a row still stop the embedded server it started, and the service exits", async () => {
    const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))
    const dataDir = join(dir, "postgres")
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", MUROJAAT_DATA_DIR: dataDir, MUROJAAT_LOG_LEVEL: "WARN", MUROJAAT_DEMO_DIRECTORY: "false" }
    delete env["DATABASE_URL"]
    // Node itself with tsx's loader, so that the signals reach the service alone (no relaying wrapper).
    const child = spawn(process.execPath, ["--import", "tsx", main], { env, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    child.stdout.on("data", (d) => (out += String(d)))
    child.stderr.on("data", (d) => (out += String(d)))
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)))
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (out.includes("Murojaat reference service:")) (clearInterval(t), resolve())
      }, 100)
      void exited.then((code) => (clearInterval(t), reject(new Error(`exited (${code}) before serving:\n${out.slice(-2000)}`))))
    })
    const pidFile = join(dataDir, "postmaster.pid")
    expect(existsSync(pidFile)).toBe(true)
    const server = Number(readFileSync(pidFile, "utf8").split("\n")[0])
    expect(alive(server)).toBe(true)

    child.kill("SIGINT")
    child.kill("SIGINT")
    const code = await exited
    // The server stops with a fast shutdown; give it a moment to remove its pid file.
    for (let i = 0; i < 100 && (alive(server) || existsSync(pidFile)); i++) await new Promise((r) => setTimeout(r, 100))
    expect(alive(server), out.slice(-2000)).toBe(false)
    expect(existsSync(pidFile)).toBe(false)
    // As after one Ctrl-C: drained and stopped in order, exit code 0.
    expect(code).toBe(0)
  }, 180_000)
})
