-- A coding's coder and category are checked once per statement instead of by foreign keys:
-- PostgreSQL checks a foreign key row by row, and for a million codings pointing at a few dozen
-- categories and coders that costs about three seconds per key. The checks below are set-based, and
-- stricter than the foreign keys they replace: the coder and the category must belong to the
-- coding's own project. (A coding's project itself follows from its document.) Writers of a project
-- are serialized by Lacrima's per-project lock, so a check and a concurrent delete cannot pass each
-- other.

ALTER TABLE coding DROP CONSTRAINT coding_project_key_fkey;
ALTER TABLE coding DROP CONSTRAINT coding_coder_key_fkey;
ALTER TABLE coding DROP CONSTRAINT coding_category_key_fkey;

CREATE FUNCTION coding_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed_codings n
             WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.key = n.category_key AND c.project_key = n.project_key)
                OR NOT EXISTS (SELECT 1 FROM coder d WHERE d.key = n.coder_key AND d.project_key = n.project_key)) THEN
    RAISE EXCEPTION 'a coding refers to a category or coder that is not part of its project'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER coding_references_on_insert AFTER INSERT ON coding
  REFERENCING NEW TABLE AS changed_codings FOR EACH STATEMENT EXECUTE FUNCTION coding_references_exist();
CREATE TRIGGER coding_references_on_update AFTER UPDATE ON coding
  REFERENCING NEW TABLE AS changed_codings FOR EACH STATEMENT EXECUTE FUNCTION coding_references_exist();

CREATE FUNCTION coded_rows_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_TABLE_NAME = 'category' AND EXISTS (SELECT 1 FROM coding c JOIN removed r ON c.category_key = r.key))
     OR (TG_TABLE_NAME = 'coder' AND EXISTS (SELECT 1 FROM coding c JOIN removed r ON c.coder_key = r.key)) THEN
    RAISE EXCEPTION 'a % that codings refer to cannot be removed', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER category_kept_while_coded AFTER DELETE ON category
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION coded_rows_kept();
CREATE TRIGGER coder_kept_while_coded AFTER DELETE ON coder
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION coded_rows_kept();
