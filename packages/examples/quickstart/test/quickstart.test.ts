import { describe, expect, it } from "vitest"
import { main as effectMain } from "../src/effect.js"
import { main as plainMain } from "../src/plain.js"

describe("quickstart examples", () => {
  it.each([
    ["async facade", plainMain],
    ["Effect API", effectMain]
  ] as const)("the %s handles an appeal to its answer, refuses an impossible command, and the chain verifies", async (_name, main) => {
    const r = await main()
    expect(r.status).toBe("answered")
    expect(r.refusal).toMatch(/^InvalidTransition: /)
    expect(r.chainOk).toBe(true)
  })
})
