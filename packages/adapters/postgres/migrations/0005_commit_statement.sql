-- Murojaat storage, version 5: a commit of one appeal is one statement, so one round trip.
-- Its parts (idempotency record, projection row, events, texts, personal data, outbox) are
-- data-modifying CTEs of one statement; each part after the checks runs only if the checks passed,
-- and this function then aborts the whole statement, so a refused commit leaves nothing behind
-- (a statement is atomic, in or out of a transaction).
--   MJ001: the projection row was not at the expected version (another writer won)
--   MJ002: the idempotency key is already taken
CREATE FUNCTION murojaat.refuse_commit(code text, reason text) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = code, MESSAGE = 'murojaat commit refused: ' || reason;
END
$$;
