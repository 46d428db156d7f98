package org.lacrima.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project a command works on: a file, or with --db a project name on a PostgreSQL server. */
final class ProjectOptions {

  @Parameters(index = "0", paramLabel = "PROJECT",
      description = "The project: a file such as study.lacrima, or with --db the project's name on the server.")
  String project;

  @Option(names = "--db", paramLabel = "URL",
      description = "A PostgreSQL server holding the project: postgresql://[user[:password]@]host[:port]/database[?schema=…]."
          + " Default: the environment variable LACRIMA_DB, else none (PROJECT is a file); --db \"\" opens a file "
          + "while LACRIMA_DB is set.")
  String db;

  /** The command this mixin is part of: where opening a project says what it did. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  ProjectLocation location() {
    return location(project, db);
  }

  static ProjectLocation location(String project, String db) {
    return readingServer(db, server -> ProjectLocation.of(project, server));
  }

  /**
   * Reads the server of --db, else of LACRIMA_DB (none: empty). A URL that came from the environment is named as
   * such in a message: there is no --db on the command line to fix.
   */
  static <T> T readingServer(String db, java.util.function.Function<Optional<String>, T> read) {
    Optional<String> server = Optional.ofNullable(db).or(() -> Optional.ofNullable(System.getenv("LACRIMA_DB")))
        .filter(s -> !s.isBlank());
    try {
      return read.apply(server);
    } catch (org.lacrima.core.InputException e) {
      if (db == null && e.getMessage().startsWith("--db")) {
        throw new org.lacrima.core.InputException("LACRIMA_DB" + e.getMessage().substring("--db".length()));
      }
      throw e;
    }
  }

  /**
   * The built-in category system is not a project: naming it ("builtin") is refused with the reason,
   * instead of creating a project file of that name.
   */
  ProjectStore open() {
    if (project.equalsIgnoreCase("builtin") || project.equalsIgnoreCase("built-in")) {
      throw new InputException("the built-in category system is read-only; every project has its own copy to "
          + "change: lacrima init study.lacrima, then name the project here");
    }
    return open(project, db, mixee);
  }

  /** A project opened for {@code command}, which says what opening did (a migration) on standard error. */
  static ProjectStore open(String project, String db, picocli.CommandLine.Model.CommandSpec command) {
    ProjectStore store = ProjectStores.open(location(project, db));
    store.openingNote().ifPresent(note -> {
      // on standard error: what a command prints on standard output may be data (a CSV, a report in JSON)
      command.commandLine().getErr().println("lacrima: " + note + ".");
      command.commandLine().getErr().flush();
    });
    return store;
  }

  /**
   * The project as a suggested next command names it: quoted where a shell needs it, and followed by --db where
   * the server was given with --db (a server from LACRIMA_DB needs nothing).
   */
  String inHint() {
    return inHint(project, db);
  }

  /** A project as a hint names it: quoted for the shell, with "--db …" where it is on a server. */
  static String inHint(String project, String db) {
    String quoted = ProjectLocation.shellWord(project);
    if (db != null && db.isBlank() && System.getenv("LACRIMA_DB") != null && !System.getenv("LACRIMA_DB").isBlank()) {
      // a file opened while LACRIMA_DB names a server: the next command needs the same --db "" to reach it
      return quoted + " --db \"\"";
    }
    return db != null && !db.isBlank() ? quoted + " --db …" : quoted;
  }

  /** For messages: the absolute file, or the server project. */
  String describe() {
    ProjectLocation l = location();
    return l instanceof ProjectLocation.SqliteFile f ? Path.of(f.file().toString()).toAbsolutePath().toString() : l.describe();
  }
}
