package org.lacrima.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lacrima.core.text.Counted;
import org.lacrima.core.InputException;
import org.lacrima.core.coding.CodingDeletion;
import org.lacrima.core.coding.CodingEdit;
import org.lacrima.core.coding.CodingExport;
import org.lacrima.core.coding.CodingImport;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.io.csv.CodingsCsv;
import org.lacrima.io.csv.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "codings", description = "Import and export codings as CSV (Lacrima's exchange format), correct or "
    + "delete some.",
    subcommands = {CodingsCommand.Import.class, CodingsCommand.Export.class, CodingsCommand.Edit.class,
        CodingsCommand.Delete.class, CodingsCommand.Memos.class})
final class CodingsCommand {

  @Command(name = "import",
    header = "Add codings from a CSV file (by offsets or by quote); all rows land, or none.",
    description = {
      "Add codings from a CSV file with columns document, start and end (code points, end exclusive) or quote",
      "(with occurrence where the quote occurs more than once), category (id, label or path), coder, memo.",
      "Coders are created when first named. All rows land, or none."})
  static final class Import implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "The codings (docs/FORMATS.md).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (ProjectStore store = project.open(); CsvTable table = CsvTable.open(file)) {
        List<String> before = new ArrayList<>();
        long[] notBuilt = new long[1];
        CodingImport.Report r = store.write(s -> {
          s.coders().list().forEach(c -> before.add(c.name()));
          CodingImport.Report done = CodingImport.run(s, CodingsCsv.read(table));
          // read only where rows went to the layer: counting it reads every coding it holds
          if (done.toLayer() > 0 && done.added() > 0) {
            notBuilt[0] = ConsensusLayer.notBuilt(s);
          }
          return done;
        });
        var out = spec.commandLine().getOut();
        out.printf("Read %s from %s: %s added", Counted.of(r.rows(), "row"), file, Counted.of(r.added(), "coding"));
        out.println(r.repeated() == 0 ? "." : String.format(", %,d repeated a coding already in the project "
            + "(kept once; a memo such a row carries is added to the stored one where that lacks it).", r.repeated()));
        List<Long> lines = r.contradicting();
        if (!lines.isEmpty()) {
          out.printf("Note: on %s (line%s %s%s) the category columns name two different categories; the first of "
              + "category_id, category_path and category was used, as docs/FORMATS.md says (to recode a coding, change "
              + "or empty that column).%n", Counted.of(lines.size(), "row"), lines.size() == 1 ? "" : "s",
              lines.stream().limit(5).map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
              lines.size() > 5 ? ", …" : "");
        }
        if (r.outsideCoverage() > 0) {
          boolean one = r.outsideCoverage() == 1;
          out.printf("Note: %s of this file %s where a table import recorded that the coder judged nothing of the "
              + "category (an empty or n/a cell); agreement counts %s as not judged there.%n",
              Counted.of(r.outsideCoverage(), "coding"), one ? "lies" : "lie", one ? "it" : "them");
        }
        if (r.exclusiveOverlaps() > 0) {
          out.printf("Note: in the documents this file codes, its coders hold %s of codings, each of one coder, that "
              + "give two values of one exclusive group on overlapping spans; agreement counts such a unit as missing "
              + "for that coder until one goes.%n", Counted.of(r.exclusiveOverlaps(), "pair"));
        }
        List<String> unread = CodingsCsv.unreadColumns(table);
        if (!unread.isEmpty()) {
          out.println("Note: not read, as no part of a coding stands there: the column" + (unread.size() == 1 ? " " : "s ")
              + CsvTable.listed(unread.stream().map(table::spelling).toList())
              + (unread.contains("text") && table.has("quote") ? " (the quote column is read)" : "") + ".");
        }
        if (notBuilt[0] > 0) {
          // the layer's name taken by a file's rows: said now, not first when a build or a decision is refused
          out.println("Note: " + ConsensusLayer.notBuiltNote(notBuilt[0]).orElseThrow() + ".");
        }
        List<String> all = new ArrayList<>(before);
        all.addAll(r.newCoders());
        for (String coder : r.newCoders()) {
          out.println("New coder: " + coder + lookAlikeNote(coder, all).map(n -> "  (note: " + n + ")").orElse(""));
        }
      }
      return 0;
    }
  }

  @Command(name = "export", description = {
      "Write every coding as CSV: id, document, coder, category_id, category_path, start, end, text, memo.",
      "Importing it into a project with the same documents reproduces the codings exactly."})
  static final class Export implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", description = "The file to write (default: standard output).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try (ProjectStore store = project.open()) {
        if (output == null) {
          Writer w = Lacrima.dataWriter(spec.commandLine().getOut());
          store.read(s -> write(s, w));
          w.flush();
          return 0;
        }
        long[] n = new long[1];
        Path target = OutputFile.write(output, out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          n[0] = store.read(s -> write(s, w));
          w.flush();
        });
        OutputFile.messages(spec, target).printf("Wrote %s to %s%n", Counted.of(n[0], "coding"), target);
      }
      return 0;
    }

    private static long write(org.lacrima.core.project.ProjectSession s, Writer w) {
      CodingsCsv.Writer csv = new CodingsCsv.Writer(w);
      long n = CodingExport.run(s, csv::write);
      csv.close();
      return n;
    }
  }

  /**
   * What to say of a new coder whose name a reader takes for another's, in one file as much as against the project
   * ({@code all}: the project's coders and the new ones).
   */
  static Optional<String> lookAlikeNote(String coder, List<String> all) {
    List<String> alike = org.lacrima.core.text.Names.lookAlikes(coder, all);
    if (alike.isEmpty()) {
      return Optional.empty();
    }
    boolean invisible = alike.stream().anyMatch(a -> org.lacrima.core.text.Names.apartInvisibly(a, coder));
    return Optional.of("the project has " + String.join(" and ", alike.stream().map(a -> "\"" + a + "\"").toList())
        + ", which differ" + (alike.size() == 1 ? "s" : "") + " only in " + (invisible
        ? "case or in characters that do not show (such as a zero-width space)" : "case")
        + "; names are exact, so this is another coder");
  }

  /**
   * A coding id as the export writes it (36 characters): {@code UUID.fromString} alone also takes "1-1-1-1-1",
   * which names no coding anyone was shown.
   */
  static java.util.Optional<UUID> codingId(String text) {
    String s = text.strip();
    try {
      UUID id = UUID.fromString(s);
      return id.toString().equalsIgnoreCase(s) ? java.util.Optional.of(id) : java.util.Optional.empty();
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  @Command(name = "edit",
    header = "Correct one coding's span, category or memo; a memo on its document keeps what it was.",
    description = {
      "Correct one coding by id (the first column of codings export): its span (--start, --end, either alone",
      "moving that end, or --quote with --occurrence), its category, its memo. Its id, document and coder stay.",
      "The new form is checked as codings import checks a row. A memo on the document keeps what the coding",
      "was, who changed it, when and why (codings memos shows it)."})
  static final class Edit implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1", paramLabel = "ID", description = "The coding's id.")
    String id;

    @Option(names = "--start", paramLabel = "N", description = "The new start (code points from the text's start).")
    Integer start;

    @Option(names = "--end", paramLabel = "N", description = "The new end (exclusive).")
    Integer end;

    @Option(names = "--quote", paramLabel = "TEXT", description = "The new span by its exact text.")
    String quote;

    @Option(names = "--occurrence", paramLabel = "N",
        description = "Which occurrence of --quote (1-based), where it occurs more than once.")
    Integer occurrence;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "The new category (id, label or path).")
    String category;

    @Option(names = "--memo", paramLabel = "TEXT", description = "The new memo, in place of the old (\"\" removes it).")
    String memo;

    @Mixin
    ChangeOptions change;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      UUID coding = codingId(id).orElseThrow(
          () -> new InputException("\"" + id + "\" is not a coding id (codings export lists them)"));
      var asked = new CodingEdit.Change(optional(start), optional(end), Optional.ofNullable(quote),
          optional(occurrence), Optional.ofNullable(category), Optional.ofNullable(memo));
      try (ProjectStore store = project.open()) {
        var by = change.attribution();
        record Shown(CodingEdit.Report report, String from, String to) {
        }
        Shown r = store.write(s -> {
          ConsensusLayer.refuseEditingBuilt(s, coding);
          CodingEdit.Report done = CodingEdit.run(s, coding, asked, by.why(), by.who(), by.at());
          var system = s.categories().current();
          return new Shown(done, system.path(done.before().category()), system.path(done.after().category()));
        });
        CodingEdit.Report done = r.report();
        var out = spec.commandLine().getOut();
        out.printf("Edited coding %s; a memo on its document keeps what it was:%n", coding);
        if (done.before().start() != done.after().start() || done.before().end() != done.after().end()) {
          out.printf("  span      %d..%d -> %d..%d%n", done.before().start(), done.before().end(), done.after().start(),
              done.after().end());
        }
        if (!r.from().equals(r.to())) {
          out.printf("  category  %s -> %s%n", org.lacrima.core.text.Names.shown(r.from()),
              org.lacrima.core.text.Names.shown(r.to()));
        }
        if (!done.before().memo().equals(done.after().memo())) {
          out.printf("  memo      %s%n", done.after().memo().isEmpty() ? "(removed)"
              : Console.indented(done.after().memo(), "            "));
        }
        if (done.outsideCoverage()) {
          out.println("Note: it now lies where a table import recorded that its coder judged nothing of its "
              + "category (an empty or n/a cell); agreement counts it as not judged there.");
        }
      }
      return 0;
    }

    private static java.util.OptionalInt optional(Integer n) {
      return n == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(n);
    }
  }

  @Command(name = "delete",
    header = "Delete codings by id; each leaves a memo on its document saying what it was.",
    description = {
      "Delete codings by id (the first column of codings export), all or none. Each leaves a memo on its",
      "document with what it was (document, span, category, coder, memo, text), who deleted it, when and why."})
  static final class Delete implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1..*", paramLabel = "ID", description = "The codings' ids.")
    List<String> ids = new ArrayList<>();

    @Mixin
    ChangeOptions change;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      List<UUID> parsed = new ArrayList<>();
      for (String id : ids) {
        parsed.add(codingId(id).orElseThrow(
            () -> new InputException("\"" + id + "\" is not a coding id (codings export lists them)")));
      }
      try (ProjectStore store = project.open()) {
        var by = change.attribution();
        CodingDeletion.Report r = store.write(s -> {
          ConsensusLayer.refuseDeletingBuilt(s, parsed);
          return CodingDeletion.run(s, parsed, by.why(), by.who(), by.at());
        });
        var out = spec.commandLine().getOut();
        out.printf("Deleted %s; a memo on each one's document keeps what it was:%n", Counted.of(r.deleted().size(),
            "coding"));
        for (var c : r.deleted()) {
          out.printf("  %s  %d..%d%s%n", c.id(), c.start(), c.end(), c.memo().isEmpty() ? ""
              : "  memo: " + Console.indented(c.memo(), "        "));
        }
      }
      return 0;
    }
  }

  @Command(name = "memos", description = "Show the memos on documents, among them what each deleted coding was, "
      + "who deleted it, when and why, and (without DOCUMENT) those on the project, such as a dropped consensus "
      + "layer: the project's first, then each document's, each oldest first.")
  static final class Memos implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Parameters(index = "1..*", paramLabel = "DOCUMENT", description = "Only these documents (default: all).")
    List<String> documents = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (ProjectStore store = project.open()) {
        int shown = store.read(s -> {
          List<org.lacrima.core.transcript.DocumentSummary> chosen = documents.isEmpty() ? s.documents().list()
              : documents.stream().map(name -> UnitsCommand.document(s, name)).toList();
          int n = 0;
          if (documents.isEmpty()) {
            n += print("(project)", s.memos().about(org.lacrima.core.coding.Memo.Target.PROJECT, s.project().id()), out);
          }
          for (var d : chosen) {
            n += print(d.name(), s.memos().about(org.lacrima.core.coding.Memo.Target.DOCUMENT, d.id()), out);
          }
          return n;
        });
        if (shown == 0) {
          out.println("No memos on " + (documents.isEmpty() ? "the project or any document."
              : String.join(", ", documents) + "."));
        }
      }
      return 0;
    }

    /** The memos on one thing, oldest first, under its name; how many. */
    private static int print(String on, List<org.lacrima.core.coding.Memo> memos, java.io.PrintWriter out) {
      List<org.lacrima.core.coding.Memo> sorted = new ArrayList<>(memos);
      sorted.sort(java.util.Comparator.comparing(org.lacrima.core.coding.Memo::written));
      for (var m : sorted) {
        out.println(on + "  " + m.written() + "  " + m.author());
        m.text().lines().forEach(l -> out.println("    " + org.lacrima.core.text.Names.shown(l)));
      }
      return sorted.size();
    }
  }
}
