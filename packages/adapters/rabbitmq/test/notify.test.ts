// Applicant notices against the real broker (AMQP_URL) and an SMTP server started here: events
// relayed to the notice worker become e-mails in the applicant's language, each sent once even
// when its event message comes again, and every notice is recorded.
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import { describe, expect, it } from "@effect/vitest"
import { Actor, AppealService, Sample } from "@murojaat/core"
import { DeliveryLog, Notices, Notify, Relay, SmtpNotifier, WebhookNotifier, Worker } from "@murojaat/rabbitmq"
import * as amqp from "amqplib"
import { Effect } from "effect"
import { SMTPServer } from "smtp-server"
import { amqpUrl, cleanup, freshNames } from "./support.js"

interface Mail {
  readonly to: string
  readonly raw: string
}

// An SMTP server on a free port that keeps every message it accepts.
const smtpServer = async () => {
  const mails: Array<Mail> = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Array<Buffer> = []
      stream.on("data", (c: Buffer) => chunks.push(c))
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: Buffer.concat(chunks).toString("utf8") })
        callback()
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return { mails, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

// The text of a raw single-part message: its body, undone from base64 or quoted-printable.
const decodeQp = (raw: string): string => {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join("\n\n")
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
  const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
  return Buffer.from(bytes, "latin1").toString("utf8")
}

describe("applicant notices", () => {
  it.live("turn events into e-mails in the applicant's language, each sent once and recorded, though its event comes twice", () =>
    Effect.gen(function* () {
      const url = amqpUrl()
      const names = freshNames("notify")
      const smtp = yield* Effect.promise(smtpServer)
      yield* Effect.addFinalizer(() => Effect.promise(async () => { await smtp.close(); await cleanup(url, names) }))
      const notifier = SmtpNotifier.layer({ host: "127.0.0.1", port: smtp.port, from: "murojaat@example.uz" })
      const fast = { retry: { attempts: 2, baseMillis: 20, maxMillis: 100 }, poisonLimit: 5, heartbeatSeconds: 1 }
      const notify = yield* Effect.provide(Worker.start("notify", Notify.body({ url, names, ...fast })), notifier)
      for (let i = 0; i < 200 && (yield* notify.health).state !== "running"; i++) yield* Effect.sleep("50 millis")
      const relay = yield* Worker.start("relay", Relay.body({ url, names, leaseMillis: 500, heartbeatSeconds: 1 }))
      const withEmail = (body: string, ref: string) => ({
        ...Sample.intake,
        applicant: { ...Sample.intake.applicant, contact: { email: `${ref}@example.uz` } },
        text: { body }
      })
      // Appeal 1, in Uzbek (Latin): registered, information requested, extended, answered.
      const a = yield* AppealService.submit(withEmail("Koʻchamizdagi chiroqlar yonmaydi", "anvar"), Actor.applicant("u-1"))
      const id = a.appealId
      const officer = Actor.officer("O-101")
      yield* AppealService.execute({ type: "assign", appealId: id, officerId: "O-101" }, Actor.officer("O-201"))
      yield* AppealService.execute({ type: "startReview", appealId: id }, officer)
      yield* AppealService.execute({ type: "requestInformation", appealId: id, request: "Uy raqamini yozing" }, officer)
      yield* AppealService.execute({ type: "provideInformation", appealId: id, note: "12-uy" }, officer)
      yield* AppealService.execute(
        { type: "extendDeadline", appealId: id, reason: "Elektr tarmogʻi tekshiruvi kerak", applicantNotice: { channel: "email", reference: "OUT-7" } },
        Actor.officer("O-301")
      )
      yield* AppealService.execute({ type: "answer", appealId: id, outcome: "satisfied", answerText: "Chiroqlar tuzatildi", legalBasis: "ZRU-445" }, officer)
      // Appeal 2, in Russian: registered, forwarded.
      const b = yield* AppealService.submit(withEmail("На нашей улице не горят фонари уже неделю", "irina"), Actor.applicant("u-2"))
      yield* AppealService.execute(
        { type: "forward", appealId: b.appealId, body: { name: "Hokimiyat" }, applicantNotice: { channel: "email", reference: "OUT-8" } },
        Actor.officer("O-201")
      )
      // Appeal 3: no contact and no account: nothing to send, recorded as skipped.
      const c = yield* AppealService.submit({ ...Sample.intake, applicant: { ...Sample.intake.applicant, contact: {} } }, Actor.system("reception"))
      const log = yield* DeliveryLog.DeliveryLog
      const settled = (appealId: string, n: number) => Effect.map(log.records(appealId), (rs) => rs.filter((r) => r.status !== "sending").length >= n)
      for (let i = 0; i < 300; i++) {
        if ((yield* settled(id, 4)) && (yield* settled(b.appealId, 2)) && (yield* settled(c.appealId, 1))) break
        yield* Effect.sleep("100 millis")
      }
      // The registered event's message again, as a redelivery would bring it.
      const before = (yield* notify.health).processed
      const conn = yield* Effect.promise(() => amqp.connect(url))
      const ch = yield* Effect.promise(() => conn.createConfirmChannel())
      const registered = a.events.find((e) => e.type === "registered")!
      ch.sendToQueue(names.notify, Buffer.from(JSON.stringify({ subject: id, seq: registered.seq })), { persistent: true })
      yield* Effect.promise(() => ch.waitForConfirms())
      yield* Effect.promise(() => conn.close())
      for (let i = 0; i < 100 && (yield* notify.health).processed <= before; i++) yield* Effect.sleep("50 millis")
      yield* relay.stop
      yield* notify.stop

      const to = (who: string) => smtp.mails.filter((m) => m.to === `${who}@example.uz`).map((m) => decodeQp(m.raw))
      const anvar = to("anvar")
      expect(anvar.length).toBe(4)
      const number = a.state.registrationNumber!
      expect(anvar[0]).toContain(`Murojaatingiz ${number} raqami bilan roʻyxatga olindi`)
      expect(anvar[0]).toMatch(/\d{2}\.\d{2}\.\d{4} gacha koʻrib chiqiladi/)
      expect(anvar[1]).toContain("qoʻshimcha maʼlumot soʻralmoqda: Uy raqamini yozing")
      expect(anvar[2]).toContain("Sababi: Elektr tarmogʻi tekshiruvi kerak")
      expect(anvar[3]).toContain("Chiroqlar tuzatildi")
      const irina = to("irina")
      expect(irina.length).toBe(2)
      expect(irina[0]).toContain("Ваше обращение зарегистрировано под №")
      expect(irina[1]).toContain("направлено по компетенции в: Hokimiyat")
      // Recorded: each sent once (one attempt); the appeal without contact skipped.
      const records = yield* log.records(id)
      expect(new Map(records.map((r) => [r.kind, [r.status, r.attempts]]))).toEqual(
        new Map([["registered", ["sent", 1]], ["informationRequested", ["sent", 1]], ["extended", ["sent", 1]], ["answered", ["sent", 1]]])
      )
      expect((yield* log.records(c.appealId)).map((r) => r.status)).toEqual(["skipped"])
    }).pipe(
      Effect.scoped,
      Effect.provide(DeliveryLog.layerMemory()),
      Effect.provide(AppealService.layerMemory(Sample.directory, { pipeline: AppealService.rulesPipeline() }))
    )
  )
})

// A webhook receiver that refuses the first try (503), then checks every signature.
describe("signed webhook", () => {
  it.live("signs each notice (HMAC-SHA256 over timestamp and body), retries a 503, and gives up at once on a 4xx", () =>
    Effect.gen(function* () {
      const got: Array<{ readonly id: string | undefined; readonly valid: boolean }> = []
      let answer = 503
      const server = createServer((req: IncomingMessage, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (c: Buffer) => chunks.push(c))
        req.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8")
          const valid = WebhookNotifier.verify(
            "s3cret",
            { timestamp: req.headers["x-murojaat-timestamp"] as string, signature: req.headers["x-murojaat-signature"] as string },
            body,
            Math.floor(Date.now() / 1000)
          )
          got.push({ id: req.headers["x-murojaat-notice-id"] as string | undefined, valid })
          res.statusCode = answer
          if (answer === 503) answer = 200
          res.end()
        })
      })
      yield* Effect.promise(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r())))
      yield* Effect.addFinalizer(() => Effect.promise(() => new Promise<void>((r) => server.close(() => r()))))
      const port = (server.address() as AddressInfo).port
      const hook = WebhookNotifier.make({ url: `http://127.0.0.1:${port}/notices`, secret: "s3cret", baseMillis: 10, retries: 3 })
      const notice: Notices.Notice = { id: "notice:A-1#2", appealId: "A-1", kind: "registered", locale: "uz-Latn", subject: "s", text: "t", recipient: { phone: "+998901112233" } }
      yield* hook.send(notice)
      expect(got).toEqual([{ id: "notice:A-1#2", valid: true }, { id: "notice:A-1#2", valid: true }])
      answer = 410
      const refused = yield* Effect.either(hook.send({ ...notice, id: "notice:A-1#3" }))
      expect(refused._tag === "Left" && refused.left.permanent && refused.left.detail).toBe("HTTP 410")
      expect(got.length).toBe(3)
      // A wrong secret does not verify.
      expect(WebhookNotifier.verify("other", { timestamp: "1", signature: WebhookNotifier.sign("s3cret", 1, "{}") }, "{}", 1)).toBe(false)
    }).pipe(Effect.scoped)
  )
})
