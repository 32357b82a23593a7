-- Murojaat storage, version 1: the appeal event log, its projection, personal data, outbox,
-- idempotency records, id counters and the directory. Forward-only: never edit a migration that
-- has shipped; add the next numbered file instead (the runner refuses a changed checksum).
--
-- Everything lives in the schema "murojaat". Documents (events, states, personal data, payloads)
-- are stored as `json`, not `jsonb`: `json` keeps the exact text written, so a stored event
-- re-reads byte-for-byte and accepts every string JSON can carry (jsonb refuses "\u0000"). The
-- columns beside the documents are copies of their fields, written by the adapter in the same
-- statement, for indexes and constraints.

CREATE SCHEMA IF NOT EXISTS murojaat;

-- ---------------------------------------------------------------------------------------------
-- Events: append-only, one hash chain per appeal (seq 1, 2, 3...; prev_hash = hash of seq-1).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE murojaat.appeal_event (
  appeal_id   text COLLATE "C" NOT NULL,
  seq         integer          NOT NULL CHECK (seq >= 1),
  event_id    text             NOT NULL,   -- appealId#seq (Audit.seal)
  type        text             NOT NULL,
  prev_hash   char(64)         NOT NULL,
  hash        char(64)         NOT NULL,
  body        json             NOT NULL,   -- the whole event, exactly as sealed (Audit.seal)
  recorded_at timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (appeal_id, seq)              -- history of an appeal, and no two events per seq
);

-- The law treats the log as a record: once written, an event is never changed or removed, not
-- even by the application's own role. Only a superuser who disables this trigger can, and the
-- hash chain then shows it (`murojaat verify-db`).
CREATE FUNCTION murojaat.refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'murojaat.appeal_event is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Appeal events are legal records; record a new event instead.';
END;
$$;

CREATE TRIGGER appeal_event_append_only
  BEFORE UPDATE OR DELETE ON murojaat.appeal_event
  FOR EACH ROW EXECUTE FUNCTION murojaat.refuse_event_change();

CREATE TRIGGER appeal_event_no_truncate
  BEFORE TRUNCATE ON murojaat.appeal_event
  FOR EACH STATEMENT EXECUTE FUNCTION murojaat.refuse_event_change();

-- ---------------------------------------------------------------------------------------------
-- Projection: one row per appeal, the state `Lifecycle.replay(events)` gives. `version` is the
-- seq of the last event: a writer updates the row only if the version it decided on is still
-- there (optimistic concurrency), so two instances never both append after the same event.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE murojaat.appeal (
  appeal_id           text COLLATE "C" PRIMARY KEY,
  version             integer     NOT NULL CHECK (version >= 0),
  last_hash           char(64)    NOT NULL,
  status              text        NOT NULL,
  kind                text,
  region_code         text,
  district_code       text,
  mahalla_code        text,
  applicant_ref       text,
  assignee_id         text,
  category            text,
  priority            text,
  registration_number text,
  received_at         timestamptz,
  -- When the running legal clock falls due (the nearest deadline); NULL while none is known.
  due_at              timestamptz,
  updated_at          timestamptz,
  is_open             boolean     NOT NULL,  -- status is one in which the legal clocks run
  state               json        NOT NULL   -- the whole AppealState
);

-- Keyset listing by filter, ordered by appeal id (AppealStore.query).
CREATE INDEX appeal_district_idx   ON murojaat.appeal (district_code, appeal_id);
CREATE INDEX appeal_mahalla_idx    ON murojaat.appeal (mahalla_code, appeal_id);
CREATE INDEX appeal_assignee_idx   ON murojaat.appeal (assignee_id, appeal_id);
CREATE INDEX appeal_applicant_idx  ON murojaat.appeal (applicant_ref, appeal_id) WHERE applicant_ref IS NOT NULL;
CREATE INDEX appeal_status_idx     ON murojaat.appeal (status, category, appeal_id);
CREATE INDEX appeal_category_idx   ON murojaat.appeal (category, appeal_id) WHERE category IS NOT NULL;
CREATE INDEX appeal_registration_idx ON murojaat.appeal (registration_number) WHERE registration_number IS NOT NULL;

-- An inspector's worklist: his open appeals, the one falling due first on top; appeals without a
-- due time last (NULLS LAST, expressed as 'infinity' so a keyset cursor can compare it).
CREATE INDEX appeal_worklist_idx ON murojaat.appeal (assignee_id, (coalesce(due_at, 'infinity'::timestamptz)), appeal_id)
  WHERE is_open;

-- A chief's overdue and soon-due lists, per district and per mahalla.
CREATE INDEX appeal_due_district_idx ON murojaat.appeal (district_code, due_at, appeal_id) WHERE is_open AND due_at IS NOT NULL;
CREATE INDEX appeal_due_mahalla_idx  ON murojaat.appeal (mahalla_code, due_at, appeal_id)  WHERE is_open AND due_at IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Personal data, kept apart from the log so it can be erased when retention ends (ZRU-547
-- Art. 27) while the chain, which carries only its digest, stays verifiable.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE murojaat.appeal_personal (
  appeal_id     text COLLATE "C" PRIMARY KEY REFERENCES murojaat.appeal (appeal_id),
  data          json NOT NULL,          -- Appeal.Personal
  contact_phone text,                   -- digits only, for search by contact
  contact_email text,                   -- lower case
  stored_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeal_personal_phone_idx ON murojaat.appeal_personal (contact_phone) WHERE contact_phone IS NOT NULL;
CREATE INDEX appeal_personal_email_idx ON murojaat.appeal_personal (contact_email) WHERE contact_email IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Transactional outbox: written in the commit of the events it announces; relays claim rows
-- with FOR UPDATE SKIP LOCKED and a lease (epoch ms, given by the caller's clock).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE murojaat.outbox (
  position      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- oldest first
  id            text COLLATE "C" NOT NULL UNIQUE,                 -- appealId#seq
  appeal_id     text COLLATE "C" NOT NULL,
  seq           integer NOT NULL,
  topic         text NOT NULL,
  payload       json NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  claimed_until bigint,                                           -- NULL: not claimed
  published_at  timestamptz,                                      -- NULL: not yet published
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_unpublished_idx ON murojaat.outbox (position) WHERE published_at IS NULL;

-- ---------------------------------------------------------------------------------------------
-- Idempotency records: the first answer to a request key, written in the request's commit.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE murojaat.idempotency (
  key         text PRIMARY KEY,
  fingerprint text NOT NULL,
  response    json NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Ids: appeal ids from a sequence; registration numbers per district and Tashkent year.
-- ---------------------------------------------------------------------------------------------
CREATE SEQUENCE murojaat.appeal_id_seq;

CREATE TABLE murojaat.registration_counter (
  district_code text    NOT NULL,
  year          integer NOT NULL,
  last_number   integer NOT NULL,
  PRIMARY KEY (district_code, year)
);

-- ---------------------------------------------------------------------------------------------
-- Directory: the current snapshot (regions, districts, mahallas, officers), one row.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE murojaat.directory (
  id          smallint PRIMARY KEY CHECK (id = 1),
  snapshot    json NOT NULL,
  replaced_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE murojaat.directory_officer (
  officer_id text PRIMARY KEY,
  officer    json NOT NULL
);
