/**
 * Sign-in through the operator's OpenID Connect provider: the authorization code flow with PKCE
 * (RFC 7636, S256), for a public client (no secret in the page). The provider's access token is
 * the Bearer token the API verifies (its `MUROJAAT_JWKS_URL`, issuer and audience).
 *
 * @example
 * import { challengeOf } from "./oidc.js"
 * // RFC 7636 appendix B
 * await challengeOf("dBjftJeZ4CVP-mJ92ZXCBqkF0b7fr0wH6cPpsR3QWIk") // "E9Melhoe2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
 */

/** The provider, as the service's `/console/config.json` gives it. */
export interface Oidc {
  readonly issuer: string
  readonly clientId: string
  readonly scope?: string
}

interface Discovery {
  readonly authorization_endpoint: string
  readonly token_endpoint: string
}

const discover = async (oidc: Oidc): Promise<Discovery> => {
  const r = await fetch(`${oidc.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`)
  if (!r.ok) throw new Error(`OpenID discovery failed: ${r.status}`)
  return (await r.json()) as Discovery
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")

/**
 * The S256 code challenge of a verifier: base64url(SHA-256(verifier)).
 */
export const challengeOf = async (verifier: string): Promise<string> =>
  base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))))

const redirectUri = () => `${location.origin}/`

/** Goes to the provider's sign-in page, keeping the PKCE verifier and the state for the return. */
export const startSignIn = async (oidc: Oidc): Promise<void> => {
  const d = await discover(oidc)
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)))
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)))
  sessionStorage.setItem("murojaat.pkce", JSON.stringify({ verifier, state }))
  const url = new URL(d.authorization_endpoint)
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope ?? "openid",
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: "S256"
  }).toString()
  location.assign(url.toString())
}

/**
 * On the return from the provider (`?code=…&state=…`): the code exchanged for a token with the
 * verifier; `undefined` when this page load is not such a return. A state that does not match
 * the one this tab sent is refused (a forged return).
 */
export const finishSignIn = async (oidc: Oidc): Promise<string | undefined> => {
  const params = new URLSearchParams(location.search)
  const code = params.get("code")
  if (code === null) return undefined
  const saved = JSON.parse(sessionStorage.getItem("murojaat.pkce") ?? "null") as { verifier: string; state: string } | null
  sessionStorage.removeItem("murojaat.pkce")
  history.replaceState(null, "", location.pathname + location.hash)
  if (saved === null || saved.state !== params.get("state")) throw new Error("OpenID sign-in: the state does not match this tab's request")
  const d = await discover(oidc)
  const r = await fetch(d.token_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri(), client_id: oidc.clientId, code_verifier: saved.verifier }).toString()
  })
  if (!r.ok) throw new Error(`OpenID token exchange failed: ${r.status}`)
  const body = (await r.json()) as { access_token?: string }
  if (typeof body.access_token !== "string") throw new Error("OpenID token exchange: no access_token")
  return body.access_token
}
