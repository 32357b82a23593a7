import { createServer, type Server } from "node:http"
import { Identity } from "@murojaat/http"
import { Effect, Either } from "effect"
import * as jose from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const settings = { issuer: "murojaat-test", audience: "murojaat", secret: "test-secret-test-secret-test-secret!" }
const clients = [
  { id: "portal", kind: "integration", districts: ["1726262"], apiKeyDigests: [Identity.digestApiKey("open311-key")] },
  { id: "AUD-1", kind: "auditor" },
  { id: "admin", kind: "integration", scopes: ["directory:admin", "calendar:admin", "directory:read"] }
]
const layer = Identity.layer(settings, clients)
const verify = (token: string) => Effect.runPromise(Effect.either(Effect.provide(Effect.flatMap(Identity.Verifier, (v) => v.verify(token)), layer)))
const mint = (claims: Identity.Claims, options: { ttlSeconds?: number; now?: number } = {}, s = settings) => Effect.runPromise(Identity.mint(s, claims, options))
const reason = (r: Either.Either<Identity.Caller, Identity.Unauthenticated>) => (Either.isLeft(r) ? r.left.reason : "accepted")

describe("Identity: tokens", () => {
  it("an officer's token becomes the officer's subject, with its claims for the core to check", async () => {
    const r = await verify(await mint({ kind: "officer", sub: "O-101", roles: ["districtChief"] }))
    expect(Either.getOrThrow(r).subject).toEqual({ _tag: "officer", officerId: "O-101", roles: ["districtChief"] })
    expect(Either.getOrThrow(r).key).toBe("officer:O-101")
  })

  it("an applicant's token becomes an applicant; logs see a hash, not the account reference", async () => {
    const caller = Either.getOrThrow(await verify(await mint({ kind: "applicant", sub: "+998901234567" })))
    expect(caller.subject).toEqual({ _tag: "applicant", applicantRef: "+998901234567" })
    expect(caller.key).not.toContain("998901234567")
  })

  it("a client is what the registry says, whatever the token claims", async () => {
    const portal = Either.getOrThrow(await verify(await mint({ kind: "client", sub: "portal" })))
    expect(portal.subject).toEqual({ _tag: "integration", systemId: "portal", districts: ["1726262"] })
    const auditor = Either.getOrThrow(await verify(await mint({ kind: "client", sub: "AUD-1" })))
    expect(auditor.subject).toEqual({ _tag: "auditor", auditorId: "AUD-1" })
    expect([...auditor.scopes].sort()).toEqual(["appeals:read", "directory:read", "lists:read"])
    expect(reason(await verify(await mint({ kind: "client", sub: "stranger" })))).toBe("unknownClient")
  })

  it("the scope claim narrows and never widens", async () => {
    const narrowed = Either.getOrThrow(await verify(await mint({ kind: "officer", sub: "O-101", scope: "appeals:read directory:admin" })))
    expect([...narrowed.scopes]).toEqual(["appeals:read"])
  })

  it("issuer, audience, expiry and signature are checked", async () => {
    expect(reason(await verify(await mint({ kind: "officer", sub: "O-1" }, {}, { ...settings, issuer: "other" })))).toBe("wrongIssuer")
    expect(reason(await verify(await mint({ kind: "officer", sub: "O-1" }, {}, { ...settings, audience: "other" })))).toBe("wrongAudience")
    expect(reason(await verify(await mint({ kind: "officer", sub: "O-1" }, { now: Date.now() - 10 * 3600_000, ttlSeconds: 3600 })))).toBe("expired")
    expect(reason(await verify(await mint({ kind: "officer", sub: "O-1" }, {}, { ...settings, secret: "another-secret-another-secret-xx!" })))).toBe("badSignature")
    expect(reason(await verify("not a token"))).toBe("malformed")
    expect(reason(await verify(""))).toBe("missing")
  })

  it("a token without exp, or with an unknown kind, is refused", async () => {
    const noExp = await new jose.SignJWT({ kind: "officer" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("O-1")
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .sign(new TextEncoder().encode(settings.secret))
    expect(reason(await verify(noExp))).toBe("badClaims")
    const system = await new jose.SignJWT({ kind: "system" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("deadline-timer")
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(settings.secret))
    expect(reason(await verify(system))).toBe("badClaims")
  })

  it("a token verified by one verifier is checked afresh by a verifier with another key", async () => {
    const token = await mint({ kind: "applicant", sub: "u-1" })
    const own = Identity.makeVerifier(settings, Identity.makeClients([]))
    const other = Identity.makeVerifier({ ...settings, secret: "another-secret-another-secret-another!" }, Identity.makeClients([]))
    const run = (v: Identity.VerifierService) => Effect.runPromise(Effect.either(v.verify(token)))
    expect(reason(await run(own))).toBe("accepted")
    expect(reason(await run(own))).toBe("accepted")
    expect(reason(await run(other))).toBe("badSignature")
    expect(reason(await run(other))).toBe("badSignature")
    expect(reason(await run(own))).toBe("accepted")
  })

  it("'alg: none' and other algorithms are refused with a secret", async () => {
    const unsecured = new jose.UnsecuredJWT({ kind: "officer" }).setSubject("O-1").setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime("1h").encode()
    expect(reason(await verify(unsecured))).not.toBe("accepted")
  })
})

describe("Identity: api keys", () => {
  it("an api key is a registered integration client", async () => {
    const run = (key: string | undefined) => Effect.runSync(Effect.either(Effect.provide(Identity.fromApiKey(key), layer)))
    expect(Either.getOrThrow(run("open311-key")).subject).toEqual({ _tag: "integration", systemId: "portal", districts: ["1726262"] })
    expect(reason(run("guess"))).toBe("unknownClient")
    expect(reason(run(undefined))).toBe("missing")
  })

  it("the registry refuses duplicates and malformed entries at start", () => {
    expect(() => Identity.makeClients([{ id: "a", kind: "auditor" }, { id: "a", kind: "auditor" }])).toThrow(/two clients/)
    expect(() => Identity.makeClients([{ id: "a", kind: "system" }])).toThrow()
    expect(() => Identity.makeClients([{ id: "a", kind: "auditor", role: "x" }])).toThrow()
  })
})

describe("Identity: JWKS with rotation", () => {
  let server: Server
  let keys: Array<jose.JWK> = []
  let url = ""
  beforeAll(async () => {
    server = createServer((_, res) => {
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify({ keys }))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const address = server.address()
    url = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/jwks.json`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const keyPair = async (kid: string) => {
    const pair = await jose.generateKeyPair("ES256", { extractable: true })
    keys.push({ ...(await jose.exportJWK(pair.publicKey)), kid, alg: "ES256", use: "sig" })
    return pair
  }
  const sign = (pair: Awaited<ReturnType<typeof jose.generateKeyPair>>, kid: string) =>
    new jose.SignJWT({ kind: "officer" })
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject("O-101")
      .setIssuer("https://id.example")
      .setAudience("murojaat")
      .setExpirationTime("1h")
      .sign(pair.privateKey)

  it("verifies with the provider's keys, and a new key is fetched when it appears", async () => {
    const first = await keyPair("k1")
    const verifier = Identity.makeVerifier({ issuer: "https://id.example", audience: "murojaat", jwksUrl: url, jwksCooldownSeconds: 0 }, Identity.makeClients([]))
    const run = (t: string) => Effect.runPromise(Effect.either(verifier.verify(t)))
    const old = await sign(first, "k1")
    expect(Either.isRight(await run(old))).toBe(true)
    // Verified once more: the verifier may answer it from its recent tokens.
    expect(Either.isRight(await run(old))).toBe(true)
    // Rotation: the provider publishes k2 and drops k1.
    const second = await keyPair("k2")
    keys = keys.filter((k) => k.kid === "k2")
    expect(Either.isRight(await run(await sign(second, "k2")))).toBe(true)
    // The keys were fetched again without k1: a token signed with it is refused at once, even one
    // verified a moment ago.
    expect(reason(await run(old))).toBe("badSignature")
    // An HS256 token signed with a guessed secret is refused under a JWKS.
    const forged = await mint({ kind: "officer", sub: "O-101" }, {}, { issuer: "https://id.example", audience: "murojaat", secret: "x".repeat(32) })
    expect(reason(await run(forged))).toBe("badSignature")
  })
})
