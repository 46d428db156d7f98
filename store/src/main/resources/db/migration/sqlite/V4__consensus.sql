-- Consensus decisions: how a team settled one disagreement (a unit and a category the coders judged
-- differently), with who decided, when and why. The consensus layer's codings are rebuilt from the
-- coders' agreements and these decisions.

CREATE TABLE consensus_decision (
  key             INTEGER PRIMARY KEY,
  project_key     INTEGER NOT NULL REFERENCES project (key),
  disagreement_id TEXT NOT NULL,
  document_id     TEXT NOT NULL,
  unit_start      INTEGER NOT NULL,
  unit_end        INTEGER NOT NULL,
  category_id     TEXT NOT NULL,
  decision        TEXT NOT NULL,
  taken_coder     TEXT,
  span_start      INTEGER,
  span_end        INTEGER,
  new_category_id TEXT,
  rationale       TEXT NOT NULL,
  decided_by      TEXT NOT NULL,
  decided_at      TEXT NOT NULL,
  UNIQUE (project_key, disagreement_id)
);

-- The study the consensus layer was last built for (coders, unit, filters, as JSON), so that
-- "consensus status" and "consensus decide" need not be told the coders again.
CREATE TABLE consensus_study (
  project_key INTEGER NOT NULL REFERENCES project (key) PRIMARY KEY,
  study       TEXT NOT NULL,
  built_by    TEXT NOT NULL,
  built_at    TEXT NOT NULL
);
