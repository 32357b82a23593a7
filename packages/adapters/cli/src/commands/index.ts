import type { Command } from "../Command.js"
import { assign } from "./assign.js"

/** Every sub-command of the CLI, in the order `murojaat help` lists them. */
export const commands: ReadonlyArray<Command> = [assign]
