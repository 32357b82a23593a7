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

/** Starts the service on a fresh embedded data folder, waits until it serves, and reads its PostgreSQL's pid. */
const started = async (name: string, command: ReadonlyArray<string>, detached: boolean) => {
  const dataDir = join(dir, name)
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", MUROJAAT_DATA_DIR: dataDir, MUROJAAT_LOG_LEVEL: "WARN", MUROJAAT_DEMO_DIRECTORY: "false" }
  delete env["DATABASE_URL"]
  const child = spawn(command[0]!, command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"], detached })
  let out = ""
  child.stdout!.on("data", (d) => (out += String(d)))
  child.stderr!.on("data", (d) => (out += String(d)))
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
  return { child, exited, pidFile, server, output: () => out }
}

/** After the signals: the embedded server stopped and removed its pid file, and the service exited 0. */
const stoppedCleanly = async (s: Awaited<ReturnType<typeof started>>) => {
  const code = await s.exited
  // The server stops with a fast shutdown; give it a moment to remove its pid file.
  for (let i = 0; i < 100 && (alive(s.server) || existsSync(s.pidFile)); i++) await new Promise((r) => setTimeout(r, 100))
  expect(alive(s.server), s.output().slice(-2000)).toBe(false)
  expect(existsSync(s.pidFile)).toBe(false)
  // As after one Ctrl-C: drained and stopped in order, exit code 0.
  expect(code).toBe(0)
}

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))

describe("stopping the reference service", () => {
  it("two SIGINTs in a row still stop the embedded server it started, and the service exits", async () => {
    // Node itself with tsx's loader, so that the signals reach the service alone (no relaying wrapper).
    const s = await started("direct", [process.execPath, "--import", "tsx", main], false)
    s.child.kill("SIGINT")
    s.child.kill("SIGINT")
    await stoppedCleanly(s)
  }, 180_000)

  it("Ctrl-C in a terminal (SIGINT to the whole process group: the service, as `pnpm start` runs it, and its PostgreSQL) stops everything", async () => {
    // `pnpm start` runs Node with tsx's loader (the root package.json's script, read here), leading
    // its own process group as a shell's job does. Not tsx's command-line wrapper: that one relays
    // a signal and kills the service outright (SIGKILL, exit 130) when the service has not
    // acknowledged it within 60 ms, which a loaded machine's Ctrl-C, waking the service and every
    // PostgreSQL process at once, can exceed; the shutdown in order would then be skipped.
    const script = (JSON.parse(readFileSync(fileURLToPath(new URL("../../../../package.json", import.meta.url)), "utf8")) as { scripts: Record<string, string> }).scripts["start"]
    expect(script).toBe("node --import tsx packages/examples/service/src/main.ts")
    const s = await started("group", [process.execPath, "--import", "tsx", main], true)
    process.kill(-s.child.pid!, "SIGINT")
    await stoppedCleanly(s)
  }, 180_000)
})
