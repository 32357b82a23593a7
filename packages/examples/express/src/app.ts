/**
 * An Express app on Murojaat's async facade: the routes a government portal needs, each a thin
 * call of one facade function. Murojaat decides and stores; the app only maps HTTP to calls and
 * typed errors to statuses.
 *
 * Identity: `actorOf` reads who is calling. Here it trusts two headers (`X-Officer: O-101`,
 * `X-Applicant: user-1`) so the example runs alone; in your app it reads the subject your sign-in
 * middleware verified (a session, a JWT), never a header the client writes.
 */
import { Actor, Errors, type Facade, I18n } from "@murojaat/core"
import express, { type NextFunction, type Request, type Response } from "express"

/** Who is calling: an officer by id (roles come from the directory), an applicant, or nobody. */
export const actorOf = (req: Request): Actor.Subject | undefined => {
  const officer = req.header("x-officer")
  const applicant = req.header("x-applicant")
  return officer !== undefined ? Actor.officer(officer) : applicant !== undefined ? Actor.applicant(applicant) : undefined
}

/** The HTTP status of each error code: what the client did wrong (4xx), or the store (503). */
export const statusOf: Record<Errors.Code, number> = {
  InvalidInput: 400,
  InvalidCalendar: 400,
  NotAuthorized: 403,
  OfficerNotFound: 403,
  AppealNotFound: 404,
  InvalidTransition: 409,
  VersionConflict: 409,
  IdempotencyConflict: 409,
  RuleViolation: 422,
  NoEligibleInspector: 422,
  StoreError: 503,
  InternalError: 500
}

// The caller's language from Accept-Language (uz-Latn when none of the four is asked for).
const localeOf = (req: Request): I18n.Locale => {
  const asked = req.acceptsLanguages(...I18n.locales)
  return typeof asked === "string" && (I18n.locales as ReadonlyArray<string>).includes(asked) ? (asked as I18n.Locale) : "uz-Latn"
}

type Handler = (req: Request, actor: Actor.Subject) => Promise<readonly [number, unknown]>

// Runs a route: 401 without an actor; a Murojaat error as its status with `{ code, message, messages }`.
const route = (handler: Handler) => async (req: Request, res: Response, next: NextFunction) => {
  const actor = actorOf(req)
  if (actor === undefined) return void res.status(401).json({ code: "Unauthenticated", message: "sign in first" })
  try {
    const [status, body] = await handler(req, actor)
    res.status(status).json(body)
  } catch (e) {
    if (!Errors.isMurojaatError(e)) return next(e)
    res.status(statusOf[e._tag]).json({ code: e._tag, message: Errors.messageIn(e, localeOf(req)), messages: Errors.messages(e) })
  }
}

const key = (req: Request) => ({ idempotencyKey: req.header("idempotency-key") })
const param = (req: Request, name: string): string => String(req.params[name])

/** The app over a facade (in memory in tests, PostgreSQL in `main.ts`). */
export const makeApp = (murojaat: Facade.Murojaat): express.Express => {
  const app = express()
  app.use(express.json({ limit: "256kb" }))
  // A new appeal from the portal; `holdup` in the answer says why it waits at `triaged`.
  app.post("/appeals", route(async (req, actor) => [201, await murojaat.submit(req.body, actor, key(req))]))
  // Any command on an appeal: { "type": "startReview" }, { "type": "answer", ... }.
  app.post("/appeals/:id/commands", route(async (req, actor) => [200, await murojaat.execute({ ...req.body, appealId: param(req, "id") }, actor, key(req))]))
  app.get("/appeals/:id", route(async (req, actor) => [200, await murojaat.get(param(req, "id"), actor)]))
  app.get("/appeals/:id/history", route(async (req, actor) => [200, await murojaat.history(param(req, "id"), actor)]))
  app.get("/appeals/:id/verification", route(async (req, actor) => [200, await murojaat.verify(param(req, "id"), actor)]))
  app.get("/officers/:id/worklist", route(async (req, actor) => [200, await murojaat.worklist(param(req, "id"), actor)]))
  app.get("/districts/:code/overdue", route(async (req, actor) => [200, await murojaat.overdue({ districtCode: param(req, "code") }, actor)]))
  // Malformed JSON and anything unexpected: never a stack trace to the client.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : 500
    res.status(status).json({ code: status === 500 ? "InternalError" : "BadRequest", message: status === 500 ? "internal error" : "malformed request" })
  })
  return app
}
