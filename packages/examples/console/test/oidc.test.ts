// Sign-in through an OpenID Connect provider (the console's setting MUROJAAT_OIDC_ISSUER and
// MUROJAAT_OIDC_CLIENT_ID): a small provider started here with jose (discovery, authorization
// endpoint that approves at once, token endpoint that checks the PKCE verifier, JWKS), the
// reference service verifying its tokens by JWKS, and the page in Chromium going there and back.
import { createHash, randomBytes } from "node:crypto"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import * as jose from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { freshDatabase, launch, type Service, startService } from "./support.js"

interface Provider {
  readonly issuer: string
  readonly server: Server
  /** Every token request, with whether its verifier matched the challenge of its code. */
  readonly exchanges: Array<{ readonly pkce: boolean }>
}

const clientId = "murojaat-console"

/** The provider: one user, officer O-101, signed in at once (what a real provider asks is not the point). */
const startProvider = async (): Promise<Provider> => {
  const { publicKey, privateKey } = await jose.generateKeyPair("RS256")
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" }
  const codes = new Map<string, { challenge: string; redirectUri: string }>()
  const exchanges: Array<{ pkce: boolean }> = []
  let issuer = ""
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer)
    // The console calls discovery and the token endpoint from its own origin.
    res.setHeader("access-control-allow-origin", "*")
    res.setHeader("access-control-allow-headers", "content-type")
    const json = (status: number, body: unknown) => (res.writeHead(status, { "content-type": "application/json" }), res.end(JSON.stringify(body)))
    if (req.method === "OPTIONS") return void (res.writeHead(204), res.end())
    if (url.pathname === "/.well-known/openid-configuration")
      return json(200, { issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, code_challenge_methods_supported: ["S256"] })
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] })
    if (url.pathname === "/authorize") {
      const p = url.searchParams
      if (p.get("client_id") !== clientId || p.get("response_type") !== "code" || p.get("code_challenge_method") !== "S256") return json(400, { error: "invalid_request" })
      const code = randomBytes(16).toString("hex")
      codes.set(code, { challenge: p.get("code_challenge")!, redirectUri: p.get("redirect_uri")! })
      const back = new URL(p.get("redirect_uri")!)
      back.searchParams.set("code", code)
      back.searchParams.set("state", p.get("state")!)
      return void (res.writeHead(302, { location: back.toString() }), res.end())
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let raw = ""
      req.on("data", (d) => (raw += String(d)))
      req.on("end", async () => {
        const p = new URLSearchParams(raw)
        const grant = codes.get(p.get("code") ?? "")
        codes.delete(p.get("code") ?? "")
        // RFC 7636: BASE64URL(SHA256(verifier)) must be the challenge of the authorization request.
        const pkce = grant !== undefined && createHash("sha256").update(p.get("code_verifier") ?? "").digest("base64url") === grant.challenge
        exchanges.push({ pkce })
        if (!pkce || grant.redirectUri !== p.get("redirect_uri") || p.get("client_id") !== clientId) return json(400, { error: "invalid_grant" })
        const token = await new jose.SignJWT({ kind: "officer" })
          .setProtectedHeader({ alg: "RS256", kid: "k1" })
          .setSubject("O-101")
          .setIssuer(issuer)
          .setAudience("murojaat")
          .setIssuedAt()
          .setExpirationTime("1h")
          .sign(privateKey)
        json(200, { access_token: token, token_type: "Bearer", expires_in: 3600 })
      })
      return
    }
    json(404, { error: "not_found" })
  })
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { issuer, server, exchanges }
}

let provider: Provider
let service: Service
let closeDatabase: () => Promise<void>

beforeAll(async () => {
  provider = await startProvider()
  const db = await freshDatabase()
  closeDatabase = db.close
  service = await startService(db.database, {
    MUROJAAT_JWKS_URL: `${provider.issuer}/jwks`,
    MUROJAAT_JWT_ISSUER: provider.issuer,
    MUROJAAT_JWT_AUDIENCE: "murojaat",
    MUROJAAT_OIDC_ISSUER: provider.issuer,
    MUROJAAT_OIDC_CLIENT_ID: clientId
  })
}, 240_000)

afterAll(async () => {
  await service?.stop()
  await closeDatabase?.()
  await new Promise((done) => provider?.server.close(done))
}, 60_000)

describe("the console's OpenID Connect sign-in", () => {
  it("goes to the provider and back (authorization code with PKCE), and the API accepts the provider's token", async () => {
    const config = await (await fetch(`${service.url}/console/config.json`)).json()
    expect(config).toEqual({ oidc: { issuer: provider.issuer, clientId } })
    // The page may talk to the provider, and to nothing else but itself.
    expect((await fetch(`${service.url}/`)).headers.get("content-security-policy")).toContain(`connect-src 'self' ${provider.issuer};`)
    const { browser, close } = await launch()
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
      await page.addInitScript(() => localStorage.setItem("murojaat.locale", "en"))
      await page.goto(`${service.url}/`)
      await page.waitForSelector("body[data-ready='sign-in']")
      await page.getByRole("button", { name: "Sign in with the organisation's account" }).click()
      await page.waitForFunction(() => document.body.dataset["ready"] === "/", null, { timeout: 30_000 })
      await expect(page.locator(".who").textContent()).resolves.toContain("A. Karimov")
      expect(new URL(page.url()).search).toBe("")
      expect(provider.exchanges).toEqual([{ pkce: true }])
    } finally {
      await close()
    }
  })
})
