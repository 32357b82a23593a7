// The trust boundary: what the service checks itself instead of believing the caller (design.md,
// "The trust boundary"). Officers are resolved from the directory at the time of the command;
// location codes must exist and agree; related appeals must exist and be readable; queries over an
// area are limited to the actor's territory.
import { Effect, Either, Option } from "effect"
import * as Actor from "../Actor.js"
import type * as Appeal from "../Appeal.js"
import type * as AppealState from "../AppealState.js"
import * as Decode from "../Decode.js"
import * as Directory from "../Directory.js"
import { DirectoryStore } from "../DirectoryStore.js"
import * as Errors from "../Errors.js"
import * as Policy from "../Policy.js"

const decodeSubject = Decode.either(Actor.Subject, "Actor")

/** Resolves a caller's subject into the actor the policy evaluates; officers come from the directory. */
export const resolveActor = (
  input: unknown,
  action: string
): Effect.Effect<Actor.Actor, Errors.InvalidInput | Errors.OfficerNotFound | Errors.NotAuthorized | Errors.StoreError, DirectoryStore> =>
  Effect.suspend((): Effect.Effect<Actor.Actor, Errors.InvalidInput | Errors.OfficerNotFound | Errors.NotAuthorized | Errors.StoreError, DirectoryStore> => {
    const decoded = decodeSubject(input)
    if (Either.isLeft(decoded)) return Effect.fail(decoded.left)
    const subject = decoded.right
    // Only an officer is looked up: the other subjects are what they decode to.
    return subject._tag === "officer" ? resolveOfficer(subject, action) : Effect.succeed(subject)
  })

const resolveOfficer = (subject: Actor.OfficerSubject, action: string) =>
  Effect.gen(function* () {
    const found = yield* Effect.flatMap(DirectoryStore, (d) => d.officer(subject.officerId))
    if (Option.isNone(found)) return yield* Effect.fail(new Errors.OfficerNotFound({ officerId: subject.officerId }))
    const entry = found.value
    const label = `officer:${subject.officerId}`
    if (entry.active === false) return yield* Effect.fail(new Errors.NotAuthorized({ actor: label, command: action, reason: "officerInactive" }))
    if (Actor.mismatchedClaims(subject, entry).length > 0) {
      return yield* Effect.fail(new Errors.NotAuthorized({ actor: label, command: action, reason: "claimsMismatch" }))
    }
    return Actor.fromOfficer(entry)
  })

const issue = (path: string, detail: string) => new Errors.FieldIssue({ path, problem: "invalidValue", detail })

/**
 * The location's codes exist in the directory and agree: the mahalla is in the district, the
 * district in the region. Values are not echoed (they may be anything a caller sent).
 */
export const locationIssues = (directory: Directory.Directory, location: Appeal.Location): ReadonlyArray<Errors.FieldIssue> => {
  const region = directory.regions.find((r) => r.code === location.regionCode)
  const district = directory.districts.find((d) => d.code === location.districtCode)
  const mahalla = directory.mahallas.find((m) => m.code === location.mahallaCode)
  const out: Array<Errors.FieldIssue> = []
  if (region === undefined) out.push(issue("location.regionCode", "no such region in the directory"))
  if (district === undefined) out.push(issue("location.districtCode", "no such district in the directory"))
  else if (district.regionCode !== location.regionCode) out.push(issue("location.districtCode", "the district is not in the given region"))
  if (mahalla === undefined) out.push(issue("location.mahallaCode", "no such mahalla in the directory"))
  else if (mahalla.districtCode !== location.districtCode) out.push(issue("location.mahallaCode", "the mahalla is not in the given district"))
  return out
}

/** A named officer (the subject of a complaint) must be in the directory. */
export const subjectOfficerIssues = (directory: Directory.Directory, subjectOfficerId: string | undefined): ReadonlyArray<Errors.FieldIssue> =>
  subjectOfficerId === undefined || Directory.findOfficer(directory, subjectOfficerId) !== undefined
    ? []
    : [issue("subjectOfficerId", "no such officer in the directory")]

/** The district an area lies in, if the directory knows it. */
const districtOf = (directory: Directory.Directory, area: { readonly districtCode: string } | { readonly mahallaCode: string }) =>
  "districtCode" in area ? area.districtCode : directory.mahallas.find((m) => m.code === area.mahallaCode)?.districtCode

/**
 * Whether an actor may look at an area's lists (overdue, soon due, the deadline timer): the system
 * and auditors everywhere; an integration system within its districts; an officer where one of his
 * roles covers the area (a district-wide role over its district, an inspector over his own
 * mahalla). Applicants have no area lists.
 */
export const coversArea = (
  directory: Directory.Directory,
  actor: Actor.Actor,
  area: { readonly districtCode: string } | { readonly mahallaCode: string }
): Policy.Decision => {
  const districtCode = districtOf(directory, area)
  switch (actor._tag) {
    case "system":
      return { ok: true, role: "system" }
    case "auditor":
      return { ok: true, role: "auditor" }
    case "applicant":
      return { ok: false, reason: "roleNotAllowed" }
    case "integration":
      return actor.districts === undefined || (districtCode !== undefined && actor.districts.includes(districtCode as Directory.DistrictCode))
        ? { ok: true, role: "integrationSystem" }
        : { ok: false, reason: "outsideJurisdiction" }
    case "officer": {
      const scope = { districtCode, mahallaCode: "mahallaCode" in area ? area.mahallaCode : undefined }
      const role = actor.roles.find((r) => Policy.covers(actor, r, scope))
      return role === undefined ? { ok: false, reason: "outsideJurisdiction" } : { ok: true, role }
    }
  }
}

/** Whether an actor may see an officer's worklist: the officer himself, a district-wide officer of his district, the system, an auditor. */
export const seesWorklistOf = (actor: Actor.Actor, officer: Directory.Officer): boolean => {
  switch (actor._tag) {
    case "system":
    case "auditor":
      return true
    case "officer":
      return actor.officerId === officer.id || actor.roles.some((r) => Directory.districtWideRoles.has(r) && actor.districtCode === officer.districtCode)
    default:
      return false
  }
}

/** Keeps only what the actor may read: area and worklist pages never carry an appeal he could not open. */
export const readable = (actor: Actor.Actor, items: ReadonlyArray<AppealState.AppealState>): ReadonlyArray<AppealState.AppealState> =>
  items.filter((s) => Policy.canRead(actor, s))
