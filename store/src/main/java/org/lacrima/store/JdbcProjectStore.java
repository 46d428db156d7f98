package org.lacrima.store;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectAccessException;
import org.lacrima.core.project.ProjectInfo;
import org.lacrima.core.project.ProjectStore;

/**
 * A project in a SQL database. Each {@link #write} is one transaction that first takes the
 * project's write lock (SQLite: BEGIN IMMEDIATE on the file; PostgreSQL: an advisory lock on the
 * project), so a second writer gets a clear message instead of a half-done command.
 */
final class JdbcProjectStore implements ProjectStore {

  /** From how many codings on a load PostgreSQL's planner statistics are refreshed at once. */
  static final int BULK_LOAD = 10_000;

  private final Dialect dialect;
  private final Jdbi readJdbi;
  private final Jdbi writeJdbi;
  private final String location;
  private final long projectKey;
  private final ProjectInfo info;
  private final Runnable onClose;
  private Optional<String> openingNote = Optional.empty();

  JdbcProjectStore(Dialect dialect, Jdbi readJdbi, Jdbi writeJdbi, String location, long projectKey,
      ProjectInfo info, Runnable onClose) {
    this.dialect = dialect;
    this.readJdbi = readJdbi;
    this.writeJdbi = writeJdbi;
    this.location = location;
    this.projectKey = projectKey;
    this.info = info;
    this.onClose = onClose;
  }

  /** This store, with what opening it did that the user should know. */
  JdbcProjectStore noting(Optional<String> note) {
    this.openingNote = note;
    return this;
  }

  @Override
  public Optional<String> openingNote() {
    return openingNote;
  }

  static void configure(Jdbi jdbi, Dialect dialect) {
    // statement errors must not carry their arguments: those are transcript texts and memos
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    jdbi.registerArgument(new AbstractArgumentFactory<UUID>(dialect == Dialect.POSTGRESQL ? Types.OTHER : Types.VARCHAR) {
      @Override
      protected Argument build(UUID value, ConfigRegistry config) {
        return dialect == Dialect.POSTGRESQL
            ? (position, statement, ctx) -> statement.setObject(position, value)
            : (position, statement, ctx) -> statement.setString(position, value.toString());
      }
    });
    jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.VARCHAR) {
      @Override
      protected Argument build(Instant value, ConfigRegistry config) {
        return (position, statement, ctx) -> statement.setString(position, value.toString());
      }
    });
  }

  @Override
  public ProjectInfo info() {
    return info;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public <T> T read(Work<T> work) {
    try {
      if (dialect == Dialect.POSTGRESQL) {
        // one snapshot for all the queries of a report, even while someone imports
        return readJdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
          h.execute("SET TRANSACTION READ ONLY");
          requireStillThere(h);
          return work.run(new JdbcSession(h, dialect, projectKey, info));
        });
      }
      return readJdbi.inTransaction(h -> work.run(new JdbcSession(h, dialect, projectKey, info)));
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  @Override
  public <T> T write(Work<T> work) {
    long[] loaded = {0};
    T result;
    try {
      result = writeJdbi.inTransaction(h -> {
        lock(h);
        JdbcSession session = new JdbcSession(h, dialect, projectKey, info);
        T out = work.run(session);
        loaded[0] = session.codingsLoaded;
        return out;
      });
    } catch (JdbiException e) {
      throw translate(e);
    }
    if (dialect == Dialect.POSTGRESQL && loaded[0] >= BULK_LOAD) {
      refreshStatistics();
    }
    return result;
  }

  /**
   * After a bulk load PostgreSQL's planner works from stale statistics until autovacuum comes by, and the next
   * agreement run sorts and hashes by guesses. Once, after the commit, so that the lock ANALYZE takes on the table
   * all projects share is held for its own few hundred milliseconds only; a failure costs only speed.
   */
  private void refreshStatistics() {
    try {
      writeJdbi.useHandle(h -> h.execute("ANALYZE coding"));
    } catch (JdbiException e) {
      // the load itself is committed; statistics will come with autovacuum
    }
  }

  private void lock(Handle h) {
    if (dialect == Dialect.POSTGRESQL) {
      lockOnServer(h, projectKey);
      requireStillThere(h);
    }
    // SQLite: the write connection begins its transactions IMMEDIATE, which takes the file's
    // reserved lock at once. A damaged file takes no more writes: a command touching only sound pages would
    // succeed and bury the damage under new work (reads say so where they meet it). The quick check reads
    // every page once, a third of a second for a million codings.
    if (dialect == Dialect.SQLITE) {
      String check = h.createQuery("PRAGMA quick_check(1)").mapTo(String.class).one();
      if (!"ok".equals(check)) {
        throw new ProjectAccessException(location + " is " + ProjectStores.DAMAGED + " (SQLite's check: "
            + check.lines().filter(l -> !l.startsWith("***")).findFirst().orElse(check).strip() + ")");
      }
    }
  }

  /**
   * PostgreSQL: the project is still on the server. A command opens it, then works; a "projects delete" may come
   * between, and the work would then end in a fault of a half-missing project instead of saying what happened.
   */
  private void requireStillThere(Handle h) {
    java.util.Optional<String> name = h.createQuery("SELECT name FROM project WHERE key = :key").bind("key", projectKey)
        .mapTo(String.class).findOne();
    if (name.isEmpty()) {
      throw new ProjectAccessException(location + " was deleted from the server (lacrima projects delete) after this "
          + "command opened it; nothing was changed");
    }
    if (!name.get().equals(info.name())) {
      // a demo rebuilt meanwhile keeps the earlier one under another name: work meant for the project of this name
      // must not land in that copy
      throw new ProjectAccessException(location + " was replaced after this command opened it (the earlier one is "
          + "kept as \"" + name.get() + "\"); nothing was changed; run the command again");
    }
  }

  /**
   * PostgreSQL: a project's write lock for the rest of the transaction, waiting two seconds at most. Keyed by
   * schema too: project keys start at 1 in every schema of a server.
   */
  static void lockOnServer(Handle h, long projectKey) {
    h.execute("SET LOCAL lock_timeout = '2s'");
    h.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()), ?)", Math.toIntExact(projectKey));
  }

  RuntimeException translate(JdbiException e) {
    return translate(e, location);
  }

  static RuntimeException translate(JdbiException e, String location) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException || t instanceof ProjectAccessException) {
        return (RuntimeException) t;
      }
      if (t instanceof SQLException sql && isLockConflict(sql)) {
        // on SQLite a long read (an export piped into a pager, say) also holds off a writer until it ends
        String reader = "55P03".equals(sql.getSQLState()) ? "" : ", or read at length by one (an export, say)";
        return new ProjectAccessException(location + " is being changed by another process" + reader
            + "; nothing was changed. Try again when it has finished.", e);
      }
      if (t instanceof SQLException sql && "25006".equals(sql.getSQLState())) {
        return new ProjectAccessException(location + " cannot be changed: the server accepts only reading here (a "
            + "read-only role, transaction or standby server); nothing was changed.", e);
      }
      if (t instanceof SQLException sql && isReadOnly(sql)) {
        return new ProjectAccessException(location + " cannot be changed: the file or its folder is read-only "
            + "for you (Lacrima needs to write the project and a journal file beside it); nothing was changed.", e);
      }
      if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
        return new ProjectAccessException(location + " cannot be changed by this role: the server says \""
            + sql.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "") + "\"; nothing was changed. "
            + "Ask the server's administrator for write rights to the project's schema.", e);
      }
      if (t instanceof SQLException sql && sql.getMessage() != null
          && (sql.getMessage().contains("SQLITE_CORRUPT") || sql.getMessage().contains("SQLITE_NOTADB"))) {
        return new ProjectAccessException(location + " is " + ProjectStores.DAMAGED + ".", e);
      }
      if (t instanceof SQLException sql && "54000".equals(sql.getSQLState())) {
        // PostgreSQL's program_limit_exceeded: a name beyond what a unique index can hold (about 2,700 bytes)
        return new InputException("a name is too long to be stored on the server (" + sql.getMessage().lines()
            .findFirst().orElse("") + "); keep names of coders, documents, variables, tags and projects to a few "
            + "hundred characters. Nothing was changed.");
      }
    }
    return e;
  }

  static boolean isLockConflict(SQLException e) {
    String state = Optional.ofNullable(e.getSQLState()).orElse("");
    String message = Optional.ofNullable(e.getMessage()).orElse("");
    return state.equals("55P03") // PostgreSQL lock_not_available
        || message.contains("SQLITE_BUSY") || message.contains("database is locked");
  }

  static boolean isReadOnly(SQLException e) {
    String message = Optional.ofNullable(e.getMessage()).orElse("");
    return message.contains("SQLITE_READONLY") || message.contains("SQLITE_CANTOPEN")
        || "25006".equals(e.getSQLState()); // PostgreSQL read_only_sql_transaction
  }

  @Override
  public void close() {
    onClose.run();
  }
}
