/**
 * The hand-written baseline of `pnpm bench:http`: node:http and pg, nothing else. POST /appeals
 * reads the JSON body and inserts, in one transaction, the rows a submission writes (the idempotency
 * record, the appeal, its three events, its personal record and three outbox messages), with the
 * sizes of the service's own rows (`BENCH_SAMPLE`, a JSON file the bench writes from a real
 * submission). No decoding, no rules, no hashing: the floor of what an endpoint that stores the
 * same data costs. Prints `listening <port>` when ready.
 */
import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import pg from "pg"

const sample = JSON.parse(readFileSync(process.env["BENCH_SAMPLE"]!, "utf8")) as {
  readonly state: Record<string, unknown>
  readonly events: ReadonlyArray<Record<string, unknown>>
  readonly personal: unknown
  readonly response: unknown
}
const pool = new pg.Pool({ connectionString: process.env["DATABASE_URL"], max: Number(process.env["BENCH_CONNECTIONS"] ?? 10) })

const insert = async (body: Record<string, unknown>, key: string): Promise<string> => {
  const client = await pool.connect()
  try {
    await client.query("BEGIN")
    const { rows } = await client.query<{ n: string }>("SELECT nextval('murojaat.appeal_id_seq') AS n")
    const id = `B-${rows[0]!.n.padStart(6, "0")}`
    const now = new Date().toISOString()
    const state = { ...sample.state, appealId: id, receivedAt: now }
    await client.query("INSERT INTO murojaat.idempotency (key, fingerprint, response) VALUES ($1, $2, $3)", [`baseline:${key}`, "f", JSON.stringify(sample.response)])
    await client.query(
      `INSERT INTO murojaat.appeal (appeal_id, version, last_hash, status, kind, region_code, district_code, mahalla_code, applicant_ref, received_at, updated_at, due_at, is_open, state)
       VALUES ($1, 3, $2, 'triaged', $3, '1726', '1726262', $4, $5, $6, $6, $6, true, $7)`,
      [id, "0".repeat(64), body["kind"], (body["location"] as { mahallaCode: string }).mahallaCode, body["applicantRef"], now, JSON.stringify(state)]
    )
    await client.query(
      "INSERT INTO murojaat.appeal_event (appeal_id, seq, event_id, type, prev_hash, hash, body) VALUES ($1, 1, $2, 'received', $3, $3, $4), ($1, 2, $5, 'registered', $3, $3, $6), ($1, 3, $7, 'triaged', $3, $3, $8)",
      [id, `${id}#1`, "0".repeat(64), JSON.stringify(sample.events[0]), `${id}#2`, JSON.stringify(sample.events[1]), `${id}#3`, JSON.stringify(sample.events[2])]
    )
    await client.query("INSERT INTO murojaat.appeal_personal (appeal_id, data, contact_phone) VALUES ($1, $2, $3)", [id, JSON.stringify(body["applicant"] ?? sample.personal), "998901112233"])
    await client.query(
      "INSERT INTO murojaat.outbox (id, appeal_id, seq, topic, payload) VALUES ($2, $1, 1, 'appeal.received', $3), ($4, $1, 2, 'appeal.registered', $5), ($6, $1, 3, 'appeal.triaged', $7)",
      [id, `${id}#1`, JSON.stringify(sample.events[0]), `${id}#2`, JSON.stringify(sample.events[1]), `${id}#3`, JSON.stringify(sample.events[2])]
    )
    await client.query("COMMIT")
    return id
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

const server = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/appeals") {
    res.writeHead(404).end()
    return
  }
  const chunks: Array<Buffer> = []
  req.on("data", (c: Buffer) => chunks.push(c))
  req.on("end", () => {
    let body: Record<string, unknown>
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>
    } catch {
      res.writeHead(400).end()
      return
    }
    insert(body, String(req.headers["idempotency-key"] ?? Math.random())).then(
      (id) => {
        res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ appealId: id }))
      },
      () => res.writeHead(500).end()
    )
  })
})
server.listen(0, "127.0.0.1", () => {
  const address = server.address()
  process.stdout.write(`listening ${typeof address === "object" && address !== null ? address.port : 0}\n`)
})
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))))
