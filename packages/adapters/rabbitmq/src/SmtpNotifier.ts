/**
 * E-mail notices over SMTP (nodemailer). One message per notice, in the applicant's language,
 * plain text, with a stable `Message-ID` (`<notice id@murojaat>`) so a mail system that sees the
 * same notice twice can tell. Failures name the SMTP code or the network error, never the address.
 * A 5xx answer (address refused) is permanent; everything else is retried.
 *
 * @example
 * import { SmtpNotifier } from "@murojaat/rabbitmq"
 * SmtpNotifier.layer({ host: "127.0.0.1", port: 2525, from: "murojaat@example.uz" })
 *
 * @since 0.1.0
 */
import { Effect, Layer } from "effect"
import nodemailer from "nodemailer"
import { DeliveryError } from "./Errors.js"
import type * as Notices from "./Notices.js"
import { Notifier, type Service } from "./Notifier.js"

/**
 * The SMTP settings.
 *
 * @example
 * import type { SmtpNotifier } from "@murojaat/rabbitmq"
 * const s: SmtpNotifier.Settings = { host: "smtp.example.uz", port: 587, from: "murojaat@example.uz", user: "murojaat", password: "secret" }
 *
 * @since 0.1.0
 * @category settings
 */
export interface Settings {
  readonly host: string
  readonly port: number
  /** TLS from the first byte (port 465). Default false (STARTTLS when the server offers it). */
  readonly secure?: boolean | undefined
  readonly user?: string | undefined
  readonly password?: string | undefined
  readonly from: string
  /** Accept a self-signed certificate (tests only). Default false. */
  readonly insecureTls?: boolean | undefined
  /** Milliseconds to connect and to wait for each answer. Default 10,000. */
  readonly timeoutMillis?: number | undefined
}

const failure = (e: unknown): DeliveryError => {
  const err = e as { responseCode?: number; code?: string }
  const code = typeof err.responseCode === "number" ? err.responseCode : undefined
  return new DeliveryError({
    channel: "smtp",
    permanent: code !== undefined && code >= 500 && code < 600,
    detail: code !== undefined ? `SMTP ${code}` : `${err.code ?? "error"}`
  })
}

/**
 * The SMTP notifier.
 *
 * @example
 * import { SmtpNotifier } from "@murojaat/rabbitmq"
 * const n = SmtpNotifier.make({ host: "127.0.0.1", port: 2525, from: "murojaat@example.uz" })
 * n.channel // "smtp"
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (settings: Settings): Service => {
  const timeout = settings.timeoutMillis ?? 10_000
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? false,
    ...(settings.user !== undefined ? { auth: { user: settings.user, pass: settings.password ?? "" } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(settings.insecureTls === true ? { tls: { rejectUnauthorized: false } } : {})
  })
  return {
    channel: "smtp",
    reaches: (r: Notices.Recipient) => r.email !== undefined,
    send: (notice) =>
      notice.recipient.email === undefined
        ? Effect.fail(new DeliveryError({ channel: "smtp", permanent: true, detail: "no e-mail address" }))
        : Effect.tryPromise({
            try: () =>
              transport.sendMail({
                from: settings.from,
                to: notice.recipient.email,
                subject: notice.subject,
                text: notice.text,
                messageId: `<${notice.id.replace(/[^A-Za-z0-9.#:_-]/g, "_")}@murojaat>`,
                headers: { "X-Murojaat-Notice-Id": notice.id, "Content-Language": notice.locale }
              }),
            catch: failure
          }).pipe(Effect.asVoid)
  }
}

/**
 * The SMTP notifier as the `Notifier` layer.
 *
 * @example
 * import { SmtpNotifier } from "@murojaat/rabbitmq"
 * SmtpNotifier.layer({ host: "127.0.0.1", port: 25, from: "murojaat@example.uz" })
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (settings: Settings): Layer.Layer<Notifier> => Layer.sync(Notifier, () => make(settings))
