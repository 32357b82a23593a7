-- Murojaat storage, version 4: the personal-data record of free texts. Reasons, notes, comments
-- and answers written by people may name people (ZRU-547): they are kept here, one row per event
-- that has any, and the event keeps only their digest (`textDigest`), so erasing the row (with the
-- appeal's personal data, `AppealStore.erasePersonal`) leaves the chain verifiable.

CREATE TABLE murojaat.appeal_text (
  appeal_id text COLLATE "C" NOT NULL,
  seq       integer          NOT NULL,
  texts     json             NOT NULL,   -- Event.Texts: field name -> text, of event `seq`
  stored_at timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (appeal_id, seq),
  -- A text always belongs to a stored event (events are never deleted, so this never blocks erasure).
  FOREIGN KEY (appeal_id, seq) REFERENCES murojaat.appeal_event (appeal_id, seq)
);

-- Whoever may use the appeal's personal data may use its texts: copy that table's grants, whatever
-- the roles are called in this installation.
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT a.grantee::regrole::text AS grantee, a.privilege_type
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = 'murojaat.appeal_personal'::regclass AND a.grantee <> c.relowner AND a.grantee <> 0
  LOOP
    EXECUTE format('GRANT %s ON murojaat.appeal_text TO %s', g.privilege_type, g.grantee);
  END LOOP;
END $$;
