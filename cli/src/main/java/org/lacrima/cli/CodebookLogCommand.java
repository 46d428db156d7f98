package org.lacrima.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lacrima.core.codebook.CategorySystemCodec;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.CodebookHistory;
import org.lacrima.core.project.ProjectStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "log", description = "List the changes to a project's category system: who, when, why, what.")
final class CodebookLogCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @picocli.CommandLine.Option(names = "--codings", description = "Also list, under each change, the codings it "
      + "collapsed (each with its span, coder and memo, and the coding that took it in) and how many it moved.")
  boolean codings;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ProjectStore store = project.open()) {
      List<CodebookChange> log = store.read(s -> s.log().all());
      Map<Long, org.lacrima.core.codebook.CodingTrail> trails = new HashMap<>();
      Map<java.util.UUID, String> coders = new HashMap<>();
      Map<java.util.UUID, String> documents = new HashMap<>();
      if (codings) {
        store.read(s -> {
          log.forEach(c -> trails.put(c.sequence(), s.log().trail(c.sequence())));
          s.coders().list().forEach(c -> coders.put(c.id(), c.name()));
          s.documents().list().forEach(d -> documents.put(d.id(), d.name()));
          return null;
        });
      }
      Map<Long, Long> undoneBy = new HashMap<>();
      for (CodebookChange c : log) {
        if (c.kind() == CodebookChange.Kind.UNDO) {
          long target = CategorySystemCodec.parseJson(c.details(), "log").path("parameters").path("undoes").asLong();
          undoneBy.put(target, c.sequence());
        }
      }
      for (CodebookChange c : log) {
        // a reason of several lines stays indented under its entry: none of its lines can pass for an entry of its own
        out.printf("#%-4d %s  %-10s %-8s %s%s%n", c.sequence(), Console.WHEN.format(c.at()), c.who().replaceAll("\\R", " "),
            c.kind().code(),
            CodebookHistory.summary(c), undoneBy.containsKey(c.sequence()) ? "  [undone by #" + undoneBy.get(c.sequence()) + "]" : "");
        out.println("       why: " + Console.indented(c.why(), "            "));
        org.lacrima.core.codebook.CodingTrail trail = trails.get(c.sequence());
        if (trail != null && !trail.isEmpty()) {
          out.printf("       codings: %s moved, %s collapsed%n", trail.moved().size(), trail.collapsed().size());
          for (var k : trail.collapsed()) {
            var r = k.removed();
            out.printf("         %s  %s %d..%d  %s  into %s%s%n", r.id(), documents.getOrDefault(r.document(), "?"),
                r.start(), r.end(), coders.getOrDefault(r.coder(), "?"), k.kept(),
                // further lines indented under the first, as rationales are: " / " could be in a memo too
                r.memo().isEmpty() ? "" : "  memo: " + Console.indented(r.memo(), "                 "));
          }
        }
      }
    }
    return 0;
  }
}
