/**
 * Every refusal as RFC 9457 problem+json, the way `@murojaat/http` writes it: Murojaat's typed
 * errors with their stable code and status, the message in the language of `Accept-Language`
 * (uz-Latn, uz-Cyrl, ru, en; uz-Latn by default) and `Content-Language`; Nest's own refusals (no
 * such route, a body that is not JSON or is too large) in the same shape; anything else a 500 that
 * quotes nothing, logged by code only (no personal data).
 */
import "reflect-metadata"
import { Errors } from "@murojaat/core"
import { Problem } from "@murojaat/http"
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from "@nestjs/common"
import type { Request, Response } from "express"

/** The largest JSON body the app reads (`createApp` gives it to the body parser). */
export const bodyLimitBytes = 256 * 1024

/** The problem of anything a route or Nest threw. */
export const problemOf = (exception: unknown): Problem.Problem => {
  if (exception instanceof Problem.Problem) return exception
  if (Errors.isMurojaatError(exception)) return Problem.fromError(exception)
  if (exception instanceof HttpException) {
    switch (exception.getStatus()) {
      case 400: // the body parser's: not JSON, or not UTF-8
        return Problem.malformedBody()
      case 404:
        return Problem.notFound()
      case 413:
        return Problem.payloadTooLarge(bodyLimitBytes)
      case 415:
        return Problem.unsupportedMediaType()
    }
  }
  return Problem.internal()
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger("ProblemFilter")
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp()
    const req = http.getRequest<Request>()
    const res = http.getResponse<Response>()
    const problem = problemOf(exception)
    // The error's name only: a message might quote what a person typed.
    if (problem.status >= 500) this.logger.error(`${problem.code} from ${exception instanceof Error ? exception.name : typeof exception}`)
    const locale = Problem.negotiate(req.header("accept-language"))
    if (problem.retryAfter !== undefined) res.setHeader("retry-after", String(problem.retryAfter))
    res
      .status(problem.status)
      .setHeader("content-language", Problem.contentLanguage(locale))
      .type(Problem.mediaType)
      .send(JSON.stringify(Problem.document(problem, locale, { instance: req.path })))
  }
}
