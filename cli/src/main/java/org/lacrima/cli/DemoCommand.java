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
    "Running it again rebuilds the demo project; a demo changed since it was built (codings added, decisions",
    "taken) is kept first: a file beside it as lacrima-demo.kept-DATE.lacrima, on a server (--db) as the project",
    "lacrima-demo.kept-DATE."})
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
    java.util.Optional<String> kept = java.util.Optional.empty();
    String stamp = ProjectStores.stamp();
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
        kept = moveIntoPlace(fresh, path, stamp).map(Path::toString);
      } finally {
        Files.deleteIfExists(fresh);
      }
      where = path.toString();
    } else {
      // the earlier demo is kept on the server under a name of its own where work was done in it
      ProjectStores.Replaced replaced = ProjectStores.createReplacing((ProjectLocation.PostgresProject) target,
          project, build, new ProjectStores.Replacement(DemoStudy::isDemo,
              (earlier, built) -> !content(earlier).equals(content(built)), n -> keptName(name, stamp, n)));
      try (ProjectStore store = replaced.store()) {
        stats = store.read(ProjectStatistics::of);
        where = store.location();
      }
      kept = replaced.keptAs().map(k -> "project " + ProjectLocation.shellWord(k) + " on the server");
    }
    print(system, stats, report[0], where, target);
    kept.ifPresent(k -> spec.commandLine().getOut().println("The earlier demo project differed from the one built now "
        + "(work done in it, or a demo of an earlier version); it is kept as " + k));
    return 0;
  }

  /**
   * Replaces an earlier demo only while holding its write lock, so that a command writing to it in
   * another process is not silently lost with the replaced file: that command finishes first, or
   * the demo is refused ("being changed by another process"), and none can start during the move.
   */
  private static java.util.Optional<Path> moveIntoPlace(Path fresh, Path path, String stamp) throws IOException {
    if (!Files.exists(path)) {
      // no REPLACE_EXISTING: a file that appeared meanwhile is not ours to replace
      Files.move(fresh, path);
      return java.util.Optional.empty();
    }
    Path[] keptAs = new Path[1];
    String built;
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(fresh))) {
      built = store.read(DemoCommand::content);
    }
    try (ProjectStore existing = ProjectStores.open(new ProjectLocation.SqliteFile(path))) {
      existing.write(s -> {
        // checked again under the lock: the file may have become another project while the demo was built
        if (!DemoStudy.isDemo(s)) {
          throw new ProjectAccessException(path + " is not the demo project; choose another file with --out");
        }
        try {
          if (!content(s).equals(built)) {
            // a team practising on the demo (a third coder, consensus decisions) would lose that work to the rebuild;
            // copied under the lock, whose open transaction has written nothing, the file is whole
            Path kept = keptCopy(path, stamp);
            Files.copy(path, kept, StandardCopyOption.COPY_ATTRIBUTES);
            keptAs[0] = kept;
          }
          Files.move(fresh, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return java.util.Optional.ofNullable(keptAs[0]);
  }

  /** Where the earlier demo is kept when it differs from the one built now: {@code lacrima-demo.kept-DATE.lacrima}. */
  private static Path keptCopy(Path path, String stamp) {
    String file = path.getFileName().toString();
    String stem = file.endsWith(".lacrima") ? file.substring(0, file.length() - ".lacrima".length()) : file;
    Path kept = path.resolveSibling(keptName(stem, stamp, 1) + ".lacrima");
    for (int n = 2; Files.exists(kept); n++) {
      kept = path.resolveSibling(keptName(stem, stamp, n) + ".lacrima");
    }
    return kept;
  }

  /** The n-th try (from 1) at a name for an earlier demo kept beside a new one, in a folder or on a server. */
  private static String keptName(String stem, String stamp, int n) {
    return stem + ".kept-" + stamp + (n == 1 ? "" : "-" + n);
  }

  /**
   * What a team could have added to or changed in the demo, without ids and times (which differ from build to build):
   * its documents with their variables and units, coders, codings with their memos, memos on documents and the
   * project, the category system and its log, and consensus decisions.
   */
  private static String content(org.lacrima.core.project.ProjectSession s) {
    StringBuilder out = new StringBuilder();
    java.util.Map<UUID, String> coders = new java.util.HashMap<>();
    s.coders().list().forEach(c -> coders.put(c.id(), c.name()));
    out.append(new java.util.TreeSet<>(coders.values())).append('\n');
    for (var d : s.documents().list()) {
      out.append(d.name()).append(' ').append(new java.util.TreeMap<>(d.variables())).append(' ')
          .append(s.units().byDocument(d.id()).stream().map(u -> u.start() + ".." + u.end()).toList()).append('\n');
      s.codings().byDocument(d.id()).stream().map(c -> coders.get(c.coder()) + "|" + c.category() + "|" + c.start()
          + "|" + c.end() + "|" + c.memo()).sorted().forEach(l -> out.append(l).append('\n'));
      s.memos().about(org.lacrima.core.coding.Memo.Target.DOCUMENT, d.id())
          .forEach(m -> out.append(m.text()).append('\n'));
    }
    s.memos().about(org.lacrima.core.coding.Memo.Target.PROJECT, s.project().id())
        .forEach(m -> out.append(m.text()).append('\n'));
    out.append(s.categories().current().categories()).append('\n').append(s.log().all().size()).append('\n');
    s.consensus().all().forEach(d -> out.append(d.disagreement()).append(d.kind()).append(d.rationale()).append('\n'));
    return out.toString();
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
