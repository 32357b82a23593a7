/**
 * Intake decoding benchmark: the service's intake decoder (`decodeIntake`: the fast checker compiled
 * from the schema, the schema's decoder when it is not sure) against the schema's own decoding
 * (`Decode.either(Appeal.Intake)`) in the same process, on `Sample.intake` and on the intake
 * `bench:http` submits. Both give the same value (IntakeFastPath.test.ts).
 *
 * Run: `npx tsx scripts/bench.ts intake`
 */
import { Either } from "effect"
import { Appeal, Decode, Sample } from "../src/index.js"
import { decodeIntake } from "../src/internal/service/intake.js"
import { compare } from "../../../scripts/benchkit.js"
import { httpBenchIntake as httpIntake } from "../test/support/intakes.js"

const schema = Decode.either(Appeal.Intake, "Appeal")
for (const [name, input] of [["Sample.intake", Sample.intake], ["the bench:http intake", httpIntake]] as const) {
  if (JSON.stringify(decodeIntake(input)) !== JSON.stringify(schema(input)) || Either.isLeft(schema(input))) throw new Error(`${name}: the decoders differ`)
  const batch = (decode: (u: unknown) => unknown) => () => {
    for (let i = 0; i < 100; i++) decode(input)
    return 100
  }
  compare(`Intake decoding, ${name}`, { name: "Decode.either(Appeal.Intake)", run: batch(schema) }, { name: "decodeIntake (fast path)", run: batch(decodeIntake) })
}
