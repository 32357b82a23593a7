// The clock facts of an appeal (`AppealState.ClockFacts`), one event at a time: `Lifecycle.evolve`
// calls `fold` once per event, so the due times are computed from the state and a commit never
// reads the history again. Kept small and allocation-free for the events that change nothing.
import type * as AppealState from "../AppealState.js"
import type * as Event from "../Event.js"

const empty: AppealState.ClockFacts = { termChanges: [], firsts: [] }

const isFirst = (facts: AppealState.ClockFacts, type: string): boolean => {
  for (const f of facts.firsts) if (f.type === type) return false
  return true
}

/**
 * The clock facts after `event`, or `undefined` when they are unknown: a state stored before they
 * existed has none and gets none from here (a partial list would give wrong due times); the
 * service rebuilds them from the events (`Lifecycle.replay`).
 */
export const fold = (state: AppealState.AppealState, event: Event.AppealEvent): AppealState.ClockFacts | undefined => {
  const facts = state.clockFacts ?? (state.version === 0 ? empty : undefined)
  if (facts === undefined) return undefined
  let next = isFirst(facts, event.type) ? { ...facts, firsts: [...facts.firsts, { type: event.type, at: event.at }] } : facts
  switch (event.type) {
    case "deadlineExtended":
    case "extraStudyDeclared": {
      const change = {
        change: event.type === "deadlineExtended" ? ("extension" as const) : ("extraStudy" as const),
        at: event.at,
        pausesEnded: state.pauses?.length ?? 0,
        ...(state.awaitingSince === undefined ? {} : { awaitingSince: state.awaitingSince })
      }
      next = { ...next, termChanges: [...next.termChanges, change] }
      break
    }
    case "escalated":
      next = { ...next, escalatedAt: event.at }
      break
  }
  return next
}
