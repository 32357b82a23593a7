/**
 * The machine's snapshot of each status, resolved once and kept: the machine has no context, so a
 * status is the whole snapshot, and xstate's snapshots are immutable. `Lifecycle.decide` asks for
 * one per command, so resolving it again each time would cost more than the transition itself.
 */
import type * as AppealState from "../../AppealState.js"

export const cached = <S>(resolve: (status: AppealState.Status) => S): ((status: AppealState.Status) => S) => {
  const known = new Map<AppealState.Status, S>()
  return (status) => {
    const found = known.get(status)
    if (found !== undefined) return found
    const resolved = resolve(status)
    known.set(status, resolved)
    return resolved
  }
}
