package org.lacrima.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.project.ProjectSeed;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init",
    header = "Create a project, with its own copy of the built-in category system (or none).",
    description = {
    "Create a project. It gets its own copy of the built-in category system, recorded as its base version;",
    "with --empty it starts without categories (for corpora coded with another system)."})
final class InitCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Mixin
  Actor actor;

  @Option(names = "--empty", description = "Start without categories.")
  boolean empty;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ProjectLocation location = project.location();
    String name = location instanceof ProjectLocation.SqliteFile f ? projectName(f) : project.project;
    CategorySystem builtIn = BuiltInCategorySystem.get();
    Instant now = Instant.now();
    String who = actor.name();
    var newProject = new ProjectStores.NewProject(name, who, now,
        empty ? "empty" : builtIn.info().id(), empty ? "0" : builtIn.info().version());
    try (ProjectStore store = ProjectStores.create(location, newProject, s -> {
      if (empty) {
        ProjectSeed.empty(s, name, who, now);
      } else {
        ProjectSeed.from(s, builtIn, who, now);
      }
      return null;
    })) {
      var out = spec.commandLine().getOut();
      // a server project is named by its name already: "project x at project x on …" said it twice
      String where = project.describe();
      out.println("Created " + (where.startsWith("project ") ? where : "project \"" + store.info().name() + "\" at "
          + where));
      if (empty) {
        out.println("It has no categories yet.");
      } else {
        out.println("Its category system is a copy of " + builtIn.info().versionLabel() + " ("
            + builtIn.codable().size() + " codable categories, " + builtIn.relations().size()
            + " relations), kept as its base version.");
      }
      out.println("Next: " + Lacrima.command() + " import " + project.inHint() + " INTERVIEW.txt … [--vars variables.csv]"
          + (empty ? "\n  or, for data coded in a table: " + Lacrima.command() + " import-table " + project.inHint()
              + " FILE.csv --doc COL --order COL --text COL --coder COL --code COL …" : ""));
    }
    return 0;
  }

  static String projectName(ProjectLocation.SqliteFile f) {
    String file = f.file().getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }
}
