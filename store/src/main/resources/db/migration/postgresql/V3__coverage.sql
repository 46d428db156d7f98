-- What a coder judged, where that is more than "coded something in this document": a table import
-- records for every cell whether the coder judged the unit for that column (a value, true or false)
-- or left it open (n/a, empty). Absence counts for agreement only where a coder judged.

CREATE TABLE coverage (
  key          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_key  BIGINT NOT NULL REFERENCES project (key),
  document_key BIGINT NOT NULL REFERENCES document (key),
  coder_key    BIGINT NOT NULL REFERENCES coder (key),
  category_key BIGINT NOT NULL REFERENCES category (key),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  CHECK (0 <= start_offset AND start_offset < end_offset),
  UNIQUE (document_key, coder_key, category_key, start_offset, end_offset)
);
