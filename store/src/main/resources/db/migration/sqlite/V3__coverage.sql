-- What a coder judged, where that is more than "coded something in this document": a table import
-- records for every cell whether the coder judged the unit for that column (a value, true or false)
-- or left it open (n/a, empty). Absence counts for agreement only where a coder judged.

CREATE TABLE coverage (
  key          INTEGER PRIMARY KEY,
  project_key  INTEGER NOT NULL REFERENCES project (key),
  document_key INTEGER NOT NULL REFERENCES document (key),
  coder_key    INTEGER NOT NULL REFERENCES coder (key),
  category_key INTEGER NOT NULL REFERENCES category (key),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  CHECK (0 <= start_offset AND start_offset < end_offset),
  UNIQUE (document_key, coder_key, category_key, start_offset, end_offset)
);
