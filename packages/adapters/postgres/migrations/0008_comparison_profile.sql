-- Murojaat storage, version 8: the comparison profile of an appeal, kept in its personal-data
-- record. Link suggestions compare a new appeal with the open appeals of its mahalla; what they
-- compare (trigrams of the text, its concepts, the parsed address, the triage category) is derived
-- from the personal data, so it is personal data too: it lives in this row and is erased with it
-- (`AppealStore.erasePersonal` deletes the row). `profile_version` names the model that derived
-- it; a profile of another version is never read. See `AppealStore.personalMany`/`saveProfiles`.

ALTER TABLE murojaat.appeal_personal
  ADD COLUMN profile         json,   -- the stored profile (JSON), NULL until link suggestions derive it
  ADD COLUMN profile_version text;   -- the model version that derived it

-- A profile belongs to the data it was derived from: when the row is written with other data, the
-- profile goes in the same statement (a writer of profiles also checks the data's digest).
CREATE FUNCTION murojaat.drop_stale_profile() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.data::text IS DISTINCT FROM OLD.data::text THEN
    NEW.profile := NULL;
    NEW.profile_version := NULL;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER appeal_personal_profile_stale
  BEFORE UPDATE OF data ON murojaat.appeal_personal
  FOR EACH ROW EXECUTE FUNCTION murojaat.drop_stale_profile();
