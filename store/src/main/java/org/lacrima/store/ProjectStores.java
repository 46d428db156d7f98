package org.lacrima.store;

import org.lacrima.core.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.lacrima.core.project.ProjectAccessException;
import org.lacrima.core.project.ProjectInfo;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.project.ProjectStore;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens and creates projects, on SQLite or PostgreSQL. */
public final class ProjectStores {

  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * The SQLite driver logs a failed unpacking of its native library with stack traces; the failure reaches the user
   * as one line instead ({@link #reason}). Held here: the logging system keeps loggers only weakly.
   */
  private static final java.util.logging.Logger SQLITE_LOG = java.util.logging.Logger.getLogger("org.sqlite");

  /**
   * The PostgreSQL driver warns on the terminal about settings it cannot use (a bad port, a malformed timeout) and
   * then goes on or fails; what matters reaches the user as the command's one line.
   */
  private static final java.util.logging.Logger POSTGRESQL_LOG = java.util.logging.Logger.getLogger("org.postgresql");

  static {
    SQLITE_LOG.setLevel(java.util.logging.Level.OFF);
    POSTGRESQL_LOG.setLevel(java.util.logging.Level.OFF);
  }

  private ProjectStores() {
  }

  /** What a new project is called, who makes it, and which category system it starts from. */
  public record NewProject(String name, String createdBy, Instant created, String baseSystem, String baseVersion) {
  }

  public static ProjectStore open(ProjectLocation location) {
    return open(location, migrationsFor(location));
  }

  /**
   * Creates a project and runs {@code seed} in the same transaction (the project's category
   * system), so that a project either exists whole or not at all.
   */
  public static ProjectStore create(ProjectLocation location, NewProject project, ProjectStore.Work<?> seed) {
    return create(location, project, seed, migrationsFor(location));
  }

  /**
   * How a project on a server may be replaced by one built anew (the demo, rebuilt on every run): only if
   * {@code replaceable} says so of its contents; and where {@code worthKeeping} finds work in it that the new one
   * lacks, it is kept under the first free name {@code keptName} gives (1, 2, …) instead of being deleted.
   */
  public record Replacement(java.util.function.Predicate<ProjectSession> replaceable,
      java.util.function.BiPredicate<ProjectSession, ProjectSession> worthKeeping,
      java.util.function.IntFunction<String> keptName) {
  }

  /**
   * The local time as the names of copies kept beside a project carry it (a migration's backup, an earlier demo):
   * {@code 2026-11-26T10-15-00}, sorted as written, and with no colon, which some file systems refuse.
   */
  public static String stamp() {
    return java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
  }

  /** A project created in place of another: its store, and the name the earlier one is kept under, if kept. */
  public record Replaced(ProjectStore store, Optional<String> keptAs) {
  }

  /**
   * Like {@link #create}, but on a server a project of that name is first replaced, in the same transaction, as
   * {@code replacement} says, and only once no other process is writing to it. A file project is never replaced here.
   */
  public static Replaced createReplacing(ProjectLocation.PostgresProject location, NewProject project,
      ProjectStore.Work<?> seed, Replacement replacement) {
    return createPostgres(location, project, seed, migrationsFor(location), Optional.of(replacement));
  }

  static Migrations migrationsFor(ProjectLocation location) {
    return new Migrations(location instanceof ProjectLocation.SqliteFile ? Dialect.SQLITE : Dialect.POSTGRESQL);
  }

  static ProjectStore open(ProjectLocation location, Migrations migrations) {
    return switch (location) {
      case ProjectLocation.SqliteFile f -> openSqlite(f, migrations);
      case ProjectLocation.PostgresProject p -> openPostgres(p, migrations);
    };
  }

  static ProjectStore create(ProjectLocation location, NewProject project, ProjectStore.Work<?> seed, Migrations migrations) {
    return switch (location) {
      case ProjectLocation.SqliteFile f -> createSqlite(f, project, seed, migrations);
      case ProjectLocation.PostgresProject p -> createPostgres(p, project, seed, migrations, Optional.empty()).store();
    };
  }

  // ---- SQLite ---------------------------------------------------------------------------------

  private static ProjectStore openSqlite(ProjectLocation.SqliteFile f, Migrations migrations) {
    Path file = f.file();
    if (Files.isDirectory(file)) {
      throw new ProjectAccessException(file + " is a folder, not a project file");
    }
    if (!Files.isRegularFile(file)) {
      throw new ProjectAccessException("there is no project at " + file + " (create one with: lacrima init " + ProjectLocation.shellWord(file.toString()) + ")");
    }
    if (!isSqliteFile(file)) {
      throw new ProjectAccessException(file + " is not a Lacrima project (it is not a SQLite database)");
    }
    DataSource read = sqlite(file, false);
    int version;
    try (var c = read.getConnection()) {
      // a migration history alone is not enough: other programs use Flyway too, and theirs must not be migrated
      version = migrations.currentVersion(c, "main").filter(v -> LACRIMA_TABLES.stream().allMatch(t -> hasTable(c, t)))
          .orElseThrow(
          () -> new ProjectAccessException(file + " is a SQLite database but not a Lacrima project"));
    } catch (java.sql.SQLException e) {
      throw new ProjectAccessException("cannot read " + file + ": " + reason(e), e);
    }
    Optional<String> migrated = migrations.bringUpToDate(read, "main", Optional.of(file), file.toString(), version);
    return sqliteStore(file, read).noting(migrated);
  }

  /** Tables every Lacrima schema since the first has: one "project" table alone is a common name. */
  private static final List<String> LACRIMA_TABLES = List.of("project", "document", "coder", "coding");

  private static boolean hasTable(java.sql.Connection c, String table) {
    try (var st = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      st.setString(1, table);
      try (var rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  /** What a damaged SQLite file is told as, wherever the damage shows. */
  static final String DAMAGED = "damaged (SQLite reports a malformed database); nothing was changed. Restore it from a "
      + "copy: your backups, or a .bak file Lacrima wrote beside it before a migration. A copy taken while a command "
      + "was writing, or after one was stopped, needs the file of the same name ending in \"-journal\" beside it "
      + "too, from which SQLite finishes or rolls back that command";

  /** What went wrong, in words: Java names some failures only by the path they concern. */
  static String reason(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB")) {
        return "the file is " + DAMAGED;
      }
      if (t instanceof java.sql.SQLException sql && JdbcProjectStore.isLockConflict(sql)) {
        return "another process holds it locked while it writes a change (a large import committing, say); nothing "
            + "was changed. Try again when it has finished";
      }
      if (t instanceof java.net.UnknownHostException) {
        // the driver says only that "the connection attempt failed"
        return "the server's host name \"" + m + "\" is not known (a typing error in --db, or no network to it)";
      }
      if (t instanceof UnsatisfiedLinkError || t.getClass().getSimpleName().contains("NativeLibrary")) {
        return "SQLite's native library could not be loaded; it is unpacked into the temporary folder ("
            + System.getProperty("java.io.tmpdir") + "), which must exist and be writable";
      }
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name exists";
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).strip();
  }

  private static JdbcProjectStore sqliteStore(Path file, DataSource read) {
    Jdbi readJdbi = Jdbi.create(read);
    Jdbi writeJdbi = Jdbi.create(sqlite(file, true));
    JdbcProjectStore.configure(readJdbi, Dialect.SQLITE);
    JdbcProjectStore.configure(writeJdbi, Dialect.SQLITE);
    ProjectRow row = readJdbi.withHandle(h -> onlyProject(h, file.toString()));
    return new JdbcProjectStore(Dialect.SQLITE, readJdbi, writeJdbi, file.toString(), row.key, row.info, () -> { });
  }

  private static ProjectStore createSqlite(ProjectLocation.SqliteFile f, NewProject project, ProjectStore.Work<?> seed,
      Migrations migrations) {
    Path file = f.file();
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new ProjectAccessException("cannot create " + file + ": the folder " + dir + " does not exist");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ProjectAccessException(file + " already exists; choose another file name for the new project");
    }
    // Built whole under a hidden name and published in one step: a process killed halfway leaves no file that
    // stands in the way of the next init, and of two processes creating the same project one wins, the other is
    // refused, and neither deletes the other's.
    removeStaleLeftovers(file, ".creating");
    Path building = file.resolveSibling("." + file.getFileName() + "." + java.util.UUID.randomUUID() + ".creating");
    try {
      Files.createFile(building);
    } catch (IOException e) {
      throw new ProjectAccessException("cannot create " + file + ": " + reason(e), e);
    }
    try {
      DataSource write = sqlite(building, true);
      migrations.bringUpToDate(write, "main", Optional.empty(), file.toString());
      Jdbi jdbi = Jdbi.create(write);
      JdbcProjectStore.configure(jdbi, Dialect.SQLITE);
      ProjectInfo info = info(project);
      jdbi.useTransaction(h -> {
        long key = insertProject(h, info);
        seed.run(new JdbcSession(h, Dialect.SQLITE, key, info));
      });
      publish(building, file);
      return sqliteStore(file, sqlite(file, false));
    } catch (RuntimeException e) {
      throw e instanceof JdbiException je ? JdbcProjectStore.translate(je, file.toString()) : e;
    } finally {
      try {
        Files.deleteIfExists(building.resolveSibling(building.getFileName() + "-journal"));
        Files.deleteIfExists(building);
      } catch (IOException ignored) {
        // a hidden leftover that never held a project; harmless
      }
    }
  }

  /**
   * Removes what a process killed while building {@code file} under a hidden name left beside it
   * ({@code .study.lacrima.<uuid><suffix>} and its journal), once it is an hour old: no build takes that long, so
   * none is still running. Failing to remove one is no reason to stop.
   */
  public static void removeStaleLeftovers(Path file, String suffix) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    // also what a build inside a build left (the demo creates its project under a hidden name of its own)
    String part = "." + file.getFileName() + ".";
    Instant hourAgo = Instant.now().minusSeconds(3600);
    try (var entries = Files.newDirectoryStream(dir, e -> {
      String n = e.getFileName().toString();
      return n.startsWith(".") && n.contains(part) && (n.endsWith(suffix) || n.endsWith(suffix + "-journal"));
    })) {
      for (Path leftover : entries) {
        try {
          if (Files.getLastModifiedTime(leftover, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(hourAgo)) {
            Files.deleteIfExists(leftover);
          }
        } catch (IOException ignored) {
          // another process's, or not ours to remove: harmless where it is
        }
      }
    } catch (IOException ignored) {
      // an unreadable folder: the creation itself will say so
    }
  }

  /**
   * Gives the finished file its name, refusing where that name was taken meanwhile. A hard link fails atomically
   * when the name exists; where the file system has no hard links, a move that does not replace is the next best.
   */
  private static void publish(Path building, Path file) {
    try {
      try {
        Files.createLink(file, building);
      } catch (FileAlreadyExistsException e) {
        throw e;
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
        Files.move(building, file);
      }
    } catch (FileAlreadyExistsException e) {
      throw new ProjectAccessException(file + " already exists; choose another file name for the new project");
    } catch (IOException e) {
      throw new ProjectAccessException("cannot create " + file + ": " + reason(e), e);
    }
  }

  private static boolean isSqliteFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(SQLITE_MAGIC.length);
      return java.util.Arrays.equals(head, SQLITE_MAGIC);
    } catch (IOException e) {
      throw new ProjectAccessException("cannot read " + file + ": " + reason(e), e);
    }
  }

  /**
   * A rollback journal (not WAL): the project stays one file that can be copied and that works on
   * network drives; synchronous=FULL makes a commit durable before it is acknowledged.
   */
  static SQLiteDataSource sqlite(Path file, boolean forWriting) {
    SQLiteConfig config = new SQLiteConfig();
    config.enforceForeignKeys(true);
    config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    // a reader waits out another process's commit, which holds the file for seconds after a large import; a writer
    // is told at once that another one is at work (JdbcProjectStore.translate), which may take minutes
    config.setBusyTimeout(forWriting ? 2_000 : 20_000);
    if (forWriting) {
      // a large import keeps its indexes' pages at hand; a reader streams through the file, and there a large cache
      // or temporary tables in memory only cost the time to touch the memory first (measured: an aggregate over a
      // million codings 0.30 s with SQLite's defaults, 0.46 s with either, 0.59 s with both)
      config.setCacheSize(-65_536);
      config.setTempStore(SQLiteConfig.TempStore.MEMORY);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  // ---- PostgreSQL -----------------------------------------------------------------------------

  /** The first key of the advisory lock under which a schema is set up (the second is the schema's). */
  private static final int SCHEMA_SETUP_LOCK = 0x4c414352; // "LACR"

  private static void setupLock(java.sql.Connection c, String schema, String function) throws java.sql.SQLException {
    try (var lock = c.prepareStatement("SELECT " + function + "(?, ?)")) {
      lock.setInt(1, SCHEMA_SETUP_LOCK);
      lock.setInt(2, schema.hashCode());
      lock.execute();
    }
  }

  private static ProjectStore openPostgres(ProjectLocation.PostgresProject p, Migrations migrations) {
    DataSource ds = postgres(p);
    // opening never creates: a mistyped schema must not leave new tables on the server
    int version = schemaVersion(ds, p.schema(), migrations, p.describe()).orElseThrow(() -> new ProjectAccessException(
        "there is no project \"" + p.project() + "\" on the server: schema " + p.schema() + " holds no Lacrima projects "
        + "(create one with: lacrima init " + ProjectLocation.shellWord(p.project()) + " --db …)"));
    Optional<String> migrated = migrations.bringUpToDate(ds, p.schema(), Optional.empty(), p.describe(), version);
    Jdbi jdbi = Jdbi.create(ds);
    JdbcProjectStore.configure(jdbi, Dialect.POSTGRESQL);
    ProjectRow row = jdbi.withHandle(h -> projectByName(h, p.project()).or(() -> {
      // a name typed in another case, or with a plain space for another: the project meant, not a new one to create
      passingFor(h, p.project()).ifPresent(other -> {
        throw new ProjectAccessException("there is no project \"" + p.project() + "\" on the server, but there is \""
            + other + "\", written otherwise (case, spaces or look-alike letters); name it as the server has it "
            + "(lacrima projects --db … lists them)");
      });
      return Optional.empty();
    })).orElseThrow(() -> new ProjectAccessException("there is no project \"" + p.project() + "\" on the server "
        + "(create it with: lacrima init " + ProjectLocation.shellWord(p.project()) + " --db …)"));
    return new JdbcProjectStore(Dialect.POSTGRESQL, jdbi, jdbi, p.describe(), row.key, row.info, () -> { })
        .noting(migrated);
  }

  private static Replaced createPostgres(ProjectLocation.PostgresProject p, NewProject project,
      ProjectStore.Work<?> seed, Migrations migrations, Optional<Replacement> replacing) {
    DataSource ds = postgres(p);
    try (var c = ds.getConnection()) {
      // one process at a time sets a schema up: another creating its tables right now has a migration history and
      // not yet all the tables, which must not read as another program's
      setupLock(c, p.schema(), "pg_advisory_lock");
      try {
        Optional<Integer> history = migrations.historyExists(c, p.schema()) ? migrations.currentVersion(c, p.schema())
            : Optional.of(0);
        // an empty history is a setup that failed before its first migration: Lacrima's, and set up again
        if (history.isEmpty() || history.get() > 0 && lacrimaVersion(c, migrations, p.schema()).isEmpty()) {
          throw new ProjectAccessException("schema " + p.schema() + " on the server holds another program's tables (a "
              + "migration history that is not Lacrima's); name a schema of Lacrima's own with --db …?schema=NAME");
        }
        migrations.bringUpToDate(ds, p.schema(), Optional.empty(), p.describe());
      } finally {
        setupLock(c, p.schema(), "pg_advisory_unlock");
      }
    } catch (java.sql.SQLException e) {
      throw new ProjectAccessException("cannot reach " + p.describe() + ": " + reason(e), e);
    }
    Jdbi jdbi = Jdbi.create(ds);
    JdbcProjectStore.configure(jdbi, Dialect.POSTGRESQL);
    ProjectInfo info = info(new NewProject(p.project(), project.createdBy(), project.created(), project.baseSystem(),
        project.baseVersion()));
    Optional<String> kept;
    try {
      kept = jdbi.inTransaction(h -> {
        h.execute("LOCK TABLE project IN SHARE ROW EXCLUSIVE MODE");
        Optional<ProjectRow> existing = projectByName(h, p.project());
        if (existing.isEmpty()) {
          refuseUnclearName(h, p);
        }
        Optional<String> keptName = Optional.empty();
        if (existing.isPresent()) {
          long key = existing.get().key;
          if (replacing.isEmpty() || !replacing.get().replaceable()
              .test(new JdbcSession(h, Dialect.POSTGRESQL, key, existing.get().info))) {
            throw new ProjectAccessException("the server already has a project named \"" + p.project() + "\"");
          }
          // the write lock of the project being replaced: a command writing to it finishes first, or this waits
          // two seconds and gives up, instead of deleting rows under it
          JdbcProjectStore.lockOnServer(h, key);
          // out of the new project's way under a name of its own, until it is clear whether it holds work to keep
          String free = null;
          for (int n = 1; free == null || projectByName(h, free).isPresent(); n++) {
            free = replacing.get().keptName().apply(n);
          }
          h.createUpdate("UPDATE project SET name = :name WHERE key = :key").bind("name", free).bind("key", key)
              .execute();
          keptName = Optional.of(free);
        }
        long key = insertProject(h, info);
        JdbcSession fresh = new JdbcSession(h, Dialect.POSTGRESQL, key, info);
        seed.run(fresh);
        if (existing.isPresent()) {
          ProjectRow earlier = existing.get();
          ProjectInfo renamed = new ProjectInfo(earlier.info().id(), keptName.orElseThrow(), earlier.info().created(),
              earlier.info().createdBy(), earlier.info().baseSystem(), earlier.info().baseVersion());
          if (replacing.get().worthKeeping().test(new JdbcSession(h, Dialect.POSTGRESQL, earlier.key, renamed),
              fresh)) {
            return keptName;
          }
          deleteProject(h, earlier.key);
        }
        return Optional.<String>empty();
      });
    } catch (JdbiException e) {
      throw JdbcProjectStore.translate(e, p.describe());
    }
    return new Replaced(openPostgres(p, migrations), kept);
  }

  /** A project on a server with what it holds, as a team's administrator sees it before keeping or deleting it. */
  public record ServerProject(String name, Instant created, String createdBy, long documents, long coders,
      long codings) {
  }

  /** The projects a server's schema holds, by name; none where Lacrima never wrote to the schema. */
  public static List<ServerProject> list(ProjectLocation.PostgresServer server) {
    DataSource ds = postgres(server.jdbcUrl(), server.properties());
    if (schemaVersion(ds, server.schema(), new Migrations(Dialect.POSTGRESQL), server.describe()).isEmpty()) {
      return List.of();
    }
    // read as the schema stands: listing changes nothing, not even an older schema's version
    try {
      return Jdbi.create(ds).withHandle(h -> h.createQuery("SELECT name, created_at, created_by, "
              + "(SELECT count(*) FROM document d WHERE d.project_key = p.key) AS documents, "
              + "(SELECT count(*) FROM coder k WHERE k.project_key = p.key) AS coders, "
              + "(SELECT count(*) FROM coding g WHERE g.project_key = p.key) AS codings "
              + "FROM project p ORDER BY name, key")
          .map((rs, ctx) -> new ServerProject(rs.getString("name"), Instant.parse(rs.getString("created_at")),
              rs.getString("created_by"), rs.getLong("documents"), rs.getLong("coders"), rs.getLong("codings")))
          .list());
    } catch (JdbiException e) {
      throw JdbcProjectStore.translate(e, server.describe());
    }
  }

  /** What a project on a server holds, found as a command finds it by name; empty where there is none. */
  public static Optional<ServerProject> held(ProjectLocation.PostgresProject p) {
    DataSource ds = postgres(p);
    if (schemaVersion(ds, p.schema(), migrationsFor(p), p.describe()).isEmpty()) {
      return Optional.empty();
    }
    Jdbi jdbi = Jdbi.create(ds);
    JdbcProjectStore.configure(jdbi, Dialect.POSTGRESQL);
    try {
      return jdbi.withHandle(h -> projectByName(h, p.project()).map(row -> holdings(h, row)));
    } catch (JdbiException e) {
      throw JdbcProjectStore.translate(e, p.describe());
    }
  }

  private static ServerProject holdings(Handle h, ProjectRow row) {
    return new ServerProject(row.info().name(), row.info().created(), row.info().createdBy(),
        count(h, "document", row.key), count(h, "coder", row.key), count(h, "coding", row.key));
  }

  /**
   * Deletes a project from its server in one transaction, once no other process is writing to it, and says what it
   * held. The other projects of the server are not touched.
   */
  public static ServerProject delete(ProjectLocation.PostgresProject p) {
    Migrations migrations = migrationsFor(p);
    DataSource ds = postgres(p);
    ProjectAccessException none = new ProjectAccessException("there is no project \"" + p.project() + "\" on "
        + p.server().describe() + " (lacrima projects --db … lists them); nothing was deleted");
    int version = schemaVersion(ds, p.schema(), migrations, p.describe()).orElseThrow(() -> none);
    // every table the project may have rows in is there once the schema is up to date
    migrations.bringUpToDate(ds, p.schema(), Optional.empty(), p.describe(), version);
    Jdbi jdbi = Jdbi.create(ds);
    JdbcProjectStore.configure(jdbi, Dialect.POSTGRESQL);
    try {
      return jdbi.inTransaction(h -> {
        // the table first, then the project's lock, as a demo's rebuild takes them (the other order deadlocks); the
        // name is looked up under both, so that a project deleted or rebuilt meanwhile is not reported deleted
        h.execute("SET LOCAL lock_timeout = '2s'");
        h.execute("LOCK TABLE project IN SHARE ROW EXCLUSIVE MODE");
        ProjectRow row = projectByName(h, p.project()).orElseThrow(() -> none);
        JdbcProjectStore.lockOnServer(h, row.key);
        ServerProject held = holdings(h, row);
        // the checks that no coding refers to a removed coder or category join the schema's codings with the
        // removed rows: a hash join reads the codings once, a nested loop once per coder (minutes for thousands)
        h.execute("SET LOCAL enable_nestloop = off");
        deleteProject(h, row.key);
        return held;
      });
    } catch (JdbiException e) {
      throw JdbcProjectStore.translate(e, p.describe());
    }
  }

  /** {@link #lacrimaVersion} of a schema, a failure to connect said in one line naming {@code where}. */
  private static Optional<Integer> schemaVersion(DataSource ds, String schema, Migrations migrations, String where) {
    try (var c = ds.getConnection()) {
      return lacrimaVersion(c, migrations, schema);
    } catch (java.sql.SQLException e) {
      // the server's messages run on ("Position: 21"): the first line says it
      throw new ProjectAccessException(("42501".equals(e.getSQLState()) ? "no permission to open " : "cannot reach ")
          + where + ": " + reason(e), e);
    }
  }

  /**
   * The version of Lacrima's schema there, if the schema holds Lacrima's tables: a migration history alone may be
   * another program's (Flyway is common), and is neither read as projects nor migrated.
   */
  private static Optional<Integer> lacrimaVersion(java.sql.Connection c, Migrations migrations, String schema)
      throws java.sql.SQLException {
    Optional<Integer> version = migrations.currentVersion(c, schema);
    if (version.isEmpty()) {
      return version;
    }
    // the catalog, not information_schema, which shows a role only the tables it has rights on
    try (var st = c.prepareStatement("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = ? "
        + "AND tablename = ANY (?)")) {
      st.setString(1, schema);
      st.setArray(2, c.createArrayOf("text", LACRIMA_TABLES.toArray()));
      try (var rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1) == LACRIMA_TABLES.size() ? version : Optional.empty();
      }
    }
  }

  private static long count(Handle h, String table, long project) {
    return h.createQuery("SELECT count(*) FROM " + table + " WHERE project_key = ?").bind(0, project)
        .mapTo(Long.class).one();
  }

  /** Removes every row of a project, children before parents. */
  private static void deleteProject(Handle h, long key) {
    String documents = "(SELECT key FROM document WHERE project_key = ?)";
    for (String sql : List.of(
        "DELETE FROM consensus_decision_replaced WHERE project_key = ?",
        "DELETE FROM consensus_decision WHERE project_key = ?",
        "DELETE FROM consensus_study WHERE project_key = ?",
        "DELETE FROM coverage WHERE project_key = ?",
        "DELETE FROM codebook_change_trail WHERE project_key = ?",
        "DELETE FROM codebook_change WHERE project_key = ?",
        "DELETE FROM codebook_version WHERE project_key = ?",
        "DELETE FROM memo WHERE project_key = ?",
        "DELETE FROM coding WHERE project_key = ?",
        "DELETE FROM meaning_unit WHERE document_key IN " + documents,
        "DELETE FROM turn WHERE document_key IN " + documents,
        "DELETE FROM document_variable WHERE document_key IN " + documents,
        "DELETE FROM document WHERE project_key = ?",
        "DELETE FROM coder WHERE project_key = ?",
        "DELETE FROM relation WHERE project_key = ?",
        "DELETE FROM category WHERE project_key = ?",
        "DELETE FROM category_system WHERE project_key = ?",
        "DELETE FROM project WHERE key = ?")) {
      h.execute(sql, key);
    }
  }

  static PGSimpleDataSource postgres(ProjectLocation.PostgresProject p) {
    return postgres(p.jdbcUrl(), p.properties());
  }

  private static PGSimpleDataSource postgres(String jdbcUrl, java.util.Properties properties) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    properties.forEach((k, v) -> {
      try {
        ds.setProperty(k.toString(), v.toString());
      } catch (java.sql.SQLException e) {
        throw new ProjectAccessException("--db: unknown connection setting " + k, e);
      }
    });
    return ds;
  }

  // ---- both -----------------------------------------------------------------------------------

  private record ProjectRow(long key, ProjectInfo info) {
  }

  private static ProjectInfo info(NewProject p) {
    return new ProjectInfo(Ids.next(), p.name(), p.created(), p.createdBy(), p.baseSystem(), p.baseVersion());
  }

  private static long insertProject(Handle h, ProjectInfo info) {
    return h.createUpdate("INSERT INTO project (id, name, created_at, created_by, base_system, base_version) "
            + "VALUES (:id, :name, :at, :by, :system, :version)")
        .bind("id", info.id()).bind("name", info.name()).bind("at", info.created()).bind("by", info.createdBy())
        .bind("system", info.baseSystem()).bind("version", info.baseVersion())
        .executeAndReturnGeneratedKeys("key").mapTo(Long.class).one();
  }

  private static final String PROJECT_COLUMNS = "SELECT key, id, name, created_at, created_by, base_system, base_version FROM project";

  private static ProjectRow onlyProject(Handle h, String where) {
    List<ProjectRow> rows = h.createQuery(PROJECT_COLUMNS).map((rs, ctx) -> projectRow(rs)).list();
    if (rows.isEmpty()) {
      // what an init killed halfway left behind, before inits were built under another name
      throw new ProjectAccessException(where + " holds no project: its creation was cut off. It holds nothing else "
          + "either; delete it and create the project again");
    }
    if (rows.size() != 1) {
      throw new ProjectAccessException(where + " holds " + rows.size() + " projects; a project file holds exactly one");
    }
    return rows.get(0);
  }

  /**
   * A new project's name on a server is typed again by every member of the team: one line of visible text, and not
   * one that passes for a project the server has ("team" beside "Team", "team" with a no-break space or a Cyrillic
   * "е"), where a slip would open the wrong study.
   */
  private static void refuseUnclearName(Handle h, ProjectLocation.PostgresProject p) {
    org.lacrima.core.text.Names.lineProblem("the project's name", p.project()).ifPresent(problem -> {
      throw new ProjectAccessException(problem);
    });
    passingFor(h, p.project()).ifPresent(other -> {
      throw new ProjectAccessException("the server has a project named \"" + other + "\", which is easily taken "
          + "for \"" + p.project() + "\" (case, spaces or look-alike letters); choose a name apart from it");
    });
    if (p.project().toLowerCase(java.util.Locale.ROOT).endsWith(".lacrima")) {
      // a file's name given where the server was meant, or the server where a file was (LACRIMA_DB set, say)
      throw new ProjectAccessException("\"" + p.project() + "\" is named like a project file, but a project on a "
          + "server has a name, not a file: leave out .lacrima, or, for a file while LACRIMA_DB is set, give --db \"\"");
    }
    org.lacrima.core.text.Names.typedProblem(p.project()).ifPresent(problem -> {
      throw new ProjectAccessException("the project's name " + problem + "; everyone who opens the project types its "
          + "name, so write it as a keyboard types it plainly");
    });
  }

  /** A project of the server whose name passes for {@code name} ({@link org.lacrima.core.text.Names#confusable}). */
  private static Optional<String> passingFor(Handle h, String name) {
    return h.createQuery("SELECT name FROM project").mapTo(String.class).list().stream()
        .filter(other -> org.lacrima.core.text.Names.confusable(other, name)).findFirst();
  }

  /**
   * The project of that name (composed, as locations give it); one an earlier version stored decomposed, as it was
   * typed, is found too, where no composed one is there.
   */
  private static Optional<ProjectRow> projectByName(Handle h, String name) {
    String decomposed = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
    List<ProjectRow> rows = h.createQuery(PROJECT_COLUMNS + " WHERE name = :name OR name = :decomposed")
        .bind("name", name).bind("decomposed", decomposed).map((rs, ctx) -> projectRow(rs)).list();
    return rows.stream().filter(r -> r.info().name().equals(name)).findFirst().or(() -> rows.stream().findFirst());
  }

  private static ProjectRow projectRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ProjectRow(rs.getLong("key"), new ProjectInfo(UUID.fromString(rs.getString("id")), rs.getString("name"),
        Instant.parse(rs.getString("created_at")), rs.getString("created_by"), rs.getString("base_system"),
        rs.getString("base_version")));
  }
}
