/**
 * Notices through a signed webhook: an HTTPS endpoint of an SMS gateway or of the Smart Mahalla
 * app. Each notice is POSTed as JSON with
 * - `X-Murojaat-Timestamp`: seconds since the epoch,
 * - `X-Murojaat-Signature`: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the shared
 *   secret (the receiver recomputes it, compares in constant time, and refuses stale timestamps:
 *   `verify`),
 * - `X-Murojaat-Notice-Id`: the notice id, the same on every retry, for deduplication.
 *
 * Retries: network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff
 * (`retries`, `baseMillis`); any other answer below 200 or from 300 is permanent. 2xx is delivered.
 *
 * @example
 * import { WebhookNotifier } from "@murojaat/rabbitmq"
 * WebhookNotifier.sign("secret", 1772445600, "{}") // "sha256=..." (64 hex digits)
 *
 * @since 0.1.0
 */
import { createHmac, timingSafeEqual } from "node:crypto"
import { Duration, Effect, Layer, Schedule } from "effect"
import { DeliveryError } from "./Errors.js"
import { Notifier, type Service } from "./Notifier.js"

/**
 * The webhook's settings.
 *
 * @example
 * import type { WebhookNotifier } from "@murojaat/rabbitmq"
 * const s: WebhookNotifier.Settings = { url: "https://sms.example.uz/murojaat", secret: "a long random secret" }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  readonly url: string
  readonly secret: string
  /** Retries after the first try. Default 3. */
  readonly retries?: number | undefined
  /** The first wait between tries; doubles. Default 200 ms. */
  readonly baseMillis?: number | undefined
  /** Per request. Default 10,000 ms. */
  readonly timeoutMillis?: number | undefined
}

/**
 * The signature header's value for a timestamp and a body.
 *
 * @example
 * import { WebhookNotifier } from "@murojaat/rabbitmq"
 * WebhookNotifier.sign("k", 1, "x").length // 71
 *
 * @since 0.1.0
 * @category signing
 */
export const sign = (secret: string, timestamp: number, body: string): string =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`

/**
 * What a receiver checks: the signature over the timestamp and the exact body, in constant time,
 * and a timestamp within `toleranceSeconds` (default 300) of `nowSeconds`.
 *
 * @example
 * import { WebhookNotifier } from "@murojaat/rabbitmq"
 * const body = "{}"
 * WebhookNotifier.verify("k", { timestamp: "100", signature: WebhookNotifier.sign("k", 100, body) }, body, 120) // true
 * WebhookNotifier.verify("k", { timestamp: "100", signature: WebhookNotifier.sign("k", 100, body) }, body, 1000) // false
 *
 * @since 0.1.0
 * @category signing
 */
export const verify = (
  secret: string,
  headers: { readonly timestamp: string | undefined; readonly signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300
): boolean => {
  const ts = Number(headers.timestamp)
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > toleranceSeconds || headers.signature === undefined) return false
  const expected = Buffer.from(sign(secret, ts, body))
  const given = Buffer.from(headers.signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const retryable = (status: number) => status === 408 || status === 429 || status >= 500

/**
 * The webhook notifier.
 *
 * @example
 * import { WebhookNotifier } from "@murojaat/rabbitmq"
 * WebhookNotifier.make({ url: "http://127.0.0.1:9/", secret: "s" }).channel // "webhook"
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (settings: Settings): Service => {
  const timeout = settings.timeoutMillis ?? 10_000
  const once = (body: string, noticeId: string) =>
    Effect.gen(function* () {
      const timestamp = Math.floor((yield* Effect.clockWith((c) => c.currentTimeMillis)) / 1000)
      const response = yield* Effect.tryPromise({
        try: (signal) =>
          fetch(settings.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-murojaat-timestamp": String(timestamp),
              "x-murojaat-signature": sign(settings.secret, timestamp, body),
              "x-murojaat-notice-id": noticeId
            },
            body,
            signal: AbortSignal.any([signal, AbortSignal.timeout(timeout)])
          }),
        catch: (e) => new DeliveryError({ channel: "webhook", permanent: false, detail: (e as Error).name === "TimeoutError" ? "timeout" : "network error" })
      })
      yield* Effect.promise(() => response.arrayBuffer().catch(() => undefined))
      if (response.status >= 200 && response.status < 300) return
      return yield* Effect.fail(new DeliveryError({ channel: "webhook", permanent: !retryable(response.status), detail: `HTTP ${response.status}` }))
    })
  const schedule = Schedule.exponential(Duration.millis(settings.baseMillis ?? 200)).pipe(Schedule.intersect(Schedule.recurs(settings.retries ?? 3)))
  return {
    channel: "webhook",
    reaches: () => true,
    send: (notice) => {
      const body = JSON.stringify({ notice })
      return Effect.retry(once(body, notice.id), { schedule, while: (e) => !e.permanent })
    }
  }
}

/**
 * The webhook notifier as the `Notifier` layer.
 *
 * @example
 * import { WebhookNotifier } from "@murojaat/rabbitmq"
 * WebhookNotifier.layer({ url: "https://sms.example.uz/murojaat", secret: "s" })
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (settings: Settings): Layer.Layer<Notifier> => Layer.sync(Notifier, () => make(settings))
