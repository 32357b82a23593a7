-- Murojaat storage, version 6: the record of what the background workers of @murojaat/rabbitmq
-- sent once: applicant notices (`notice:<event id>`) and deadline warnings
-- (`warning:<appeal>:<clock>:<due>:<threshold>`). A worker claims a row with a lease before it
-- sends, marks it sent after; a dead worker's claim runs out and another sends again (the id goes
-- with the message, so receivers deduplicate). Ids, codes and states only: no addresses, no texts.

CREATE TABLE murojaat.delivery (
  id            text COLLATE "C" PRIMARY KEY,
  appeal_id     text COLLATE "C" NOT NULL,
  kind          text NOT NULL,                    -- notice kind, or "warning"
  channel       text NOT NULL,                    -- smtp, webhook, broker, ...
  status        text NOT NULL CHECK (status IN ('sending', 'sent', 'skipped', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  claimed_until bigint,                           -- epoch ms; a 'sending' row whose lease ran out is claimable
  last_error    text,                             -- a code ("SMTP 550", "HTTP 503", "timeout"), never an address
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_appeal_idx ON murojaat.delivery (appeal_id);
CREATE INDEX delivery_pending_idx ON murojaat.delivery (claimed_until) WHERE status = 'sending';

-- Whoever may use the outbox may record deliveries (the application role): copy its grants,
-- whatever the roles are called in this installation.
DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT a.grantee::regrole::text AS grantee, a.privilege_type
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = 'murojaat.outbox'::regclass AND a.grantee <> c.relowner AND a.grantee <> 0
      AND a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE')
  LOOP
    EXECUTE format('GRANT %s ON murojaat.delivery TO %s', g.privilege_type, g.grantee);
  END LOOP;
END $$;
