/**
 * The HTTP face of Murojaat (REST /v1, OpenAPI 3.1, Open311 GeoReport v2).
 *
 * @since 0.1.0
 */
export {}
