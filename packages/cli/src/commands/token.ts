/**
 * `murojaat token (--officer ID [--role ROLE] | --applicant REF | --client ID) [--scope "s1 s2"]
 * [--ttl SECONDS] [--secret-file FILE]`
 *
 * Mints a development token for the reference service (`pnpm start`): HS256 with the development
 * secret (`MUROJAAT_JWT_SECRET`, else the file `.murojaat/dev-jwt-secret` the service also uses,
 * made on first use), issuer `murojaat-dev`, audience `murojaat` (or `MUROJAAT_JWT_ISSUER`,
 * `MUROJAAT_JWT_AUDIENCE`). Prints `{ token, expiresAt, claims }` as JSON.
 *
 * A token says who the caller is, never what he may do: an officer's `--role` is a claim the
 * service checks against the directory (a claim that differs is refused), and a client must be
 * registered with the service (its kind and districts come from the registry). Production tokens
 * come from the operator's identity provider, not from here.
 */
import { parseArgs } from "node:util"
import { Directory } from "@murojaat/core"
import { Identity } from "@murojaat/http"
import { Effect } from "effect"
import { type Command, define, type Io, printJson, UsageError } from "../Command.js"

const usage =
  'murojaat token (--officer ID [--role ROLE] | --applicant REF | --client ID) [--scope "appeals:read lists:read"] [--ttl SECONDS] [--secret-file FILE]'

const execute = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      officer: { type: "string" },
      role: { type: "string" },
      applicant: { type: "string" },
      client: { type: "string" },
      scope: { type: "string" },
      ttl: { type: "string" },
      "secret-file": { type: "string" }
    },
    strict: true,
    allowPositionals: false
  })
  const who = [values.officer, values.applicant, values.client].filter((v) => v !== undefined)
  if (who.length !== 1) throw new UsageError("give exactly one of --officer, --applicant and --client")
  if (who[0]!.trim() === "" || who[0]!.length > 128) throw new UsageError("the subject must be 1 to 128 characters")
  if (values.role !== undefined && values.officer === undefined) {
    throw new UsageError("--role is an officer's claim (with --officer); an applicant or a client has the role the service gives it")
  }
  if (values.role !== undefined && !Directory.OfficerRole.literals.includes(values.role as Directory.OfficerRole)) {
    throw new UsageError(`--role must be one of ${Directory.OfficerRole.literals.join(", ")}`)
  }
  const scopes = values.scope === undefined ? undefined : values.scope.split(/\s+/).filter((s) => s !== "")
  const unknown = scopes?.filter((s) => !Identity.Scope.literals.includes(s as Identity.Scope)) ?? []
  if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.join(", ")}; scopes: ${Identity.Scope.literals.join(", ")}`)
  if (values.ttl !== undefined && (!/^[0-9]{1,7}$/.test(values.ttl) || Number(values.ttl) < 60)) throw new UsageError("--ttl must be a number of seconds from 60 to 9999999")
  const claims: Identity.Claims = {
    kind: values.officer !== undefined ? "officer" : values.applicant !== undefined ? "applicant" : "client",
    sub: who[0]!,
    ...(values.role !== undefined ? { roles: [values.role as Directory.OfficerRole] } : {}),
    ...(scopes !== undefined ? { scope: scopes.join(" ") } : {})
  } as Identity.Claims
  const settings = {
    issuer: process.env["MUROJAAT_JWT_ISSUER"] ?? Identity.development.issuer,
    audience: process.env["MUROJAAT_JWT_AUDIENCE"] ?? Identity.development.audience,
    secret: process.env["MUROJAAT_JWT_SECRET"] ?? Identity.developmentSecret(values["secret-file"] ?? Identity.development.secretFile)
  }
  const ttlSeconds = values.ttl === undefined ? 8 * 3600 : Number(values.ttl)
  const now = Date.now()
  const token = await Effect.runPromise(Identity.mint(settings, claims, { ttlSeconds, now }))
  printJson(io, { token, expiresAt: new Date(Math.floor(now / 1000) * 1000 + ttlSeconds * 1000).toISOString(), claims })
  return 0
}

/** The `token` command. */
export const token: Command = define({
  name: "token",
  summary: "Mint a development token for the reference service (an officer, an applicant or a registered client).",
  usage,
  execute
})
