import type { Command } from "../Command.js"
import { analytics } from "./analytics.js"
import { assign } from "./assign.js"
import { calendar } from "./calendar.js"
import { deadline } from "./deadline.js"
import { demo } from "./demo.js"
import { directory } from "./directory.js"
import { lifecycle } from "./lifecycle.js"
import { migrate } from "./migrate.js"
import { verifyChain } from "./verifyChain.js"
import { token } from "./token.js"
import { triage } from "./triage.js"
import { verifyDb } from "./verifyDb.js"
import { worker } from "./worker.js"

/** Every sub-command of the CLI, in the order `murojaat help` lists them. */
export const commands: ReadonlyArray<Command> = [
  demo,
  lifecycle,
  verifyChain,
  assign,
  deadline,
  triage,
  migrate,
  verifyDb,
  directory,
  calendar,
  worker,
  token,
  // `--mahalla` may be given once per mahalla.
  { ...analytics, repeatable: ["mahalla"] }
]
