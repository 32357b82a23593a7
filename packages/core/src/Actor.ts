/**
 * Who acts: an officer (resolved from the directory with his roles and territory), an applicant
 * (by the operator's opaque account reference), the system itself (rules, timers), an integration
 * system (another government system pushing appeals), or an auditor (read-only).
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * const a = Actor.system("triage-rules")
 * Actor.label(a) // "system:triage-rules"
 */
import { Schema } from "effect"
import * as Directory from "./Directory.js"
import * as Limits from "./Limits.js"

// Ids from other systems (account references, system names): bounded, never blank.
const ActorId = Limits.requiredText(Limits.defaultSettings.opaqueId)

/**
 * Every role an actor can act in. Officer roles come from the directory.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.Role.literals.includes("auditor") // true
 *
 * @since 0.1.0
 * @category models
 */
export const Role = Schema.Literal(...Directory.OfficerRole.literals, "applicant", "auditor", "integrationSystem", "system")
/** @see Role */
export type Role = typeof Role.Type

/**
 * An officer acting, with the roles and territory the directory gives him.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.Officer)({ _tag: "officer", officerId: "O-1", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"] })
 *
 * @since 0.1.0
 * @category models
 */
export const Officer = Schema.TaggedStruct("officer", {
  officerId: Directory.OfficerId,
  roles: Limits.nonEmptyArray(Directory.OfficerRole, Limits.defaultSettings.roles),
  districtCode: Directory.DistrictCode,
  mahallas: Limits.array(Directory.MahallaCode, Limits.defaultSettings.officerMahallas)
})
/** @see Officer */
export type Officer = typeof Officer.Type

/**
 * An applicant acting on his own appeals, identified by the operator's account reference.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.Applicant)({ _tag: "applicant", applicantRef: "user-1" })
 *
 * @since 0.1.0
 * @category models
 */
export const Applicant = Schema.TaggedStruct("applicant", { applicantRef: ActorId })
/** @see Applicant */
export type Applicant = typeof Applicant.Type

/**
 * The system itself: triage rules, assignment policy, deadline timers.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.System)({ _tag: "system", name: "deadline-timer" })
 *
 * @since 0.1.0
 * @category models
 */
export const System = Schema.TaggedStruct("system", { name: ActorId })
/** @see System */
export type System = typeof System.Type

/**
 * Another system (a portal, the Virtual Reception, Open311 gateway) that submits and registers
 * appeals; optionally limited to some districts.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.Integration)({ _tag: "integration", systemId: "my.gov.uz" })
 *
 * @since 0.1.0
 * @category models
 */
export const Integration = Schema.TaggedStruct("integration", {
  systemId: ActorId,
  districts: Schema.optional(Limits.array(Directory.DistrictCode, Limits.defaultSettings.districts))
})
/** @see Integration */
export type Integration = typeof Integration.Type

/**
 * An auditor: reads everything, with personal data masked; changes nothing.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.Auditor)({ _tag: "auditor", auditorId: "AUD-1" })
 *
 * @since 0.1.0
 * @category models
 */
export const Auditor = Schema.TaggedStruct("auditor", { auditorId: ActorId })
/** @see Auditor */
export type Auditor = typeof Auditor.Type

/**
 * Any actor.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * const a: Actor.Actor = Actor.applicant("user-1")
 *
 * @since 0.1.0
 * @category models
 */
export const Actor = Schema.Union(Officer, Applicant, System, Integration, Auditor)
/** @see Actor */
export type Actor = typeof Actor.Type

/**
 * How an event records its actor: kind, id and the role the actor acted in.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.Ref)({ kind: "system", id: "triage", role: "system" })
 *
 * @since 0.1.0
 * @category models
 */
export const Ref = Schema.Struct({
  kind: Schema.Literal("officer", "applicant", "system", "integration", "auditor"),
  id: Schema.String,
  role: Role
})
/** @see Ref */
export type Ref = typeof Ref.Type

/**
 * The actor's id within its kind.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.id(Actor.applicant("u-1")) // "u-1"
 *
 * @since 0.1.0
 * @category utils
 */
export const id = (a: Actor): string => {
  switch (a._tag) {
    case "officer":
      return a.officerId
    case "applicant":
      return a.applicantRef
    case "system":
      return a.name
    case "integration":
      return a.systemId
    case "auditor":
      return a.auditorId
  }
}

/**
 * A short label for messages: "kind:id". Carries no personal data beyond the operator's ids.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.label(Actor.auditor("AUD-1")) // "auditor:AUD-1"
 *
 * @since 0.1.0
 * @category utils
 */
export const label = (a: Actor): string => `${a._tag}:${id(a)}`

/**
 * The roles an actor holds.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.roles(Actor.system("timer")) // ["system"]
 *
 * @since 0.1.0
 * @category utils
 */
export const roles = (a: Actor): ReadonlyArray<Role> => {
  switch (a._tag) {
    case "officer":
      return a.roles
    case "applicant":
      return ["applicant"]
    case "system":
      return ["system"]
    case "integration":
      return ["integrationSystem"]
    case "auditor":
      return ["auditor"]
  }
}

/**
 * The event reference of an actor acting in a role.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.ref(Actor.system("timer"), "system") // { kind: "system", id: "timer", role: "system" }
 *
 * @since 0.1.0
 * @category constructors
 */
export const ref = (a: Actor, role: Role): Ref => ({ kind: a._tag, id: id(a), role })

/**
 * An officer actor from a directory entry.
 *
 * @example
 * import { Actor, Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * const o = Schema.decodeUnknownSync(Directory.Officer)({ id: "O-1", name: "X", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"], duty: [], absences: [], conflicts: [] })
 * Actor.fromOfficer(o).mahallas // ["M1"]
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromOfficer = (o: Directory.Officer): Officer => ({
  _tag: "officer",
  officerId: o.id,
  roles: o.roles,
  districtCode: o.districtCode,
  mahallas: o.mahallas
})

/**
 * An applicant actor.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.applicant("user-1")._tag // "applicant"
 *
 * @since 0.1.0
 * @category constructors
 */
export const applicant = (applicantRef: string): Applicant => ({ _tag: "applicant", applicantRef })

/**
 * A system actor.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.system("assignment-policy").name // "assignment-policy"
 *
 * @since 0.1.0
 * @category constructors
 */
export const system = (name: string): System => ({ _tag: "system", name })

/**
 * An integration-system actor.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.integration("my.gov.uz").systemId // "my.gov.uz"
 *
 * @since 0.1.0
 * @category constructors
 */
export const integration = (systemId: string, districts?: ReadonlyArray<Directory.DistrictCode>): Integration =>
  districts === undefined ? { _tag: "integration", systemId } : { _tag: "integration", systemId, districts }

/**
 * An auditor actor.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.auditor("AUD-1").auditorId // "AUD-1"
 *
 * @since 0.1.0
 * @category constructors
 */
export const auditor = (auditorId: string): Auditor => ({ _tag: "auditor", auditorId })

/**
 * An officer as a caller names him: by id, the authenticated subject. The service resolves his
 * roles, district and mahallas from the directory at the time of the command. Claims (`roles`,
 * `districtCode`, `mahallas`) may be given, as an `Officer` carries them; they must then agree with
 * the directory, or the command is refused (`NotAuthorized`, reason `claimsMismatch`).
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.OfficerSubject)({ _tag: "officer", officerId: "O-1" }).officerId // "O-1"
 *
 * @since 0.1.0
 * @category models
 */
export const OfficerSubject = Schema.TaggedStruct("officer", {
  officerId: Directory.OfficerId,
  roles: Schema.optional(Officer.fields.roles),
  districtCode: Schema.optional(Directory.DistrictCode),
  mahallas: Schema.optional(Officer.fields.mahallas)
})
/** @see OfficerSubject */
export type OfficerSubject = typeof OfficerSubject.Type

/**
 * Who a caller says is acting: the authenticated subject an adapter hands to the service. Officers
 * are resolved from the directory (see `OfficerSubject`); applicants act on their own appeals;
 * integration systems within the districts the adapter's client registry limits them to; the
 * `system` subject is for the operator's own in-process workers only (an adapter never maps an
 * outside credential to it).
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Actor.Subject)(Actor.officer("O-1"))._tag // "officer"
 *
 * @since 0.1.0
 * @category models
 */
export const Subject = Schema.Union(OfficerSubject, Applicant, System, Integration, Auditor)
/** @see Subject */
export type Subject = typeof Subject.Type

/**
 * The subject of an officer, by id: what an adapter builds from an authenticated token.
 *
 * @example
 * import { Actor } from "@murojaat/core"
 * Actor.officer("O-1") // { _tag: "officer", officerId: "O-1" }
 *
 * @since 0.1.0
 * @category constructors
 */
export const officer = (officerId: string): OfficerSubject => ({ _tag: "officer", officerId: officerId as Directory.OfficerId })

/**
 * The claims of a subject that differ from the directory's officer entry: `[]` when they agree
 * (or none were made).
 *
 * @example
 * import { Actor, Directory } from "@murojaat/core"
 * import { Schema } from "effect"
 * const o = Schema.decodeUnknownSync(Directory.Officer)({ id: "O-1", name: "X", roles: ["preventionInspector"], districtCode: "D1", mahallas: ["M1"], duty: [], absences: [], conflicts: [] })
 * const claim = Schema.decodeUnknownSync(Actor.OfficerSubject)({ _tag: "officer", officerId: "O-1", roles: ["districtChief"] })
 * Actor.mismatchedClaims(claim, o) // ["roles"]
 *
 * @since 0.1.0
 * @category access
 */
export const mismatchedClaims = (subject: OfficerSubject, entry: Directory.Officer): ReadonlyArray<"roles" | "districtCode" | "mahallas"> => {
  const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => {
    const sa = new Set(a)
    const sb = new Set(b)
    return sa.size === sb.size && [...sa].every((x) => sb.has(x))
  }
  const out: Array<"roles" | "districtCode" | "mahallas"> = []
  if (subject.roles !== undefined && !sameSet(subject.roles, entry.roles)) out.push("roles")
  if (subject.districtCode !== undefined && subject.districtCode !== entry.districtCode) out.push("districtCode")
  if (subject.mahallas !== undefined && !sameSet(subject.mahallas, entry.mahallas)) out.push("mahallas")
  return out
}
