package org.lacrima.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.Ids;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryOperations;
import org.lacrima.core.codebook.CategoryState;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.SplitRule;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.io.csv.CsvTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "category", description = {
    "Develop a project's category system by constant comparison, without losing a coding.",
    "Every change needs --why and is logged (lacrima codebook log); lacrima category undo walks it back."},
    subcommands = {CategoryCommand.Add.class, CategoryCommand.Edit.class, CategoryCommand.Rename.class,
        CategoryCommand.Move.class, CategoryCommand.Retire.class, CategoryCommand.Reactivate.class,
        CategoryCommand.Exclusive.class,
        CategoryCommand.Merge.class, CategoryCommand.Split.class, CategoryCommand.Review.class,
        CategoryCommand.Undo.class})
final class CategoryCommand {

  /** Runs one operation in one transaction and reports it. */
  abstract static class Operation implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Mixin
    ChangeOptions change;

    @Spec
    CommandSpec spec;

    abstract CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system);

    @Override
    public Integer call() {
      try (ProjectStore store = project.open()) {
        CodebookChange c = store.write(s -> run(s, CategoryOperations.on(s, change.attribution()),
            s.categories().current()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(capitalized(org.lacrima.core.codebook.CodebookHistory.summary(c)) + ".");
        // an undo is not undone by the next one: that walks further back, where there is anything left
        String undo = Lacrima.command() + " category undo " + project.inHint() + " --why \"…\"";
        out.println("Logged as #" + c.sequence() + (c.kind() != CodebookChange.Kind.UNDO ? ". Undo with: " + undo
            : store.read(s -> CategoryOperations.on(s, change.attribution()).hasUndoable())
                ? ". Undo the operation before it with: " + undo : "; no category operation is left to undo."));
      }
      return 0;
    }
  }

  static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static UUID resolve(CategorySystem system, String name) {
    return system.resolve(name).id();
  }

  @Command(name = "add", description = "Add a category (an inductive one, found in the material).")
  static final class Add extends Operation {
    @Parameters(index = "1", paramLabel = "NAME", description = "Its English label (--label-de for German).")
    String name;

    @Option(names = "--parent", paramLabel = "CATEGORY", description = "Where it goes (default: at the top).")
    String parent;

    @Mixin
    CategoryFields fields;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      Optional<UUID> p = parent == null ? Optional.empty() : Optional.of(resolve(system, parent));
      return ops.add(fields.applyTo(CategoryFields.bare(Ids.next(), p, name)));
    }
  }

  @Command(name = "edit", description = "Change fields of a category: definition, rules, examples, notes, labels.")
  static final class Edit extends Operation {
    @Parameters(index = "1", paramLabel = "CATEGORY", description = "The category: its id, English or German label, or path (A > B).")
    String category;

    @Option(names = "--label", paramLabel = "TEXT", description = "A new English label.")
    String label;

    @Mixin
    CategoryFields fields;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      return ops.edit(resolve(system, category), c -> {
        Category edited = fields.applyTo(c);
        return label == null ? edited : edited.withLabel(edited.label().with("en", label.strip()));
      });
    }
  }

  @Command(name = "rename", description = "Rename a category.")
  static final class Rename extends Operation {
    @Parameters(index = "1", paramLabel = "CATEGORY", description = "The category: its id, English or German label, or path (A > B).")
    String category;

    @Parameters(index = "2", paramLabel = "NEW-NAME", description = "The new label.")
    String newName;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|de", description = "Which label (default: en).")
    String language;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      return ops.rename(resolve(system, category), Languages.check(language), newName);
    }
  }

  @Command(name = "move", description = "Move a category (with its subcategories) under another one, to the top, or "
      + "right before or after another category (the order of an ordinal group's values is its scale).")
  static final class Move extends Operation {
    @Parameters(index = "1", paramLabel = "CATEGORY", description = "The category: its id, English or German label, or path (A > B).")
    String category;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    static final class Where {
      @Option(names = "--parent", paramLabel = "CATEGORY", description = "The new parent.")
      String parent;

      @Option(names = "--top", description = "Move it to the top level.")
      boolean top;

      @Option(names = "--before", paramLabel = "CATEGORY", description = "Put it right before this category, "
          + "under the same parent.")
      String before;

      @Option(names = "--after", paramLabel = "CATEGORY", description = "Put it right after this category, "
          + "under the same parent.")
      String after;
    }

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      UUID id = resolve(system, category);
      if (where.before != null || where.after != null) {
        return ops.moveBeside(id, resolve(system, where.before != null ? where.before : where.after), where.after != null);
      }
      return ops.move(id, where.top ? Optional.empty() : Optional.of(resolve(system, where.parent)));
    }
  }

  @Command(name = "retire", description = "Hide a category from coding; its codings stay and count in analysis.")
  static final class Retire extends Operation {
    @Parameters(index = "1", paramLabel = "CATEGORY", description = "The category: its id, English or German label, or path (A > B).")
    String category;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      return ops.retire(resolve(system, category));
    }
  }

  @Command(name = "reactivate", description = "Open a retired category for coding again.")
  static final class Reactivate extends Operation {
    @Parameters(index = "1", paramLabel = "CATEGORY", description = "The category: its id, English or German label, or path (A > B).")
    String category;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      return ops.reactivate(resolve(system, category));
    }
  }

  @Command(name = "exclusive", description = "Mark the children of a category as mutually exclusive (on), or not (off).")
  static final class Exclusive extends Operation {
    @Parameters(index = "1", paramLabel = "PARENT", description = "The category whose children are meant.")
    String parent;

    @Parameters(index = "2", paramLabel = "on|off", description = "on: mutually exclusive; off: not.")
    String onOff;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      if (!onOff.equals("on") && !onOff.equals("off")) {
        throw new InputException("say on or off, not \"" + onOff + "\"");
      }
      return ops.exclusive(resolve(system, parent), onOff.equals("on"));
    }
  }

  @Command(name = "merge",
    header = "Merge one category into another, keeping every coding and its memo.",
    description = {
      "Merge FROM into INTO: FROM's codings, subcategories, memos and relations go to INTO;",
      "a span one coder coded with both becomes one coding whose memo joins both."})
  static final class Merge extends Operation {
    @Parameters(index = "1", paramLabel = "FROM", description = "The category merged away.")
    String from;

    @Parameters(index = "2", paramLabel = "INTO", description = "The category that takes over.")
    String into;

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      return ops.merge(resolve(system, from), resolve(system, into));
    }
  }

  @Command(name = "split", description = {
      "Split a category into new parts. Each rule is CONDITION -> NAME; the first rule a coding matches places it.",
      "CONDITION: coder=NAME, document=NAME (* as wildcard), var.NAME=VALUE, text~REGEX, ids=FILE.csv.",
      "Codings no rule places wait in the review queue (lacrima category review). See docs/SPLIT-RULES.md."})
  static final class Split extends Operation {
    @Parameters(index = "1", paramLabel = "CATEGORY", description = "The category: its id, English or German label, or path (A > B).")
    String category;

    @Option(names = "--into", required = true, paramLabel = "NAME", description = "A new part (at least two).")
    List<String> parts;

    @Option(names = "--rule", paramLabel = "RULE", description = "CONDITION -> NAME (repeatable; first match wins).")
    List<String> rules = new ArrayList<>();

    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      List<SplitRule> parsed = rules.stream().map(r -> SplitRule.parse(r, Split::idsFromFile, parts)).toList();
      CategoryOperations.SplitResult result = ops.split(resolve(system, category), parts, parsed);
      if (result.queued() > 0) {
        spec.commandLine().getOut().println(org.lacrima.core.text.Counted.of(result.queued(), "coding")
            + (result.queued() == 1 ? " waits" : " wait") + " for review: " + Lacrima.command()
            + " category review " + project.inHint());
      }
      return result.change();
    }

    /**
     * Coding ids from a CSV: a column "id", else the first column; a file whose first line already starts with an
     * id has no header (a list of ids, an export filtered with grep) and loses no line to one.
     */
    static Set<UUID> idsFromFile(String file) {
      Set<UUID> ids = new HashSet<>();
      try (CsvTable table = CsvTable.openWithoutHeader(Path.of(file))) {
        String column = "1";
        boolean first = true;
        for (Iterator<CsvTable.Row> it = table.rows(); it.hasNext(); ) {
          CsvTable.Row r = it.next();
          if (first) {
            first = false;
            if (CodingsCommand.codingId(r.values().getOrDefault("1", "")).isEmpty()) {
              // a header: the column named id, else the first
              column = r.values().entrySet().stream().filter(e -> e.getValue().strip().equalsIgnoreCase("id"))
                  .map(java.util.Map.Entry::getKey).findFirst().orElse("1");
              continue;
            }
          }
          String id = r.values().getOrDefault(column, "").strip();
          ids.add(CodingsCommand.codingId(id).orElseThrow(
              () -> new InputException(file, "line " + r.line(), "\"" + id + "\" is not a coding id")));
        }
      }
      return ids;
    }

  }

  @Command(name = "review", description = {
      "List the codings a split left for review, or place some: --place CODING[,CODING…] --to PART --why \"…\".",
      "Several are placed together or none; each placement is logged, and undone, on its own."})
  static final class Review implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = "--place", split = ",", paramLabel = "CODING",
        description = "The id of a coding in the queue; several, separated by commas, go to the same part.")
    List<String> codings = new java.util.ArrayList<>();

    @Option(names = "--to", paramLabel = "PART", description = "The part to place it in.")
    String part;

    @Option(names = "--why", paramLabel = "TEXT", description = "Why (required when placing).")
    String why;

    @Option(names = "--as", paramLabel = "NAME", description = "Who places it.")
    String as;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (codings.isEmpty() && part != null) {
        // listing the queue instead would look as if the coding had been placed
        throw new InputException("--to needs --place CODING (the queue lists the ids)");
      }
      try (ProjectStore store = project.open()) {
        if (!codings.isEmpty()) {
          if (part == null) {
            throw new InputException("--place needs --to PART");
          }
          ChangeOptions change = new ChangeOptions();
          change.why = why;
          change.as = as;
          List<UUID> ids = new java.util.ArrayList<>();
          for (String coding : codings) {
            UUID id = CodingsCommand.codingId(coding).orElseThrow(
                () -> new InputException("--place " + coding + ": not a coding id (the queue lists them)"));
            if (ids.contains(id)) {
              throw new InputException("--place names " + id + " twice");
            }
            ids.add(id);
          }
          // one transaction: a coding that cannot go there leaves the others where they were too
          List<CodebookChange> placed = store.write(s -> {
            CategoryOperations operations = CategoryOperations.on(s, change.attribution());
            return ids.stream().map(id -> operations.place(id, part)).toList();
          });
          for (CodebookChange c : placed) {
            out.println(capitalized(org.lacrima.core.codebook.CodebookHistory.summary(c)) + ". Logged as #"
                + c.sequence() + ".");
          }
        }
        int waiting = store.read(s -> listQueue(s, out));
        if (waiting == 0) {
          out.println("The review queue is empty.");
        }
      }
      return 0;
    }

    private static int listQueue(ProjectSession s, PrintWriter out) {
      CategorySystem system = s.categories().current();
      var coders = new java.util.HashMap<UUID, String>();
      s.coders().list().forEach((Coder c) -> coders.put(c.id(), c.name()));
      var docs = new java.util.HashMap<UUID, DocumentSummary>();
      s.documents().list().forEach(d -> docs.put(d.id(), d));
      var built = ConsensusLayer.layersBuild(s);
      int n = 0;
      for (Category c : system.categories()) {
        if (c.state().status() != CategoryState.Status.SPLIT) {
          continue;
        }
        List<Coding> queue = s.codings().byCategory(c.id());
        if (queue.isEmpty()) {
          continue;
        }
        // the parts may have been merged or split since: say where the queue can go now
        String placeable = CategoryOperations.placeable(system, c).stream()
            .map(p -> "\"" + system.get(p).label().english() + "\"").collect(java.util.stream.Collectors.joining(", "));
        out.println("\"" + system.path(c.id()) + "\", " + CategoryOperations.describeState(system, c) + ": "
            + queue.size() + " to place in " + placeable);
        for (Coding coding : queue) {
          String text = s.documents().text(coding.document()).slice(coding.start(), coding.end());
          out.println("  " + coding.id() + "  " + docs.get(coding.document()).name() + " " + coding.start() + ".."
              + coding.end() + "  " + coders.get(coding.coder()) + "  " + UnitsCommand.excerpt(text)
              + (built.test(coding) ? "  (a consensus build's: the next build replaces it)" : ""));
        }
        n += queue.size();
      }
      return n;
    }
  }

  @Command(name = "undo", description = {
      "Undo the most recent category operation exactly (moved and collapsed codings included); repeat to walk back.",
      "Codings made or changed since are kept; where that makes an exact undo impossible, it is refused."})
  static final class Undo extends Operation {
    @Override
    CodebookChange run(ProjectSession s, CategoryOperations ops, CategorySystem system) {
      return ops.undo();
    }
  }
}
