/**
 * The JSON Schema files of the RabbitMQ messages (packages/adapters/rabbitmq/schemas/), generated
 * from their Effect schemas (`Messages.all`, `JSONSchema.make`); `pnpm docs:check` fails when one
 * is stale. docs/integration.md explains them.
 */
import type { Doc } from "../docs.js"
import * as Messages from "../../packages/adapters/rabbitmq/src/Messages.js"

export default Messages.all().map(
  (m): Doc => ({
    file: `packages/adapters/rabbitmq/schemas/${m.name}.json`,
    render: () => JSON.stringify(Messages.jsonSchema(m.schema), null, 2)
  })
)
