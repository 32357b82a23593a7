/**
 * Who is calling: a bearer JWT (or, for Open311, an `api_key`) turned into the authenticated subject
 * the core resolves (`Actor.Subject`), with the scopes that limit which endpoints the caller may use.
 *
 * - Tokens are verified with jose: HS256 with a shared secret in development, a JWKS URL in
 *   production (keys fetched, cached and refetched when an unknown `kid` appears, so the identity
 *   provider can rotate keys without a restart). Issuer, audience and expiry are checked; `exp` and
 *   `sub` are required.
 * - The token says what kind of caller it is (`kind`: `officer`, `applicant` or `client`) and who
 *   (`sub`). Officers become `Actor.officer(sub)`, carrying whatever `roles`, `districtCode` and
 *   `mahallas` the token claims: the core resolves the officer from the directory on every call and
 *   refuses claims that differ from it (`NotAuthorized`, `claimsMismatch`), so a token never grants
 *   more than the directory. Applicants become `Actor.applicant(sub)` (the operator's account
 *   reference). Clients (integration systems and auditors) must be registered in the `Clients`
 *   registry: the registry, never the token, says whether a client is an integration or an auditor,
 *   and which districts an integration may file in.
 * - Nobody outside becomes `Actor.system(...)`: that subject is for in-process workers only.
 * - Scopes only narrow: a token's `scope` claim intersects the scopes its kind (or its registered
 *   client) has.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Effect } from "effect"
 * const settings = { issuer: "murojaat-dev", audience: "murojaat", secret: "a-development-secret-of-32-bytes!" }
 * const program = Effect.gen(function* () {
 *   const token = yield* Identity.mint(settings, { kind: "officer", sub: "O-101" })
 *   const verifier = yield* Identity.Verifier
 *   return yield* verifier.verify(token)
 * })
 * const caller = await Effect.runPromise(Effect.provide(program, Identity.layer(settings, [])))
 * caller.subject // { _tag: "officer", officerId: "O-101" }
 *
 * @since 0.1.0
 */
import { createHash, randomBytes } from "node:crypto"
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import { Actor, Directory, Limits } from "@murojaat/core"
import { Context, Effect, Either, Layer, Option, ParseResult, Redacted, Schema } from "effect"
import * as jose from "jose"

// ---------------------------------------------------------------------------------------------
// Scopes
// ---------------------------------------------------------------------------------------------

/**
 * What a caller may use, by endpoint family. The core's policy still decides every appeal; scopes
 * keep a client to the part of the API it was registered for (a portal that only submits cannot
 * read worklists even where the policy would let its role).
 *
 * - `appeals:submit`: submit appeals, ask for link suggestions
 * - `appeals:read`: read, list, history, verification
 * - `appeals:act`: lifecycle commands
 * - `lists:read`: worklists, overdue and soon-due lists
 * - `directory:read`: the directory with its officers
 * - `directory:admin`: replace the directory
 * - `calendar:admin`: load a decree's years into the calendar
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.Scope.literals.includes("appeals:submit") // true
 *
 * @since 0.1.0
 */
export const Scope = Schema.Literal(
  "appeals:submit",
  "appeals:read",
  "appeals:act",
  "lists:read",
  "directory:read",
  "directory:admin",
  "calendar:admin"
)
/**
 * @see Scope
 * @example
 * import type { Identity } from "@murojaat/http"
 * const s: Identity.Scope = "appeals:read"
 * @since 0.1.0
 */
export type Scope = typeof Scope.Type

/**
 * The scopes each kind of caller has when neither its registration nor its token narrows them.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.defaultScopes.applicant // ["appeals:submit", "appeals:read", "appeals:act"]
 *
 * @since 0.1.0
 */
export const defaultScopes: { readonly [K in CallerKind]: ReadonlyArray<Scope> } = {
  officer: ["appeals:submit", "appeals:read", "appeals:act", "lists:read", "directory:read"],
  applicant: ["appeals:submit", "appeals:read", "appeals:act"],
  integration: ["appeals:submit", "appeals:read", "appeals:act"],
  auditor: ["appeals:read", "lists:read", "directory:read"]
}

// ---------------------------------------------------------------------------------------------
// Registered clients
// ---------------------------------------------------------------------------------------------

/**
 * The kinds of caller: officers and applicants come with a token; integrations and auditors are
 * registered clients.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.CallerKind.literals // ["officer", "applicant", "integration", "auditor"]
 *
 * @since 0.1.0
 */
export const CallerKind = Schema.Literal("officer", "applicant", "integration", "auditor")
/**
 * @see CallerKind
 * @example
 * import type { Identity } from "@murojaat/http"
 * const k: Identity.CallerKind = "auditor"
 * @since 0.1.0
 */
export type CallerKind = typeof CallerKind.Type

const ClientId = Limits.requiredText(Limits.defaultSettings.opaqueId)
const Sha256Hex = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/))

/**
 * A registered client: an integration system (a portal, the Virtual Reception, an Open311 gateway)
 * limited to some districts, or an auditor. `apiKeyDigests` are the SHA-256 (hex) of its Open311
 * `api_key`s: the registry never holds a key itself. `scopes` default to the kind's
 * (`defaultScopes`).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Schema } from "effect"
 * const c = Schema.decodeUnknownSync(Identity.Client)({ id: "portal", kind: "integration", districts: ["1726262"] })
 * c.districts // ["1726262"]
 *
 * @since 0.1.0
 */
export const Client = Schema.Struct({
  id: ClientId,
  kind: Schema.Literal("integration", "auditor"),
  /** A name for operators' logs and the service list; not shown to citizens. */
  name: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  /** Integrations only: the districts it may file in and read. Absent: every district. */
  districts: Schema.optional(Schema.Array(Directory.DistrictCode)),
  scopes: Schema.optional(Schema.Array(Scope)),
  apiKeyDigests: Schema.optional(Schema.Array(Sha256Hex)),
  /** Requests per minute for this client; absent: the server's setting. */
  rateLimitPerMinute: Schema.optional(Schema.Int.pipe(Schema.between(1, 1_000_000)))
})
/**
 * @see Client
 * @example
 * import type { Identity } from "@murojaat/http"
 * const c: Identity.Client = { id: "AUD-1", kind: "auditor" }
 * @since 0.1.0
 */
export type Client = typeof Client.Type

/**
 * The SHA-256 (hex) of an api key, as the registry stores it.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.digestApiKey("key").length // 64
 *
 * @since 0.1.0
 */
export const digestApiKey = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex")

/**
 * The registry of clients, looked up by id (a token's `sub` with `kind: "client"`) or by api key
 * (Open311's `api_key`).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const ops = (c: Identity.ClientsService) => [c.byId, c.byApiKey]
 *
 * @since 0.1.0
 */
export interface ClientsService {
  readonly byId: (id: string) => Option.Option<Client>
  readonly byApiKey: (apiKey: string) => Option.Option<Client>
  readonly all: ReadonlyArray<Client>
}

/**
 * The client registry service.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.Clients.key // "@murojaat/http/Identity/Clients"
 *
 * @since 0.1.0
 */
export class Clients extends Context.Tag("@murojaat/http/Identity/Clients")<Clients, ClientsService>() {}

/**
 * A registry over a list of clients (decoded first: a malformed entry is an error at start, never a
 * silently ignored client). Two clients with the same id or the same api key are refused.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const clients = Identity.makeClients([{ id: "portal", kind: "integration", apiKeyDigests: [Identity.digestApiKey("k")] }])
 * clients.byApiKey("k")._tag // "Some"
 *
 * @since 0.1.0
 */
export const makeClients = (list: ReadonlyArray<unknown>): ClientsService => {
  const decoded = Schema.decodeUnknownEither(Schema.Array(Client), { onExcessProperty: "error" })(list)
  if (Either.isLeft(decoded)) throw new Error(`clients: ${ParseResult.TreeFormatter.formatErrorSync(decoded.left)}`)
  const byId = new Map<string, Client>()
  const byKey = new Map<string, Client>()
  for (const c of decoded.right) {
    if (byId.has(c.id)) throw new Error(`clients: two clients with id ${c.id}`)
    byId.set(c.id, c)
    for (const d of c.apiKeyDigests ?? []) {
      if (byKey.has(d)) throw new Error(`clients: an api key is registered twice (clients ${byKey.get(d)!.id} and ${c.id})`)
      byKey.set(d, c)
    }
  }
  return {
    byId: (id) => Option.fromNullable(byId.get(id)),
    byApiKey: (apiKey) => (apiKey.length === 0 || apiKey.length > 512 ? Option.none() : Option.fromNullable(byKey.get(digestApiKey(apiKey)))),
    all: decoded.right
  }
}

/**
 * The registry as a layer.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.layerClients([{ id: "AUD-1", kind: "auditor" }])
 *
 * @since 0.1.0
 */
export const layerClients = (list: ReadonlyArray<unknown>): Layer.Layer<Clients> => Layer.sync(Clients, () => makeClients(list))

// ---------------------------------------------------------------------------------------------
// Callers
// ---------------------------------------------------------------------------------------------

/**
 * An authenticated caller: the subject handed to the core, its kind and id, its scopes, and a key
 * for logs and rate limits that carries no personal data (an applicant's account reference is
 * hashed).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const c: Identity.Caller = Identity.clientCaller({ id: "AUD-1", kind: "auditor" })
 * c.subject // { _tag: "auditor", auditorId: "AUD-1" }
 *
 * @since 0.1.0
 */
export interface Caller {
  readonly subject: Actor.Subject
  readonly kind: CallerKind
  readonly id: string
  readonly scopes: ReadonlySet<Scope>
  /** `kind:id`, the id hashed for applicants: what logs and rate limits use. */
  readonly key: string
  /** The registered client, for integrations and auditors. */
  readonly client?: Client | undefined
}

/**
 * The key of a caller in logs and rate limits: `kind:id`, with an applicant's account reference
 * replaced by the first 16 hex digits of its SHA-256 (account references may be phone numbers).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.logKey("officer", "O-101") // "officer:O-101"
 * Identity.logKey("applicant", "+998901234567").startsWith("applicant:#") // true
 *
 * @since 0.1.0
 */
export const logKey = (kind: CallerKind, id: string): string =>
  kind === "applicant" ? `applicant:#${createHash("sha256").update(id, "utf8").digest("hex").slice(0, 16)}` : `${kind}:${id}`

const narrow = (base: ReadonlyArray<Scope>, requested: ReadonlyArray<string> | undefined): ReadonlySet<Scope> =>
  new Set(requested === undefined ? base : base.filter((s) => requested.includes(s)))

/**
 * The caller of a registered client (an Open311 `api_key`, or a token with `kind: "client"`): an
 * integration with the registry's districts, or an auditor. `requested` narrows its scopes.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.clientCaller({ id: "portal", kind: "integration", districts: ["1726262"] }).subject
 * // { _tag: "integration", systemId: "portal", districts: ["1726262"] }
 *
 * @since 0.1.0
 */
export const clientCaller = (client: Client, requested?: ReadonlyArray<string>): Caller => ({
  subject: client.kind === "auditor" ? Actor.auditor(client.id) : Actor.integration(client.id, client.districts),
  kind: client.kind,
  id: client.id,
  scopes: narrow(client.scopes ?? defaultScopes[client.kind], requested),
  key: logKey(client.kind, client.id),
  client
})

/**
 * Whether a caller has a scope.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.hasScope(Identity.clientCaller({ id: "AUD-1", kind: "auditor" }), "appeals:act") // false
 *
 * @since 0.1.0
 */
export const hasScope = (caller: Caller, scope: Scope): boolean => caller.scopes.has(scope)

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/**
 * Why a credential was not accepted: none given, not a JWT, a bad signature, expired (or not yet
 * valid), another issuer or audience, claims that do not make a caller (unknown `kind`, no `sub`,
 * claims of the wrong type), a client the registry does not know, or the identity provider's keys
 * could not be fetched (`keysUnavailable`, answered 503: the caller is not at fault).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.UnauthenticatedReason.literals.includes("expired") // true
 *
 * @since 0.1.0
 */
export const UnauthenticatedReason = Schema.Literal(
  "missing",
  "malformed",
  "badSignature",
  "expired",
  "wrongIssuer",
  "wrongAudience",
  "badClaims",
  "unknownClient",
  "keysUnavailable"
)
/**
 * @see UnauthenticatedReason
 * @example
 * import type { Identity } from "@murojaat/http"
 * const r: Identity.UnauthenticatedReason = "missing"
 * @since 0.1.0
 */
export type UnauthenticatedReason = typeof UnauthenticatedReason.Type

/**
 * The credential was missing or not accepted (HTTP 401; 503 for `keysUnavailable`).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * new Identity.Unauthenticated({ reason: "expired" })._tag // "Unauthenticated"
 *
 * @since 0.1.0
 */
export class Unauthenticated extends Schema.TaggedError<Unauthenticated>()("Unauthenticated", { reason: UnauthenticatedReason }) {}

/**
 * The caller is known but lacks the scope this endpoint needs (HTTP 403).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * new Identity.InsufficientScope({ scope: "lists:read" }).scope // "lists:read"
 *
 * @since 0.1.0
 */
export class InsufficientScope extends Schema.TaggedError<InsufficientScope>()("InsufficientScope", { scope: Scope }) {}

/**
 * Succeeds when the caller has the scope, else fails with `InsufficientScope`.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Effect } from "effect"
 * Effect.runSync(Effect.either(Identity.requireScope(Identity.clientCaller({ id: "AUD-1", kind: "auditor" }), "appeals:act")))._tag // "Left"
 *
 * @since 0.1.0
 */
export const requireScope = (caller: Caller, scope: Scope): Effect.Effect<void, InsufficientScope> =>
  hasScope(caller, scope) ? Effect.void : Effect.fail(new InsufficientScope({ scope }))

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/**
 * The claims Murojaat reads from a token, beside the registered ones (`iss`, `aud`, `exp`, `sub`).
 * `kind` says what `sub` is. An officer's `roles`, `districtCode` and `mahallas` are claims the core
 * checks against the directory (they never add to it). `scope` (space-separated) narrows.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Schema } from "effect"
 * Schema.decodeUnknownSync(Identity.Claims)({ kind: "officer", sub: "O-101", roles: ["preventionInspector"] }).sub // "O-101"
 *
 * @since 0.1.0
 */
export const Claims = Schema.Struct({
  kind: Schema.Literal("officer", "applicant", "client"),
  sub: ClientId,
  roles: Schema.optional(Actor.Officer.fields.roles),
  districtCode: Schema.optional(Directory.DistrictCode),
  mahallas: Schema.optional(Actor.Officer.fields.mahallas),
  scope: Schema.optional(Schema.String.pipe(Schema.maxLength(1000)))
})
/**
 * @see Claims
 * @example
 * import type { Identity } from "@murojaat/http"
 * const c: Identity.Claims = { kind: "applicant", sub: "smart-mahalla:u-1001" }
 * @since 0.1.0
 */
export type Claims = typeof Claims.Type

/**
 * How tokens are checked. Give `secret` (HS256, development and tests) or `jwksUrl` (production:
 * the identity provider's key set, refetched on an unknown key id, so keys rotate without a
 * restart), not both. `clockToleranceSeconds` (default 30) absorbs clock skew on `exp` and `nbf`.
 *
 * @example
 * import type { Identity } from "@murojaat/http"
 * const dev: Identity.Settings = { issuer: "murojaat-dev", audience: "murojaat", secret: "a-development-secret-of-32-bytes!" }
 * const prod: Identity.Settings = { issuer: "https://id.example.uz", audience: "murojaat", jwksUrl: "https://id.example.uz/.well-known/jwks.json" }
 *
 * @since 0.1.0
 */
export interface Settings {
  readonly issuer: string
  readonly audience: string
  readonly secret?: string | Redacted.Redacted<string> | undefined
  readonly jwksUrl?: string | undefined
  /** Algorithms accepted with a JWKS. Default RS256, PS256, ES256, EdDSA. */
  readonly algorithms?: ReadonlyArray<string> | undefined
  readonly clockToleranceSeconds?: number | undefined
  /**
   * After fetching the key set, how long an unknown key id is refused without fetching again
   * (default 30 s: a flood of forged key ids cannot make the service hammer the provider).
   */
  readonly jwksCooldownSeconds?: number | undefined
}

/**
 * The token verifier: a bearer token to a caller.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const use = (v: Identity.VerifierService) => v.verify("eyJ...")
 *
 * @since 0.1.0
 */
export interface VerifierService {
  readonly verify: (token: string) => Effect.Effect<Caller, Unauthenticated>
}

/**
 * The verifier service.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.Verifier.key // "@murojaat/http/Identity/Verifier"
 *
 * @since 0.1.0
 */
export class Verifier extends Context.Tag("@murojaat/http/Identity/Verifier")<Verifier, VerifierService>() {}

const secretBytes = (secret: string | Redacted.Redacted<string>): Uint8Array =>
  new TextEncoder().encode(typeof secret === "string" ? secret : Redacted.value(secret))

const decodeClaims = Schema.decodeUnknownEither(Claims)

// jose's error codes, mapped to our closed list of reasons.
const reasonOf = (e: unknown): UnauthenticatedReason => {
  if (e instanceof jose.errors.JWTExpired) return "expired"
  if (e instanceof jose.errors.JWTClaimValidationFailed) {
    if (e.claim === "iss") return "wrongIssuer"
    if (e.claim === "aud") return "wrongAudience"
    if (e.claim === "nbf") return "expired"
    return "badClaims"
  }
  if (e instanceof jose.errors.JWKSTimeout || e instanceof jose.errors.JWKSInvalid) return "keysUnavailable"
  if (e instanceof jose.errors.JOSEError && e.code === "ERR_JOSE_GENERIC") return "keysUnavailable"
  if (e instanceof jose.errors.JWSSignatureVerificationFailed || e instanceof jose.errors.JWKSNoMatchingKey) return "badSignature"
  if (e instanceof jose.errors.JOSEAlgNotAllowed) return "badSignature"
  if (e instanceof TypeError || (e instanceof Error && /fetch/i.test(e.message))) return "keysUnavailable"
  return "malformed"
}

/**
 * The caller a verified token's claims make, or why not: a `client` must be registered.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const clients = Identity.makeClients([])
 * Identity.callerFromClaims({ kind: "applicant", sub: "u-1" }, clients)._tag // "Right"
 * Identity.callerFromClaims({ kind: "client", sub: "nobody" }, clients)._tag // "Left"
 *
 * @since 0.1.0
 */
export const callerFromClaims = (payload: unknown, clients: ClientsService): Either.Either<Caller, Unauthenticated> => {
  const claims = decodeClaims(payload)
  if (Either.isLeft(claims)) return Either.left(new Unauthenticated({ reason: "badClaims" }))
  const c = claims.right
  const requested = c.scope === undefined ? undefined : c.scope.split(" ").filter((s) => s.length > 0)
  switch (c.kind) {
    case "officer": {
      const subject: Actor.OfficerSubject = {
        ...Actor.officer(c.sub),
        ...(c.roles !== undefined ? { roles: c.roles } : {}),
        ...(c.districtCode !== undefined ? { districtCode: c.districtCode } : {}),
        ...(c.mahallas !== undefined ? { mahallas: c.mahallas } : {})
      }
      return Either.right({ subject, kind: "officer", id: c.sub, scopes: narrow(defaultScopes.officer, requested), key: logKey("officer", c.sub) })
    }
    case "applicant":
      return Either.right({
        subject: Actor.applicant(c.sub),
        kind: "applicant",
        id: c.sub,
        scopes: narrow(defaultScopes.applicant, requested),
        key: logKey("applicant", c.sub)
      })
    case "client": {
      const client = clients.byId(c.sub)
      return Option.isNone(client) ? Either.left(new Unauthenticated({ reason: "unknownClient" })) : Either.right(clientCaller(client.value, requested))
    }
  }
}

/**
 * A verifier for the settings, over a client registry.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const v = Identity.makeVerifier({ issuer: "i", audience: "a", secret: "a-development-secret-of-32-bytes!" }, Identity.makeClients([]))
 * typeof v.verify // "function"
 *
 * @since 0.1.0
 */
export const makeVerifier = (settings: Settings, clients: ClientsService): VerifierService => {
  if ((settings.secret === undefined) === (settings.jwksUrl === undefined)) {
    throw new Error("identity: give exactly one of `secret` (development) or `jwksUrl` (production)")
  }
  // Each fetch of the key set, started or settled, moves `keySet` on: a token remembered under an
  // earlier key set is verified again, so a key the provider dropped is refused at once (jose
  // replaces its keys when a fetch settles; `reloading` covers the time in between).
  let keySet = 0
  const fetchKeys = (url: string, init: RequestInit): Promise<Response> => {
    keySet++
    return fetch(url, init).finally(() => {
      keySet++
    })
  }
  const key: Uint8Array | ReturnType<typeof jose.createRemoteJWKSet> =
    settings.secret !== undefined
      ? secretBytes(settings.secret)
      : jose.createRemoteJWKSet(new URL(settings.jwksUrl!), {
          cooldownDuration: (settings.jwksCooldownSeconds ?? 30) * 1000,
          cacheMaxAge: 600_000,
          timeoutDuration: 5_000,
          [jose.customFetch]: fetchKeys
        })
  const keysSettled = (): boolean => key instanceof Uint8Array || !key.reloading
  const options: jose.JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: settings.secret !== undefined ? ["HS256"] : [...(settings.algorithms ?? ["RS256", "PS256", "ES256", "EdDSA"])],
    clockTolerance: settings.clockToleranceSeconds ?? 30,
    requiredClaims: ["exp", "sub"]
  }
  // A token verified a moment ago need not be verified again: its claims are kept for at most 30
  // seconds and never past its expiry (a busy client sends the same token many times a second),
  // and only while the key set it was verified under is the current one (see `keySet`).
  // The registry is asked again each time, so a client removed from it is refused at once.
  // An officer's or applicant's caller depends on the token alone, so it is kept with the payload
  // (claims decoded and the log key hashed once per token, not per request); a client's is not.
  const recent = new Map<string, { readonly payload: jose.JWTPayload; readonly caller: Caller | undefined; readonly until: number; readonly keySet: number }>()
  const remember = (token: string, payload: jose.JWTPayload, caller: Either.Either<Caller, Unauthenticated>, verifiedUnder: number) => {
    // A fetch of the keys began or settled while this token was checked: not kept.
    if (verifiedUnder !== keySet || !keysSettled()) return
    if (recent.size >= 10_000) recent.clear()
    const own = Either.isRight(caller) && (caller.right.kind === "officer" || caller.right.kind === "applicant") ? caller.right : undefined
    recent.set(token, { payload, caller: own, until: Math.min(Date.now() + 30_000, (payload.exp ?? 0) * 1000), keySet })
  }
  const verify = (token: string): Effect.Effect<Caller, Unauthenticated> => {
    const seen = recent.get(token)
    if (seen !== undefined && seen.until > Date.now() && seen.keySet === keySet) {
      return seen.caller !== undefined ? Effect.succeed(seen.caller) : callerFromClaims(seen.payload, clients)
    }
    const verifiedUnder = keysSettled() ? keySet : -1
    return Effect.flatMap(
      Effect.tryPromise({
        try: () => (key instanceof Uint8Array ? jose.jwtVerify(token, key, options) : jose.jwtVerify(token, key, options)),
        catch: (e) => new Unauthenticated({ reason: reasonOf(e) })
      }),
      (verified) => {
        const caller = callerFromClaims(verified.payload, clients)
        remember(token, verified.payload, caller, verifiedUnder)
        return caller
      }
    )
  }
  return {
    verify: (token) =>
      token.length === 0
        ? Effect.fail(new Unauthenticated({ reason: "missing" }))
        : token.length > 16_384 || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)
          ? Effect.fail(new Unauthenticated({ reason: "malformed" }))
          : verify(token)
  }
}

/**
 * The verifier and the client registry as one layer.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.layer({ issuer: "murojaat-dev", audience: "murojaat", secret: "a-development-secret-of-32-bytes!" }, [{ id: "AUD-1", kind: "auditor" }])
 *
 * @since 0.1.0
 */
export const layer = (settings: Settings, clients: ReadonlyArray<unknown>): Layer.Layer<Verifier | Clients> =>
  Layer.effectContext(
    Effect.sync(() => {
      const registry = makeClients(clients)
      return Context.make(Clients, registry).pipe(Context.add(Verifier, makeVerifier(settings, registry)))
    })
  )

/**
 * The caller of an `Authorization: Bearer <token>` header value (or `Unauthenticated`).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Effect } from "effect"
 * const r = Effect.runSync(Effect.either(Effect.provide(Identity.fromAuthorization(undefined), Identity.layer({ issuer: "i", audience: "a", secret: "a-development-secret-of-32-bytes!" }, []))))
 * r._tag === "Left" && r.left.reason // "missing"
 *
 * @since 0.1.0
 */
export const fromAuthorization = (header: string | undefined): Effect.Effect<Caller, Unauthenticated, Verifier> => {
  if (header === undefined || header.trim() === "") return Effect.fail(new Unauthenticated({ reason: "missing" }))
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header)
  if (match === null) return Effect.fail(new Unauthenticated({ reason: "malformed" }))
  return Effect.flatMap(Verifier, (v) => v.verify(match[1]!))
}

/**
 * The caller of an Open311 `api_key`: a registered integration client, or `Unauthenticated`
 * (`missing`, `unknownClient`).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Effect } from "effect"
 * const layer = Identity.layerClients([{ id: "portal", kind: "integration", apiKeyDigests: [Identity.digestApiKey("k-1")] }])
 * Effect.runSync(Effect.provide(Identity.fromApiKey("k-1"), layer)).subject // { _tag: "integration", systemId: "portal" }
 *
 * @since 0.1.0
 */
export const fromApiKey = (apiKey: string | undefined): Effect.Effect<Caller, Unauthenticated, Clients> =>
  apiKey === undefined || apiKey === ""
    ? Effect.fail(new Unauthenticated({ reason: "missing" }))
    : Effect.flatMap(Clients, (clients) =>
        Option.match(clients.byApiKey(apiKey), {
          onNone: () => Effect.fail(new Unauthenticated({ reason: "unknownClient" })),
          onSome: (client) => Effect.succeed(clientCaller(client))
        })
      )

/**
 * Mints a signed HS256 token (development and tests; production tokens come from the identity
 * provider). Valid for `ttlSeconds` (default 8 hours) from `now` (default the clock).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * import { Effect } from "effect"
 * const token = await Effect.runPromise(Identity.mint({ issuer: "i", audience: "a", secret: "a-development-secret-of-32-bytes!" }, { kind: "client", sub: "AUD-1" }))
 * token.split(".").length // 3
 *
 * @since 0.1.0
 */
export const mint = (
  settings: { readonly issuer: string; readonly audience: string; readonly secret: string | Redacted.Redacted<string> },
  claims: Claims,
  options: { readonly ttlSeconds?: number; readonly now?: number } = {}
): Effect.Effect<string> =>
  Effect.flatMap(
    options.now !== undefined ? Effect.succeed(options.now) : Effect.clockWith((c) => c.currentTimeMillis),
    (now) =>
      Effect.promise(() => {
        const { sub, ...rest } = claims
        const iat = Math.floor(now / 1000)
        return new jose.SignJWT({ ...rest })
          .setProtectedHeader({ alg: "HS256", typ: "JWT" })
          .setSubject(sub)
          .setIssuer(settings.issuer)
          .setAudience(settings.audience)
          .setIssuedAt(iat)
          .setExpirationTime(iat + (options.ttlSeconds ?? 8 * 3600))
          .sign(secretBytes(settings.secret))
      })
  )

// ---------------------------------------------------------------------------------------------
// Development
// ---------------------------------------------------------------------------------------------

/**
 * The issuer and audience of development tokens (the reference service without a JWKS URL, and
 * `murojaat token`).
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * Identity.development.issuer // "murojaat-dev"
 *
 * @since 0.1.0
 */
export const development = { issuer: "murojaat-dev", audience: "murojaat", secretFile: ".murojaat/dev-jwt-secret" } as const

/**
 * The development signing secret kept in `file` (default `.murojaat/dev-jwt-secret`), made on first
 * use (32 random bytes, hex, readable by the owner only), so tokens minted by `murojaat token`
 * verify in the reference service and survive its restarts. Never for production: there, tokens
 * come from the identity provider and are checked against its JWKS.
 *
 * @example
 * import { Identity } from "@murojaat/http"
 * const secret = Identity.developmentSecret("/tmp/murojaat-example/dev-jwt-secret")
 * secret.length // 64
 *
 * @since 0.1.0
 */
export const developmentSecret = (file: string = development.secretFile): string => {
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8").trim()
    if (text.length >= 32) return text
  }
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString("hex")
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  return secret
}
