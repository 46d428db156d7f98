package org.lacrima.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.lacrima.core.project.ProjectAccessException;

/**
 * Brings a database to the schema this Lacrima knows. Versioned migrations per dialect (Flyway),
 * all pending ones in one transaction. Before a SQLite project written by an older version is
 * migrated, a copy of the file is written beside it; a database written by a newer Lacrima is
 * refused rather than touched.
 */
final class Migrations {

  /** The newest schema version of this release; a test keeps it equal to the newest migration file. */
  static final int LATEST = 7;

  static final String HISTORY_TABLE = "schema_history";

  private final Dialect dialect;
  private final List<String> locations;
  private final int latest;
  /** Whether this process may write a project file: the file system's answer, but for tests running as root. */
  private final java.util.function.Predicate<Path> writable;

  Migrations(Dialect dialect) {
    this(dialect, List.of(dialect.migrations), LATEST);
  }

  /** With extra migration locations, for tests that play a later release. */
  Migrations(Dialect dialect, List<String> locations, int latest) {
    this(dialect, locations, latest, Files::isWritable);
  }

  /** As above, with the answer to "may this file be written?" given (root may write any file). */
  Migrations(Dialect dialect, List<String> locations, int latest, java.util.function.Predicate<Path> writable) {
    this.dialect = dialect;
    this.locations = List.copyOf(locations);
    this.latest = latest;
    this.writable = writable;
  }

  /**
   * Flyway reports each step through logging; the commands speak for themselves. Held here because
   * java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
   */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  static {
    // failures reach the user as one line (bringUpToDate); Flyway's own SEVERE lines would come on top
    FLYWAY_LOG.setLevel(Level.OFF);
  }

  /** The applied schema version, or empty where no Lacrima schema exists. */
  Optional<Integer> currentVersion(Connection c, String schema) throws SQLException {
    if (!historyExists(c, schema)) {
      return Optional.empty();
    }
    // quoted: a schema may be named like a reserved word ("order"); its name is letters, digits and _ only
    String table = dialect == Dialect.POSTGRESQL ? "\"" + schema + "\"." + HISTORY_TABLE : HISTORY_TABLE;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM " + table + " WHERE success AND version IS NOT NULL")) {
      int max = 0;
      while (rs.next()) {
        String version = rs.getString(1).split("\\.")[0];
        if (!version.matches("\\d{1,6}")) {
          // not a history Lacrima wrote: another program's Flyway table
          return Optional.empty();
        }
        max = Math.max(max, Integer.parseInt(version));
      }
      return Optional.of(max);
    }
  }

  boolean historyExists(Connection c, String schema) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    // the metadata takes patterns, where "_" stands for any character: schema team_a must not find team1a's table
    // (SQLite has one schema per file and a table name without rivals; its driver's escaping is not relied on)
    boolean postgres = dialect == Dialect.POSTGRESQL;
    String escape = meta.getSearchStringEscape();
    try (ResultSet rs = meta.getTables(null, postgres ? literal(schema, escape) : null,
        postgres ? literal(HISTORY_TABLE, escape) : HISTORY_TABLE, null)) {
      return rs.next();
    }
  }

  private static String literal(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }

  /**
   * Migrates if needed. {@code sqliteFile} is the project file, whose copy is kept before an
   * existing project is migrated; empty for PostgreSQL.
   */
  Optional<String> bringUpToDate(DataSource ds, String schema, Optional<Path> sqliteFile, String where) {
    int current;
    try (Connection c = ds.getConnection()) {
      current = currentVersion(c, schema).orElse(0);
    } catch (SQLException e) {
      throw new ProjectAccessException(("42501".equals(e.getSQLState()) ? "no permission to open " : "cannot read ")
          + where + ": " + ProjectStores.reason(e), e);
    }
    return bringUpToDate(ds, schema, sqliteFile, where, current);
  }

  /**
   * As above, from {@code current}, the version just read (opening a project reads it first anyway). Returns what a
   * user should be told where it migrated an existing project: a large file is copied, and the old Lacrima can no
   * longer open it.
   */
  Optional<String> bringUpToDate(DataSource ds, String schema, Optional<Path> sqliteFile, String where, int current) {
    if (current > latest) {
      throw new ProjectAccessException(where + " was written by a newer Lacrima (schema version " + current
          + "; this one knows up to " + latest + "). Use the newer Lacrima; nothing was changed.");
    }
    if (current == latest) {
      return Optional.empty();
    }
    Optional<Path> copy = Optional.empty();
    if (current > 0 && sqliteFile.isPresent() && !writable.test(sqliteFile.get())) {
      // the migration would fail after the copy, and every later try would leave one more copy
      throw new ProjectAccessException(where + " was written by an older Lacrima (schema version " + current
          + ") and must be brought up to version " + latest + " before this one can use it, but the file is read-only "
          + "for you; make it writable, or open it with the Lacrima that wrote it. Nothing was changed.");
    }
    if (current > 0 && sqliteFile.isPresent()) {
      copy = backup(ds, sqliteFile.get(), current);
      if (copy.isEmpty()) {
        return Optional.empty(); // another process brought it up to date while this one waited for the lock
      }
    }
    try {
      var config = Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(ds)
          .locations(locations.toArray(String[]::new))
          .table(HISTORY_TABLE)
          .group(true)
          .failOnMissingLocations(true)
          .target(String.valueOf(latest));
      if (dialect == Dialect.POSTGRESQL) {
        config = config.schemas(schema).createSchemas(true);
      }
      if (config.load().migrate().migrationsExecuted == 0) {
        dropSecondCopy(copy);
        return Optional.empty();
      }
    } catch (RuntimeException e) {
      // FlywayException as a rule; a history table Flyway cannot read at all (another program's, edited by hand)
      // fails inside it with whatever it tripped over
      int now = versionNow(ds, schema);
      if (copy.isPresent() && now == latest) {
        dropSecondCopy(copy);
        return Optional.empty();
      }
      // the pending migrations run in one transaction: a failed one leaves the file as it was, and a copy of it
      // beside it, made again on every try, helps no one
      boolean untouched = now == current;
      if (untouched) {
        dropSecondCopy(copy);
      }
      throw new ProjectAccessException("could not bring " + where + " to schema version " + latest + ": "
          + (e instanceof FlywayException ? oneLine(e.getMessage()) : "its migration history cannot be read ("
              + e.getClass().getSimpleName() + "); is it a Lacrima project?")
          + (untouched ? "; nothing was changed" : copy.isPresent() ? " (the copy made before is kept)" : ""), e);
    }
    if (current == 0) {
      return Optional.empty(); // a new project or schema, not one an older Lacrima wrote
    }
    return Optional.of("brought " + where + " from schema version " + current + " (an older Lacrima's) to " + latest
        + copy.map(c -> "; the file as it was is kept at " + c).orElse("") + "; the older Lacrima can no longer open it");
  }

  /**
   * Two processes opened the old project at once and the other migrated it first: its copy stands, and this one's
   * (of the same old file) is one too many.
   */
  private static void dropSecondCopy(Optional<Path> copy) {
    try {
      if (copy.isPresent()) {
        java.nio.file.Files.deleteIfExists(copy.get());
      }
    } catch (IOException ignored) {
      // a second copy of the same file does no harm
    }
  }

  private int versionNow(DataSource ds, String schema) {
    try (Connection c = ds.getConnection()) {
      return currentVersion(c, schema).orElse(0);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** The copy kept before migrating: {@code study.lacrima.v1-2026-11-26T10-15-00.bak}. */
  static Path backupPath(Path file, int fromVersion) {
    return file.resolveSibling(file.getFileName() + ".v" + fromVersion + "-" + ProjectStores.stamp() + ".bak");
  }

  /**
   * Flyway's messages run over many lines, with rules of dashes and advice to run commands Lacrima does not have:
   * the lines that say what happened, joined.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    return String.join("; ", message.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.matches("-+") && !l.contains("http") && !l.startsWith("Need ")).toList());
  }

  /**
   * Copies the project file while holding its write lock, so that no other process can commit in the
   * middle of the copy; readers may go on. Empty where, by the time the lock is held, another process has
   * migrated the project already (it made the copy).
   */
  private Optional<Path> backup(DataSource ds, Path file, int fromVersion) {
    Path copy = backupPath(file, fromVersion);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        if (currentVersion(c, "main").orElse(0) != fromVersion) {
          return Optional.empty();
        }
        // two processes in one second would want the same name
        for (int n = 2; Files.exists(copy); n++) {
          copy = file.resolveSibling(backupPath(file, fromVersion).getFileName().toString().replace(".bak", "-" + n
              + ".bak"));
        }
        // written under a name of its own and moved into place when whole: a copy cut short (a full disk, a
        // process killed) must not lie there under the name of a backup
        Path partial = copy.resolveSibling("." + copy.getFileName() + ".partial");
        try {
          Files.copy(file, partial, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
          try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(partial,
              java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
          }
          Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
        return Optional.of(copy);
      } finally {
        s.execute("ROLLBACK");
      }
    } catch (IOException | SQLException e) {
      throw new ProjectAccessException("will not migrate " + file + " without a copy, and the copy "
          + copy + " could not be written: " + ProjectStores.reason(e), e);
    }
  }
}
