-- A "take" decision remembers whether the coder it took had given the category (true) or left it out
-- (false): a coder who changes sides later must not turn the decision into its opposite. NULL: decided
-- before this version, side unknown.
ALTER TABLE consensus_decision ADD COLUMN taken_present BOOLEAN;

-- Decisions that a later decision on the same disagreement replaced, as they were, with when.
CREATE TABLE consensus_decision_replaced (
  key             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_key     BIGINT NOT NULL REFERENCES project (key),
  disagreement_id TEXT NOT NULL,
  document_id     UUID NOT NULL,
  unit_start      INTEGER NOT NULL,
  unit_end        INTEGER NOT NULL,
  category_id     UUID NOT NULL,
  decision        TEXT NOT NULL,
  taken_coder     TEXT,
  taken_present   BOOLEAN,
  span_start      INTEGER,
  span_end        INTEGER,
  new_category_id UUID,
  rationale       TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  decided_at      TEXT NOT NULL,
  replaced_at     TEXT NOT NULL
);
CREATE INDEX consensus_decision_replaced_by_disagreement
  ON consensus_decision_replaced (project_key, disagreement_id);
