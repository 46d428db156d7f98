package org.lacrima.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lacrima.core.codebook.CodebookDiff;
import org.lacrima.core.codebook.CodebookHistory;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.text.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff",
    header = "Show what changed between two versions of the category system, field by field.",
    description = {
    "Show what changed between two versions: added, removed, renamed, moved, merged, split, retired categories,",
    "changed definitions and rules field by field, relations. A and B are tags, base, upstream or current."})
final class CodebookDiffCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Parameters(index = "1", paramLabel = "A", description = "The earlier version: a tag, base, upstream or current.")
  String a;

  @Parameters(index = "2", paramLabel = "B", description = "The later version: a tag, base, upstream or current.")
  String b;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ProjectStore store = project.open()) {
      List<CodebookDiff.Difference> diff = store.read(s -> CodebookDiff.between(CodebookHistory.version(s, a),
          CodebookHistory.version(s, b)));
      if (diff.isEmpty()) {
        out.println("No differences between " + a + " and " + b + ".");
      }
      for (CodebookDiff.Difference d : diff) {
        // a definition quoted here may hold a direction override, which would reorder the line it stands in
        String label = Names.shown(d.label());
        if (d.kind() == CodebookDiff.Kind.CHANGED || d.kind() == CodebookDiff.Kind.SYSTEM) {
          String[] lines = d.detail().split("\n", 2);
          out.printf("%-16s %s · %s%n%s%n", d.kind().wording(), label, Names.shown(lines[0]), lines.length > 1
              ? lines[1].lines().map(Names::shown).collect(java.util.stream.Collectors.joining("\n")) : "");
        } else {
          out.printf("%-16s %s: %s%n", d.kind().wording(), label, Names.shown(d.detail()));
        }
      }
    }
    return 0;
  }
}
