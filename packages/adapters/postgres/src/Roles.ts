/**
 * The two database roles Murojaat runs with. The OWNER owns the schema and runs the migrations;
 * the APPLICATION role is what the service's ports connect as, and holds only what the service
 * needs: events are inserted and read, never updated or deleted (the append-only trigger is the
 * second guard, for the owner); no DDL, so it cannot disable the trigger; not a superuser, so it
 * cannot `SET session_replication_role = replica` to silence triggers. See docs/operations.md
 * ("Database roles") for a server; `Embedded` sets both up by itself.
 *
 * @example
 * import { Roles } from "@murojaat/postgres"
 * Roles.privileges.appeal_event // ["SELECT", "INSERT"]
 */
import { SqlClient } from "@effect/sql"
import type { Errors } from "@murojaat/core"
import { Effect } from "effect"
import { orStoreError } from "./internal/errors.js"

/** The owner role of the embedded server. */
export const owner = "murojaat_owner"

/** The application role of the embedded server. */
export const app = "murojaat_app"

/**
 * What the application role may do on each table of the schema `murojaat` (tables a later
 * migration adds get nothing until listed here). UPDATE where the service upserts; DELETE only
 * for erasure (`appeal_personal`, `appeal_text`), outbox pruning and directory replacement.
 *
 * @example
 * import { Roles } from "@murojaat/postgres"
 * Roles.privileges.appeal_personal.includes("DELETE") // true
 */
export const privileges: Readonly<Record<string, ReadonlyArray<"SELECT" | "INSERT" | "UPDATE" | "DELETE">>> = {
  schema_migration: ["SELECT"],
  appeal_event: ["SELECT", "INSERT"],
  appeal: ["SELECT", "INSERT", "UPDATE"],
  appeal_personal: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  appeal_text: ["SELECT", "INSERT", "DELETE"],
  outbox: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  idempotency: ["SELECT", "INSERT"],
  registration_counter: ["SELECT", "INSERT", "UPDATE"],
  directory: ["SELECT", "INSERT", "UPDATE"],
  directory_officer: ["SELECT", "INSERT", "DELETE"],
  calendar: ["SELECT", "INSERT", "UPDATE"],
  // @murojaat/rabbitmq's record of notices and warnings sent (migration 0006).
  delivery: ["SELECT", "INSERT", "UPDATE"],
  // Prevention analytics (migration 0007): the facts read model the refresh writes; the commit's trigger marks appeals.
  appeal_fact: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  analytics_dirty: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  analytics_hotspot_month: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  analytics_unit_month: ["SELECT", "INSERT", "UPDATE", "DELETE"],
  // Workload counts (migration 0010): kept by the projection's triggers, as the committing role.
  appeal_workload: ["SELECT", "INSERT", "UPDATE"]
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain role name: ${name}`)
  return name
}

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`

/**
 * The SQL that gives the application role exactly `privileges` (run by the owner after each
 * migration; it first takes back whatever the role had on the schema's tables).
 *
 * @example
 * import { Roles } from "@murojaat/postgres"
 * Roles.grantsSql("murojaat_app").includes("GRANT SELECT, INSERT ON murojaat.appeal_event TO murojaat_app") // true
 */
export const grantsSql = (role: string): string => {
  const r = ident(role)
  const grants = Object.entries(privileges).map(
    ([table, privs]) => `  IF to_regclass('murojaat.${table}') IS NOT NULL THEN EXECUTE 'GRANT ${privs.join(", ")} ON murojaat.${table} TO ${r}'; END IF;`
  )
  return [
    `GRANT USAGE ON SCHEMA murojaat TO ${r};`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA murojaat FROM ${r};`,
    "DO $$ BEGIN",
    ...grants,
    "END $$;",
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA murojaat TO ${r};`
  ].join("\n")
}

/**
 * Gives the application role its privileges, as the owner (in one transaction).
 *
 * @example
 * import { Roles } from "@murojaat/postgres"
 * const program = Roles.grant("murojaat_app") // Effect<void, StoreError, SqlClient>
 */
export const grant = (role: string): Effect.Effect<void, Errors.StoreError, SqlClient.SqlClient> =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => sql.withTransaction(sql.unsafe(grantsSql(role)))).pipe(Effect.asVoid, orStoreError("Roles"))

/**
 * The statements a superuser runs to make (or update) the two roles: login roles without any
 * special attribute, the owner allowed to create the schema in the current database. Objects of
 * the schema made by someone else (a data folder from before the roles) pass to the owner.
 *
 * @example
 * import { Roles } from "@murojaat/postgres"
 * Roles.setup({ owner: "murojaat_owner", ownerPassword: "x", app: "murojaat_app", appPassword: "y" }).length > 0 // true
 */
export const setup = (r: { readonly owner: string; readonly ownerPassword: string; readonly app: string; readonly appPassword: string }): ReadonlyArray<string> => {
  const o = ident(r.owner)
  const a = ident(r.app)
  const plain = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
  return [
    `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${o}') THEN CREATE ROLE ${o}; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${a}') THEN CREATE ROLE ${a}; END IF;
    END $$`,
    `ALTER ROLE ${o} WITH ${plain} PASSWORD ${literal(r.ownerPassword)}`,
    `ALTER ROLE ${a} WITH ${plain} NOINHERIT PASSWORD ${literal(r.appPassword)}`,
    `DO $$ BEGIN
      EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO ${o}', current_database());
      EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${a}', current_database());
      EXECUTE format('REVOKE CREATE ON DATABASE %I FROM PUBLIC', current_database());
    END $$`,
    "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    `DO $$ DECLARE x record; BEGIN
      IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'murojaat' AND nspowner <> '${o}'::regrole) THEN
        ALTER SCHEMA murojaat OWNER TO ${o};
      END IF;
      FOR x IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'murojaat' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> '${o}'::regrole
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
      LOOP
        EXECUTE format('ALTER %s murojaat.%I OWNER TO ${o}',
          CASE x.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, x.relname);
      END LOOP;
      FOR x IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'murojaat' AND p.proowner <> '${o}'::regrole
      LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO ${o}', x.f);
      END LOOP;
    END $$`
  ]
}
