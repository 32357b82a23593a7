/**
 * The access policy at work: a grant evaluated against an actor and an appeal's scope, and who may
 * read an appeal. The public names and their documentation are in `Policy.ts`.
 */
import type * as Actor from "../../Actor.js"
import type * as Directory from "../../Directory.js"
import type * as Errors from "../../Errors.js"
import type * as Policy from "../../Policy.js"
import * as Eligibility from "../eligibility.js"

const refuse = (reason: Errors.RefusalReason): Policy.Decision => ({ ok: false, reason })

export const check = (grantees: ReadonlyArray<Policy.Grantee>, actor: Actor.Actor, scope: Policy.Scope): Policy.Decision => {
  switch (actor._tag) {
    case "auditor":
      return refuse("readOnly")
    case "system":
      return grantees.includes("system") ? { ok: true, role: "system" } : refuse("roleNotAllowed")
    case "integration":
      if (!grantees.includes("integrationSystem")) return refuse("roleNotAllowed")
      if (actor.districts !== undefined && !actor.districts.includes(scope.districtCode as Directory.DistrictCode)) {
        return refuse("outsideJurisdiction")
      }
      return { ok: true, role: "integrationSystem" }
    case "applicant":
      if (!grantees.includes("applicant")) return refuse("roleNotAllowed")
      return scope.applicantRef !== undefined && scope.applicantRef === actor.applicantRef
        ? { ok: true, role: "applicant" }
        : refuse("notApplicant")
    case "officer": {
      if (scope.subjectOfficerId !== undefined && scope.subjectOfficerId === actor.officerId) return refuse("conflictOfInterest")
      if (grantees.includes("assignee") && scope.assigneeId === actor.officerId) return { ok: true, role: actor.roles[0]! }
      const roles = actor.roles.filter((r) => grantees.includes(r))
      if (roles.length === 0) return refuse(grantees.includes("assignee") ? "notAssignee" : "roleNotAllowed")
      const role = roles.find((r) => Eligibility.coversAs(actor, r, scope))
      return role === undefined ? refuse("outsideJurisdiction") : { ok: true, role }
    }
  }
}

export const canRead = (actor: Actor.Actor, scope: Policy.Scope): boolean => {
  switch (actor._tag) {
    case "auditor":
    case "system":
      return true
    case "integration":
      return actor.districts === undefined || actor.districts.includes(scope.districtCode as Directory.DistrictCode)
    case "applicant":
      return scope.applicantRef !== undefined && scope.applicantRef === actor.applicantRef
    case "officer":
      if (scope.subjectOfficerId === actor.officerId) return false
      return scope.assigneeId === actor.officerId || actor.roles.some((r) => Eligibility.coversAs(actor, r, scope))
  }
}
