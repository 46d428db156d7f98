-- On PostgreSQL this version replaces the foreign keys of a coding's coder and category by checks
-- once per statement, which are much faster there. SQLite checks its foreign keys cheaply row by
-- row and keeps them; the version exists so that both dialects share one schema version.
SELECT 1;
