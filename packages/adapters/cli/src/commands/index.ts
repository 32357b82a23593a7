import type { Command } from "../Command.js"
import { assign } from "./assign.js"
import { deadline } from "./deadline.js"
import { triage } from "./triage.js"

/** Every sub-command of the CLI, in the order `murojaat help` lists them. */
export const commands: ReadonlyArray<Command> = [assign, deadline, triage]
