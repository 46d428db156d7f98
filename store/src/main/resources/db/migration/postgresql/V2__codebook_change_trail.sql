-- What each category operation did to codings and memos, so that an undo puts back exactly that:
-- codings moved between categories, codings collapsed into a coding of the same decision (kept
-- whole here, with the surviving coding's memo before and after), memos moved.

CREATE TABLE codebook_change_trail (
  project_key      BIGINT NOT NULL REFERENCES project (key),
  seq              BIGINT NOT NULL,
  position         INTEGER NOT NULL,
  action           TEXT NOT NULL,
  item_id          UUID NOT NULL,
  from_category    UUID NOT NULL,
  to_category      UUID NOT NULL,
  document_id      UUID,
  coder_id         UUID,
  start_offset     INTEGER,
  end_offset       INTEGER,
  memo             TEXT,
  kept_id          UUID,
  kept_memo_before TEXT,
  kept_memo_after  TEXT,
  PRIMARY KEY (project_key, seq, position)
);
