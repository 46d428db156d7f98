-- The columns a listing of documents reads (stats, agreement's scope, every lookup by name), in an index of
-- their own: on SQLite they stand after the transcript's text in the row, and reading them from the table
-- walked through every transcript's overflow pages (about 0.4 s for 1,000 interviews of 10,000 words).
CREATE INDEX document_summary ON document (project_key, name, id, length, words, turns);
