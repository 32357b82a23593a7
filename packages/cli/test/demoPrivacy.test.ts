// The demo's output is a log: ids, statuses, rule ids, hashes, error codes. None of the personal
// details its script gives (taken by hand from the script in src/commands/demo.ts) may appear.
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const personal = [
  "Qodirova",
  "Malika",
  "+998901234567",
  "901234567",
  "Bodomzor MFY",
  "12-uy",
  "baland musiqa",
  "bolalarim uxlay olmayapti",
  "14-uy",
  "24-mart",
  "uy raqamini",
  "tushuntirish xatlari",
  "profilaktik suhbat",
  "Rahmat"
]

describe("murojaat demo keeps personal details out of its output", () => {
  it("in every language, neither stdout nor stderr carries a name, a phone, an address or a text", async () => {
    for (const lang of ["en", "uz-Latn", "uz-Cyrl", "ru"]) {
      const c = capture()
      expect(await run(["demo", "--memory", "--lang", lang], c.io)).toBe(0)
      const output = [...c.out, ...c.err].join("\n")
      for (const value of personal) expect({ lang, value, found: output.includes(value) }).toEqual({ lang, value, found: false })
    }
  })
})
