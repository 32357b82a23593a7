/**
 * Access policy: who may act on and read which appeal.
 *
 * - An officer acts only on appeals of the mahallas he serves; senior inspectors and district
 *   chiefs act across their district (MIA order No. 151 of 2017: support-point territories are set
 *   by the district chief).
 * - An officer never acts on an appeal that complains about him (conflict of interest).
 * - An applicant acts only on his own appeals.
 * - An integration system acts within the districts it is limited to, if any.
 * - An auditor reads everything, with personal data masked, and changes nothing.
 *
 * Which grantee may give which command in which state is declared by the lifecycle machine
 * (`AppealMachine`); this module evaluates a grant against an actor and an appeal's scope.
 *
 * @example
 * import { Actor, Policy } from "@murojaat/core"
 * import { Schema } from "effect"
 * const inspector = Schema.decodeUnknownSync(Actor.Officer)({ _tag: "officer", officerId: "O-1", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"] })
 * Policy.check(["preventionInspector"], inspector, { mahallaCode: "M2", districtCode: "D1" })
 * // { ok: false, reason: "outsideJurisdiction" }
 */
import type * as Actor from "./Actor.js"
import type * as Appeal from "./Appeal.js"
import type * as Directory from "./Directory.js"
import * as Eligibility from "./internal/eligibility.js"
import type * as Errors from "./Errors.js"
import * as Masking from "./internal/masking.js"
import * as access_ from "./internal/policy/access.js"
import * as mask_ from "./internal/policy/mask.js"

/**
 * Who a transition is granted to: an officer role (within its territory), the officer the appeal
 * is assigned to whatever his role, the applicant who owns the appeal, the system, or an
 * integration system.
 *
 * @example
 * import { Policy } from "@murojaat/core"
 * const g: Policy.Grantee = "assignee"
 *
 * @since 0.1.0
 * @category models
 */
export type Grantee = Directory.OfficerRole | "assignee" | "applicant" | "system" | "integrationSystem"

/**
 * What of an appeal the policy looks at.
 *
 * @example
 * import { Policy } from "@murojaat/core"
 * const s: Policy.Scope = { mahallaCode: "M1", districtCode: "D1", assigneeId: "O-1" }
 *
 * @since 0.1.0
 * @category models
 */
export interface Scope {
  readonly mahallaCode?: string | undefined
  readonly districtCode?: string | undefined
  readonly assigneeId?: string | undefined
  readonly applicantRef?: string | undefined
  readonly subjectOfficerId?: string | undefined
}

/**
 * The outcome of a check: the role the actor acts in, or why he may not.
 *
 * @example
 * import { Policy } from "@murojaat/core"
 * const d: Policy.Decision = { ok: true, role: "system" }
 *
 * @since 0.1.0
 * @category models
 */
export type Decision =
  | { readonly ok: true; readonly role: Actor.Role }
  | { readonly ok: false; readonly reason: Errors.RefusalReason }

/**
 * Whether an officer's role covers the appeal's territory.
 *
 * @example
 * import { Policy } from "@murojaat/core"
 * const o = { _tag: "officer", officerId: "O-1", roles: ["districtChief"], districtCode: "D1", mahallas: [] } as any
 * Policy.covers(o, "districtChief", { mahallaCode: "M9", districtCode: "D1" }) // true
 *
 * @since 0.1.0
 * @category access
 */
export const covers = (officer: Actor.Officer, role: Directory.OfficerRole, scope: Scope): boolean =>
  Eligibility.coversAs(officer, role, scope)

/**
 * Checks a grant: may this actor act, given the grantees of the transition and the appeal's scope?
 * Returns the role he acts in (recorded in the event) or the refusal reason.
 *
 * @example
 * import { Actor, Policy } from "@murojaat/core"
 * Policy.check(["applicant"], Actor.applicant("u-1"), { applicantRef: "u-2" }) // { ok: false, reason: "notApplicant" }
 * Policy.check(["system"], Actor.system("timer"), {})                        // { ok: true, role: "system" }
 *
 * @since 0.1.0
 * @category access
 */
export const check: (grantees: ReadonlyArray<Grantee>, actor: Actor.Actor, scope: Scope) => Decision = access_.check

/**
 * Whether an actor may read an appeal: officers within their territory or when assigned, the
 * applicant his own, auditors, the system, and integration systems within their districts.
 * Conflict of interest does not hide an appeal from reading by a supervisor, but an officer never
 * reads a complaint about himself.
 *
 * @example
 * import { Actor, Policy } from "@murojaat/core"
 * Policy.canRead(Actor.auditor("AUD-1"), { mahallaCode: "M1" }) // true
 *
 * @since 0.1.0
 * @category access
 */
export const canRead: (actor: Actor.Actor, scope: Scope) => boolean = access_.canRead

/**
 * Whether an actor sees personal data unmasked. Auditors see it masked; integration systems too
 * (they route, they do not handle).
 *
 * @example
 * import { Actor, Policy } from "@murojaat/core"
 * Policy.seesPersonalData(Actor.auditor("AUD-1")) // false
 *
 * @since 0.1.0
 * @category access
 */
export const seesPersonalData = (actor: Actor.Actor): boolean => actor._tag === "officer" || actor._tag === "applicant"

/**
 * Masks a text for auditors: e-mail addresses, and numbers of seven or more digits (phones,
 * passports, PINFL) in any common notation: grouped by spaces (NBSP and other Unicode spaces
 * too), dashes, dots or parentheses, in ASCII, full-width or Arabic-Indic digits. Every digit but
 * the last two is replaced by `*`. One pass over the text, linear in its length.
 *
 * @example
 * import { Policy } from "@murojaat/core"
 * Policy.maskText("Tel: +998901234567, a@b.uz") // "Tel: +**********67, ***@***"
 * Policy.maskText("(90) 123 45 67 yoki 90.123.45.67") // "(**) *** ** 67 yoki **.***.**.67"
 * Policy.maskText("\uff19\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17") // "*******\uff16\uff17"
 *
 * @since 0.1.0
 * @category masking
 */
export const maskText = (text: string): string => Masking.maskText(text)

/**
 * Masks an appeal's personal data for readers who may not see it (auditors): every field of
 * `Appeal.Personal` that names or locates a person. Names (applicant, representative, signatories,
 * a legal entity's name) to initials; residence, location, postal and appeal addresses, the
 * representative's proof of authority and attachment references hidden; phone and TIN digits
 * masked but the last two; e-mail hidden; the text and its subject line masked (`maskText`);
 * attachment file names hidden but their extension; signatories' account references and the
 * exact point dropped. Codes, flags, media types, sizes and digests stay.
 *
 * @example
 * import { Policy } from "@murojaat/core"
 * const p = Policy.mask({ applicant: { type: "individual", surname: "Karimov", name: "Anvar", residence: "Bodomzor 12", declaredFalse: false,
 *   contact: { phone: "+998901234567" }, consent: { given: true, form: "oral", revoked: false } }, signatories: [],
 *   text: { body: "Salom", subject: "Tel 90 123 45 67" }, attachments: [{ ref: "files/karimov.pdf", name: "Karimov pasport.pdf", mediaType: "application/pdf", bytes: 10 }] })
 * p.applicant.type === "individual" && p.applicant.surname // "K******"
 * p.text.subject // "Tel ** *** ** 67"
 * p.attachments[0] // { ref: "***", name: "***.pdf", mediaType: "application/pdf", bytes: 10 }
 *
 * @since 0.1.0
 * @category masking
 */
export const mask: (p: Appeal.Personal) => Appeal.Personal = mask_.mask
