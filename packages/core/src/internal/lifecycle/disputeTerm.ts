/**
 * The term for disputing an answer (ZRU-445 Art. 22; setting `disputeTermMonths`) and whether a
 * dispute came after it (rule `dispute.term`, which marks and never refuses). The public names and
 * their documentation are in `AppealMachine.ts`.
 */
import type * as AppealMachine from "../../AppealMachine.js"
import type * as AppealState from "../../AppealState.js"
import * as LocalTime from "../localTime.js"
import { defaultSettings } from "./settings.js"

export const disputeTermEnds = (state: AppealState.AppealState, settings: AppealMachine.Settings = defaultSettings): string | undefined =>
  state.answeredAt === undefined || settings.disputeTermMonths === null
    ? undefined
    : // Months are added to the Tashkent date (UTC+5), as a person counts them.
      new Date(LocalTime.addMonthsToInstant(Date.parse(state.answeredAt), settings.disputeTermMonths)).toISOString()

export const disputeAfterTerm = (state: AppealState.AppealState, at: string, settings: AppealMachine.Settings = defaultSettings): boolean => {
  const ends = disputeTermEnds(state, settings)
  return ends !== undefined && Date.parse(at) > Date.parse(ends)
}
