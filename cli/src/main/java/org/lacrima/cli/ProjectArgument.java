package org.lacrima.cli;

import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.store.ProjectStores;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The project a change is made in. The built-in category system cannot be changed: naming it
 * ("builtin") is refused with the reason, instead of guessing.
 */
final class ProjectArgument {

  @Parameters(index = "0", paramLabel = "PROJECT",
      description = "The project (a file, or a name with --db) whose own category system is changed.")
  String project;

  @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL server holding the project.")
  String db;

  ProjectStore open() {
    if (project.equalsIgnoreCase("builtin") || project.equalsIgnoreCase("built-in")) {
      throw new InputException("the built-in category system is read-only; every project has its own copy to "
          + "change: lacrima init study.lacrima, then name the project here");
    }
    return ProjectStores.open(ProjectOptions.location(project, db));
  }
}
