package org.lacrima.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lacrima.core.text.Counted;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.table.TableImport;
import org.lacrima.io.csv.CsvTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-table",
    header = "Import multi-coder data kept in a table, one row per unit and coder (e.g. AnnoMI).",
    description = {
    "Import multi-coder data kept in a table, one row per unit and coder (e.g. AnnoMI): each document's rows",
    "become its turns, each coder's cells that coder's codings. --code COL makes a group of exclusive categories,",
    "one per value; --flag COL one category, present where true/yes/1. Empty and n/a cells mean not judged."})
final class ImportTableCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Mixin
  Actor actor;

  @Parameters(index = "1", paramLabel = "FILE.csv", description = "The table (docs/FORMATS.md).")
  Path file;

  @Option(names = "--doc", required = true, paramLabel = "COL", description = "The column naming the document.")
  String document;

  @Option(names = "--order", required = true, paramLabel = "COL", description = "The column ordering units in a document.")
  String order;

  @Option(names = "--speaker", paramLabel = "COL", description = "The column naming the speaker of a unit.")
  String speaker;

  @Option(names = "--text", required = true, paramLabel = "COL", description = "The column with the unit's text.")
  String text;

  @Option(names = "--coder", required = true, paramLabel = "COL", description = "The column naming the coder.")
  String coder;

  @Option(names = "--time", paramLabel = "COL", description = "A column with the unit's timestamp.")
  String time;

  @Option(names = "--code", paramLabel = "COL", description = "A column of values: a group of exclusive categories (repeatable).")
  List<String> codes = new ArrayList<>();

  @Option(names = "--flag", paramLabel = "COL", description = "A true/false column: one category (repeatable).")
  List<String> flags = new ArrayList<>();

  @Option(names = "--doc-var", paramLabel = "COL", description = "A document-level column kept as a document variable (repeatable).")
  List<String> documentVariables = new ArrayList<>();

  @Option(names = "--scale", paramLabel = "COL=SCALE",
      description = "The scale of a code column: ordinal:v1,v2,… (in order), interval or ratio (default nominal).")
  List<String> scales = new ArrayList<>();

  @Option(names = "--why", paramLabel = "TEXT", defaultValue = "", description = "Why (kept in the codebook log).")
  String why;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<TableImport.Row> rows = new ArrayList<>();
    List<String> columns;
    Map<String, String> spellings = new LinkedHashMap<>();
    // a column read twice would be counted twice: each judged cell as two, or one column as two kinds of thing
    Map<String, String> given = new java.util.HashMap<>();
    List<Map.Entry<String, List<String>>> roles = new ArrayList<>();
    for (var one : new String[][] {{"--doc", document}, {"--order", order}, {"--speaker", speaker}, {"--text", text},
        {"--coder", coder}, {"--time", time}}) {
      if (one[1] != null) {
        roles.add(Map.entry(one[0], List.of(one[1])));
      }
    }
    roles.addAll(List.of(Map.entry("--code", codes), Map.entry("--flag", flags),
        Map.entry("--doc-var", documentVariables)));
    for (var named : roles) {
      for (String column : named.getValue()) {
        String earlier = given.putIfAbsent(lower(column), named.getKey());
        if (earlier != null) {
          throw new InputException("the column \"" + column + "\" is named twice (" + earlier + " and " + named.getKey()
              + "); name each column once");
        }
      }
    }
    try (CsvTable table = CsvTable.open(file)) {
      columns = table.columns();
      java.util.stream.Stream.concat(codes.stream(), flags.stream()).map(ImportTableCommand::lower)
          .forEach(c -> spellings.put(c, table.spelling(c)));
      List<String> needed = new ArrayList<>(List.of(document, order, text, coder));
      Optional.ofNullable(speaker).ifPresent(needed::add);
      Optional.ofNullable(time).ifPresent(needed::add);
      needed.addAll(codes);
      needed.addAll(flags);
      needed.addAll(documentVariables);
      for (String c : needed) {
        table.require(c.toLowerCase(Locale.ROOT));
      }
      for (Iterator<CsvTable.Row> it = table.rows(); it.hasNext(); ) {
        CsvTable.Row r = it.next();
        rows.add(new TableImport.Row(r.line(), r.values()));
      }
    }
    Map<String, TableImport.ScaleSpec> scaleSpecs = new LinkedHashMap<>();
    for (String option : scales) {
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw new InputException("--scale " + option + ": say COL=SCALE, e.g. --scale rating=ordinal:low,mid,high");
      }
      String column = option.substring(0, eq).strip();
      // a column read on two scales at once has no one reading: the last would win unsaid
      if (scaleSpecs.put(lower(column), scale(column, option.substring(eq + 1))) != null) {
        throw new InputException("--scale " + option + ": the column " + column + " has a --scale already; give one");
      }
    }
    for (String column : scaleSpecs.keySet()) {
      if (codes.stream().map(ImportTableCommand::lower).noneMatch(column::equals)) {
        throw new InputException("--scale " + column + ": it is not one of the --code columns");
      }
    }
    var tableSpec = new TableImport.Spec(file.toString(), lower(document), lower(order),
        Optional.ofNullable(speaker).map(ImportTableCommand::lower), lower(text), lower(coder),
        Optional.ofNullable(time).map(ImportTableCommand::lower), codes.stream().map(ImportTableCommand::lower).toList(),
        flags.stream().map(ImportTableCommand::lower).toList(),
        documentVariables.stream().map(ImportTableCommand::lower).toList(), scaleSpecs, spellings);
    ChangeOptions change = new ChangeOptions();
    change.why = org.lacrima.core.text.Names.saysNothing(why) ? "imported " + file.getFileName() : why;
    change.as = actor.name;
    try (ProjectStore store = project.open()) {
      List<String> before = new ArrayList<>();
      TableImport.Report r = store.write(s -> {
        s.coders().list().forEach(c -> before.add(c.name()));
        return TableImport.run(s, rows, tableSpec, change.attribution());
      });
      var out = spec.commandLine().getOut();
      out.printf("Imported %s: %s, %s, %s, %s (the rest not judged).%n", file, Counted.of(r.documents(), "document"),
          Counted.of(r.units(), "unit"), Counted.of(r.codings(), "coding"), Counted.of(r.coverage(), "judged cell"));
      if (!r.newCoders().isEmpty()) {
        out.println("New coders: " + String.join(", ", r.newCoders()));
        List<String> all = new ArrayList<>(before);
        all.addAll(r.newCoders());
        r.newCoders().forEach(c -> CodingsCommand.lookAlikeNote(c, all)
            .ifPresent(n -> out.println("Note on the coder " + c + ": " + n + ".")));
      }
      r.scaleChanges().forEach(scaleChange -> out.println("Note: " + scaleChange + "."));
      r.change().ifPresentOrElse(c -> out.println("Categories created or changed are logged as #" + c.sequence() + " ("
          + Lacrima.command() + " codebook log " + project.inHint() + ")."),
          () -> out.println("Every category the table uses already existed; the category system is unchanged."));
    }
    return 0;
  }

  private static String lower(String column) {
    return column.strip().toLowerCase(Locale.ROOT);
  }

  private static TableImport.ScaleSpec scale(String column, String value) {
    String v = value.strip();
    String lowerV = v.toLowerCase(Locale.ROOT);
    if (lowerV.startsWith("ordinal:")) {
      List<String> order = List.of(v.substring("ordinal:".length()).split(",")).stream().map(String::strip)
          .filter(x -> !x.isEmpty()).toList();
      if (order.size() < 2) {
        throw new InputException("--scale " + column + "=" + value + ": name the ordinal values in order, e.g. ordinal:low,mid,high");
      }
      // as the table's cells are read, so that "März" given either way is one value
      order = order.stream().map(org.lacrima.core.text.Names::normalize).toList();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String level : order) {
        if (!seen.add(level.toLowerCase(Locale.ROOT))) {
          // a level given twice has no one place in the order
          throw new InputException("--scale " + column + "=" + value + ": names \"" + level + "\" twice; each value "
              + "once, in order");
        }
        org.lacrima.core.codebook.CategorySystem.labelProblem(level).ifPresent(problem -> {
          throw new InputException("--scale " + column + "=" + value + ": " + problem);
        });
        if (TableImport.notJudged(level)) {
          // a cell reading so was not judged: as a level it would widen the scale with a value no cell can hold
          throw new InputException("--scale " + column + "=" + value + ": names \"" + level + "\", which in a cell "
              + "means not judged, not a value; leave it out of the order");
        }
      }
      return new TableImport.ScaleSpec(Scale.ORDINAL, order);
    }
    return switch (lowerV) {
      case "nominal" -> new TableImport.ScaleSpec(Scale.NOMINAL, List.of());
      case "interval" -> new TableImport.ScaleSpec(Scale.INTERVAL, List.of());
      case "ratio" -> new TableImport.ScaleSpec(Scale.RATIO, List.of());
      default -> throw new InputException("--scale " + column + "=" + value + ": say nominal, ordinal:v1,v2,…, interval or ratio");
    };
  }
}
