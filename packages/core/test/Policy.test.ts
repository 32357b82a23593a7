import { fc, test } from "@fast-check/vitest"
import { Actor, Appeal, Directory, Policy } from "@murojaat/core"
import { Arbitrary, FastCheck } from "effect"
import { describe, expect, it } from "vitest"
import { actors } from "./support/world.js"

const grantees: ReadonlyArray<Policy.Grantee> = [
  "preventionInspector",
  "seniorInspector",
  "womensAffairsInspector",
  "juvenileInspector",
  "probationInspector",
  "districtChief",
  "assignee",
  "applicant",
  "system",
  "integrationSystem"
]
const scopeArb = fc.record({
  mahallaCode: fc.constantFrom("M1", "M2", "M3"),
  districtCode: fc.constantFrom("D1", "D2"),
  assigneeId: fc.constantFrom(undefined, "I1", "W1", "S1"),
  applicantRef: fc.constantFrom(undefined, "u1", "u2"),
  subjectOfficerId: fc.constantFrom(undefined, "I1", "S1", "C1")
})

describe("access policy", () => {
  test.prop([fc.subarray([...grantees]), scopeArb])("an auditor never acts and always reads", (who, scope) => {
    expect(Policy.check(who, Actor.auditor("AUD"), scope)).toEqual({ ok: false, reason: "readOnly" })
    expect(Policy.canRead(Actor.auditor("AUD"), scope)).toBe(true)
  })

  test.prop([fc.subarray([...grantees]), scopeArb, fc.constantFrom(...actors)])("an officer never acts on or reads a complaint about himself", (who, scope, actor) => {
    fc.pre(actor._tag === "officer")
    const s = { ...scope, subjectOfficerId: (actor as Actor.Officer).officerId }
    expect(Policy.check(who, actor, s)).toEqual({ ok: false, reason: "conflictOfInterest" })
    expect(Policy.canRead(actor, s)).toBe(false)
  })

  test.prop([fc.subarray([...grantees]), scopeArb, fc.constantFrom(...actors)])("whoever is allowed to act may also read", (who, scope, actor) => {
    if (Policy.check(who, actor, scope).ok) expect(Policy.canRead(actor, scope)).toBe(true)
  })

  // The access policy as docs/security.md ("Who may do what") states it, written without the code:
  // an officer role acts where the directory says it serves (senior inspectors and district chiefs
  // in their district, the other roles in the mahallas they list); `assignee` is the officer the
  // appeal is assigned to, wherever it lies; `applicant` the owner of the appeal;
  // `integrationSystem` within the districts it is limited to; auditors change nothing; nobody acts
  // on a complaint about himself. A refusal names the first reason that applies.
  const oracleCheck = (
    who: ReadonlyArray<Policy.Grantee>,
    actor: Actor.Actor,
    scope: Policy.Scope
  ): { readonly ok: true; readonly roles: ReadonlyArray<string> } | { readonly ok: false; readonly reason: string } => {
    switch (actor._tag) {
      case "auditor":
        return { ok: false, reason: "readOnly" }
      case "system":
        return who.includes("system") ? { ok: true, roles: ["system"] } : { ok: false, reason: "roleNotAllowed" }
      case "integration":
        if (!who.includes("integrationSystem")) return { ok: false, reason: "roleNotAllowed" }
        if (actor.districts !== undefined && !actor.districts.some((d) => d === scope.districtCode)) return { ok: false, reason: "outsideJurisdiction" }
        return { ok: true, roles: ["integrationSystem"] }
      case "applicant":
        if (!who.includes("applicant")) return { ok: false, reason: "roleNotAllowed" }
        return scope.applicantRef === actor.applicantRef ? { ok: true, roles: ["applicant"] } : { ok: false, reason: "notApplicant" }
      case "officer": {
        if (scope.subjectOfficerId === actor.officerId) return { ok: false, reason: "conflictOfInterest" }
        if (who.includes("assignee") && scope.assigneeId === actor.officerId) return { ok: true, roles: actor.roles }
        const granted = actor.roles.filter((r) => who.includes(r))
        if (granted.length === 0) return { ok: false, reason: who.includes("assignee") ? "notAssignee" : "roleNotAllowed" }
        const serving = granted.filter((r) =>
          r === "seniorInspector" || r === "districtChief" ? actor.districtCode === scope.districtCode : actor.mahallas.some((m) => m === scope.mahallaCode)
        )
        return serving.length === 0 ? { ok: false, reason: "outsideJurisdiction" } : { ok: true, roles: serving.slice(0, 1) }
      }
    }
  }

  // Officers of any roles, district and mahallas (beyond the world's one-role officers).
  const officerArb = fc
    .record({
      id: fc.constantFrom("I1", "W1", "S1", "C1", "O9"),
      roles: fc.uniqueArray(fc.constantFrom(...Directory.OfficerRole.literals), { minLength: 1, maxLength: 3 }),
      districtCode: fc.constantFrom("D1", "D2"),
      mahallas: fc.subarray(["M1", "M2", "M3"])
    })
    .map((o) => ({ _tag: "officer", officerId: o.id, roles: o.roles, districtCode: o.districtCode, mahallas: o.mahallas }) as unknown as Actor.Actor)

  test("decides as docs/security.md states: who acts, in which role, and why not (oracle written from the docs)", () => {
    const decided = { accepted: 0, asAssignee: 0, outside: 0 }
    fc.assert(
      fc.property(fc.subarray([...grantees]), scopeArb, fc.oneof(fc.constantFrom(...actors), officerArb), (who, scope, actor) => {
        const expected = oracleCheck(who, actor, scope)
        const d = Policy.check(who, actor, scope)
        if (expected.ok) {
          expect(d.ok).toBe(true)
          expect(expected.roles).toContain(d.ok ? d.role : undefined)
          decided.accepted++
          if (actor._tag === "officer" && scope.assigneeId === actor.officerId && who.includes("assignee")) decided.asAssignee++
        } else {
          expect(d).toEqual({ ok: false, reason: expected.reason })
          if (expected.reason === "outsideJurisdiction") decided.outside++
        }
      }),
      { numRuns: 2000 }
    )
    // Not vacuous: acceptances, acceptances of the assignee, and refusals for territory all occur.
    expect(decided.accepted).toBeGreaterThan(200)
    expect(decided.asAssignee).toBeGreaterThan(20)
    expect(decided.outside).toBeGreaterThan(50)
  })

  test("reading: an officer reads where one of his roles serves or when assigned, wherever the appeal lies; never a complaint about himself", () => {
    let assignedReads = 0
    let officers = 0
    fc.assert(
      fc.property(scopeArb, fc.oneof(fc.constantFrom(...actors), officerArb), (scope, actor) => {
        if (actor._tag !== "officer") return
        officers++
        const expected =
          scope.subjectOfficerId !== actor.officerId &&
          (scope.assigneeId === actor.officerId || actor.roles.some((r) => oracleCheck([r], actor, { ...scope, assigneeId: undefined }).ok))
        expect(Policy.canRead(actor, scope)).toBe(expected)
        if (expected && scope.assigneeId === actor.officerId) assignedReads++
      }),
      { numRuns: 1000 }
    )
    expect(officers).toBeGreaterThan(500)
    expect(assignedReads).toBeGreaterThan(20)
  })

  it.each([
    ["inspector in his mahalla", ["preventionInspector"], "I1", { mahallaCode: "M1", districtCode: "D1" }, { ok: true, role: "preventionInspector" }],
    ["inspector in another mahalla", ["preventionInspector"], "I1", { mahallaCode: "M2", districtCode: "D1" }, { ok: false, reason: "outsideJurisdiction" }],
    ["chief in his district", ["districtChief"], "C1", { mahallaCode: "M2", districtCode: "D1" }, { ok: true, role: "districtChief" }],
    ["chief in another district", ["districtChief"], "C1", { mahallaCode: "M3", districtCode: "D2" }, { ok: false, reason: "outsideJurisdiction" }],
    ["assignee anywhere", ["assignee"], "W1", { mahallaCode: "M3", districtCode: "D2", assigneeId: "W1" }, { ok: true, role: "womensAffairsInspector" }],
    ["not the assignee", ["assignee"], "I1", { mahallaCode: "M1", districtCode: "D1", assigneeId: "W1" }, { ok: false, reason: "notAssignee" }],
    ["role not granted", ["districtChief"], "I1", { mahallaCode: "M1", districtCode: "D1" }, { ok: false, reason: "roleNotAllowed" }]
  ] as const)("%s", (_name, who, officerId, scope, expected) => {
    const actor = actors.find((a) => a._tag === "officer" && a.officerId === officerId)!
    expect(Policy.check(who, actor, scope)).toEqual(expected)
  })

  // Schema-derived arbitraries come from effect's own fast-check, so they run under FastCheck.assert.
  it("masking hides names, contact, residence and digit runs", () =>
    FastCheck.assert(FastCheck.property(Arbitrary.make(Appeal.Personal), (p) => {
    const m = Policy.mask(p)
    if (m.applicant.type === "individual" && p.applicant.type === "individual") {
      for (const k of ["surname", "name", "patronymic"] as const) {
        const v = m.applicant[k]
        if (v !== undefined) for (const w of v.split(" ")) expect(w).toMatch(/^(\S\*{1,8}|\*|)$/)
      }
      if (p.applicant.residence !== undefined) expect(m.applicant.residence).toBe("***")
    }
    const phone = m.applicant.contact.phone
    if (phone !== undefined) expect((phone.match(/\d/g) ?? []).length).toBeLessThanOrEqual(2)
    expect(m.text.body).not.toMatch(/\d{7,}/)
    expect(m.point).toBeUndefined()
    }))
  )
})

describe("masking text", () => {
  test.prop([fc.string(), fc.stringMatching(/^\+?\d{7,15}$/), fc.string()])("no run of seven or more digits survives", (a, digits, b) => {
    const masked = Policy.maskText(`${a} ${digits} ${b}`)
    expect(masked.includes(digits.replace("+", ""))).toBe(false)
    expect(masked.match(/\d{7,}/)).toBeNull()
  })

  it("keeps the last two digits so a reader can tell numbers apart", () => {
    expect(Policy.maskText("Tel: +998901234567")).toBe("Tel: +**********67")
    expect(Policy.maskText("pasport 1234567")).toBe("pasport *****67")
    expect(Policy.maskText("a@b.uz yozing")).toBe("***@*** yozing")
  })
})

// ---------------------------------------------------------------------------------------------
// Masking covers every personal field and every common way of writing a phone number.
// ---------------------------------------------------------------------------------------------

const latinWord = fc.stringMatching(/^[A-Z][a-z]{2,11}$/)
const personName = fc.array(latinWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "))
const phone = fc
  .tuple(fc.boolean(), fc.array(fc.stringMatching(/^[0-9]{2,3}$/), { minLength: 3, maxLength: 5 }), fc.constantFrom(" ", "-", "", " - "))
  .map(([plus, groups, sep]) => `${plus ? "+" : ""}${groups.join(sep)}`)
  .filter((p) => p.length >= 5 && p.length <= 20)
const email = fc.tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([u, d]) => `${u}@${d}.uz`)
const address = fc.tuple(latinWord, fc.integer({ min: 1, max: 999 })).map(([w, n]) => `${w} koʻchasi ${n}`)
const documentRef = fc.tuple(latinWord, fc.integer({ min: 1, max: 99_999 })).map(([w, n]) => `${w} No ${n}`)
const cyrillicText = fc.array(fc.stringMatching(/^[а-яўқғҳ]{2,10}$/), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(" "))
const consent = fc.record({ given: fc.boolean(), form: fc.constantFrom("written" as const, "electronic" as const, "oral" as const), revoked: fc.boolean() })
const contact = fc.record({ phone, email, postalAddress: address }, { requiredKeys: [] })
const representative = fc.record({ name: personName, authorityProof: documentRef }, { requiredKeys: ["name"] })
const individual = fc.record(
  { type: fc.constant("individual" as const), surname: personName, name: personName, patronymic: personName, residence: address, declaredFalse: fc.boolean(), contact, consent, representative },
  { requiredKeys: ["type", "declaredFalse", "contact", "consent"] }
)
const legalEntity = fc.record(
  { type: fc.constant("legalEntity" as const), fullName: personName, location: address, tin: fc.stringMatching(/^[0-9]{9}$/), declaredFalse: fc.boolean(), contact, consent, representative },
  { requiredKeys: ["type", "declaredFalse", "contact", "consent"] }
)
const attachment = fc.record(
  {
    ref: fc.tuple(latinWord, latinWord).map(([a, b]) => `files/${a}/${b}.pdf`),
    name: fc.tuple(personName, fc.constantFrom("pdf", "jpg", "docx")).map(([n, e]) => `${n} pasport.${e}`),
    mediaType: fc.constantFrom("application/pdf", "image/jpeg"),
    bytes: fc.nat(),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/)
  },
  { requiredKeys: ["ref", "mediaType", "bytes"] }
)
const personal: fc.Arbitrary<Appeal.Personal> = fc.record(
  {
    applicant: fc.oneof(individual, legalEntity),
    signatories: fc.array(fc.record({ surname: personName, name: personName, residence: address, applicantRef: fc.stringMatching(/^user-[a-z]{3,8}$/) }, { requiredKeys: ["surname", "name"] }), { maxLength: 4 }),
    text: fc.record({ body: cyrillicText, subject: cyrillicText }, { requiredKeys: ["body"] }),
    point: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }),
    address,
    attachments: fc.array(attachment, { maxLength: 3 })
  },
  { requiredKeys: ["applicant", "signatories", "text", "attachments"] }
) as fc.Arbitrary<Appeal.Personal>

// The strings of a Personal value that name, reach or locate a person, read by field names
// written here (not by the code under test).
const personalKeys = new Set(["surname", "name", "patronymic", "residence", "phone", "email", "postalAddress", "authorityProof", "fullName", "location", "tin", "address", "ref", "applicantRef"])
const personalStrings = (v: unknown, key = ""): Array<string> =>
  typeof v === "string"
    ? personalKeys.has(key) ? [v] : []
    : v !== null && typeof v === "object"
      ? Object.entries(v).flatMap(([k, x]) => personalStrings(x, Array.isArray(v) ? key : k))
      : []
const nonPersonalKeys = new Set(["type", "form", "mediaType", "sha256"])
const stringsOf = (v: unknown, key = ""): Array<string> =>
  typeof v === "string"
    ? nonPersonalKeys.has(key) ? [] : [v]
    : v !== null && typeof v === "object"
      ? Object.entries(v).flatMap(([k, x]) => stringsOf(x, Array.isArray(v) ? key : k))
      : []

describe("masking every personal field", () => {
  test.prop([personal])("no name, phone, e-mail, address, document or file string longer than 2 characters survives", (p) => {
    const masked = stringsOf(Policy.mask(p))
    for (const original of personalStrings(p)) {
      if (original.length <= 2) continue
      for (const s of masked) expect(s.includes(original), `"${original}" survived in "${s}"`).toBe(false)
    }
    // Attachment names carry names too: their words do not survive either.
    for (const f of p.attachments) for (const w of (f.name ?? "").split(/[ .]/)) if (w.length > 4) for (const s of masked) expect(s.includes(w)).toBe(false)
  })

  test.prop([personal])("the exact point is dropped; fields present stay present, none is added", (p) => {
    const m = Policy.mask(p)
    expect(m.point).toBeUndefined()
    const keys = (v: unknown): Array<string> =>
      v !== null && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => [k, ...keys(x).map((y) => `${k}.${y}`)]) : []
    const dropped = new Set(["point", ...p.signatories.map((_, i) => `signatories.${i}.applicantRef`)])
    expect(keys(m).sort()).toEqual(keys(p).filter((k) => !dropped.has(k) && !k.startsWith("point.")).sort())
  })

  test.prop([personal])("codes, media types, sizes, digests and the shape stay for the auditor", (p) => {
    const m = Policy.mask(p)
    expect(m.applicant.type).toBe(p.applicant.type)
    expect(m.signatories.length).toBe(p.signatories.length)
    expect(m.attachments.map((a) => [a.mediaType, a.bytes, a.sha256])).toEqual(p.attachments.map((a) => [a.mediaType, a.bytes, a.sha256]))
    expect(m.applicant.consent).toEqual(p.applicant.consent)
  })

  it("a subject line, a legal entity's location and representative, and attachment names are masked", () => {
    const m = Policy.mask({
      applicant: {
        type: "legalEntity",
        fullName: "YaTT Karimov Anvar",
        location: "Bodomzor koʻchasi 12",
        declaredFalse: false,
        contact: { phone: "+998 90 123 45 67" },
        consent: { given: true, form: "written", revoked: false },
        representative: { name: "Aliyev Bobur", authorityProof: "Ishonchnoma 17/2026" }
      },
      signatories: [{ surname: "Tursunova", name: "Dilnoza", applicantRef: "user-9" }],
      text: { body: "Salom", subject: "Karimovga qarshi, tel 90 123 45 67" },
      attachments: [{ ref: "files/karimov-pasport.jpg", name: "Karimov pasport.jpg", mediaType: "image/jpeg", bytes: 5 }]
    })
    expect(m).toEqual({
      applicant: {
        type: "legalEntity",
        fullName: "Y*** K****** A****",
        location: "***",
        declaredFalse: false,
        contact: { phone: "+*** ** *** ** 67" },
        consent: { given: true, form: "written", revoked: false },
        representative: { name: "A***** B****", authorityProof: "***" }
      },
      signatories: [{ surname: "T********", name: "D******" }],
      text: { body: "Salom", subject: "Karimovga qarshi, tel ** *** ** 67" },
      attachments: [{ ref: "***", name: "***.jpg", mediaType: "image/jpeg", bytes: 5 }]
    })
  })
})

describe("masking phone numbers in any notation", () => {
  it.each([
    ["+998 90 123-45-67", "+*** ** ***-**-67"],
    ["(90) 123 45 67", "(**) *** ** 67"],
    ["90.123.45.67", "**.***.**.67"],
    ["90–123–45–67", "**–***–**–67"],
    ["\uff19\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17", "*******\uff16\uff17"],
    ["\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "*******\u0666\u0667"],
    ["\u06f9\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7", "*******\u06f6\u06f7"],
    ["90\u00a0123\u00a045\u00a067", "**\u00a0***\u00a0**\u00a067"],
    ["+998\u202f(90)\u202f123\u202f45\u202f67", "+***\u202f(**)\u202f***\u202f**\u202f67"],
    ["\uff0b\uff19\uff19\uff18\u3000\uff19\uff10\u3000\uff11\uff12\uff13\uff0d\uff14\uff15\uff0d\uff16\uff17", "\uff0b***\u3000**\u3000***\uff0d**\uff0d\uff16\uff17"],
    ["pasport AA 1234567", "pasport AA *****67"],
    ["PINFL 30101901234567", "PINFL ************67"],
    ["uy 12, kv 5, 3 ta bola", "uy 12, kv 5, 3 ta bola"],
    ["Tel: 90 123 45 67, e-mail: a.b@c.uz.", "Tel: ** *** ** 67, e-mail: ***@***"],
    ["<ali.valiyev@mail.uz>", "<***@***>"],
    ["ali\uff20mail.uz", "***@***"]
  ])("%s", (text, expected) => {
    expect(Policy.maskText(text)).toBe(expected)
  })

  const scripts = [0x30, 0xff10, 0x660, 0x6f0, 0x966] // ASCII, full-width, Arabic-Indic, Persian, Devanagari zeros
  const separators = [" ", "-", ".", "(", ")", "\u00a0", "\u202f", "\u2009", "\u3000", "\u2013", "\uff0d", "\uff0e", "/"]
  const notation = fc.record({
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 15 }),
    zero: fc.constantFrom(...scripts),
    gaps: fc.array(fc.array(fc.constantFrom(...separators), { minLength: 0, maxLength: 3 }), { minLength: 15, maxLength: 15 }),
    plus: fc.boolean()
  })
  const writeNumber = (n: { digits: Array<number>; zero: number; gaps: Array<Array<string>>; plus: boolean }) =>
    (n.plus ? "+" : "") + n.digits.map((d, i) => (i === 0 ? "" : n.gaps[i]!.join("")) + String.fromCharCode(n.zero + d)).join("")
  const prose = fc.stringMatching(/^[A-Za-zА-Яа-яʻʼ ,:;!?]{0,20}$/)

  test.prop([prose, notation, prose])("a number of 7 or more digits keeps only its last two, whatever its digits and separators", (before, n, after) => {
    const masked = Policy.maskText(`${before} ${writeNumber(n)} ${after}`)
    const left = [...masked.matchAll(/\p{Nd}/gu)].map((m) => m[0])
    const lastTwo = n.digits.slice(-2).map((d) => String.fromCharCode(n.zero + d))
    expect(left).toEqual(lastTwo)
  })

  test.prop([fc.string({ unit: "binary", maxLength: 200 }).filter((s) => !/[@\uff20]/.test(s))])("without an e-mail address, masking only turns digits into stars, one for one", (s) => {
    const masked = Policy.maskText(s)
    expect(masked.length).toBe(s.length)
    for (let i = 0; i < s.length; i++) if (masked[i] !== s[i]) expect(masked[i] === "*" && /^\p{Nd}$/u.test(s[i]!)).toBe(true)
  })

  it("long hostile runs are masked correctly (the scan is linear; see bench/mask.bench.ts)", () => {
    expect(Policy.maskText("1".repeat(20_000))).toBe("*".repeat(19_998) + "11")
    expect(Policy.maskText("1 ".repeat(10_000))).toBe("* ".repeat(9_998) + "1 1 ")
    expect(Policy.maskText("a".repeat(20_000))).toBe("a".repeat(20_000))
    expect(Policy.maskText("a".repeat(10_000) + "@" + "b".repeat(10_000))).toBe("***@***")
    expect(Policy.maskText("1" + " ".repeat(20_000) + "1")).toBe("1" + " ".repeat(20_000) + "1")
  })
})
