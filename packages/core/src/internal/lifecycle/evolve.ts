/**
 * Folding events into an appeal's state. The public functions and their documentation are
 * `Lifecycle.evolve` and `Lifecycle.replay`.
 */
import * as AppealState from "../../AppealState.js"
import type * as Event from "../../Event.js"
import * as PreventiveMeasure from "../../PreventiveMeasure.js"
import * as ClockFacts from "../clockFacts.js"

const statusAfter: { readonly [T in Event.Type]: AppealState.Status | null } = {
  received: "received",
  registered: "registered",
  leftWithoutConsideration: "leftWithoutConsideration",
  triaged: "triaged",
  triageCorrected: null,
  assigned: "assigned",
  reassigned: "assigned",
  unassigned: "triaged",
  reviewStarted: "inReview",
  extraStudyDeclared: null,
  informationRequested: "awaitingApplicant",
  informationProvided: "inReview",
  deadlineExtended: null,
  escalated: null,
  forwarded: "forwarded",
  handedToCriminalProcedure: "handedToCriminalProcedure",
  protectionOrderIssued: null,
  protectionOrderRefused: null,
  protectionOrderExtended: null,
  protectionOrderBreached: null,
  measurePlanned: null,
  measureCompleted: null,
  measureCancelled: null,
  answered: "answered",
  closed: "closed",
  rated: null,
  disputed: null,
  mergedAsDuplicate: "mergedAsDuplicate",
  withdrawn: "withdrawn"
}

type State = AppealState.AppealState

// A state as `evolve` builds it: every field present (an absent one is `undefined`, which JSON,
// canonical JSON and Schema read as absent), always in the same order. So every state `evolve`
// returns has one shape, and V8 copies and reads it on its fast path; a spread of states of many
// shapes (keys added as the appeal goes on) costs more than xstate's transition itself. A field
// added to `AppealState` must be added to `draft`: this type does not compile without it.
type Optional = { [K in keyof State]-?: {} extends Pick<State, K> ? K : never }[keyof State]
type Draft = { -readonly [K in keyof Required<State>]: K extends Optional ? State[K] | undefined : State[K] }

const draft = (s: State): Draft => ({
  appealId: s.appealId, status: s.status, version: s.version, lastHash: s.lastHash, kind: s.kind, channel: s.channel,
  regionCode: s.regionCode, districtCode: s.districtCode, mahallaCode: s.mahallaCode, applicantRef: s.applicantRef,
  subjectOfficerId: s.subjectOfficerId, anonymous: s.anonymous,
  representativeWithoutAuthority: s.representativeWithoutAuthority, personalDigest: s.personalDigest, receivedAt: s.receivedAt,
  lateEntry: s.lateEntry, registeredAt: s.registeredAt, registrationNumber: s.registrationNumber, category: s.category,
  priority: s.priority, flags: s.flags, needsPerson: s.needsPerson, assigneeId: s.assigneeId, extraStudy: s.extraStudy,
  extended: s.extended, escalated: s.escalated, awaitingSince: s.awaitingSince, pauses: s.pauses, outcome: s.outcome,
  answeredAt: s.answeredAt, closedAt: s.closedAt, rating: s.rating, forwardedTo: s.forwardedTo,
  criminalReference: s.criminalReference, protectionOrder: s.protectionOrder, protectionOrderDecided: s.protectionOrderDecided,
  measures: s.measures, mergedInto: s.mergedInto, disputedBy: s.disputedBy, links: s.links, updatedAt: s.updatedAt, clockFacts: s.clockFacts
})

// Writes what one event establishes into the new state.
const apply = (next: Draft, s: State, e: Event.AppealEvent): void => {
  switch (e.type) {
    case "received": {
      const d = e.data
      next.kind = d.kind
      next.channel = d.channel
      next.regionCode = d.regionCode
      next.districtCode = d.districtCode
      next.mahallaCode = d.mahallaCode
      if (d.applicantRef !== undefined) next.applicantRef = d.applicantRef
      if (d.subjectOfficerId !== undefined) next.subjectOfficerId = d.subjectOfficerId
      next.anonymous = d.anonymous
      next.representativeWithoutAuthority = d.representativeWithoutAuthority
      next.personalDigest = d.personalDigest
      next.receivedAt = d.receivedAt
      const late = AppealState.lateEntryOf(d.receivedAt, e.at).lateEntry
      if (late !== undefined) next.lateEntry = late
      next.links = d.links
      return
    }
    case "registered":
      next.registrationNumber = e.data.registrationNumber
      next.registeredAt = e.at
      return
    case "triaged":
    case "triageCorrected":
      next.category = e.data.category
      next.priority = e.data.priority
      next.flags = e.data.flags
      next.needsPerson = e.type === "triaged" ? e.data.needsPerson : false
      return
    case "assigned":
    case "reassigned":
      next.assigneeId = e.data.officerId
      return
    case "unassigned":
      next.assigneeId = undefined
      return
    case "extraStudyDeclared":
      next.extraStudy = true
      return
    case "informationRequested":
      next.awaitingSince = e.at
      return
    case "informationProvided":
      next.awaitingSince = undefined
      if (s.awaitingSince !== undefined) next.pauses = [...(s.pauses ?? []), { from: s.awaitingSince, to: e.at }]
      return
    case "deadlineExtended":
      next.extended = true
      return
    case "escalated":
      next.escalated = true
      return
    case "forwarded":
      next.forwardedTo = e.data.body
      return
    case "handedToCriminalProcedure":
      next.criminalReference = e.data.reference
      return
    case "protectionOrderIssued":
      next.protectionOrder = { orderNumber: e.data.orderNumber, validUntil: e.data.validUntil }
      next.protectionOrderDecided = true
      return
    case "protectionOrderRefused":
      next.protectionOrderDecided = true
      return
    case "protectionOrderExtended":
      if (s.protectionOrder !== undefined) {
        next.protectionOrder = { ...s.protectionOrder, validUntil: e.data.validUntil, extensions: (s.protectionOrder.extensions ?? 0) + 1 }
      }
      return
    case "protectionOrderBreached":
      if (s.protectionOrder !== undefined) {
        next.protectionOrder = { ...s.protectionOrder, breaches: [...(s.protectionOrder.breaches ?? []), { occurredAt: e.data.occurredAt, recordedAt: e.at }] }
      }
      return
    case "measurePlanned":
    case "measureCompleted":
    case "measureCancelled":
      next.measures = PreventiveMeasure.evolve(s.measures ?? [], e)
      return
    case "answered":
      next.outcome = e.data.outcome
      next.answeredAt = e.at
      return
    case "closed":
      next.closedAt = e.at
      return
    case "rated":
      next.rating = e.data.score
      return
    case "disputed":
      next.disputedBy = [...s.disputedBy, e.data.repeatAppealId]
      return
    case "mergedAsDuplicate":
      next.mergedInto = e.data.targetAppealId
      return
    case "reviewStarted":
    case "leftWithoutConsideration":
    case "withdrawn":
      return
  }
}

export const evolve = (state: State, event: Event.AppealEvent): State => {
  // One copy per event, then what the event establishes and the envelope's facts.
  const next = draft(state)
  apply(next, state, event)
  next.status = statusAfter[event.type] ?? state.status
  next.version = event.seq
  next.lastHash = event.hash
  next.updatedAt = event.at
  // What the legal clocks need from the history, gathered here so that no commit reads it again
  // (`undefined` only for a state stored before they existed, which had none).
  next.clockFacts = ClockFacts.fold(state, event)
  return next
}

export const replay = (appealId: string, events: ReadonlyArray<Event.AppealEvent>): AppealState.AppealState =>
  events.reduce(evolve, AppealState.initial(appealId))
