-- Murojaat storage, version 2: the working calendar in force (Calendar.CalendarData as JSON), so
-- that a decree loaded by one instance (`CalendarStore.addYears`) is the calendar of all of them.
-- One row; absent until the first decree is added (the built-in Uzbek calendar applies until then).

CREATE TABLE murojaat.calendar (
  id         smallint PRIMARY KEY CHECK (id = 1),
  data       json NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
