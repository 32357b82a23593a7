/**
 * The routes a government portal needs, each a thin call of one facade function: Murojaat decides
 * and stores; the controller only maps HTTP to calls. Refusals are thrown as they come (Murojaat's
 * typed errors) and `ProblemFilter` writes them as problem+json.
 *
 * Identity: `Caller` reads who is calling. Here it trusts two headers (`X-Officer: O-101`,
 * `X-Applicant: user-1`) so the example runs alone; in your app it reads the subject your guard
 * verified (a session, a JWT), never a header the client writes.
 */
import "reflect-metadata"
import { Actor, type Appeal, type Command, type Facade } from "@murojaat/core"
import { Identity, Problem } from "@murojaat/http"
import { Body, Controller, createParamDecorator, type ExecutionContext, Get, Headers, HttpCode, Inject, Param, Post } from "@nestjs/common"
import type { Request } from "express"
import { MUROJAAT } from "./murojaat.module.js"

/** Who is calling: an officer by id (roles come from the directory) or an applicant; 401 otherwise. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Actor.Subject => {
  const req = context.switchToHttp().getRequest<Request>()
  const officer = req.header("x-officer")
  if (officer !== undefined) return Actor.officer(officer)
  const applicant = req.header("x-applicant")
  if (applicant !== undefined) return Actor.applicant(applicant)
  throw Problem.unauthenticated(new Identity.Unauthenticated({ reason: "missing" }))
})

/** A command as its body carries it: the path names the appeal. */
export type CommandBody = Command.InputEncoded extends infer C ? (C extends unknown ? Omit<C, "appealId"> : never) : never

// A retry with the same `Idempotency-Key` gets the first answer and stores nothing twice.
const once = (key: string | undefined) => ({ idempotencyKey: key })

@Controller()
export class AppealsController {
  constructor(@Inject(MUROJAAT) private readonly murojaat: Facade.Murojaat) {}

  /** A new appeal from the portal; `holdup` in the answer says why it waits at `triaged`. */
  @Post("appeals")
  submit(@Body() intake: Appeal.IntakeEncoded, @Caller() actor: Actor.Subject, @Headers("idempotency-key") key?: string) {
    return this.murojaat.submit(intake, actor, once(key))
  }

  /** Any command on an appeal: `{ "type": "startReview" }`, `{ "type": "answer", ... }`. */
  @Post("appeals/:id/commands")
  @HttpCode(200)
  execute(
    @Param("id") appealId: string,
    @Body() command: CommandBody,
    @Caller() actor: Actor.Subject,
    @Headers("idempotency-key") key?: string
  ) {
    // A body's own appealId, if any, is overwritten: the path names the appeal.
    return this.murojaat.execute({ ...command, appealId }, actor, once(key))
  }

  @Get("appeals/:id")
  read(@Param("id") appealId: string, @Caller() actor: Actor.Subject) {
    return this.murojaat.get(appealId, actor)
  }

  @Get("appeals/:id/verification")
  verify(@Param("id") appealId: string, @Caller() actor: Actor.Subject) {
    return this.murojaat.verify(appealId, actor)
  }

  /** The officer's open appeals, soonest due first. */
  @Get("officers/:id/worklist")
  worklist(@Param("id") officerId: string, @Caller() actor: Actor.Subject) {
    return this.murojaat.worklist(officerId, actor)
  }
}
