package org.lacrima.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.MeaningUnit;
import org.lacrima.core.transcript.Segmentation;
import org.lacrima.store.ProjectLocation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "units", description = "List and adjust the meaning units of a document.",
    subcommands = {UnitsCommand.ListUnits.class, UnitsCommand.Merge.class, UnitsCommand.Split.class})
final class UnitsCommand {

  static DocumentSummary document(ProjectSession s, String name) {
    return s.documents().byName(name)
        .orElseThrow(() -> new InputException("no document named \"" + name + "\" in the project"));
  }

  static String excerpt(String text) {
    // a transcript may hold direction overrides, which would reorder the listing's line around the excerpt
    String one = org.lacrima.core.text.Names.shown(text);
    if (one.codePointCount(0, one.length()) <= 90) {
      return one;
    }
    // cut between characters: a cut inside an emoji's surrogate pair would print "?"
    return one.substring(0, one.offsetByCodePoints(0, 87)) + "…";
  }

  @Command(name = "list", description = "List a document's units: number, offsets (code points), how the unit came about (turn, sentence, paragraph, merged, split) and its text.")
  static final class ListUnits implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1", paramLabel = "DOCUMENT", description = "The document, by name.")
    String document;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ProjectStore store = project.open()) {
        store.read(s -> {
          DocumentSummary d = document(s, document);
          DocumentText text = s.documents().text(d.id());
          List<MeaningUnit> units = s.units().byDocument(d.id());
          var out = spec.commandLine().getOut();
          if (units.isEmpty()) {
            // a document without turns cannot be segmented by them, the default
            // a table's rows are turns: what agreement compares by default, though not yet meaning units
            String turns = d.turns() == 0 ? "" : " (its " + org.lacrima.core.text.Counted.of(d.turns(), "speaker turn")
                + (d.turns() == 1 ? " is the unit" : " are the units") + " agreement compares by default)";
            out.println(d.name() + " has no meaning units yet" + turns + ": " + Lacrima.command() + " segment "
                + project.inHint() + " --documents " + ProjectLocation.shellWord(d.name())
                + (d.turns() == 0 ? " --by sentence" : ""));
          } else {
            out.printf("%4s  %-14s %-9s %s%n", "unit", "offsets", "from", "text");
          }
          for (int i = 0; i < units.size(); i++) {
            MeaningUnit u = units.get(i);
            out.printf("%4d  %6d..%-6d %-9s %s%n", i + 1, u.start(), u.end(), u.origin().code(),
                excerpt(text.slice(u.start(), u.end())));
          }
          return null;
        });
      }
      return 0;
    }
  }

  @Command(name = "merge", description = "Merge units FIRST to LAST (numbers from 'units list') into one.")
  static final class Merge implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1", paramLabel = "DOCUMENT", description = "The document, by name.")
    String document;

    @Parameters(index = "2", paramLabel = "FIRST", description = "The first unit, by its number in units list.")
    int first;

    @Parameters(index = "3", paramLabel = "LAST", description = "The last unit.")
    int last;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ProjectStore store = project.open()) {
        store.write(s -> {
          DocumentSummary d = document(s, document);
          s.units().replace(d.id(), Segmentation.merge(s.units().byDocument(d.id()), first - 1, last - 1,
              s.documents().turns(d.id())));
          return null;
        });
      }
      spec.commandLine().getOut().println("Merged units " + first + " to " + last + " of " + document + ".");
      return 0;
    }
  }

  @Command(name = "split", description = "Split a unit in two, at a code point offset or before a quoted text.")
  static final class Split implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1", paramLabel = "DOCUMENT", description = "The document, by name.")
    String document;

    @Parameters(index = "2", paramLabel = "UNIT", description = "The unit, by its number in units list.")
    int unit;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
      @Option(names = "--at", paramLabel = "OFFSET", description = "Split at this offset (code points).")
      Integer at;

      @Option(names = "--before", paramLabel = "TEXT", description = "Split before this text, which must occur once in the unit.")
      String before;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ProjectStore store = project.open()) {
        store.write(s -> {
          DocumentSummary d = document(s, document);
          DocumentText text = s.documents().text(d.id());
          List<MeaningUnit> units = s.units().byDocument(d.id());
          if (unit < 1 || unit > units.size()) {
            throw new InputException("there is no unit " + unit + " in " + document + " (it has " + units.size() + ")");
          }
          MeaningUnit u = units.get(unit - 1);
          int at = where.at != null ? where.at : offsetBefore(text, u, where.before);
          s.units().replace(d.id(), Segmentation.split(units, unit - 1, at, text));
          return null;
        });
      }
      spec.commandLine().getOut().println("Split unit " + unit + " of " + document + ".");
      return 0;
    }

    private static int offsetBefore(DocumentText text, MeaningUnit u, String quote) {
      List<Integer> inUnit = text.occurrences(quote).stream()
          .filter(o -> o > u.start() && o < u.end()).toList();
      if (inUnit.isEmpty()) {
        // said why: at the unit's very start, or only as part of a character (an emoji's modifier, half a flag)
        boolean atStart = text.occurrences(quote).contains(u.start());
        throw new InputException("--before \"" + quote + "\" " + (atStart ? "is where the unit starts; a split there "
            + "leaves nothing before it" : text.slice(u.start(), u.end()).contains(quote) ? "occurs in the unit only "
            + "as part of a character (an emoji with its modifier, a flag, a letter with its mark); split before or "
            + "after the whole character" : "does not occur in the unit"));
      }
      if (inUnit.size() > 1) {
        throw new InputException("--before \"" + quote + "\" occurs " + inUnit.size()
            + " times inside the unit (after its start); it must occur exactly once");
      }
      return inUnit.get(0);
    }
  }
}
