import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Audit, type Event, Rule } from "@murojaat/core"
import { describe, expect, it } from "vitest"
import { run } from "../src/index.js"
import { capture } from "./support.js"

const dir = mkdtempSync(join(tmpdir(), "murojaat-cli-"))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

describe("murojaat demo, lifecycle, verify-chain", () => {
  it("demo runs an appeal through its life and prints a verified chain", async () => {
    const c = capture()
    expect(await run(["demo", "--memory"], c.io)).toBe(0)
    const report = JSON.parse(c.out.join(""))
    expect(report.finalState.status).toBe("closed")
    expect(report.events.map((e: { type: string }) => e.type)).toEqual([
      "received",
      "registered",
      "triaged",
      "assigned",
      "reviewStarted",
      "informationRequested",
      "informationProvided",
      "deadlineExtended",
      "answered",
      "rated",
      "closed"
    ])
    expect(report.chain).toMatchObject({ ok: true, count: 11, projectionMatches: true })
    expect(report.tamperCheck).toMatchObject({ ok: false, reason: "hashMismatch" })
    expect(report.refusals.map((r: { code: string }) => r.code)).toEqual(["AppealNotFound", "RuleViolation"])
    expect(report.auditorSees).toContain("applicant")
  })

  it("demo speaks the chosen language and refuses an unknown one", async () => {
    const c = capture()
    expect(await run(["demo", "--memory", "--lang", "uz-Cyrl"], c.io)).toBe(0)
    expect(JSON.parse(c.out.join("")).refusals[1].message).toContain("қоидаси")
    const bad = capture()
    expect(await run(["demo", "--lang", "fr"], bad.io)).toBe(2)
    expect(bad.err.join("")).toContain("--lang must be one of")
    const both = capture()
    expect(await run(["demo", "--memory", "--data-dir", "x"], both.io)).toBe(2)
    expect(both.err.join("")).toContain("--memory cannot be combined")
  })

  // The lifecycle as docs/rules/lifecycle.md and the law state it, written out by hand (not read from
  // the machine the command prints): every move that changes the status, the commands that keep it
  // and where they may be given, who may give each command, and the statuses that end an appeal.
  const moves: ReadonlyArray<readonly [string, string, string]> = [
    ["none", "receive", "received"],
    ["received", "register", "registered"],
    ["registered", "triage", "triaged"],
    ["triaged", "assign", "assigned"],
    ["assigned", "startReview", "inReview"],
    ["inReview", "requestInformation", "awaitingApplicant"],
    ["awaitingApplicant", "provideInformation", "inReview"],
    ["inReview", "answer", "answered"],
    ["answered", "close", "closed"],
    ["inReview", "reassign", "assigned"],
    ["awaitingApplicant", "reassign", "assigned"],
    ...["assigned", "inReview", "awaitingApplicant"].map((s) => [s, "unassign", "triaged"] as const),
    ...["received", "registered", "triaged", "assigned", "inReview", "awaitingApplicant"].map((s) => [s, "withdraw", "withdrawn"] as const),
    ...["registered", "triaged", "assigned", "inReview"].flatMap((s) => [
      [s, "leaveWithoutConsideration", "leftWithoutConsideration"] as const,
      [s, "forward", "forwarded"] as const,
      [s, "mergeInto", "mergedAsDuplicate"] as const
    ]),
    ...["triaged", "assigned", "inReview"].map((s) => [s, "handToCriminalProcedure", "handedToCriminalProcedure"] as const)
  ]
  const open = ["assigned", "inReview", "awaitingApplicant"]
  const stays: Readonly<Record<string, ReadonlyArray<string>>> = {
    escalate: ["received", "registered", "triaged", ...open],
    correctTriage: ["triaged", "assigned", "inReview"],
    issueProtectionOrder: open,
    refuseProtectionOrder: open,
    declareExtraStudy: open,
    extendDeadline: open,
    reassign: ["assigned"],
    rate: ["answered", "closed"],
    dispute: ["answered", "closed"],
    // Prevention (docs/rules/prevention.md): planned from registration on and beside a criminal
    // case; what exists is settled in every later status, the ends included.
    planMeasure: ["registered", "triaged", ...open, "answered", "closed", "handedToCriminalProcedure"],
    completeMeasure: ["registered", "triaged", ...open, "answered", "closed", "leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn"],
    cancelMeasure: ["registered", "triaged", ...open, "answered", "closed", "leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn"],
    extendProtectionOrder: [...open, "answered", "closed", "leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn"],
    recordProtectionOrderBreach: [...open, "answered", "closed", "leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn"]
  }
  const officers = ["preventionInspector", "seniorInspector", "womensAffairsInspector", "juvenileInspector", "probationInspector", "districtChief"]
  const supervisors = ["seniorInspector", "districtChief"]
  const who: Readonly<Record<string, ReadonlyArray<string>>> = {
    receive: ["applicant", "integrationSystem", "system", ...officers],
    register: ["system", "integrationSystem", ...officers],
    withdraw: ["applicant"],
    escalate: ["system", ...supervisors],
    triage: ["system", ...supervisors],
    leaveWithoutConsideration: supervisors, // ZRU-445 Art. 29: a conclusion approved by the head
    forward: ["assignee", ...supervisors],
    mergeInto: ["assignee", ...supervisors],
    assign: ["system", ...supervisors],
    correctTriage: ["assignee", ...supervisors],
    handToCriminalProcedure: ["assignee", "districtChief"],
    startReview: ["assignee"],
    issueProtectionOrder: ["preventionInspector", "seniorInspector"], // ZRU-561: the prevention inspector
    refuseProtectionOrder: ["preventionInspector", "seniorInspector"],
    reassign: ["system", ...supervisors],
    unassign: ["system", ...supervisors],
    declareExtraStudy: ["assignee", ...supervisors],
    extendDeadline: ["districtChief"], // ZRU-445 Art. 28: the head of the body
    requestInformation: ["assignee"],
    answer: ["assignee"],
    provideInformation: ["applicant", "assignee"],
    close: ["system", "applicant"],
    rate: ["applicant"],
    dispute: ["applicant"],
    planMeasure: ["assignee", "preventionInspector", "womensAffairsInspector", "juvenileInspector", "seniorInspector"],
    completeMeasure: ["assignee", "preventionInspector", "womensAffairsInspector", "juvenileInspector", "seniorInspector"],
    cancelMeasure: ["assignee", "preventionInspector", "womensAffairsInspector", "juvenileInspector", "seniorInspector", "districtChief"],
    extendProtectionOrder: ["preventionInspector", "seniorInspector"], // ZRU-561: the inspector who issues it
    recordProtectionOrderBreach: ["preventionInspector", "seniorInspector", "womensAffairsInspector", "districtChief"]
  }
  const ends = ["leftWithoutConsideration", "forwarded", "handedToCriminalProcedure", "mergedAsDuplicate", "withdrawn"]
  const table = [...moves, ...Object.entries(stays).flatMap(([c, ss]) => ss.map((s) => [s, c, s] as const))]
  const key = (t: readonly [string, string, string]) => t.join(" ")

  it("lifecycle prints every transition of the lifecycle the docs state, who may give it, and its rules with the registry's sources", async () => {
    const json = capture()
    expect(await run(["lifecycle"], json.io)).toBe(0)
    const printed = JSON.parse(json.out.join("")) as ReadonlyArray<{
      from: string
      command: string
      to: string
      who: ReadonlyArray<string>
      rules: ReadonlyArray<{ id: string; source: string; requires: string }>
      events: ReadonlyArray<string>
      source: string
    }>
    expect(printed.map((t) => key([t.from, t.command, t.to])).sort()).toEqual(table.map(key).sort())
    for (const t of printed) {
      expect([...t.who].sort(), t.command).toEqual([...who[t.command]!].sort())
      expect(t.events.length, t.command).toBeGreaterThan(0)
      expect(t.source.length, t.command).toBeGreaterThan(5)
      for (const r of t.rules) expect({ source: r.source, requires: r.requires }, r.id).toEqual({ source: Rule.find(r.id)?.source, requires: Rule.find(r.id)?.statement })
    }
    const extend = printed.find((t) => t.command === "extendDeadline")!
    expect(extend.source).toContain("Art. 28")
    expect(extend.rules.map((r) => r.id)).toEqual(expect.arrayContaining(["extension.once", "extension.notForProposal", "extension.beforeTermEnds"]))
    expect(printed.find((t) => t.command === "leaveWithoutConsideration")!.source).toContain("Art. 29")
  })

  it("lifecycle --mermaid draws exactly those transitions, and the statuses that end an appeal", async () => {
    const mermaid = capture()
    expect(await run(["lifecycle", "--mermaid"], mermaid.io)).toBe(0)
    const lines = mermaid.out.join("").trim().split("\n").map((l) => l.trim())
    expect(lines[0]).toBe("stateDiagram-v2")
    expect(lines.slice(1).sort()).toEqual(["[*] --> none", ...table.map(([f, c, t]) => `${f} --> ${t}: ${c}`), ...ends.map((e) => `${e} --> [*]`)].sort())
  })

  it("lifecycle --paths gives every simple path from receipt to an end (enumerated here over the hand table)", async () => {
    const paths = capture()
    expect(await run(["lifecycle", "--paths"], paths.io)).toBe(0)
    const printed = JSON.parse(paths.out.join("")) as ReadonlyArray<{ commands: ReadonlyArray<string>; statuses: ReadonlyArray<string> }>
    // Depth-first over the moves, never visiting a status twice, to an end or the closing of an answered appeal.
    const expected: Array<{ commands: ReadonlyArray<string>; statuses: ReadonlyArray<string> }> = []
    const walk = (statuses: ReadonlyArray<string>, commands: ReadonlyArray<string>): void => {
      const here = statuses[statuses.length - 1]!
      if (ends.includes(here) || here === "closed") {
        expected.push({ commands, statuses })
        return
      }
      for (const [f, c, t] of moves) if (f === here && !statuses.includes(t)) walk([...statuses, t], [...commands, c])
    }
    walk(["none"], [])
    const text = (p: { commands: ReadonlyArray<string>; statuses: ReadonlyArray<string> }) => `${p.statuses.join(">")} | ${p.commands.join(">")}`
    expect(expected.length).toBeGreaterThan(20)
    expect(printed.map(text).sort()).toEqual(expected.map(text).sort())
    expect(printed.map(text)).toContain("none>received>registered>triaged>assigned>inReview>answered>closed | receive>register>triage>assign>startReview>answer>close")
  })

  it("verify-chain checks an export against its heads: removed newest events and events after the end are caught", async () => {
    const meta = { appealId: "A-1", at: "2026-03-25T05:00:00.000Z", actor: { kind: "system", id: "t", role: "system" } } as const
    const pending = (type: string) => ({ type, data: {}, rules: [`lifecycle.${type}`] }) as unknown as Event.Pending
    const sealed = Audit.seal({ version: 0, lastHash: Audit.genesis }, [pending("reviewStarted"), pending("withdrawn")], meta)
    const head = { appealId: "A-1", seq: 2, hash: sealed[1]!.hash }
    const exported = (events: ReadonlyArray<unknown>, heads = [head]) => JSON.stringify({ format: "murojaat.events", version: 2, heads, events })
    const verify = async (content: string, ...flags: Array<string>) => {
      const c = capture()
      const code = await run(["verify-chain", file("chain.json", content), ...flags], c.io)
      return { code, report: JSON.parse(c.out.join("") || "null"), err: c.err.join("") }
    }
    const intact = await verify(exported(sealed))
    expect(intact.code).toBe(0)
    expect(intact.report).toMatchObject({ ok: true, format: 2, events: 2, appeals: [{ appealId: "A-1", ok: true, headChecked: true }] })
    // The newest event removed: the rest is a sound chain, but it does not reach the exported head.
    const truncated = await verify(exported(sealed.slice(0, 1)))
    expect(truncated.code).toBe(1)
    expect(truncated.report.appeals[0]).toMatchObject({ ok: false, reason: "headMismatch" })
    // Every event removed: the head still names the appeal.
    expect((await verify(exported([]))).report.appeals[0]).toMatchObject({ appealId: "A-1", ok: false, reason: "headMismatch" })
    // A forged event after `withdrawn`, sealed properly, with the head moved to match it.
    const forged = Audit.seal({ version: 2, lastHash: sealed[1]!.hash }, [pending("reviewStarted")], meta)
    const appended = await verify(exported([...sealed, ...forged], [{ appealId: "A-1", seq: 3, hash: forged[0]!.hash }]))
    expect(appended.code).toBe(1)
    expect(appended.report.appeals[0]).toMatchObject({ ok: false, reason: "afterEnd", seq: 3 })
    // Events of an appeal the heads do not name.
    const other = Audit.seal({ version: 0, lastHash: Audit.genesis }, [pending("reviewStarted")], { ...meta, appealId: "A-2" })
    expect((await verify(exported([...sealed, ...other]))).report.appeals[1]).toMatchObject({ appealId: "A-2", ok: false, reason: "noHead" })
    // Reordered.
    expect((await verify(exported([sealed[1], sealed[0]]))).report).toMatchObject({ ok: false, appeals: [{ ok: false, index: 0 }] })
  })

  it("verify-chain still reads exports without heads (array, object, JSON Lines), but cannot vouch for them without --without-head", async () => {
    const sealed = Audit.seal(
      { version: 0, lastHash: Audit.genesis },
      [
        { type: "reviewStarted", data: {}, rules: ["lifecycle.startReview"] },
        { type: "closed", data: {}, rules: ["lifecycle.close"] }
      ],
      { appealId: "A-1", at: "2026-03-25T05:00:00.000Z", actor: { kind: "system", id: "t", role: "system" } }
    )
    for (const content of [JSON.stringify(sealed), JSON.stringify({ events: sealed }), sealed.map((e) => JSON.stringify(e)).join("\n")]) {
      const strict = capture()
      expect(await run(["verify-chain", file("old.json", content)], strict.io)).toBe(1)
      expect(JSON.parse(strict.out.join(""))).toMatchObject({ ok: false, format: 1, events: 2, appeals: [{ appealId: "A-1", ok: false, reason: "noHead" }] })
      expect(strict.err.join("")).toContain("carries no head")
      const links = capture()
      expect(await run(["verify-chain", file("old.json", content), "--without-head"], links.io)).toBe(0)
      expect(JSON.parse(links.out.join(""))).toMatchObject({ ok: true, appeals: [{ appealId: "A-1", ok: true, headChecked: false }] })
    }
    const tampered = capture()
    expect(await run(["verify-chain", file("bad.json", JSON.stringify([sealed[1], sealed[0]])), "--without-head"], tampered.io)).toBe(1)
    expect(JSON.parse(tampered.out.join(""))).toMatchObject({ ok: false, appeals: [{ ok: false, index: 0 }] })
    const newer = capture()
    expect(await run(["verify-chain", file("v3.json", JSON.stringify({ format: "murojaat.events", version: 3, heads: [], events: [] }))], newer.io)).toBe(2)
    expect(newer.err.join("")).toContain("export format version 3")
  })

  it("verify-chain explains unreadable input with exit 2", async () => {
    for (const [args, message] of [
      [["verify-chain"], "give exactly one FILE"],
      [["verify-chain", join(dir, "missing.json")], "cannot read"],
      [["verify-chain", file("garbage.json", "{not json\n")], "line 1 is not valid JSON"],
      [["verify-chain", file("wrong.json", JSON.stringify([{ type: "closed" }]))], "Invalid event 1"]
    ] as const) {
      const c = capture()
      expect(await run([...args], c.io)).toBe(2)
      expect(c.err.join("")).toContain(message)
    }
  })

  it("unknown commands and help", async () => {
    const c = capture()
    expect(await run(["nope"], c.io)).toBe(2)
    expect(c.err.join("")).toContain("unknown command: nope")
    const h = capture()
    // Asked-for help is the answer, so it goes to stdout (exit 0); errors stay on stderr.
    expect(await run(["help"], h.io)).toBe(0)
    expect(h.out.join("")).toContain("murojaat verify-chain FILE")
    expect(h.err.join("")).toBe("")
  })
})
