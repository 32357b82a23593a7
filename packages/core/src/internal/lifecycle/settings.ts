/**
 * The lifecycle's settings as the rules read them: the defaults, and the settings of a context. The
 * public names and their documentation are in `AppealMachine.ts`; the defaults live here so that
 * the rules' checks read them without importing the public module.
 */
import type * as AppealMachine from "../../AppealMachine.js"

export const defaultSettings: AppealMachine.Settings = {
  portalGrounds: true,
  protectionOrderRegime: "current",
  answerApprovalByHead: false,
  disputeTermMonths: 12
}

export const settingsOf = (ctx: AppealMachine.Context): AppealMachine.Settings => ctx.settings ?? defaultSettings
