package org.lacrima.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.text.Counted;
import org.lacrima.core.text.Names;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;
import org.lacrima.store.ProjectStores.ServerProject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The projects of a team server. A project file is one project, kept and deleted as a file; a server holds many in
 * one database, and without this command only a database administrator could see or remove them.
 */
@Command(name = "projects",
    header = "List the projects on a team server (--db), or delete one.",
    description = {"List the projects on a team server: name, created when and by whom, documents, coders, codings.",
        "A project file is one project; it is listed, copied and deleted as a file."},
    subcommands = ProjectsCommand.Delete.class)
final class ProjectsCommand implements Callable<Integer> {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  @Option(names = "--db", paramLabel = "URL",
      description = "The PostgreSQL server: postgresql://[user[:password]@]host[:port]/database[?schema=…]."
          + " Default: the environment variable LACRIMA_DB.")
  String db;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ProjectLocation.PostgresServer server = server(db, "lists the projects on a team server");
    List<ServerProject> projects = ProjectStores.list(server);
    var out = spec.commandLine().getOut();
    if (projects.isEmpty()) {
      out.println("No projects on " + server.describe() + ".");
      return 0;
    }
    out.println(Counted.of(projects.size(), "project") + " on " + server.describe() + ":");
    for (ServerProject p : projects) {
      out.println("  " + Names.shown(p.name()) + "  (" + holdings(p) + "; created " + DAY.format(p.created())
          + " by " + Names.shown(p.createdBy()) + ")");
    }
    return 0;
  }

  private static String holdings(ServerProject p) {
    return Counted.of(p.documents(), "document") + ", " + Counted.of(p.coders(), "coder") + ", "
        + Counted.of(p.codings(), "coding");
  }

  /** The server of --db, else of LACRIMA_DB; a file project has no server to ask. */
  static ProjectLocation.PostgresServer server(String db, String what) {
    return ProjectOptions.readingServer(db, url -> ProjectLocation.server(url.orElseThrow(() -> new InputException(
        "lacrima projects " + what + ": name it with --db postgresql://host/database (or LACRIMA_DB). A project file "
            + "is one project; it is copied and deleted as a file"))));
  }

  @Command(name = "delete",
      header = "Delete a project from a team server, with every document, coding, memo and its history.",
      description = {"Delete a project from a team server: its documents, codings, memos, category system, history",
          "and consensus decisions, in one transaction, once no other command is writing to it. Without --yes it",
          "only says what the project holds. There is no undo: keep an export or a database backup first."})
  static final class Delete implements Callable<Integer> {

    // not ProjectOptions: its PROJECT may be a file, which this command refuses
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name on the server.")
    String name;

    @Option(names = "--db", paramLabel = "URL",
        description = "The PostgreSQL server holding it: postgresql://[user[:password]@]host[:port]/database[?schema=…]."
            + " Default: the environment variable LACRIMA_DB.")
    String db;

    @Option(names = "--yes", description = "Delete it (without: only say what would be deleted).")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      ProjectLocation location = ProjectOptions.location(name, db);
      if (!(location instanceof ProjectLocation.PostgresProject p)) {
        throw new InputException("lacrima projects delete deletes a project on a team server (--db); a project "
            + "file is deleted as a file");
      }
      var out = spec.commandLine().getOut();
      if (!yes) {
        // found as the deletion finds it: a name an earlier version stored decomposed is the same name
        ServerProject held = ProjectStores.held(p).orElseThrow(() -> new InputException("there is no project \""
            + Names.shown(p.project()) + "\" on the server (lacrima projects --db … lists them)"));
        out.println("Project \"" + Names.shown(held.name()) + "\" holds " + holdings(held) + "; nothing was deleted. "
            + "To delete it for good: lacrima projects delete " + ProjectOptions.inHint(name, db) + " --yes");
        return 0;
      }
      ServerProject deleted = ProjectStores.delete(p);
      out.println("Deleted project \"" + Names.shown(deleted.name()) + "\" from " + p.server().describe() + " with "
          + holdings(deleted) + ".");
      return 0;
    }
  }
}
