-- A "take" decision remembers whether the coder it took had given the category (1) or left it out (0):
-- a coder who changes sides later must not turn the decision into its opposite. NULL: decided before
-- this version, side unknown.
ALTER TABLE consensus_decision ADD COLUMN taken_present INTEGER;

-- Decisions that a later decision on the same disagreement replaced, as they were, with when.
CREATE TABLE consensus_decision_replaced (
  key             INTEGER PRIMARY KEY,
  project_key     INTEGER NOT NULL REFERENCES project (key),
  disagreement_id TEXT NOT NULL,
  document_id     TEXT NOT NULL,
  unit_start      INTEGER NOT NULL,
  unit_end        INTEGER NOT NULL,
  category_id     TEXT NOT NULL,
  decision        TEXT NOT NULL,
  taken_coder     TEXT,
  taken_present   INTEGER,
  span_start      INTEGER,
  span_end        INTEGER,
  new_category_id TEXT,
  rationale       TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  decided_at      TEXT NOT NULL,
  replaced_at     TEXT NOT NULL
);
CREATE INDEX consensus_decision_replaced_by_disagreement
  ON consensus_decision_replaced (project_key, disagreement_id);
