-- Murojaat storage, version 3: a registration number belongs to one appeal. The number carries
-- the district and the Tashkent year (`IdGenerator.formatRegistration`), so one unique index on it
-- makes it unique per district and year, whatever the counter or a caller does. It replaces the
-- plain index of version 1. A database that already holds a duplicate refuses this migration:
-- find them with
--   SELECT registration_number, array_agg(appeal_id) FROM murojaat.appeal
--   WHERE registration_number IS NOT NULL GROUP BY 1 HAVING count(*) > 1;

DROP INDEX murojaat.appeal_registration_idx;
CREATE UNIQUE INDEX appeal_registration_number_key ON murojaat.appeal (registration_number)
  WHERE registration_number IS NOT NULL;
