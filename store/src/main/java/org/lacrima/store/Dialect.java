package org.lacrima.store;

/** What differs between the two databases; everything else is the same SQL. */
enum Dialect {
  SQLITE("classpath:db/migration/sqlite", "instr", "char(10)"),
  POSTGRESQL("classpath:db/migration/postgresql", "strpos", "chr(10)");

  final String migrations;
  private final String find;
  private final String newline;

  Dialect(String migrations, String find, String newline) {
    this.migrations = migrations;
    this.find = find;
    this.newline = newline;
  }

  /**
   * The upsert that adds a coding, or, where the same decision is stored, appends the new memo by
   * the rule of {@link org.lacrima.core.coding.Coding#joinMemos}: the new memo is skipped only when
   * the stored one holds it as whole lines, so both sides are searched with a line break around them.
   */
  String insertCoding(String source) {
    return "INSERT INTO coding (project_key, id, document_key, coder_key, category_key, start_offset, end_offset, memo) "
        + source + " ON CONFLICT (document_key, coder_key, category_key, start_offset, end_offset) DO UPDATE SET memo = "
        + "CASE WHEN coding.memo = '' OR " + find + "(" + newline + " || excluded.memo || " + newline + ", "
        + newline + " || coding.memo || " + newline + ") > 0 THEN excluded.memo "
        + "ELSE coding.memo || " + newline + " || excluded.memo END "
        + "WHERE excluded.memo <> '' AND " + find + "(" + newline + " || coding.memo || " + newline + ", "
        + newline + " || excluded.memo || " + newline + ") = 0";
  }

  /**
   * A text column ordered by code point, as SQLite's default collation orders UTF-8 bytes. PostgreSQL would
   * follow the database's locale, and the order of documents decides which units a seeded bootstrap draws.
   */
  String byCodePoint(String column) {
    return this == POSTGRESQL ? column + " COLLATE \"C\"" : column;
  }
}
