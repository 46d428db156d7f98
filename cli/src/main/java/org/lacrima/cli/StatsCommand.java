package org.lacrima.cli;

import java.util.concurrent.Callable;
import org.lacrima.core.project.ProjectStatistics;
import org.lacrima.core.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", description = "Documents, words, turns, meaning units, and codings per category by coder and by orientation.")
final class StatsCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    try (ProjectStore store = project.open()) {
      ProjectStatistics st = store.read(ProjectStatistics::of);
      var out = spec.commandLine().getOut();
      out.println("Project " + store.info().name() + " (" + store.location() + ")");
      new StatsReport().print(st, out);
    }
    return 0;
  }
}
