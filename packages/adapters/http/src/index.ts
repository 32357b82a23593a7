/**
 * The HTTP face of Murojaat: the REST API under /v1 on `@effect/platform`'s HttpApi (OpenAPI 3.1
 * at /openapi.json, the reference at /docs), Open311 GeoReport v2 under /open311/v2, bearer-JWT
 * identity, RFC 9457 problems in four languages, and the edge (limits, logs, headers, draining).
 * Import modules by namespace: `import { Server, Identity } from "@murojaat/http"`.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.Scope.literals.length > 0 // true
 *
 * @since 0.1.0
 */
export * as Analytics from "./Analytics.js"
export * as Api from "./Api.js"
export * as Edge from "./Edge.js"
export * as Handlers from "./Handlers.js"
export * as Health from "./Health.js"
export * as Identity from "./Identity.js"
export * as Open311 from "./open311/index.js"
export * as Problem from "./Problem.js"
export * as Server from "./Server.js"
export * as Views from "./Views.js"
