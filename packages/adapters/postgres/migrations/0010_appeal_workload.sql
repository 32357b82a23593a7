-- Murojaat storage, version 10: workload counts kept by the database (issue 12). Automatic
-- assignment reads, on every submission, how many appeals each officer of a district holds by
-- priority and status (`AppealStore.workload`). Counted from murojaat.appeal that cost grew with
-- the district's appeals (0.8 ms of server CPU at 2,400); here it is one row per (district,
-- officer, priority, status), kept by statement triggers on murojaat.appeal, so a read costs
-- officers x priorities x statuses.
--
-- Counted: the rows with a district and an assignee (the only ones a workload can ask for).
-- `priority` is '' for none: key columns cannot be NULL (NULLS NOT DISTINCT needs PostgreSQL 15,
-- the adapter supports 13), and no `Appeal.Priority` is ''.
--
-- Rows that fall to 0 are kept, not deleted: the key space is small (officers x 4 priorities x
-- statuses), a hot key then never flips between delete and insert, and a count is only ever
-- changed by an upsert, which under READ COMMITTED waits for a concurrent writer of the same row
-- and adds to the value it committed (no increment lost). Readers skip zeros.
--
-- Lock order (no deadlock): each statement applies its net changes in one upsert sorted by key,
-- after the statement has written (and locked) its appeal rows. A commit of several appeals
-- (several statements, one transaction) first locks its appeal rows in id order and then every
-- count row it will change in key order (PgStore `committed`), so every writer takes appeal rows
-- before count rows, each kind in one global order.

CREATE TABLE murojaat.appeal_workload (
  district_code text COLLATE "C" NOT NULL,
  assignee_id   text COLLATE "C" NOT NULL,
  priority      text COLLATE "C" NOT NULL,   -- '' for none
  status        text COLLATE "C" NOT NULL,
  appeals       integer NOT NULL,         -- never below 0 (count_workload refuses it)
  PRIMARY KEY (district_code, assignee_id, priority, status)
);

-- Net change per key of one statement, applied in key order (bytewise, COLLATE "C": the order
-- PgStore's lock of a multi-appeal commit uses). A key whose count would go below 0
-- (an appeal leaving a key it was never counted in) refuses the statement (check_violation): the
-- counts would be wrong, and the table must not drift silently. Not a CHECK on the column: the
-- upsert's proposed row carries the negative change itself, and a CHECK refuses it before the
-- conflict turns it into an addition.
CREATE FUNCTION murojaat.count_workload() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE below integer := 0;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM murojaat.appeal_workload;
  ELSIF TG_OP = 'INSERT' THEN
    WITH up AS (INSERT INTO murojaat.appeal_workload AS w (district_code, assignee_id, priority, status, appeals)
    SELECT district_code COLLATE "C", assignee_id COLLATE "C", coalesce(priority, '') COLLATE "C", status COLLATE "C", count(*)::int
    FROM new_rows WHERE district_code IS NOT NULL AND assignee_id IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (district_code, assignee_id, priority, status) DO UPDATE SET appeals = w.appeals + excluded.appeals
    RETURNING appeals)
    SELECT count(*) FROM up WHERE appeals < 0 INTO below;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH up AS (INSERT INTO murojaat.appeal_workload AS w (district_code, assignee_id, priority, status, appeals)
    SELECT district_code, assignee_id, priority, status, sum(delta)::int
    FROM (
      SELECT district_code COLLATE "C" AS district_code, assignee_id COLLATE "C" AS assignee_id, coalesce(priority, '') COLLATE "C" AS priority, status COLLATE "C" AS status, 1 AS delta
      FROM new_rows WHERE district_code IS NOT NULL AND assignee_id IS NOT NULL
      UNION ALL
      SELECT district_code COLLATE "C", assignee_id COLLATE "C", coalesce(priority, '') COLLATE "C", status COLLATE "C", -1
      FROM old_rows WHERE district_code IS NOT NULL AND assignee_id IS NOT NULL
    ) d
    GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (district_code, assignee_id, priority, status) DO UPDATE SET appeals = w.appeals + excluded.appeals
    RETURNING appeals)
    SELECT count(*) FROM up WHERE appeals < 0 INTO below;
  ELSE
    WITH up AS (INSERT INTO murojaat.appeal_workload AS w (district_code, assignee_id, priority, status, appeals)
    SELECT district_code COLLATE "C", assignee_id COLLATE "C", coalesce(priority, '') COLLATE "C", status COLLATE "C", -count(*)::int
    FROM old_rows WHERE district_code IS NOT NULL AND assignee_id IS NOT NULL
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (district_code, assignee_id, priority, status) DO UPDATE SET appeals = w.appeals + excluded.appeals
    RETURNING appeals)
    SELECT count(*) FROM up WHERE appeals < 0 INTO below;
  END IF;
  IF below > 0 THEN
    RAISE EXCEPTION 'murojaat.appeal_workload: % count(s) would fall below 0', below
      USING ERRCODE = 'check_violation', HINT = 'The counts drifted from murojaat.appeal; rebuild them (docs/operations.md).';
  END IF;
  RETURN NULL;
END;
$$;

-- Before the triggers and the first count: no commit may change murojaat.appeal between the
-- count and the first trigger (the lock is held to the end of the migration's transaction).
LOCK TABLE murojaat.appeal IN SHARE ROW EXCLUSIVE MODE;

CREATE TRIGGER appeal_workload_insert AFTER INSERT ON murojaat.appeal
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION murojaat.count_workload();
CREATE TRIGGER appeal_workload_update AFTER UPDATE ON murojaat.appeal
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION murojaat.count_workload();
CREATE TRIGGER appeal_workload_delete AFTER DELETE ON murojaat.appeal
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION murojaat.count_workload();
CREATE TRIGGER appeal_workload_truncate AFTER TRUNCATE ON murojaat.appeal
  FOR EACH STATEMENT EXECUTE FUNCTION murojaat.count_workload();

INSERT INTO murojaat.appeal_workload (district_code, assignee_id, priority, status, appeals)
SELECT district_code, assignee_id, coalesce(priority, ''), status, count(*)::int
FROM murojaat.appeal WHERE district_code IS NOT NULL AND assignee_id IS NOT NULL
GROUP BY 1, 2, 3, 4;

-- Whoever may write the projection keeps the counts (the triggers run as the committing role):
-- copy the projection's grants, as migration 0007 does (Roles.privileges lists the table too).
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT DISTINCT a.grantee::regrole::text AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = 'murojaat.appeal'::regclass AND a.grantee <> c.relowner AND a.grantee <> 0 AND a.privilege_type = 'INSERT'
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON murojaat.appeal_workload TO %s', g.grantee);
  END LOOP;
END $$;
