/**
 * Open311 GeoReport v2: the router (`router`, `Options`) and the modules it is built from.
 *
 * @example
 * import { Open311 } from "@murojaat/http"
 * typeof Open311.router // "function"
 *
 * @since 0.1.0
 */
export * from "./Open311.js"
export * as Document from "./Document.js"
export * as Errors from "./Errors.js"
export * as Locale from "./Locale.js"
export * as Requests from "./Requests.js"
export * as Services from "./Services.js"
export * as Submission from "./Submission.js"
