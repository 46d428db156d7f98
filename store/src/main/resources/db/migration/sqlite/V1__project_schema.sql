-- Lacrima project schema, SQLite (one project per file).
-- Ids that leave the project (categories, documents, coders, codings, units, memos) are UUIDs;
-- rows refer to each other by integer keys, which keeps a million codings small and fast.
-- Text offsets are Unicode code points into the document's normalized text, end exclusive.

CREATE TABLE project (
  key          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  base_system  TEXT NOT NULL,
  base_version TEXT NOT NULL
);

CREATE TABLE category_system (
  project_key INTEGER PRIMARY KEY REFERENCES project (key),
  info        TEXT NOT NULL
);

CREATE TABLE category (
  key         INTEGER PRIMARY KEY,
  project_key INTEGER NOT NULL REFERENCES project (key),
  id          TEXT NOT NULL,
  parent_id   TEXT,
  position    INTEGER NOT NULL,
  codable     BOOLEAN NOT NULL,
  label       TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (project_key, id)
);

CREATE TABLE relation (
  key         INTEGER PRIMARY KEY,
  project_key INTEGER NOT NULL REFERENCES project (key),
  id          TEXT NOT NULL,
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  from_id     TEXT NOT NULL,
  to_id       TEXT NOT NULL,
  body        TEXT NOT NULL,
  UNIQUE (project_key, id)
);

CREATE TABLE codebook_change (
  project_key INTEGER NOT NULL REFERENCES project (key),
  seq         INTEGER NOT NULL,
  id          TEXT NOT NULL,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  why         TEXT NOT NULL,
  kind        TEXT NOT NULL,
  details     TEXT NOT NULL,
  PRIMARY KEY (project_key, seq)
);

CREATE TABLE codebook_version (
  project_key  INTEGER NOT NULL REFERENCES project (key),
  name         TEXT NOT NULL,
  log_sequence INTEGER NOT NULL,
  snapshot     TEXT NOT NULL,
  PRIMARY KEY (project_key, name)
);

CREATE TABLE document (
  key         INTEGER PRIMARY KEY,
  project_key INTEGER NOT NULL REFERENCES project (key),
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  text        TEXT NOT NULL,
  length      INTEGER NOT NULL,
  words       INTEGER NOT NULL,
  turns       INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  format      TEXT NOT NULL,
  encoding    TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  UNIQUE (project_key, id),
  UNIQUE (project_key, name)
);

CREATE TABLE turn (
  document_key INTEGER NOT NULL REFERENCES document (key),
  idx          INTEGER NOT NULL,
  label_start  INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  speaker      TEXT NOT NULL,
  time_code    TEXT,
  PRIMARY KEY (document_key, idx)
);

CREATE TABLE document_variable (
  document_key INTEGER NOT NULL REFERENCES document (key),
  name         TEXT NOT NULL,
  value        TEXT NOT NULL,
  PRIMARY KEY (document_key, name)
);

CREATE TABLE coder (
  key         INTEGER PRIMARY KEY,
  project_key INTEGER NOT NULL REFERENCES project (key),
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  UNIQUE (project_key, id),
  UNIQUE (project_key, name)
);

CREATE TABLE coding (
  key          INTEGER PRIMARY KEY,
  project_key  INTEGER NOT NULL REFERENCES project (key),
  id           TEXT NOT NULL,
  document_key INTEGER NOT NULL REFERENCES document (key),
  coder_key    INTEGER NOT NULL REFERENCES coder (key),
  category_key INTEGER NOT NULL REFERENCES category (key),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  memo         TEXT NOT NULL DEFAULT '',
  CHECK (0 <= start_offset AND start_offset < end_offset),
  UNIQUE (project_key, id),
  UNIQUE (document_key, coder_key, category_key, start_offset, end_offset)
);

CREATE TABLE meaning_unit (
  key          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL,
  document_key INTEGER NOT NULL REFERENCES document (key),
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  origin       TEXT NOT NULL,
  CHECK (0 <= start_offset AND start_offset < end_offset)
);
CREATE INDEX meaning_unit_by_document ON meaning_unit (document_key, start_offset);

CREATE TABLE memo (
  key         INTEGER PRIMARY KEY,
  project_key INTEGER NOT NULL REFERENCES project (key),
  id          TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id   TEXT NOT NULL,
  author      TEXT NOT NULL,
  written_at  TEXT NOT NULL,
  text        TEXT NOT NULL,
  UNIQUE (project_key, id)
);
CREATE INDEX memo_by_target ON memo (project_key, target_kind, target_id);
