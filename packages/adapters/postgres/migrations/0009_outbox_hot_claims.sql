-- Murojaat storage, version 9: room on each outbox page for the claim's new row version.
-- A claim rewrites its rows (claimed_until, attempts) and changes no indexed column, so PostgreSQL
-- can keep the new version on the same page without touching the table's three indexes (a "HOT"
-- update) when the page has room for it. Filled to 100%, pages had none: every claimed row added
-- an entry to each index, and the claim was most of the relay's cost in the database. Half-full
-- pages let most claims stay on their page (claims and marks of 20,000 messages in batches of 500:
-- 310 to 360 ms of server CPU instead of 470 to 620 ms; docs/performance.md). Only pages written
-- from now on keep the room; published rows are pruned by operators (docs/operations.md), so the
-- table turns over to the new layout.
ALTER TABLE murojaat.outbox SET (fillfactor = 50);
