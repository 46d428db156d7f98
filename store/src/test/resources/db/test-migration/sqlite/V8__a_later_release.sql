-- Plays a later release's migration in tests: adds a column and fills it.
ALTER TABLE project ADD COLUMN later_release_note TEXT NOT NULL DEFAULT 'migrated';
