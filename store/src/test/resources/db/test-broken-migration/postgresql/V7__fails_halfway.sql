-- A later release's migration that fails after its first statement: nothing of it may remain.
CREATE TABLE half_done (x INTEGER);
SELECT 1 / 0;
