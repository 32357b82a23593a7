/**
 * The console's only way to the service: Murojaat's public HTTP API (`/v1`, a Bearer token,
 * `Accept-Language` for status names and problem messages, `If-Match` with the `ETag` on every
 * command). An integrator's client would look the same.
 *
 * @example
 * import { Api } from "./api.js"
 * const api = new Api("<token>", "ru")
 * // await api.get("/v1/appeals?limit=20")
 */
export type Locale = "uz-Latn" | "uz-Cyrl" | "ru" | "en"

/** An RFC 9457 problem as the API sends it (`application/problem+json`). */
export interface Problem {
  readonly status: number
  readonly code: string
  readonly title?: string
  readonly detail: string
  readonly issues?: ReadonlyArray<{ readonly path: string; readonly detail: string }>
}

/** A refusal: the problem document, or a network failure shaped as one. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail)
  }
}

/** A successful answer with its `ETag` (an appeal's version). */
export interface Answer<A> {
  readonly body: A
  readonly etag: string | null
}

/** The API client of one signed-in caller. */
export class Api {
  constructor(
    readonly token: string,
    public locale: Locale,
    private readonly base: string = ""
  ) {}

  private async call<A>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<A>> {
    let response: Response
    try {
      response = await fetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          "accept-language": this.locale,
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...headers
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {})
      })
    } catch (e) {
      throw new ApiError({ status: 0, code: "NetworkError", detail: e instanceof Error ? e.message : String(e) })
    }
    const text = await response.text()
    const json = text === "" ? undefined : (JSON.parse(text) as unknown)
    if (!response.ok) {
      const p = (json ?? {}) as Partial<Problem>
      throw new ApiError({ status: response.status, code: p.code ?? `HTTP${response.status}`, detail: p.detail ?? response.statusText, ...(p.title !== undefined ? { title: p.title } : {}), ...(p.issues !== undefined ? { issues: p.issues } : {}) })
    }
    return { body: json as A, etag: response.headers.get("etag") }
  }

  /** `GET` a path of the API. */
  get<A>(path: string): Promise<Answer<A>> {
    return this.call<A>("GET", path)
  }

  /** `POST` a JSON body (with extra headers: `If-Match`, `Idempotency-Key`). */
  post<A>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<A>> {
    return this.call<A>("POST", path, body, headers)
  }
}

/** The claims a development or OIDC token carries (read for routing only: the API decides). */
export interface Claims {
  readonly kind?: string
  readonly sub?: string
  readonly exp?: number
}

/**
 * The payload of a JWT, unverified: the console only uses it to choose a view; every request is
 * still authenticated and authorised by the API.
 *
 * @example
 * import { claimsOf } from "./api.js"
 * claimsOf("x." + btoa(JSON.stringify({ kind: "officer", sub: "O-101" })) + ".y")?.sub // "O-101"
 */
export const claimsOf = (token: string): Claims | undefined => {
  const part = token.split(".")[1]
  if (part === undefined) return undefined
  try {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/")
    const bytes = Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0))
    const value = JSON.parse(new TextDecoder().decode(bytes)) as unknown
    return typeof value === "object" && value !== null ? (value as Claims) : undefined
  } catch {
    return undefined
  }
}
