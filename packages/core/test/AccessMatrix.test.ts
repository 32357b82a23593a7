// The role-by-scope matrix (issue 9): every actor a directory gives (real, inactive, forged and
// over-claiming officers, applicants, the system, integrations, an auditor), every command and query,
// in and out of the actor's territory, run through the service and compared with the policy tables in
// docs/security.md. The expected outcome is computed from those tables by a small oracle written
// here, not by the code under test.
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Actor, type Appeal, AppealService, AppealStore, Command, Directory, Errors } from "@murojaat/core"
import { Effect, Either, Layer, TestClock } from "effect"
import { directory } from "./support/world.js"

// ---- the tables in docs/security.md -----------------------------------------------------------

const doc = readFileSync(new URL("../../../docs/security.md", import.meta.url), "utf8")
const section = (name: string) => {
  const m = doc.match(new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`))
  if (m === null) throw new Error(`docs/security.md has no ${name} table`)
  return m[1]!
    .split("\n")
    .filter((l) => l.startsWith("| `"))
    .map((l) => l.split("|").slice(1, -1).map((c) => c.trim()))
}
const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
const commandGrantees = new Map(section("access-commands").map(([c, who]) => [ticks(c!)[0]!, ticks(who!)]))
const queryRows = new Map(section("access-queries").map(([q, who]) => [q!, who!]))

// ---- the world ----------------------------------------------------------------------------------

type Place = { readonly region: string; readonly district: string; readonly mahalla: string; readonly assignee: string; readonly other: string; readonly chief: string }
const places: ReadonlyArray<Place> = [
  { region: "R1", district: "D1", mahalla: "M1", assignee: "I1", other: "W1", chief: "C1" },
  { region: "R1", district: "D2", mahalla: "M3", assignee: "I3", other: "C2", chief: "C2" }
]

type Who =
  | { readonly kind: "officer"; readonly id: string }
  | { readonly kind: "unresolvable"; readonly label: string; readonly subject: unknown }
  | { readonly kind: "applicant"; readonly ref: string }
  | { readonly kind: "system" }
  | { readonly kind: "integration"; readonly districts?: ReadonlyArray<string> }
  | { readonly kind: "auditor" }

const whos: ReadonlyArray<Who> = [
  ...directory.officers.filter((o) => o.active !== false).map((o): Who => ({ kind: "officer", id: o.id })),
  ...directory.officers.filter((o) => o.active === false).map((o): Who => ({ kind: "unresolvable", label: `inactive ${o.id}`, subject: Actor.officer(o.id) })),
  { kind: "unresolvable", label: "forged chief", subject: { _tag: "officer", officerId: "FAKE-1", roles: ["districtChief"], districtCode: "D1", mahallas: [] } },
  { kind: "unresolvable", label: "inspector claiming a chief's role", subject: { _tag: "officer", officerId: "I1", roles: ["districtChief"], districtCode: "D1", mahallas: ["M1"] } },
  { kind: "applicant", ref: "u1" },
  { kind: "applicant", ref: "u2" },
  { kind: "system" },
  { kind: "integration" },
  { kind: "integration", districts: ["D2"] },
  { kind: "auditor" }
]

const subjectOf = (w: Who): Actor.Subject => {
  switch (w.kind) {
    case "officer":
      return Actor.officer(w.id)
    case "unresolvable":
      return w.subject as Actor.Subject
    case "applicant":
      return Actor.applicant(w.ref)
    case "system":
      return Actor.system("matrix")
    case "integration":
      return Actor.integration("portal", w.districts as ReadonlyArray<Directory.DistrictCode> | undefined)
    case "auditor":
      return Actor.auditor("AUD")
  }
}
const label = (w: Who) =>
  w.kind === "officer" ? w.id : w.kind === "unresolvable" ? w.label : w.kind === "applicant" ? `applicant ${w.ref}` : w.kind === "integration" ? `integration ${w.districts ?? "all"}` : w.kind

// ---- the oracle, from the tables ------------------------------------------------------------------

const officerOf = (id: string) => directory.officers.find((o) => o.id === id)!
const mahallaDistrict = (m: string) => directory.mahallas.find((x) => x.code === m)!.districtCode as string
const districtWide = new Set(["seniorInspector", "districtChief"])
// An officer's role covers a place: district-wide roles their district, the others their mahallas.
const roleCovers = (id: string, role: string, place: { district: string; mahalla?: string | undefined }) => {
  const o = officerOf(id)
  return districtWide.has(role) ? o.districtCode === place.district : place.mahalla !== undefined && (o.mahallas as ReadonlyArray<string>).includes(place.mahalla)
}
const anyRoleCovers = (id: string, place: { district: string; mahalla?: string | undefined }) => officerOf(id).roles.some((r) => roleCovers(id, r, place))
interface Scope {
  readonly district: string
  readonly mahalla: string
  readonly owner: string
  readonly assignee: string | undefined
}
const reads = (w: Who, s: Scope): boolean => {
  switch (w.kind) {
    case "auditor":
    case "system":
      return true
    case "integration":
      return w.districts === undefined || w.districts.includes(s.district)
    case "applicant":
      return w.ref === s.owner
    case "officer":
      return s.assignee === w.id || anyRoleCovers(w.id, s)
    case "unresolvable":
      return false
  }
}
const grantedBy = (grantee: string, w: Who, s: Scope): boolean => {
  switch (grantee) {
    case "assignee":
      return w.kind === "officer" && s.assignee === w.id
    case "applicant":
      return w.kind === "applicant" && w.ref === s.owner
    case "system":
      return w.kind === "system"
    case "integrationSystem":
      return w.kind === "integration" && (w.districts === undefined || w.districts.includes(s.district))
    default:
      return w.kind === "officer" && (officerOf(w.id).roles as ReadonlyArray<string>).includes(grantee) && roleCovers(w.id, grantee, s)
  }
}
const expectCommand = (command: string, w: Who, s: Scope): boolean =>
  w.kind !== "auditor" && w.kind !== "unresolvable" && reads(w, s) && (commandGrantees.get(command) ?? []).some((g) => grantedBy(g, w, s))

// ---- driving the service --------------------------------------------------------------------------

const statusFor: Record<Exclude<Command.Type, "receive">, string> = {
  register: "received",
  leaveWithoutConsideration: "registered",
  triage: "registered",
  correctTriage: "triaged",
  assign: "triaged",
  reassign: "assigned",
  unassign: "assigned",
  startReview: "assigned",
  declareExtraStudy: "inReview",
  requestInformation: "inReview",
  provideInformation: "awaitingApplicant",
  extendDeadline: "inReview",
  forward: "registered",
  handToCriminalProcedure: "triaged",
  issueProtectionOrder: "inReview",
  refuseProtectionOrder: "inReview",
  // No order is issued on these appeals: the policy lets or refuses, then the rule names the missing order.
  extendProtectionOrder: "inReview",
  recordProtectionOrderBreach: "answered",
  planMeasure: "registered",
  // No measure is planned on it: the policy decides first, then `measure.known` refuses.
  completeMeasure: "inReview",
  cancelMeasure: "answered",
  answer: "inReview",
  close: "answered",
  rate: "answered",
  dispute: "answered",
  mergeInto: "registered",
  withdraw: "registered",
  escalate: "registered"
}
const notice = { channel: "post", reference: "OUT-1" }
const payload = (type: Exclude<Command.Type, "receive">, p: Place, target: string, now: number): Record<string, unknown> => {
  switch (type) {
    case "leaveWithoutConsideration":
      return { ground: "otherRequirements", conclusion: "The appeal lacks the required content", approvedBy: p.chief }
    case "triage":
      return { category: "publicOrder", priority: "normal", flags: [], confidence: 1, needsPerson: false, ruleIds: [] }
    case "correctTriage":
      return { category: "familyConflict", priority: "high", flags: [], reason: "Family matter" }
    case "assign":
      return { officerId: p.assignee }
    case "reassign":
      return { officerId: p.other, reason: "Duty change" }
    case "unassign":
    case "declareExtraStudy":
    case "refuseProtectionOrder":
      return { reason: "Needs checking" }
    case "requestInformation":
      return { request: "Send the documents" }
    case "provideInformation":
      return { note: "Documents sent" }
    case "extendDeadline":
      return { reason: "Expert opinion needed", applicantNotice: notice }
    case "forward":
      return { body: { name: "District khokimiyat" }, applicantNotice: notice }
    case "handToCriminalProcedure":
      return { reference: "KUSP-1" }
    case "issueProtectionOrder":
      return { orderNumber: "HO-1", validUntil: new Date(now + 180 * 86_400_000).toISOString() }
    case "extendProtectionOrder":
      return { orderNumber: "HO-1", validUntil: new Date(now + 200 * 86_400_000).toISOString(), onVictimApplication: true, reason: "Threats go on" }
    case "recordProtectionOrderBreach":
      return { orderNumber: "HO-1", occurredAt: new Date(now - 86_400_000).toISOString() }
    case "planMeasure":
      return { kind: "homeVisit" }
    case "completeMeasure":
      return { measureId: `${target}/M1`, outcome: "held", note: "Talked with the family" }
    case "cancelMeasure":
      return { measureId: `${target}/M1`, reason: "Moved away" }
    case "answer":
      return { outcome: "explained", answerText: "Explained", legalBasis: "ZRU-445 Art. 28" }
    case "rate":
      return { score: 5 }
    case "dispute":
      return { reason: "Nothing changed" }
    case "mergeInto":
      return { targetAppealId: target, reason: "Same matter" }
    case "escalate":
      return { reason: "Chief's control" }
    default:
      return {}
  }
}

const intakeAt = (p: Place): Appeal.IntakeEncoded => ({
  kind: "ariza",
  form: "electronic",
  channel: "smartMahallaApp",
  applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Uy 1", contact: {}, consent: { given: true, form: "electronic" } },
  location: { regionCode: p.region, districtCode: p.district, mahallaCode: p.mahalla },
  text: { body: "Koʻchada chiroq yoʻq" }
})

const NOW = Date.parse("2026-03-20T05:00:00.000Z")
const manual = { pipeline: { registerOnReceipt: false } }
const layer = AppealService.layerMemory(directory, manual)
const system = Actor.system("setup")

// One appeal of u1 per status and place, built through the service.
const build = (p: Place, status: string) =>
  Effect.gen(function* () {
    const go = (cmd: Record<string, unknown>, who: Actor.Subject) => AppealService.execute(cmd, who)
    const r = yield* AppealService.submit(intakeAt(p), Actor.applicant("u1"))
    const id = r.appealId
    const path = ["received", "registered", "triaged", "assigned", "inReview", status === "awaitingApplicant" ? "awaitingApplicant" : "answered"]
    const steps: Record<string, () => Effect.Effect<unknown, unknown, any>> = {
      registered: () => go({ type: "register", appealId: id }, system),
      triaged: () => go({ type: "triage", appealId: id, ...payload("triage", p, "", NOW) }, system),
      assigned: () => go({ type: "assign", appealId: id, officerId: p.assignee }, system),
      inReview: () => go({ type: "startReview", appealId: id }, Actor.officer(p.assignee)),
      awaitingApplicant: () => go({ type: "requestInformation", appealId: id, request: "Send the documents" }, Actor.officer(p.assignee)),
      answered: () => go({ type: "answer", appealId: id, ...payload("answer", p, "", NOW) }, Actor.officer(p.assignee))
    }
    for (const s of path.slice(1, path.indexOf(status) + 1)) yield* steps[s]!()
    return id
  })

// The matrix runs on a service over a store that refuses to write (the other ports are the test's):
// what is decided is recorded, nothing changes.
const dryRun = AppealService.layer.pipe(
  Layer.provide(
    Layer.effect(
      AppealStore.AppealStore,
      Effect.map(AppealStore.AppealStore, (s) => ({
        ...s,
        commit: () => Effect.fail(new Errors.StoreError({ port: "AppealStore", reason: "unknown", detail: "dry-run" }))
      }))
    )
  ),
  Layer.provide(AppealService.layerConfig(manual))
)

type Outcome = "allowed" | "refused"
const classify = (r: Either.Either<unknown, unknown>): Outcome | string => {
  if (Either.isRight(r)) return "allowed"
  const e = r.left as { _tag: string; detail?: string }
  if (e._tag === "StoreError" && e.detail === "dry-run") return "allowed"
  if (e._tag === "RuleViolation") return "allowed" // the policy let him; a rule of law then decided
  if (e._tag === "NotAuthorized" || e._tag === "AppealNotFound" || e._tag === "OfficerNotFound") return "refused"
  return `unexpected ${e._tag}: ${(e as unknown as Error).message}`
}

describe("access matrix (docs/security.md)", () => {
  it("the tables name every command but receive, and every query", () => {
    expect([...commandGrantees.keys()].sort()).toEqual(Command.types.filter((t) => t !== "receive").sort())
    expect([...queryRows.keys()]).toEqual(["`submit`", "`get`, `history`, `verify`", "`worklist` of an officer", "`overdue`, `soonDue` of an area", "`escalateOverdue` of an area"])
  })

  it.effect("every command, every actor, in and out of territory, matches the table", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW)
      const appeals = new Map<string, string>()
      const targets = new Map<string, string>()
      for (const p of places) {
        for (const status of new Set(Object.values(statusFor))) appeals.set(`${p.mahalla}/${status}`, yield* build(p, status))
        targets.set(p.mahalla, yield* build(p, "registered"))
      }
      const mismatches: Array<string> = []
      let checked = 0
      yield* Effect.gen(function* () {
        for (const p of places) {
          for (const [type, status] of Object.entries(statusFor) as Array<[Exclude<Command.Type, "receive">, string]>) {
            const appealId = appeals.get(`${p.mahalla}/${status}`)!
            const scope: Scope = { district: p.district, mahalla: p.mahalla, owner: "u1", assignee: ["received", "registered", "triaged"].includes(status) ? undefined : p.assignee }
            for (const w of whos) {
              const r = yield* Effect.either(AppealService.execute({ type, appealId, ...payload(type, p, targets.get(p.mahalla)!, NOW) }, subjectOf(w)))
              const got = classify(r)
              const want: Outcome = expectCommand(type, w, scope) ? "allowed" : "refused"
              checked++
              if (got !== want) mismatches.push(`${type} on ${p.mahalla}/${status} by ${label(w)}: table says ${want}, service ${got}`)
            }
          }
        }
      }).pipe(Effect.provide(dryRun))
      expect(mismatches).toEqual([])
      expect(checked).toBe(places.length * Object.keys(statusFor).length * whos.length)
    }).pipe(Effect.provide(layer))
  )

  it.effect("every query, every actor, in and out of territory, matches the table", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(NOW)
      const mismatches: Array<string> = []
      const compare = (what: string, w: Who, want: boolean, r: Either.Either<unknown, unknown>) => {
        const got = classify(r)
        if (got !== (want ? "allowed" : "refused")) mismatches.push(`${what} by ${label(w)}: table says ${want ? "allowed" : "refused"}, service ${got}`)
      }
      const resolvable = (w: Who) => w.kind !== "unresolvable"
      for (const p of places) {
        const appealId = yield* build(p, "assigned")
        const scope: Scope = { district: p.district, mahalla: p.mahalla, owner: "u1", assignee: p.assignee }
        for (const w of whos) {
          const who = subjectOf(w)
          // get, history, verify: whoever may read the appeal.
          for (const [name, call] of [
            ["get", AppealService.get(appealId, who)],
            ["history", AppealService.history(appealId, who)],
            ["verify", AppealService.verify(appealId, who)]
          ] as const) {
            compare(`${name} ${p.mahalla}`, w, reads(w, scope), yield* Effect.either(call as Effect.Effect<unknown, unknown, any>))
          }
          // submit: the receive grant at the intake's place, on the dry-run store.
          const submitWant =
            resolvable(w) &&
            (w.kind === "applicant" ||
              w.kind === "system" ||
              (w.kind === "integration" && (w.districts === undefined || w.districts.includes(p.district))) ||
              (w.kind === "officer" && anyRoleCovers(w.id, scope)))
          compare(`submit ${p.mahalla}`, w, submitWant, yield* Effect.either(AppealService.submit(intakeAt(p), who).pipe(Effect.provide(dryRun))))
          // An officer's worklist: himself, his district's supervisors, auditors, the system.
          const holder = officerOf(p.assignee)
          const worklistWant =
            resolvable(w) &&
            (w.kind === "auditor" ||
              w.kind === "system" ||
              (w.kind === "officer" && (w.id === holder.id || officerOf(w.id).roles.some((r) => districtWide.has(r) && officerOf(w.id).districtCode === holder.districtCode))))
          compare(`worklist of ${holder.id}`, w, worklistWant, yield* Effect.either(AppealService.worklist(holder.id, who)))
          // Area lists and the timer, for a district and for a mahalla.
          const areas: ReadonlyArray<[{ districtCode: string } | { mahallaCode: string }, { district: string; mahalla?: string }]> = [
            [{ districtCode: p.district }, { district: p.district }],
            [{ mahallaCode: p.mahalla }, { district: mahallaDistrict(p.mahalla), mahalla: p.mahalla }]
          ]
          for (const [area, place] of areas) {
            const covers =
              resolvable(w) &&
              (w.kind === "system" ||
                (w.kind === "integration" && (w.districts === undefined || w.districts.includes(place.district))) ||
                (w.kind === "officer" && anyRoleCovers(w.id, place)))
            compare(`overdue ${JSON.stringify(area)}`, w, covers || w.kind === "auditor", yield* Effect.either(AppealService.overdue(area, who)))
            compare(`soonDue ${JSON.stringify(area)}`, w, covers || w.kind === "auditor", yield* Effect.either(AppealService.soonDue(area, "2026-04-20T05:00:00.000Z", who)))
            compare(`escalateOverdue ${JSON.stringify(area)}`, w, covers, yield* Effect.either(AppealService.escalateOverdue(area, who)))
          }
        }
      }
      expect(mismatches).toEqual([])
    }).pipe(Effect.provide(layer))
  )
})
