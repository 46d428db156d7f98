-- What each category operation did to codings and memos, so that an undo puts back exactly that:
-- codings moved between categories, codings collapsed into a coding of the same decision (kept
-- whole here, with the surviving coding's memo before and after), memos moved.

CREATE TABLE codebook_change_trail (
  project_key      INTEGER NOT NULL REFERENCES project (key),
  seq              INTEGER NOT NULL,
  position         INTEGER NOT NULL,
  action           TEXT NOT NULL,
  item_id          TEXT NOT NULL,
  from_category    TEXT NOT NULL,
  to_category      TEXT NOT NULL,
  document_id      TEXT,
  coder_id         TEXT,
  start_offset     INTEGER,
  end_offset       INTEGER,
  memo             TEXT,
  kept_id          TEXT,
  kept_memo_before TEXT,
  kept_memo_after  TEXT,
  PRIMARY KEY (project_key, seq, position)
);
