package org.lacrima.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.coding.CodingImport;
import org.lacrima.core.project.ProjectAccessException;
import org.lacrima.core.project.ProjectStatistics;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", description = {
    "Build the fictional demo study (six invented interviews, two coders) and show the category system and its codings.",
    "Running it again rebuilds the demo project."})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to put the demo project (default: lacrima-demo.lacrima in the current folder; with --db, the project name).")
  String out;

  @Option(names = "--db", paramLabel = "URL", description = "Build the demo on a PostgreSQL server instead of in a file.")
  String db;

  @Mixin
  Actor actor;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CategorySystem system = BuiltInCategorySystem.get();
    Instant now = Instant.now();
    String who = actor.name();
    // on a server (--db or LACRIMA_DB) the demo is a project name, in a folder a file name
    ProjectLocation named = ProjectOptions.location(out != null ? out : DemoStudy.NAME, db);
    ProjectLocation target = out == null && named instanceof ProjectLocation.SqliteFile
        ? ProjectOptions.location(DemoStudy.NAME + ".lacrima", db) : named;
    // named as init names a project: after its file (or, on a server, as given)
    String name = target instanceof ProjectLocation.SqliteFile f ? InitCommand.projectName(f)
        : out != null ? out : DemoStudy.NAME;
    var project = new ProjectStores.NewProject(name, who, now, system.info().id(), system.info().version());
    CodingImport.Report[] report = new CodingImport.Report[1];
    ProjectStore.Work<Void> build = s -> {
      report[0] = DemoStudy.build(s, system, who, now);
      return null;
    };
    String where;
    ProjectStatistics stats;
    if (target instanceof ProjectLocation.SqliteFile file) {
      Path path = file.file().toAbsolutePath();
      refuseToOverwriteOtherProjects(path);
      // built beside the target and moved into place: an earlier demo survives a failed rebuild
      ProjectStores.removeStaleLeftovers(path, ".building");
      ProjectStores.removeStaleLeftovers(path, ".creating");
      Path fresh = path.resolveSibling("." + path.getFileName() + "." + UUID.randomUUID() + ".building");
      try {
        try (ProjectStore store = ProjectStores.create(new ProjectLocation.SqliteFile(fresh), project, build)) {
          stats = store.read(ProjectStatistics::of);
        }
        moveIntoPlace(fresh, path);
      } finally {
        Files.deleteIfExists(fresh);
      }
      where = path.toString();
    } else {
      try (ProjectStore store = ProjectStores.createReplacing((ProjectLocation.PostgresProject) target, project, build,
          DemoStudy::isDemo)) {
        stats = store.read(ProjectStatistics::of);
        where = store.location();
      }
    }
    print(system, stats, report[0], where, target);
    return 0;
  }

  /**
   * Replaces an earlier demo only while holding its write lock, so that a command writing to it in
   * another process is not silently lost with the replaced file: that command finishes first, or
   * the demo is refused ("being changed by another process"), and none can start during the move.
   */
  private static void moveIntoPlace(Path fresh, Path path) throws IOException {
    if (!Files.exists(path)) {
      // no REPLACE_EXISTING: a file that appeared meanwhile is not ours to replace
      Files.move(fresh, path);
      return;
    }
    try (ProjectStore existing = ProjectStores.open(new ProjectLocation.SqliteFile(path))) {
      existing.write(s -> {
        // checked again under the lock: the file may have become another project while the demo was built
        if (!DemoStudy.isDemo(s)) {
          throw new ProjectAccessException(path + " is not the demo project; choose another file with --out");
        }
        try {
          Files.move(fresh, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void refuseToOverwriteOtherProjects(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    boolean isDemo;
    try (ProjectStore existing = ProjectStores.open(new ProjectLocation.SqliteFile(path))) {
      // by its contents: a project a team named lacrima-demo is theirs
      isDemo = existing.read(DemoStudy::isDemo);
    } catch (ProjectAccessException e) {
      isDemo = false;
    }
    if (!isDemo) {
      throw new ProjectAccessException(path + " exists and is not the demo project; choose another file with --out");
    }
  }

  private void print(CategorySystem system, ProjectStatistics stats, CodingImport.Report report, String where,
      ProjectLocation target) {
    PrintWriter o = spec.commandLine().getOut();
    o.println("Lacrima demo study: six FICTIONAL interviews with therapists (2 PDT, 2 CBT, 2 ST), written for Lacrima,");
    o.println("coded independently by two fictional coders, " + String.join(" and ",
        stats.coders().stream().map(c -> c.name()).toList()) + ".");
    o.println();
    o.println("Category system: " + system.info().title().english() + " (" + system.info().versionLabel() + ")");
    o.println("Codings per category (both coders):");
    Map<UUID, String> counts = new HashMap<>();
    for (ProjectStatistics.CategoryRow row : stats.categories()) {
      if (row.category().codable()) {
        counts.put(row.category().id(), "(" + row.total() + ")");
      }
    }
    new CategoryTree().print(system, "en", o, counts);
    o.println();
    o.println("Codings per category by orientation:");
    new StatsReport().table(stats, stats.orientations(),
        row -> stats.orientations().stream().map(x -> row.byOrientation().get(x)).toList(), o);
    o.println();
    o.printf("%,d documents, %,d words, %,d turns, %,d meaning units (one per turn), %,d codings.%n",
        stats.documents(), stats.words(), stats.turns(), stats.units(), report.added());
    o.println();
    o.println("The demo project lies at " + where);
    String p = target instanceof ProjectLocation.SqliteFile ? ProjectLocation.shellWord(where)
        : ProjectLocation.shellWord(((ProjectLocation.PostgresProject) target).project()) + (db != null ? " --db …" : "");
    o.println("Try:  " + Lacrima.command() + " stats " + p);
    o.println("      " + Lacrima.command() + " codebook export --format html -o codebook.html");
    o.println("      " + Lacrima.command() + " codings export " + p + " -o codings.csv");
  }
}
