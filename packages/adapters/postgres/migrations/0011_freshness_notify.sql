-- Murojaat storage, version 11: a notification when the calendar or the directory changes (issue
-- 12). Every instance keeps the calendar and directory it compiled and, on each request, reads
-- their freshness stamps (one statement) to see whether another instance loaded a decree or
-- replaced the directory since. With these triggers an instance that LISTENs on
-- `murojaat_freshness` reads the stamps only after a notification (or a reconnect) instead.
--
-- Statement-level, so a statement that changes nothing still notifies (a spurious re-read, never
-- a missed change), and TRUNCATE is covered. NOTIFY is transactional: listeners get it at commit,
-- after the change is visible, and never for a rolled-back one; the same payload sent twice in one
-- transaction is delivered once. The payload is the table's name; no data of the row.
CREATE FUNCTION murojaat.notify_freshness() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('murojaat_freshness', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER calendar_freshness AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON murojaat.calendar
  FOR EACH STATEMENT EXECUTE FUNCTION murojaat.notify_freshness();
CREATE TRIGGER directory_freshness AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON murojaat.directory
  FOR EACH STATEMENT EXECUTE FUNCTION murojaat.notify_freshness();
