import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Identity } from "@murojaat/http"
import { Effect, Either } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-token-"))
const secretFile = join(dir, "secret")
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const mint = async (...args: Array<string>) => {
  const c = capture()
  const code = await run(["token", ...args, "--secret-file", secretFile], c.io)
  return { code, out: c.out.join("\n"), err: c.err.join("\n") }
}

const verify = (token: string) =>
  Effect.runPromise(
    Effect.either(
      Effect.flatMap(Identity.Verifier, (v) => v.verify(token)).pipe(
        Effect.provide(Identity.layer({ ...Identity.development, secret: Identity.developmentSecret(secretFile) }, [{ id: "AUD-1", kind: "auditor" }]))
      )
    )
  )

describe("murojaat token", () => {
  it("mints an officer's token with his role as a claim, verified by the service's settings", async () => {
    const r = await mint("--officer", "O-301", "--role", "districtChief")
    expect(r.code).toBe(0)
    const printed = JSON.parse(r.out) as { token: string; claims: unknown }
    expect(printed.claims).toEqual({ kind: "officer", sub: "O-301", roles: ["districtChief"] })
    const caller = await verify(printed.token)
    expect(Either.getOrThrow(caller).subject).toEqual({ _tag: "officer", officerId: "O-301", roles: ["districtChief"] })
  })

  it("mints applicant and client tokens; a client's kind comes from the registry", async () => {
    const applicant = JSON.parse((await mint("--applicant", "smart-mahalla:u-7")).out) as { token: string }
    expect(Either.getOrThrow(await verify(applicant.token)).subject).toEqual({ _tag: "applicant", applicantRef: "smart-mahalla:u-7" })
    const auditor = JSON.parse((await mint("--client", "AUD-1", "--scope", "appeals:read")).out) as { token: string }
    const caller = Either.getOrThrow(await verify(auditor.token))
    expect(caller.subject).toEqual({ _tag: "auditor", auditorId: "AUD-1" })
    expect([...caller.scopes]).toEqual(["appeals:read"])
  })

  it("refuses bad input with exit code 2 and one line on stderr", async () => {
    for (const args of [[], ["--officer", "O-1", "--applicant", "u"], ["--applicant", "u", "--role", "districtChief"], ["--officer", "O-1", "--role", "king"], ["--client", "x", "--scope", "everything"], ["--officer", "O-1", "--ttl", "5"], ["--officer", ""]]) {
      const r = await mint(...args)
      expect(r.code, args.join(" ")).toBe(2)
      expect(r.out).toBe("")
      expect(r.err.split("\n")).toHaveLength(1)
    }
  })
})
