package org.lacrima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CategorySystemCodec;
import org.lacrima.core.codebook.CodebookHistory;
import org.lacrima.core.codebook.CodebookUpgrade;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.text.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "upgrade",
    header = "Take over a revised built-in category system by a three-way comparison.",
    description = {
    "Take over a revised built-in category system by a three-way comparison (the version last taken over,",
    "the project's current system, the new version). Without --accept or --decide it only lists the proposals.",
    "Clean changes: --accept all or --accept U1,U4. Conflicts with the team's own edits: --decide U2=mine|theirs."})
final class CodebookUpgradeCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Option(names = "--to", paramLabel = "FILE", description = "A category system file (YAML or JSON) to upgrade to "
      + "instead of this release's built-in system.")
  Path to;

  @Option(names = "--accept", split = ",", paramLabel = "all|ID", description = "Clean changes to take over.")
  List<String> accept = List.of();

  @Option(names = "--decide", split = ",", paramLabel = "ID=mine|theirs",
      description = "A decision on a conflict (repeatable, or several at once: U2=mine,U3=theirs).")
  Map<String, String> decide = new LinkedHashMap<>();

  @Option(names = "--why", paramLabel = "TEXT", description = "Why (required when accepting or deciding).")
  String why;

  @Option(names = "--as", paramLabel = "NAME", description = "Who takes the upgrade (default: the operating-system user).")
  String as;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CategorySystem next = to == null ? BuiltInCategorySystem.get() : read(to);
    PrintWriter out = spec.commandLine().getOut();
    try (ProjectStore store = project.open()) {
      if (accept.isEmpty() && decide.isEmpty()) {
        CodebookUpgrade.Plan plan = store.read(s -> CodebookUpgrade.plan(CodebookHistory.version(s, CodebookHistory.UPSTREAM),
            s.categories().current(), next, CodebookUpgrade.coded(s)));
        Set<String> kept = store.read(s -> CodebookUpgrade.keptEarlier(s, plan));
        long decided = plan.proposals().stream().filter(p -> kept.contains(p.id())).count();
        long cleanKept = plan.clean().stream().filter(p -> kept.contains(p.id())).count();
        out.println("From " + plan.upstream().info().versionLabel() + " to " + next.info().versionLabel() + ": "
            + (plan.clean().size() - cleanKept) + " clean change(s), " + (plan.conflicts().size() - decided + cleanKept)
            + " conflict(s) with the team's edits or the project as it stands" + (decided == 0 ? "" : ", " + decided
            + " kept as the team's by an earlier decision") + ".");
        print(plan.proposals(), kept, out);
        // the system's own description is no proposal: it comes with the version, once every proposal is settled
        List<String> described = CodebookUpgrade.describedAnew(plan.current(), next);
        reorderedNote(plan.current(), next, out);
        if (!described.isEmpty()) {
          out.println("Once every proposal is settled, the project also takes over the new version's "
              + String.join(", ", described) + " (codebook diff PROJECT base current shows them then).");
        }
        if (!plan.proposals().isEmpty()) {
          out.println("Take them over with --accept all (or --accept U1,…) and --decide ID=mine|theirs for conflicts,"
              + " with --why \"…\".");
        }
        return 0;
      }
      ChangeOptions change = new ChangeOptions();
      change.why = why;
      change.as = as;
      var by = change.attribution();
      boolean all = accept.stream().anyMatch(a -> a.equalsIgnoreCase("all"));
      Set<String> ids = new HashSet<>();
      // "u1" is U1, as a user reads the listing
      accept.stream().filter(a -> !a.equalsIgnoreCase("all")).map(a -> a.strip().toUpperCase(Locale.ROOT))
          .forEach(ids::add);
      Map<String, CodebookUpgrade.Choice> choices = new LinkedHashMap<>();
      decide.forEach((k, v) -> {
        try {
          choices.put(k.strip().toUpperCase(Locale.ROOT), CodebookUpgrade.Choice.valueOf(v.strip()
              .toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new InputException("--decide " + k + "=" + v + ": say mine or theirs");
        }
      });
      CodebookUpgrade.Result r = store.write(s -> CodebookUpgrade.apply(s, by, next, ids, all, choices));
      out.println("Took over " + r.applied().size() + " change(s); kept the team's version in " + r.kept().size() + ".");
      if (r.pending().isEmpty()) {
        out.println("The project now rests on " + next.info().versionLabel() + (r.described().isEmpty() ? ""
            : ", and takes over its " + String.join(", ", r.described())) + ".");
        reorderedNote(r.plan().current(), next, out);
      } else {
        out.println(r.pending().size() + " proposal(s) still open:");
        print(r.pending(), Set.of(), out);
      }
      r.change().ifPresent(c -> out.println("Logged as #" + c.sequence() + "."));
    }
    return 0;
  }

  private static void reorderedNote(CategorySystem current, CategorySystem next, PrintWriter out) {
    List<String> reordered = CodebookUpgrade.reordered(current, next);
    if (!reordered.isEmpty()) {
      out.println("Note: " + next.info().versionLabel() + " orders the categories under " + String.join(", ",
          reordered.stream().map(Names::shown).toList()) + " otherwise; an upgrade keeps the project's order (category "
          + "move --before or --after places a category).");
    }
  }

  private static void print(List<CodebookUpgrade.Proposal> proposals, Set<String> kept, PrintWriter out) {
    for (CodebookUpgrade.Proposal p : proposals) {
      String status = kept.contains(p.id()) ? "kept" : !p.conflict() ? "clean" : "CONFLICT";
      // texts of a file from elsewhere: nothing in them may act on the terminal or reorder the line
      out.printf("  %-4s %-9s %s%s%n", p.id(), status, Names.shown(p.label()),
          p.field().isEmpty() ? "" : " · " + Names.shown(p.field()));
      out.println("         yours:  " + Names.shown(shortened(p.mine(), p.theirs())));
      out.println("         theirs: " + Names.shown(shortened(p.theirs(), p.mine())));
      if (!p.obstacle().isEmpty()) {
        out.println("         cannot be taken over as the project stands: " + p.obstacle());
      }
    }
  }

  /**
   * Long texts cut for the overview, around where they part from {@code other}: a sentence added at the end of a
   * long definition would otherwise be cut off both versions, which then read alike.
   */
  static String shortened(String s, String other) {
    if (s.length() <= 200) {
      return s;
    }
    int apart = 0;
    while (apart < Math.min(s.length(), other.length()) && s.charAt(apart) == other.charAt(apart)) {
      apart++;
    }
    int from = apart < 150 ? 0 : apart - 60;
    // never between the two halves of a character
    if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
      from--;
    }
    int to = Math.min(s.length(), from + 196);
    if (to < s.length() && Character.isHighSurrogate(s.charAt(to - 1))) {
      to--;
    }
    return (from > 0 ? "…" : "") + s.substring(from, to) + (to < s.length() ? "…" : "");
  }

  private static CategorySystem read(Path file) throws IOException {
    try (InputStream in = org.lacrima.io.InputFiles.asUtf8(file, CategorySystemCodec.MAX_YAML_BYTES,
        "category systems")) {
      return CategorySystemCodec.readFile(CategorySystemCodec.parseYaml(in, file.toString()), file.toString());
    } catch (IOException e) {
      throw org.lacrima.io.InputFiles.cannotBeRead(file.toString(), e);
    }
  }
}
