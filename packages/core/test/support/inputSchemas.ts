// Every schema that decodes input from outside, by name: the decoding and limits suites run over
// all of them.
import { Actor, Appeal, Calendar, Command, Directory } from "@murojaat/core"
import { Schema } from "effect"

export const inputSchemas: ReadonlyArray<readonly [string, Schema.Schema<any, any, never>]> = [
  ["Appeal.Intake", Appeal.Intake],
  ["Appeal.Personal", Appeal.Personal],
  ["Command.Command", Command.Command],
  ["Command.Input", Command.Input],
  ["Directory.Directory", Directory.Directory],
  ["Actor.Actor", Actor.Actor],
  ["Actor.Subject", Actor.Subject],
  ["Calendar.CalendarData", Calendar.CalendarData]
]
