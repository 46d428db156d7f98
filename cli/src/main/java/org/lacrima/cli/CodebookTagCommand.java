package org.lacrima.cli;

import java.util.concurrent.Callable;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.CodebookHistory;
import org.lacrima.core.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "tag", description = "Freeze the current category system as a named version, e.g. pilot or after-reliability-check.")
final class CodebookTagCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Parameters(index = "1", paramLabel = "NAME", description = "The version's name, e.g. pilot.")
  String name;

  @Option(names = "--why", paramLabel = "TEXT", defaultValue = "", description = "What this version marks.")
  String why;

  @Option(names = "--as", paramLabel = "NAME", description = "Who tags it.")
  String as;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    ChangeOptions change = new ChangeOptions();
    change.why = org.lacrima.core.text.Names.saysNothing(why) ? "version \"" + name + "\"" : why;
    change.as = as;
    try (ProjectStore store = project.open()) {
      CodebookChange c = store.write(s -> CodebookHistory.tag(s, change.attribution(), name));
      spec.commandLine().getOut().println("Tagged the current category system \"" + name.strip() + "\" (#"
          + c.sequence() + "). Compare with: " + Lacrima.command() + " codebook diff " + project.inHint() + " "
          + name.strip() + " current");
    }
    return 0;
  }
}
