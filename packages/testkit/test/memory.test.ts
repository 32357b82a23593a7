// The in-memory adapters of @murojaat/core run the whole conformance kit; the raw reader reads
// the memory behind the ports (AppealStore.layerMemoryInspectable).
import { Analytics, AppealStore, DirectoryStore, IdGenerator } from "@murojaat/core"
import { Conformance, RawReader } from "@murojaat/testkit"
import { Effect, Layer } from "effect"

type Mutable = Map<string, ReadonlyArray<unknown>>

const raw = Layer.effect(
  RawReader.RawReader,
  Effect.map(
    AppealStore.MemoryInspector,
    (m): RawReader.Service => ({
      state: (id) => Effect.sync(() => m.states.get(id)),
      events: (id) => Effect.sync(() => m.events.get(id) ?? []),
      personal: (id) => Effect.sync(() => m.personal.get(id)),
      texts: (id) => Effect.sync(() => m.texts.get(id) ?? []),
      everything: Effect.sync(() => JSON.stringify(Object.entries(m).map(([name, v]) => [name, v instanceof Map ? [...v.entries()] : v]))),
      outbox: (id) =>
        Effect.sync(() =>
          [...m.outbox.values()]
            .filter((r) => r.appealId === id)
            .map((r) => ({ id: r.id, appealId: r.appealId, seq: r.seq, topic: r.topic, payload: r.payload, attempts: r.attempts, published: r.state === "published" }))
        ),
      idempotency: (key) => Effect.sync(() => m.idempotency.get(key)),
      // Process memory has no guard to bypass: the test edits the stored array in place.
      tamperEvent: (id, seq, edit) =>
        Effect.sync(() => {
          const events = m.events.get(id) ?? []
          ;(m.events as Mutable).set(id, events.map((e) => (e.seq === seq ? edit({ ...e }) : e)))
        })
    })
  )
)

Conformance.run({
  name: "in-memory (core)",
  // The analytics derive their facts from the store through its port (Analytics.layerFromStore).
  layer: Layer.provideMerge(
    Layer.merge(raw, Analytics.layerFromStore()),
    Layer.mergeAll(AppealStore.layerMemoryInspectable(), IdGenerator.layerMemory(), DirectoryStore.layerMemory())
  ),
  capabilities: { appendOnlyEnforced: false, tamper: true },
  reasons: { appendOnlyEnforced: "events live in process memory; there is no write path besides commit to refuse" },
  numRuns: 30
})
