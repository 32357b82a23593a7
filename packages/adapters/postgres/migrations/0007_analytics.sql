-- Murojaat storage, version 7: prevention analytics (issue 16). One narrow row per appeal, its
-- analytics fact (`AppealFact.Fact`), computed by the core from the appeal's state, events and
-- personal data (`PgAnalytics.refresh`), summarised by month, and aggregated here in SQL
-- (`PgAnalytics`: hotspots, unit ratings, repeat signals). The facts are a read model: every change to an appeal, and every
-- erasure of its personal data, marks it in `analytics_dirty` (a trigger, so no writer can forget),
-- and the next refresh recomputes exactly those. Codes, flags, times and counts only, plus two
-- linking keys that are personal data (`applicant_ref`, `address_key`, a digest): they leave the
-- database only for readers who may see personal data, and the refresh after an erasure clears them.

CREATE TABLE murojaat.appeal_fact (
  -- No foreign key to murojaat.appeal: a read model, written only by the refresh for appeals it
  -- read; appeals are never deleted, and the bulk loads of reports and benchmarks need none.
  appeal_id     text COLLATE "C" PRIMARY KEY,
  version       integer     NOT NULL,
  region_code   text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  mahalla_code  text COLLATE "C" NOT NULL,
  kind          text        NOT NULL,
  category      text COLLATE "C" NOT NULL,
  flags         text[]      NOT NULL,
  status        text        NOT NULL,
  received_at   timestamptz NOT NULL,   -- the true date of receipt: the period an appeal counts in
  counted       boolean     NOT NULL,   -- false for a merged duplicate
  registered    boolean     NOT NULL,
  outcome       text,
  assignee_id   text COLLATE "C",
  rating        smallint,
  repeat_of     text COLLATE "C",
  repeated      boolean GENERATED ALWAYS AS (repeat_of IS NOT NULL) STORED,
  violated      boolean     NOT NULL,   -- a legal clock violated when computed
  due_at        timestamptz,            -- nearest due time of the clocks still running then
  applicant_ref text COLLATE "C",       -- personal data (a link between appeals)
  address_key   text COLLATE "C",       -- personal data (a digest of mahalla and address)
  measures      text[]      NOT NULL,
  order_until   timestamptz,
  computed_at   timestamptz NOT NULL
);

-- Reports over whole Tashkent months (months, quarters, years: what the CLI and the HTTP API ask)
-- read two monthly summaries, rebuilt by the refresh for the mahalla-months it touched: the
-- counted appeals per mahalla, month and category (hotspots), and per mahalla, month and assigned
-- officer ('' for none) with the indicators of Cabinet resolution No. 40 (ratings).
CREATE TABLE murojaat.analytics_hotspot_month (
  mahalla_code  text COLLATE "C" NOT NULL,
  month         date NOT NULL,                 -- first day of the Tashkent month of receipt
  category      text COLLATE "C" NOT NULL,
  region_code   text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  appeals       integer NOT NULL,
  PRIMARY KEY (mahalla_code, month, category)
);
CREATE INDEX analytics_hotspot_month_district_idx ON murojaat.analytics_hotspot_month (district_code, month) INCLUDE (mahalla_code, category, appeals);
CREATE INDEX analytics_hotspot_month_region_idx ON murojaat.analytics_hotspot_month (region_code, month) INCLUDE (district_code, mahalla_code, category, appeals);

CREATE TABLE murojaat.analytics_unit_month (
  mahalla_code  text COLLATE "C" NOT NULL,
  month         date NOT NULL,
  assignee_id   text COLLATE "C" NOT NULL,     -- '' when not assigned
  region_code   text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  registered    integer NOT NULL,
  answered      integer NOT NULL,
  satisfied     integer NOT NULL,
  explained     integer NOT NULL,
  rejected      integer NOT NULL,
  violated      integer NOT NULL,              -- violated when the fact was computed
  repeated      integer NOT NULL,
  rated         integer NOT NULL,
  rating_sum    integer NOT NULL,
  PRIMARY KEY (mahalla_code, month, assignee_id)
);
CREATE INDEX analytics_unit_month_district_idx ON murojaat.analytics_unit_month (district_code, month);
CREATE INDEX analytics_unit_month_region_idx ON murojaat.analytics_unit_month (region_code, month);

-- Other periods (days, weeks, any instants) read the facts: a district's through one index,
-- without the table; a region's with a parallel scan of the table.
CREATE INDEX appeal_fact_district_idx ON murojaat.appeal_fact (district_code, received_at)
  INCLUDE (mahalla_code, category, counted, registered, outcome, assignee_id, rating, repeated, violated, due_at);
-- An inspector's mahallas, and the rebuild of a mahalla-month's summaries.
CREATE INDEX appeal_fact_mahalla_idx ON murojaat.appeal_fact (mahalla_code, received_at);
-- The clocks still running when their fact was computed: a summary cannot know whether they fell
-- due before a report's instant, so the ratings count those few from here.
CREATE INDEX appeal_fact_pending_district_idx ON murojaat.appeal_fact (district_code, received_at) INCLUDE (mahalla_code, assignee_id, due_at)
  WHERE counted AND NOT violated AND due_at IS NOT NULL;
CREATE INDEX appeal_fact_pending_region_idx ON murojaat.appeal_fact (region_code, received_at) INCLUDE (district_code, mahalla_code, assignee_id, due_at)
  WHERE counted AND NOT violated AND due_at IS NOT NULL;

-- The appeals whose fact is out of date.
CREATE TABLE murojaat.analytics_dirty (
  appeal_id text COLLATE "C" PRIMARY KEY,
  marked_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION murojaat.mark_analytics_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO murojaat.analytics_dirty (appeal_id)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.appeal_id ELSE NEW.appeal_id END)
  ON CONFLICT (appeal_id) DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER appeal_analytics_dirty
  AFTER INSERT OR UPDATE ON murojaat.appeal
  FOR EACH ROW EXECUTE FUNCTION murojaat.mark_analytics_dirty();

-- Erasing an appeal's personal data must also clear its address key.
CREATE TRIGGER appeal_personal_analytics_dirty
  AFTER DELETE ON murojaat.appeal_personal
  FOR EACH ROW EXECUTE FUNCTION murojaat.mark_analytics_dirty();

-- The appeals stored before this version get their facts at the first refresh.
INSERT INTO murojaat.analytics_dirty (appeal_id) SELECT appeal_id FROM murojaat.appeal;

-- Whoever may write the projection writes the facts and the marks (the commit's trigger inserts
-- marks as the committing role): copy the projection's grants, whatever the roles are called here.
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT DISTINCT a.grantee::regrole::text AS grantee
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = 'murojaat.appeal'::regclass AND a.grantee <> c.relowner AND a.grantee <> 0 AND a.privilege_type = 'INSERT'
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON murojaat.appeal_fact TO %s', g.grantee);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON murojaat.analytics_hotspot_month TO %s', g.grantee);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON murojaat.analytics_unit_month TO %s', g.grantee);
    -- UPDATE because a refresh claims marks with SELECT ... FOR UPDATE SKIP LOCKED.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON murojaat.analytics_dirty TO %s', g.grantee);
  END LOOP;
END $$;
