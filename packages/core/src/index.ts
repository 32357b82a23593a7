/**
 * @murojaat/core: the pure core of Murojaat. Import modules by namespace:
 * `import { Lifecycle, Appeal } from "@murojaat/core"`.
 */
export { Schema, Either, Effect } from "effect"
export * as I18n from "./I18n.js"
export * as Errors from "./Errors.js"
export * as Directory from "./Directory.js"
export * as Appeal from "./Appeal.js"
export * as Decode from "./Decode.js"
export * as Assignment from "./Assignment.js"
export * as Actor from "./Actor.js"
export * as Command from "./Command.js"
export * as Calendar from "./Calendar.js"
export * as Event from "./Event.js"
export * as Audit from "./Audit.js"
export * as Policy from "./Policy.js"
export * as AppealState from "./AppealState.js"
export * as Deadline from "./Deadline.js"
export * as AppealMachine from "./AppealMachine.js"
export * as Lifecycle from "./Lifecycle.js"
