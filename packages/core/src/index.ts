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
export * as Calendar from "./Calendar.js"
export * as Deadline from "./Deadline.js"
