/**
 * The HTTP face of Murojaat (REST /v1, OpenAPI 3.1, Open311 GeoReport v2). Import modules by
 * namespace: `import { Identity } from "@murojaat/http"`.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.Scope.literals.length > 0 // true
 *
 * @since 0.1.0
 */
export * as Identity from "./Identity.js"
export * as Open311 from "./open311/index.js"
