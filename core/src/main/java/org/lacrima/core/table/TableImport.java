package org.lacrima.core.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.Ids;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryOperations;
import org.lacrima.core.codebook.CategoryState;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.text.Names;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSource;
import org.lacrima.core.transcript.DocumentVariables;
import org.lacrima.core.transcript.Turn;

/**
 * Multi-coder data kept in a table, one row per unit and coder (as AnnoMI keeps its counselling
 * transcripts): the rows of a document become its turns, each coder's cells become that coder's
 * codings. A code column becomes a group of mutually exclusive categories, one per value; a flag
 * column one category, present where the cell says true. Empty and n/a cells were not judged: they
 * are recorded as not covered, never as absent. One transaction; logged as a category operation.
 */
public final class TableImport {

  /**
   * Which columns mean what; columns are named in lower case, as rows key their values, and {@code spellings}
   * gives a code or flag column's name as its header writes it, for the category made from it.
   */
  public record Spec(String source, String document, String order, Optional<String> speaker, String text,
      String coder, Optional<String> time, List<String> codes, List<String> flags, List<String> documentVariables,
      Map<String, ScaleSpec> scales, Map<String, String> spellings) {
    public Spec {
      codes = List.copyOf(codes);
      flags = List.copyOf(flags);
      documentVariables = List.copyOf(documentVariables);
      scales = Map.copyOf(scales);
      spellings = Map.copyOf(spellings);
      if (codes.isEmpty() && flags.isEmpty()) {
        throw new InputException("name at least one --code or --flag column");
      }
    }
  }

  /** A code column's level of measurement; for ordinal, its values in order. */
  public record ScaleSpec(Scale scale, List<String> order) {
    public ScaleSpec {
      Objects.requireNonNull(scale, "scale");
      order = List.copyOf(order);
    }
  }

  /**
   * One row: its line and its cells by column. A cell read as a name or value is in the form names
   * are kept in ({@link Names}), so that "Ma\u0308rz" and "März" are one document, one coder or one
   * code; the unit's text is read as written.
   */
  public record Row(long line, Map<String, String> values) {
    String get(String column) {
      return Names.normalize(values.getOrDefault(column, ""));
    }
  }

  /**
   * {@code change} is the log entry of the categories the import created, if it created or changed any;
   * {@code scaleChanges} says where a group of an earlier import took another scale from this one.
   */
  public record Report(int documents, int units, long codings, int coverage, List<String> newCoders,
      Optional<CodebookChange> change, List<String> scaleChanges) {
  }

  private record UnitKey(String document, String order) {
  }

  private record Unit(String document, String order, String speaker, String text, String time, long line) {
  }

  private TableImport() {
  }

  public static Report run(ProjectSession s, List<Row> rows, Spec spec, CategoryOperations.Attribution by) {
    if (rows.isEmpty()) {
      throw new InputException(spec.source(), "", "has no rows");
    }
    Map<UnitKey, Unit> units = new LinkedHashMap<>();
    Map<String, Map<String, String>> variables = new LinkedHashMap<>();
    Map<String, Long> variableLines = new HashMap<>();
    // one judgement per unit and coder: a second row would give the coder two values of one exclusive group
    Map<String, Long> judged = new HashMap<>();
    for (Row r : rows) {
      String doc = require(r, spec.document(), spec);
      Names.lineProblem("the document's name", doc).ifPresent(problem -> {
        throw new InputException(spec.source(), "line " + r.line(), problem);
      });
      String order = order(r, spec);
      // compared as stored: NFC, without the spaces around it
      String text = DocumentText.normalizeString(r.values().getOrDefault(spec.text(), "")).strip();
      // n/a there says there is none, as an empty cell does
      String speaker = spec.speaker().map(r::get).map(String::strip).filter(v -> !namesNone(v)).orElse("");
      String time = spec.time().map(r::get).map(String::strip).filter(v -> !namesNone(v)).orElse("");
      // both become part of the unit's line in the document ("speaker: text") and stand in listings
      for (String[] field : new String[][] {{"the speaker", speaker}, {"the time code", time}}) {
        Names.lineProblem(field[0], field[1]).ifPresent(problem -> {
          throw new InputException(spec.source(), "line " + r.line(), problem);
        });
      }
      String coderName = Names.normalize(require(r, spec.coder(), spec));
      Names.coderProblem(coderName).ifPresent(problem -> {
        throw new InputException(spec.source(), "line " + r.line(), problem);
      });
      if (coderName.equalsIgnoreCase(org.lacrima.core.consensus.Consensus.LAYER)) {
        throw new InputException(spec.source(), "line " + r.line(), "the coder is \"" + coderName + "\", the name of "
            + "the layer lacrima consensus builds from the coders' layers; rename the coder in the table");
      }
      Long judgedOn = judged.putIfAbsent(doc + "\u0000" + order + "\u0000" + coderName, r.line());
      if (judgedOn != null) {
        throw new InputException(spec.source(), "line " + r.line(), "coder \"" + coderName + "\" already judged unit "
            + order + " of document \"" + doc + "\" on line " + judgedOn + "; one row per unit and coder");
      }
      Unit u = new Unit(doc, order, speaker, text, time, r.line());
      Unit earlier = units.putIfAbsent(new UnitKey(doc, order), u);
      if (earlier != null) {
        if (!earlier.text().equals(text)) {
          throw new InputException(spec.source(), "line " + r.line(), "unit " + order + " of document \"" + doc
              + "\" has another text than on line " + earlier.line());
        }
        // a speaker or time one coder's row gives and another's leaves out is the unit's; two that differ are refused
        String[][] given = {{"speaker", earlier.speaker(), speaker}, {"time code", earlier.time(), time}};
        for (String[] g : given) {
          if (!g[1].isEmpty() && !g[2].isEmpty() && !g[1].equals(g[2])) {
            throw new InputException(spec.source(), "line " + r.line(), "unit " + order + " of document \"" + doc
                + "\" has the " + g[0] + " \"" + g[2] + "\" here but \"" + g[1] + "\" on line " + earlier.line());
          }
        }
        units.put(new UnitKey(doc, order), new Unit(doc, order, earlier.speaker().isEmpty() ? speaker
            : earlier.speaker(), text, earlier.time().isEmpty() ? time : earlier.time(), earlier.line()));
      }
      Map<String, String> vars = variables.computeIfAbsent(doc, k -> new LinkedHashMap<>());
      for (String column : spec.documentVariables()) {
        String value = r.get(column);
        if (notJudged(value)) {
          // a document's value is often written on its first row only: an empty or n/a cell gives none
          continue;
        }
        String before = vars.putIfAbsent(column, value);
        if (before != null && !before.equals(value)) {
          throw new InputException(spec.source(), "line " + r.line(), "document variable " + column + " of \"" + doc
              + "\" is \"" + value + "\" here but \"" + before + "\" on line " + variableLines.get(doc + "\u0000" + column));
        }
        variableLines.putIfAbsent(doc + "\u0000" + column, r.line());
      }
    }

    // categories: a group per code column, one category per flag column
    CategorySystem before = s.categories().current();
    List<Category> cats = new ArrayList<>(before.categories());
    Map<String, Map<String, UUID>> valueCategories = new LinkedHashMap<>();
    Map<String, UUID> groups = new LinkedHashMap<>();
    List<String> scaleChanges = new ArrayList<>();
    for (String column : spec.codes()) {
      UUID group = findOrAdd(cats, before.categories(), spec.spellings().getOrDefault(column, column), Optional.empty(),
          false, spec, "column " + column);
      int at = indexOf(cats, group);
      List<Category> earlier = children(cats, group);
      ScaleSpec scale = scaleOf(column, cats.get(at), earlier, spec);
      List<String> values = values(rows, column, scale, spec);
      if (!earlier.isEmpty() && cats.get(at).scale() == Scale.ORDINAL && scale.scale() == Scale.ORDINAL) {
        List<String> added = scale.order().stream().filter(v -> earlier.stream()
            .noneMatch(c -> c.label().english().equalsIgnoreCase(v))).toList();
        if (!added.isEmpty()) {
          scaleChanges.add("the ordinal group \"" + cats.get(at).label().english() + "\" takes the new level"
              + (added.size() == 1 ? " " : "s ") + String.join(", ", added) + " (" + String.join(" < ", scale.order())
              + ")");
        }
      }
      if (!earlier.isEmpty() && cats.get(at).scale() != scale.scale()) {
        scaleChanges.add("the group \"" + cats.get(at).label().english() + "\" was " + name(cats.get(at).scale())
            + " and is " + name(scale.scale()) + " now" + (scale.scale() == Scale.ORDINAL ? " (" + String.join(" < ",
                scale.order()) + ")" : ""));
      }
      cats.set(at, cats.get(at).withGroup(true, scale.scale()));
      groups.put(column, group);
      // a cell is its value's category whatever its case, as findOrAdd matches labels (a file holding values that
      // differ only in case is refused before)
      Map<String, UUID> byValue = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      java.util.Set<String> inCells = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      rows.forEach(r -> inCells.add(Names.normalize(r.get(column))));
      for (String v : values) {
        // a level the order names and no cell uses, retired since, keeps its place on the scale and takes no coding
        Optional<Category> unused = inCells.contains(v) ? Optional.empty() : earlier.stream()
            .filter(c -> c.label().english().equalsIgnoreCase(v) && c.state().status() == CategoryState.Status.RETIRED)
            .findFirst();
        if (unused.isPresent()) {
          byValue.put(v, unused.get().id());
          continue;
        }
        // a number written another way ("2,0" for an earlier "2") is the same value
        String label = numeric(scale.scale()) ? earlier.stream().map(c -> c.label().english())
            .filter(l -> Scale.value(l).filter(x -> x.compareTo(Scale.value(v).orElseThrow()) == 0).isPresent())
            .findFirst().orElse(v) : v;
        byValue.put(v, findOrAdd(cats, before.categories(), label, Optional.of(group), true, spec, "column " + column
            + ", value \"" + v + "\""));
      }
      if (scale.scale() == Scale.ORDINAL) {
        putInOrder(cats, group, scale.order());
      }
      java.util.Set<UUID> had = new java.util.HashSet<>(earlier.stream().map(Category::id).toList());
      List<String> fresh = byValue.entrySet().stream().filter(e -> !had.contains(e.getValue())).map(Map.Entry::getKey)
          .toList();
      if (!earlier.isEmpty() && !fresh.isEmpty() && scale.scale() != Scale.ORDINAL) {
        // a value renamed since (calm to relaxed) comes back under its old name as a value of its own: said, so
        // that the team sees it and merges the two if they are one
        scaleChanges.add("the group \"" + cats.get(at).label().english() + "\" takes the new value"
            + (fresh.size() == 1 ? " " : "s ") + String.join(", ", fresh) + " beside " + String.join(", ", earlier
                .stream().filter(c -> c.state().isActive()).map(c -> c.label().english()).toList())
            + " (category merge PROJECT \"NEW\" \"OLD\" joins a value that is the same as an earlier one)");
      }
      valueCategories.put(column, byValue);
    }
    Map<String, UUID> flags = new LinkedHashMap<>();
    for (String column : spec.flags()) {
      flags.put(column, findOrAdd(cats, before.categories(), spec.spellings().getOrDefault(column, column),
          Optional.empty(), true, spec, "column " + column));
    }
    CategorySystem after = CategorySystem.of(before.info(), cats, before.relations(), spec.source());
    CategorySystem.checkChangedLabels(before, after, spec.source());

    // documents: the units in order become turns
    Map<String, List<Unit>> byDocument = new LinkedHashMap<>();
    units.values().forEach(u -> byDocument.computeIfAbsent(u.document(), k -> new ArrayList<>()).add(u));
    Map<UnitKey, int[]> spans = new HashMap<>();
    Map<String, UUID> documentIds = new HashMap<>();
    List<Document> documents = new ArrayList<>();
    for (Map.Entry<String, List<Unit>> e : byDocument.entrySet()) {
      if (s.documents().byName(e.getKey()).isPresent()) {
        throw new InputException(spec.source(), "line " + e.getValue().get(0).line(), "the project already has a "
            + "document named \"" + e.getKey() + "\"");
      }
      List<Unit> ordered = new ArrayList<>(e.getValue());
      List<Unit> numbered = ordered.stream().filter(u -> isNumber(u.order())).toList();
      if (!numbered.isEmpty() && numbered.size() < ordered.size()) {
        // sorting them all as text would put 10 before 2: a stray word among numbers is a mistake to show
        Unit word = ordered.stream().filter(u -> !isNumber(u.order())).findFirst().orElseThrow();
        throw new InputException(spec.source(), "line " + word.line(), "the order of a unit of \"" + e.getKey()
            + "\" is \"" + word.order() + "\", not a number like the others (line " + numbered.get(0).line() + ")");
      }
      // exactly, as BigDecimal: doubles would tie long identifiers such as 12345678901234567890 and ...891
      ordered.sort(numbered.isEmpty() ? Comparator.comparing(Unit::order)
          : Comparator.comparing(u -> new java.math.BigDecimal(u.order())));
      StringBuilder raw = new StringBuilder();
      List<int[]> rawSpans = new ArrayList<>();
      for (Unit u : ordered) {
        int labelStart = raw.length();
        raw.append(u.speaker().isEmpty() ? "unit " + u.order() : u.speaker()).append(": ");
        int start = raw.length();
        raw.append(u.text());
        rawSpans.add(new int[] {labelStart, start, raw.length()});
        raw.append('\n');
      }
      DocumentText.RawPositions positions = DocumentText.rawPositions(raw.toString());
      List<Turn> turns = new ArrayList<>();
      for (int i = 0; i < ordered.size(); i++) {
        Unit u = ordered.get(i);
        int[] r = rawSpans.get(i);
        int start = positions.toCodePoint(r[1]);
        int end = positions.toCodePoint(r[2]);
        if (end <= start) {
          throw new InputException(spec.source(), "line " + u.line(), "unit " + u.order() + " of document \""
              + u.document() + "\" has no text");
        }
        turns.add(new Turn(i, positions.toCodePoint(r[0]), start, end, u.speaker(),
            u.time().isEmpty() ? Optional.empty() : Optional.of(u.time())));
        spans.put(new UnitKey(u.document(), u.order()), new int[] {start, end});
      }
      UUID id = Ids.next();
      documentIds.put(e.getKey(), id);
      documents.add(new Document(id, e.getKey(), positions.normalized(), turns,
          DocumentVariables.normalize(variables.getOrDefault(e.getKey(), Map.of()), spec.source(), "line "
              + e.getValue().get(0).line() + " (document \"" + e.getKey() + "\")"),
          new DocumentSource(spec.source(), "table", "", "", by.at(), by.who())));
    }

    Optional<CodebookChange> change = CategoryOperations.on(s, by).recordImport(before, after, "imported " + spec.source() + ": "
        + spec.codes().size() + " code column(s) as groups, " + spec.flags().size() + " flag column(s)"
        + (scaleChanges.isEmpty() ? "" : "; " + String.join("; ", scaleChanges)), spec.source());
    documents.forEach(s.documents()::add);

    Map<String, Coder> coders = new HashMap<>();
    s.coders().list().forEach(c -> coders.putIfAbsent(Names.normalize(c.name()), c));
    Set<String> newCoders = new LinkedHashSet<>();
    List<Coding> codings = new ArrayList<>();
    List<Coverage> coverage = new ArrayList<>();
    for (Row r : rows) {
      String coderName = Names.normalize(require(r, spec.coder(), spec));
      Coder coder = coders.computeIfAbsent(coderName, n -> {
        Coder c = new Coder(Ids.next(), n);
        s.coders().add(c);
        newCoders.add(n);
        return c;
      });
      UnitKey key = new UnitKey(r.get(spec.document()), order(r, spec));
      int[] span = spans.get(key);
      UUID doc = documentIds.get(key.document());
      for (String column : spec.codes()) {
        String v = Names.normalize(r.get(column));
        if (!notJudged(v)) {
          codings.add(new Coding(Ids.next(), doc, span[0], span[1], valueCategories.get(column).get(v), coder.id(), ""));
          coverage.add(new Coverage(doc, coder.id(), groups.get(column), span[0], span[1]));
        }
      }
      for (String column : spec.flags()) {
        String v = r.get(column).toLowerCase(Locale.ROOT);
        if (notJudged(v)) {
          continue;
        }
        boolean present = switch (v) {
          case "true", "yes", "1" -> true;
          case "false", "no", "0" -> false;
          default -> throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + r.get(column)
              + "\"; a flag is true/yes/1, false/no/0, or empty/n/a when not judged");
        };
        if (present) {
          codings.add(new Coding(Ids.next(), doc, span[0], span[1], flags.get(column), coder.id(), ""));
        }
        coverage.add(new Coverage(doc, coder.id(), flags.get(column), span[0], span[1]));
      }
    }
    long codingsBefore = s.codings().count();
    for (int from = 0; from < codings.size(); from += 10_000) {
      s.codings().add(codings.subList(from, Math.min(codings.size(), from + 10_000)));
    }
    s.coverage().add(coverage);
    return new Report(documents.size(), units.size(), s.codings().count() - codingsBefore, coverage.size(),
        List.copyOf(newCoders), change, List.copyOf(scaleChanges));
  }

  /** A name's cell that gives none: empty, n/a, or NA as R writes it ("Na" is a name). */
  private static boolean namesNone(String v) {
    return v.isEmpty() || List.of("n/a", "N/A", "NA").contains(v);
  }

  /** Empty and n/a (also NA, as R writes it) mean the coder did not judge this cell. */
  public static boolean notJudged(String cell) {
    String c = cell.strip().toLowerCase(Locale.ROOT);
    return c.isEmpty() || c.equals("n/a") || c.equals("na");
  }

  /**
   * A unit's place in its document: a number (written as its value, so "1" and "1.0" are one unit) or a word; never
   * empty or n/a, which would leave the unit without a place.
   */
  private static String order(Row r, Spec spec) {
    String order = r.get(spec.order()).strip();
    if (notJudged(order)) {
      throw new InputException(spec.source(), "line " + r.line(), "column " + spec.order() + " is \"" + order
          + "\"; every row needs the unit's place in its document");
    }
    return isNumber(order) ? new java.math.BigDecimal(order).stripTrailingZeros().toPlainString() : order;
  }

  private static boolean isNumber(String order) {
    return order.matches("-?\\d+(\\.\\d+)?");
  }

  private static String require(Row r, String column, Spec spec) {
    String v = r.get(column);
    if (v.isEmpty()) {
      throw new InputException(spec.source(), "line " + r.line(), "column " + column + " is empty");
    }
    if (namesNone(v)) {
      // a document or coder named "n/a" would be one unsaid: the cell says the name is not known
      throw new InputException(spec.source(), "line " + r.line(), "column " + column + " is \"" + v + "\", which "
          + "names no one; every row needs it (one really named so: write it otherwise in the table)");
    }
    return v;
  }

  /**
   * The values of a code column, in the order its scale gives them: an ordinal scale keeps every declared level,
   * used or not, since weighted kappa's and AC2's distances and the number of categories AC1 and
   * Brennan–Prediger's kappa count depend on the whole scale, not on the levels a sample happened to use.
   */
  /** The most values a --code column may have, each a category. */
  static final int MAX_VALUES = 1000;

  private static List<String> values(List<Row> rows, String column, ScaleSpec scale, Spec spec) {
    Set<String> seen = new LinkedHashSet<>();
    Map<String, String> firstSpelling = new HashMap<>();
    Map<String, Long> lines = new HashMap<>();
    for (Row r : rows) {
      String v = Names.normalize(r.get(column));
      if (notJudged(v)) {
        continue;
      }
      Optional<String> unfit = CategorySystem.labelProblem(v);
      if (unfit.isPresent()) {
        // each value becomes a category: said here, the row is named rather than a category not yet made
        throw new InputException(spec.source(), "line " + r.line(), column + ": " + unfit.get());
      }
      if (scale.scale() == Scale.ORDINAL && indexIgnoringCase(scale.order(), v) < 0) {
        throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + v
            + "\", which is not among its ordinal values " + scale.order());
      }
      if (numeric(scale.scale()) && !isNumeric(v)) {
        throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + v + "\", not a number as an "
            + scale.scale().name().toLowerCase(Locale.ROOT) + " value must be");
      }
      if (numeric(scale.scale()) && isAmbiguous(v)) {
        throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + v + "\", which reads as "
            + v.replace(',', '.') + " with a decimal comma and as " + v.replace(",", "")
            + " with a thousands separator; "
            + "write it without the comma or with a decimal point");
      }
      if (scale.scale() == Scale.RATIO && Scale.value(v).orElseThrow().signum() < 0) {
        // said at the import, with its line, rather than later as an undefined alpha
        throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + v + "\", below 0, where a ratio "
            + "scale starts; for values that can be negative say --scale " + column + "=interval");
      }
      if (seen.add(v)) {
        if (seen.size() > MAX_VALUES) {
          // each value becomes a category of one exclusive group: thousands of them are a text or id column named
          // by mistake, and the import would fill the category system with them
          throw new InputException(spec.source(), "line " + r.line(), column + " has more than " + MAX_VALUES
              + " different values, far more than a group of mutually exclusive categories holds; is it a text or "
              + "id column? Name the columns of codes with --code");
        }
        String other = firstSpelling.putIfAbsent(v.toLowerCase(Locale.ROOT), v);
        if (other != null) {
          // category labels are compared without case: the two would be one name for two categories
          throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + v + "\", which differs from \""
              + other + "\" (line " + lines.get(other) + ") only in case; write them alike");
        }
        if (scale.scale() == Scale.INTERVAL || scale.scale() == Scale.RATIO) {
          String same = firstSpelling.putIfAbsent(numberKey(v), v);
          if (same != null) {
            // two categories of one number would disagree where the distances say the coders agree
            throw new InputException(spec.source(), "line " + r.line(), column + " is \"" + v + "\", the same number as \""
                + same + "\" (line " + lines.get(same) + "); write them alike");
          }
        }
        lines.put(v, r.line());
      }
    }
    List<String> values = new ArrayList<>(seen);
    if (scale.scale() == Scale.ORDINAL) {
      values = scale.order();
    } else if (scale.scale() == Scale.INTERVAL || scale.scale() == Scale.RATIO) {
      values.sort(Comparator.comparing(v -> Scale.value(v).orElseThrow()));
    }
    return values;
  }

  /** A number's value as a key ("1", "1.0" and "1,00" alike), apart from any label's key (it starts with "#"). */
  private static String numberKey(String v) {
    return "#" + Scale.value(v).orElseThrow().toPlainString();
  }

  /**
   * The scale a code column is read on. A group of an earlier import keeps its scale and, if ordinal, its order when
   * the import names none; one that says another scale than a numeric group's is refused, as the numbers would be
   * read as something else. A nominal group may become ordinal or numeric, and an ordinal group may take new levels,
   * where the declared order places every value it holds as it stands: so a second batch of a table cannot reorder
   * or unscale the first one's values unsaid.
   */
  private static ScaleSpec scaleOf(String column, Category group, List<Category> earlier, Spec spec) {
    ScaleSpec given = spec.scales().get(column);
    if (earlier.isEmpty()) {
      return given != null ? given : new ScaleSpec(Scale.NOMINAL, List.of());
    }
    List<String> held = earlier.stream().filter(c -> c.state().isActive()).map(c -> c.label().english()).toList();
    String place = "--scale " + column;
    if (given == null) {
      return new ScaleSpec(group.scale(), group.scale() == Scale.ORDINAL ? held : List.of());
    }
    if (group.scale() != Scale.NOMINAL && given.scale() != group.scale()) {
      throw new InputException(spec.source(), place, "the group \"" + group.label().english() + "\" of an earlier "
          + "import is " + name(group.scale()) + "; this import says " + name(given.scale()) + ". Import it with the "
          + "scale it has, or into a new project");
    }
    if (numeric(given.scale()) && group.scale() == Scale.NOMINAL) {
      // the values it holds are read as numbers from now on: each one a number, once, as a numeric column's must be
      Map<java.math.BigDecimal, String> numbers = new HashMap<>();
      for (Category value : earlier) {
        CategoryState.Status status = value.state().status();
        if (status == CategoryState.Status.MERGED || status == CategoryState.Status.SPLIT) {
          continue;
        }
        String v = value.label().english();
        String problem = !isNumeric(v) ? "is not a number"
            : isAmbiguous(v) ? "reads as " + v.replace(',', '.') + " or as " + v.replace(",", "")
            : given.scale() == Scale.RATIO && Scale.value(v).orElseThrow().signum() < 0 ? "is below 0, where a ratio "
                + "scale starts" : null;
        String same = problem == null ? numbers.put(Scale.value(v).orElseThrow().stripTrailingZeros(), v) : null;
        if (problem != null || same != null) {
          throw new InputException(spec.source(), place, "the group \"" + group.label().english() + "\" of an earlier "
              + "import holds \"" + v + "\"" + (problem != null ? ", which " + problem : " and \"" + same + "\", one "
                  + "number written two ways") + "; its values cannot be read as " + name(given.scale()) + ". Import "
              + "it as the group is, or into a new project");
        }
      }
    }
    if (given.scale() == Scale.ORDINAL) {
      List<Integer> at = new ArrayList<>();
      for (String value : held) {
        int i = indexIgnoringCase(given.order(), value);
        if (i < 0) {
          throw new InputException(spec.source(), place, "the group \"" + group.label().english() + "\" holds \""
              + value + "\" from an earlier import, which the ordinal values " + given.order() + " do not place; "
              + "name every value in order");
        }
        at.add(i);
      }
      if (group.scale() == Scale.ORDINAL) {
        for (int j = 1; j < at.size(); j++) {
          if (at.get(j) < at.get(j - 1)) {
            throw new InputException(spec.source(), place, "orders \"" + held.get(j) + "\" before \"" + held.get(j - 1)
                + "\", which the group \"" + group.label().english() + "\" of an earlier import orders the other way ("
                + String.join(" < ", held) + "); declare its order as it stands");
          }
        }
      }
      // the earlier values as the group spells them, in the declared places
      List<String> order = new ArrayList<>(given.order());
      for (String value : held) {
        order.set(indexIgnoringCase(order, value), value);
      }
      return new ScaleSpec(Scale.ORDINAL, order);
    }
    return given;
  }

  private static int indexIgnoringCase(List<String> values, String value) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).equalsIgnoreCase(value)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The active children of an ordinal group in the declared order, in the places they hold in the list (a merged or
   * split value keeps its place; its successors stand where the team put them).
   */
  private static void putInOrder(List<Category> cats, UUID group, List<String> order) {
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < cats.size(); i++) {
      if (cats.get(i).parent().equals(Optional.of(group)) && cats.get(i).state().isActive()) {
        places.add(i);
      }
    }
    List<Category> sorted = places.stream().map(cats::get).sorted(Comparator.comparingInt(
        (Category c) -> indexIgnoringCase(order, c.label().english()))).toList();
    for (int j = 0; j < places.size(); j++) {
      cats.set(places.get(j), sorted.get(j));
    }
  }

  /** A value an interval or ratio column may hold: a number with a decimal point or comma. */
  private static boolean isNumeric(String v) {
    return v.matches("-?\\d+([.,]\\d+)?");
  }

  /** "1,000": a decimal comma as German writes it, or an English thousands separator; 1 or 1000. */
  private static boolean isAmbiguous(String v) {
    return v.matches("-?\\d{1,3},\\d{3}");
  }

  private static boolean numeric(Scale scale) {
    return scale == Scale.INTERVAL || scale == Scale.RATIO;
  }

  private static String name(Scale scale) {
    return scale.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The category of that English label under that parent, added (codable, or as a group) if the system lacks
   * it. One that exists must be of the kind asked for and active: a table import never codes into a retired,
   * merged or split category, nor turns a category that takes codings into a group.
   */
  private static UUID findOrAdd(List<Category> cats, List<Category> before, String label, Optional<UUID> parent,
      boolean codable, Spec spec, String place) {
    for (Category c : cats) {
      // as names are looked up: in any language, without case
      if (c.parent().equals(parent) && c.label().values().values().stream().anyMatch(label::equalsIgnoreCase)) {
        // a grouping node of the codebook (Interventions, say) is not a group of values: made one, its children
        // would become mutually exclusive
        boolean aGroupAlready = codable || (c.exclusiveChildren() && children(cats, c.id()).stream().allMatch(
            Category::codable));
        if (!c.state().isActive() || c.codable() != codable || !aGroupAlready) {
          String successors = c.state().successors().stream().map(id -> cats.stream().filter(x -> x.id().equals(id))
              .map(x -> "\"" + x.label().english() + "\"").findFirst().orElse(id.toString()))
              .collect(java.util.stream.Collectors.joining(", "));
          throw new InputException(spec.source(), place, "the category \"" + c.label().english() + "\" exists but "
              + switch (c.state().status()) {
                case MERGED -> "was merged into " + successors + ", which holds its codings: write that in the table, "
                    + "or undo the merge (lacrima category undo)";
                case SPLIT -> "was split into " + successors + ": write one of them in the table";
                case RETIRED -> "is retired and takes no new codings: lacrima category reactivate opens it again";
                default -> (codable ? "takes no codings" : c.codable() ? "takes codings and cannot become a group"
                    : "groups categories of the codebook, not the values of a column")
                    + "; rename the column or the category";
              });
        }
        return c.id();
      }
    }
    if (parent.isEmpty()) {
      // at the top a category's path is its label: beside a namesake deeper in the codebook, neither could be named
      // by it, and a name the team used would stop working (this import's own values are named by their paths)
      for (Category other : before) {
        if (other.label().values().values().stream().anyMatch(label::equalsIgnoreCase)) {
          throw new InputException(spec.source(), place, "the codebook has a category \"" + other.label().english()
              + "\" already, and a column's category would stand at the top under the same name, so that neither could "
              + "be named by it any more; rename the column in the table");
        }
      }
    }
    Category c = Category.named(Ids.next(), parent, LocalizedText.of(label));
    if (!codable) {
      c = c.withCodable(false);
    }
    cats.add(c);
    return c.id();
  }

  private static List<Category> children(List<Category> cats, UUID parent) {
    return cats.stream().filter(c -> c.parent().equals(Optional.of(parent))).toList();
  }

  private static int indexOf(List<Category> cats, UUID id) {
    for (int i = 0; i < cats.size(); i++) {
      if (cats.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException();
  }
}
