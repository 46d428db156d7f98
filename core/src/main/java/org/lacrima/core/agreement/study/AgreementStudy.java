package org.lacrima.core.agreement.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.agreement.UnitProfiles;
import org.lacrima.core.agreement.ValueDomain;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.Orientation;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.Counted;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.DocumentVariables;
import org.lacrima.core.transcript.MeaningUnit;
import org.lacrima.core.transcript.Segmentation;
import org.lacrima.core.transcript.SentenceSplitter;
import org.lacrima.core.transcript.Turn;

/**
 * Turns a project's codings into reliability data: the units of the chosen kind in the documents in
 * scope, and for each coder and unit whether a category is present (its merged spans cover enough of
 * the unit), absent (the coder covers the unit but did not code it), or missing (the coder does not
 * cover it: absence counts only where a coder has coded).
 */
public final class AgreementStudy {

  private AgreementStudy() {
  }

  public static StudyData collect(ProjectSession s, AgreementRequest request, SentenceSplitter sentences) {
    CategorySystem system = s.categories().current();
    List<Coder> coders = coders(s, request);
    List<DocumentSummary> documents = documents(s, request);
    List<String> notes = new ArrayList<>();
    List<Category> categories = categories(s, system, request, notes);
    int m = coders.size();
    Map<UUID, Integer> coderIndex = new HashMap<>();
    for (int i = 0; i < m; i++) {
      coderIndex.put(coders.get(i).id(), i);
    }
    Map<UUID, Integer> categoryIndex = new HashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      categoryIndex.put(categories.get(i).id(), i);
    }
    UnitKind kind = resolve(request.unit(), s, documents);
    if (coders.stream().anyMatch(c -> c.name().equals(org.lacrima.core.consensus.Consensus.LAYER))) {
      // the layer's agreed codes take the coders' union within the units it was built on: over other units that
      // rule shows as disagreements nobody decided
      s.consensus().study().map(org.lacrima.core.consensus.ConsensusStudy::fromJson).map(AgreementRequest::unit)
          .filter(built -> built != kind && built != UnitKind.AUTO).ifPresent(built -> notes.add("the consensus "
              + "layer was built and decided over " + built.code() + " units; compared over " + kind.code()
              + " units, its agreed codes carry the coders' union span within each " + built.code() + " unit, so "
              + "these figures show that rule besides the team's decisions"));
    }

    // coverage recorded by a table import, per category or exclusive group; elsewhere by document
    Set<UUID> tableScopes = new HashSet<>();
    Map<UUID, Map<UUID, List<int[]>>> recorded = recordedCoverage(s, system, coderIndex, tableScopes);
    List<UUID> scopes = new ArrayList<>(recorded.keySet());
    // the consensus layer judged what its builds recorded and nothing else: where a build left a category out (a
    // study of fewer categories), the layer is missing there, not absent as "coded in the document" would make it
    CoverageScopes coverage = CoverageScopes.of(system, scopes, recorded, tableScopes, m);
    boolean[] onlyRecorded = new boolean[m];
    for (int k = 0; k < m; k++) {
      onlyRecorded[k] = coders.get(k).name().equals(org.lacrima.core.consensus.Consensus.LAYER)
          && coverage.recordedAnywhere(k);
    }
    int[] scopeOfCategory = new int[categories.size()];
    for (int i = 0; i < categories.size(); i++) {
      scopeOfCategory[i] = coverageScope(system, categories.get(i), recorded).map(scopes::indexOf).orElse(-1);
    }
    List<Group> groups = exclusiveGroups(s, system, categoryIndex, recorded, scopes, notes);

    int nc = categories.size();
    int ng = groups.size();
    boolean frequencies = kind == UnitKind.DOCUMENT;
    UnitRows rows = new UnitRows(nc, m, groups, scopeOfCategory, request.minCoverPercent(), frequencies);
    UnitProfiles.Builder builder = UnitProfiles.builder(rows.variables, m);
    List<StudyUnit> units = new ArrayList<>();
    Map<UUID, Map<UUID, Map<UUID, List<int[]>>>> spans = new LinkedHashMap<>();
    Map<UUID, Integer> mergedCount = new HashMap<>();
    // a table coder's coding of a table's column (a cell, or a code it added there by hand) judged that column, not
    // the document: whether its own cells of the column were filled, or a consensus build recorded the column's values
    // one by one, makes no difference to that
    Set<UUID> tableColumns = new HashSet<>();
    for (Category c : system.categories()) {
      if (tableScopes.contains(c.id()) || c.parent()
          .filter(p -> system.get(p).exclusiveChildren() && tableScopes.contains(p)).isPresent()) {
        tableColumns.add(c.id());
      }
    }
    boolean[] tableCoders = new boolean[m];
    for (int k = 0; k < m; k++) {
      tableCoders[k] = coverage.tableCoder(k);
    }
    if ((kind == UnitKind.CHARACTER || kind == UnitKind.MAXQDA) && categories.stream().anyMatch(c -> tableColumns
        .contains(c.id())) && java.util.stream.IntStream.range(0, m).anyMatch(k -> tableCoders[k])) {
      // spans on a continuum have no missing values: what a table left open is simply not coded
      notes.add("where a table import's cell was left empty or n/a, " + (kind == UnitKind.CHARACTER
          ? "the character figures" : "MAXQDA's segment matching") + " count the unit as not coded (absent): spans "
          + "know no missing values; --unit turn keeps such cells missing");
    }
    DocumentCodings[] codingsOf = DocumentCodings.read(s, documents, coderIndex, categoryIndex, tableColumns,
        tableCoders);
    // where the turns lie is all the turn unit needs; their speakers only where --speaker asks for them
    Map<UUID, int[]> turnRanges = kind == UnitKind.TURN ? s.documents().turnRanges() : Map.of();
    Map<UUID, List<Turn>> speakerTurns = request.speakers().isEmpty() ? Map.of() : s.documents().turnsByDocument();
    request.speakers().forEach(asked -> requireSpeaker(asked, documents, speakerTurns));
    // documents are numbered among those with units: resampling documents must not draw an empty one
    int withUnits = 0;
    List<String> withoutUnits = new ArrayList<>();
    List<String> partly = new ArrayList<>();
    long outsideJudged = 0;
    long outsideGroup = 0;
    for (int d = 0; d < documents.size(); d++) {
      DocumentSummary doc = documents.get(d);
      DocumentCodings codings = codingsOf[d];
      SpanSet[][] sets = codings.merged(nc, m);
      if (codings.collapsed() > 0) {
        mergedCount.put(doc.id(), codings.collapsed());
      }
      Map<UUID, Map<UUID, List<int[]>>> byCoder = new HashMap<>();
      for (int i = 0; i < nc; i++) {
        for (int k = 0; k < m; k++) {
          if (sets[i][k] != null) {
            byCoder.computeIfAbsent(coders.get(k).id(), x -> new HashMap<>()).put(categories.get(i).id(), sets[i][k].pieces());
          }
        }
      }
      if (!byCoder.isEmpty()) {
        spans.put(doc.id(), byCoder);
      }
      List<int[]> ranges = units(s, doc, turnRanges.getOrDefault(doc.id(), new int[0]),
          speakerTurns.getOrDefault(doc.id(), List.of()), kind, request, sentences);
      int documentIndex = ranges.isEmpty() ? -1 : withUnits++;
      if (ranges.isEmpty() && codings.size() > 0) {
        withoutUnits.add(doc.name());
      }
      boolean[][][] scopeCovers = new boolean[scopes.size()][][];
      for (int sc = 0; sc < scopes.size(); sc++) {
        scopeCovers[sc] = covered(ranges, recorded.get(scopes.get(sc)).getOrDefault(doc.id(), List.of()), m);
      }
      boolean[] codedBy = codings.codedBy().clone();
      for (int k = 0; k < m; k++) {
        codedBy[k] &= !onlyRecorded[k];
      }
      partlyCoded(doc, codedBy, coverage, coders).ifPresent(partly::add);
      coverage.fillIn(scopeCovers, codedBy);
      int[] starts = new int[ranges.size()];
      int[] ends = new int[ranges.size()];
      for (int q = 0; q < ranges.size(); q++) {
        starts[q] = ranges.get(q)[0];
        ends[q] = ranges.get(q)[1];
        units.add(new StudyUnit(units.size(), doc.id(), doc.name(), starts[q], ends[q]));
      }
      int[] chars = coveredCharacters(starts, ends, sets, m);
      for (int q = 0; q < ranges.size(); q++) {
        for (int i = 0; i < nc; i++) {
          int sc = scopeOfCategory[i];
          for (int k = 0; sc >= 0 && k < m; k++) {
            if (chars[q * nc * m + i * m + k] > 0 && !scopeCovers[sc][q][k]) {
              outsideJudged++;
            }
          }
        }
        // a value brought into a table's group from elsewhere (a merge, a move) is judged as a category where its
        // own cells were filled, but the group is judged by the group's cells: where the coder left those open, the
        // group is missing for it, and the report must say why
        for (Group g : groups) {
          for (int k = 0; g.scope() >= 0 && k < m; k++) {
            if (!scopeCovers[g.scope()][q][k]
                && codedIn(g, chars, q, nc, m, k, scopeOfCategory, scopeCovers, codedBy)) {
              outsideGroup++;
            }
          }
        }
      }
      for (int local = 0; local < ranges.size(); local++) {
        builder.add(documentIndex, rows.of(local, ends[local] - starts[local], chars, codedBy, scopeCovers, sets));
      }
    }
    int codingsSeen = Arrays.stream(codingsOf).mapToInt(DocumentCodings::size).sum();
    int[] conflicts = rows.conflicts;
    int[] maxFrequency = rows.maxFrequency;
    int codeSetVariable = rows.codeSetVariable;
    if (kind == UnitKind.MEANING_UNIT && !units.isEmpty()) {
      notes.add(meaningUnitOrigins(s, documents, units));
    }
    if (!partly.isEmpty()) {
      // a coder whose codings of a document were never imported looks, to the figures, like one who did not read it:
      // the team must see this, or a study reports agreement over fewer documents than it believes
      notes.add("in " + Counted.of(partly.size(), "document") + " some of these coders have no coding, so there they "
          + "count as not having judged it (missing, not absent), and the others' codings there are compared only "
          + "with each other (with no one where a single coder coded it): "
          + String.join("; ", partly.subList(0, Math.min(10, partly.size()))) + (partly.size() > 10 ? "; …" : "")
          + " (import their codings, or leave the documents out with --documents)");
    }
    if (units.isEmpty()) {
      notes.add(kind == UnitKind.MEANING_UNIT ? "no units in scope: these documents have no meaning units yet "
          + "(lacrima segment), or none in the turns of --speaker"
          : kind == UnitKind.TURN ? "no units in scope: these documents have no speaker turns (lacrima import "
              + "--speakers names their labels), or none of --speaker"
          : "no units in scope: check --documents, --where and --speaker");
    }
    if (!units.isEmpty() && !withoutUnits.isEmpty()) {
      // a document coded but without this kind of unit (imported after the first build, never segmented) would
      // otherwise drop out of every figure and every disagreement without a word
      notes.add(Counted.of(withoutUnits.size(), "coded document") + " in scope " + (withoutUnits.size() == 1 ? "has"
          : "have") + " no " + kind.code() + " units, so " + (withoutUnits.size() == 1 ? "its" : "their")
          + " codings are compared nowhere: " + String.join(", ", withoutUnits.subList(0, Math.min(10,
              withoutUnits.size()))) + (withoutUnits.size() > 10 ? ", …" : "") + (kind == UnitKind.MEANING_UNIT
                  ? (!request.speakers().isEmpty() ? " (no meaning units in turns of --speaker, or none at all: lacrima "
                      + "segment PROJECT gives them meaning units)" : " (lacrima segment PROJECT gives them meaning units)")
                  : kind == UnitKind.TURN ? (!request.speakers().isEmpty() ? " (no turns of --speaker)"
                      : " (no speaker turns; --unit sentence compares them)") : ""));
    }
    if (outsideJudged > 0) {
      // a coder's coding where its recorded coverage says it judged nothing (a table's empty or n/a cell, a unit outside
      // a consensus build) counts as not judged; dropped without a word, it would read as never made
      notes.add(Counted.of(outsideJudged, "coded unit") + " (unit, category and coder) " + (outsideJudged == 1 ? "lies"
          : "lie") + " where the coder's recorded coverage says it judged nothing (an empty or n/a cell of a table "
          + "import, or outside a consensus build's units) and " + (outsideJudged == 1 ? "counts" : "count")
          + " as not judged there (to count them, fill those cells in the table and import it into a new project)");
    }
    if (outsideGroup > 0) {
      notes.add(Counted.of(outsideGroup, "coded unit") + " (unit, exclusive group and coder) " + (outsideGroup == 1
          ? "lies" : "lie") + " where the coder's recorded coverage of the group says it judged nothing (an empty or "
          + "n/a cell of that column; codes merged or moved into the group from elsewhere) and " + (outsideGroup == 1
          ? "counts" : "count") + " as missing for the group, though the category rows count them");
    }
    if (codingsSeen == 0) {
      notes.add("none of these coders coded any of these categories in these documents");
    }

    List<Variable> vars = new ArrayList<>();
    List<ValueDomain> domains = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      Category c = categories.get(i);
      vars.add(new Variable(Variable.Kind.CATEGORY, i, c.id(), c.label().english(), system.path(c.id()), 0));
      domains.add(ValueDomain.presence());
    }
    for (int g = 0; g < ng; g++) {
      Category c = groups.get(g).category;
      vars.add(new Variable(Variable.Kind.GROUP, nc + g, c.id(), c.label().english(), system.path(c.id()), conflicts[g]));
      domains.add(groupDomain(c, Arrays.stream(groups.get(g).subtrees).map(t -> categories.get(t[0])).toList()));
    }
    vars.add(new Variable(Variable.Kind.CODE_SET, codeSetVariable, Variable.CODE_SET, "codes of a unit", "", 0));
    List<Set<Integer>> codeSets = rows.codeSets;
    // the empty set in words: a note reading "the same value ({})" says nothing to a reader
    domains.add(ValueDomain.nominal(codeSets.stream().map(set -> set.isEmpty() ? "no code" : set.stream()
        .map(i -> categories.get(i).label().english()).collect(Collectors.joining(", ", "{", "}"))).toList()));
    if (frequencies) {
      for (int i = 0; i < nc; i++) {
        Category c = categories.get(i);
        vars.add(new Variable(Variable.Kind.FREQUENCY, codeSetVariable + 1 + i, c.id(), c.label().english(),
            system.path(c.id()), 0));
        List<String> labels = IntStream.rangeClosed(0, maxFrequency[i]).mapToObj(Integer::toString).toList();
        domains.add(new ValueDomain(labels, Scale.INTERVAL,
            IntStream.rangeClosed(0, maxFrequency[i]).mapToObj(x -> (double) x).toList()));
      }
    }
    return new StudyData(request, system.info().versionLabel(), kind, coders, documents, units, vars, builder.build(domains), codeSets, spans,
        mergedCount, withoutUnits, partly, notes);
  }

  /**
   * The exclusive groups the study holds whole, each as one nominal variable over its children; a group it holds in
   * part has no figure of its own, and {@code notes} says why.
   */
  private static List<Group> exclusiveGroups(ProjectSession s, CategorySystem system, Map<UUID, Integer> categoryIndex,
      Map<UUID, Map<UUID, List<int[]>>> recorded, List<UUID> scopes, List<String> notes) {
    List<Group> groups = new ArrayList<>();
    Set<UUID> studied = new HashSet<>();
    allCategories(s, system).forEach(c -> studied.add(c.id()));
    for (Category g : system.categories()) {
      if (g.exclusiveChildren()) {
        List<Category> members = system.inScaleOrder(system.children(g.id()).stream()
            .filter(ch -> studied.contains(ch.id())).toList());
        int[] children = members.stream().filter(ch -> categoryIndex.containsKey(ch.id()))
            .mapToInt(ch -> categoryIndex.get(ch.id())).toArray();
        if (children.length >= 2 && children.length == members.size()) {
          // a coding of a subcategory answers the group's question with the child above it
          int[][] subtrees = members.stream().map(ch -> subtree(system, ch, categoryIndex)).toArray(int[][]::new);
          groups.add(new Group(g, subtrees, recorded.containsKey(g.id()) ? scopes.indexOf(g.id()) : -1));
        } else if (children.length >= 1 && children.length < members.size()) {
          // a unit given one of the others would count as missing, not as a disagreement: a figure flattering the
          // group under its own name
          notes.add("the group \"" + g.label().english() + "\" has no figure of its own: --categories takes "
              + children.length + " of its " + members.size() + " categories");
        } else if (members.size() == 1 && children.length == 1) {
          notes.add("the group \"" + g.label().english() + "\" has no figure of its own: it holds one category only ("
              + members.get(0).label().english() + ")");
        } else if (children.length == 0) {
          // a subcategory named alone answers the group's question only where it was given: silence would read as if
          // the group were not in the study at all
          long below = members.stream().filter(ch -> subtree(system, ch, categoryIndex).length > 0).count();
          if (below > 0) {
            notes.add("the group \"" + g.label().english() + "\" has no figure of its own: --categories takes "
                + "subcategories below " + below + " of its " + members.size() + " categories, not the categories "
                + "themselves");
          }
        }
      }
    }
    return groups;
  }

  /**
   * The cells a table import (or a consensus build) recorded as judged, per category or exclusive group, by document:
   * {start, end, coder index}; {@code tableScopes} gets the scopes a table import recorded (not only the layer).
   */
  private static Map<UUID, Map<UUID, List<int[]>>> recordedCoverage(ProjectSession s, CategorySystem system,
      Map<UUID, Integer> coderIndex, Set<UUID> tableScopes) {
    Map<UUID, Map<UUID, List<int[]>>> recorded = new HashMap<>();
    Optional<UUID> layer = ConsensusLayer.coder(s);
    for (Category c : system.categories()) {
      if (s.coverage().recordedFor(c.id())) {
        Map<UUID, List<int[]>> byDocument = new HashMap<>();
        for (Coverage cov : s.coverage().byCategory(c.id())) {
          if (!layer.equals(Optional.of(cov.coder()))) {
            tableScopes.add(c.id());
          }
          Integer k = coderIndex.get(cov.coder());
          if (k != null) {
            byDocument.computeIfAbsent(cov.document(), x -> new ArrayList<>())
                .add(new int[] {cov.start(), cov.end(), k});
          }
        }
        recorded.put(c.id(), byDocument);
      }
    }
    carryCoverageThroughHistory(system, recorded, tableScopes);
    return recorded;
  }

  /**
   * Whether coder {@code k} coded a category of the group's subtrees in unit {@code q} where that category's own row
   * judges it (its own coverage, or the document's): one the row leaves out too is the other note's.
   */
  private static boolean codedIn(Group g, int[] chars, int q, int nc, int m, int k, int[] scopeOfCategory,
      boolean[][][] scopeCovers, boolean[] codedBy) {
    for (int[] subtree : g.subtrees()) {
      for (int i : subtree) {
        int sc = scopeOfCategory[i];
        if (chars[q * nc * m + i * m + k] > 0 && (sc < 0 ? codedBy[k] : scopeCovers[sc][q][k])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Exclusive sibling categories, one nominal variable; per child, its index among the study's categories first,
   * then those of its subcategories in the study. Scope as above.
   */
  record Group(Category category, int[][] subtrees, int scope) {
  }

  private static int[] subtree(CategorySystem system, Category child, Map<UUID, Integer> categoryIndex) {
    return system.subtree(child.id()).stream().map(c -> categoryIndex.get(c.id())).filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue).toArray();
  }

  /** Which units of a document each coder covers, from recorded {start, end, coder} coverage. */
  private static boolean[][] covered(List<int[]> ranges, List<int[]> coverage, int coders) {
    boolean[][] out = new boolean[ranges.size()][coders];
    if (coverage.isEmpty()) {
      return out;
    }
    List<int[]> sorted = new ArrayList<>(coverage);
    sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
    int first = 0;
    for (int r = 0; r < ranges.size(); r++) {
      int[] u = ranges.get(r);
      while (first < sorted.size() && sorted.get(first)[1] <= u[0]) {
        first++;
      }
      for (int i = first; i < sorted.size() && sorted.get(i)[0] < u[1]; i++) {
        int[] span = sorted.get(i);
        if (span[0] < u[1] && u[0] < span[1]) {
          out[r][span[2]] = true;
        }
      }
    }
    return out;
  }

  private static ValueDomain groupDomain(Category g, List<Category> children) {
    List<String> labels = children.stream().map(c -> c.label().english()).toList();
    return switch (g.scale()) {
      case NOMINAL -> ValueDomain.nominal(labels);
      case ORDINAL -> new ValueDomain(labels, Scale.ORDINAL, List.of());
      case INTERVAL, RATIO -> new ValueDomain(labels, g.scale(), labels.stream().map(l -> parseNumber(l, g)).toList());
    };
  }

  private static double parseNumber(String label, Category group) {
    return Scale.value(label).map(java.math.BigDecimal::doubleValue).orElseThrow(() -> new InputException("the group \""
        + group.label().english() + "\" is " + group.scale().name().toLowerCase() + ", but its value \"" + label
        + "\" is not a number"));
  }

  /**
   * Coverage recorded for a category speaks for the categories that took its codings over, and a table column's for
   * its values when they are no longer exclusive: what was judged for a category merged into C, for the category C
   * was split from, or for C's parent (where its children are not exclusive; an exclusive parent's coverage is looked
   * up as a group's) was judged for C. Without this, a coder's n/a cell would read as "absent" after a split, and a
   * coding moved by a merge as never judged.
   */
  private static void carryCoverageThroughHistory(CategorySystem system, Map<UUID, Map<UUID, List<int[]>>> recorded,
      Set<UUID> tableScopes) {
    Map<UUID, Map<UUID, List<int[]>>> asRecorded = new HashMap<>(recorded);
    Set<UUID> tables = new HashSet<>(tableScopes);
    for (Category c : system.categories()) {
      List<UUID> history = system.predecessors(c.id());
      // a table's group of values whose exclusivity was turned off: its cells still speak for its values
      boolean groupOff = c.parent().map(system::get).filter(p -> !p.codable() && !p.exclusiveChildren()
          && asRecorded.containsKey(p.id())).isPresent();
      if (history.isEmpty() && !groupOff) {
        continue;
      }
      List<UUID> sources = new ArrayList<>(List.of(c.id()));
      sources.addAll(history);
      Map<UUID, List<int[]>> mine = new HashMap<>();
      boolean found = false;
      for (UUID source : sources) {
        // each as each coder judged it: by the coder's own records of it, or, where the coder has none (a consensus
        // layer may have records of a value where the table's coders have theirs on the column), as a value of a
        // table's group by the coder's records of the group
        Map<UUID, List<int[]>> own = asRecorded.get(source);
        Optional<UUID> group = system.get(source).parent()
            .filter(p -> !system.get(p).codable() && asRecorded.containsKey(p));
        if (own == null && group.isEmpty()) {
          continue;
        }
        found = true;
        Set<Integer> judgedOwn = new HashSet<>();
        if (own != null) {
          own.forEach((document, spans) -> {
            spans.forEach(span -> judgedOwn.add(span[2]));
            mine.computeIfAbsent(document, d -> new ArrayList<>()).addAll(spans);
          });
        }
        group.ifPresent(g -> asRecorded.get(g).forEach((document, spans) -> spans.stream()
            .filter(span -> !judgedOwn.contains(span[2]))
            .forEach(span -> mine.computeIfAbsent(document, d -> new ArrayList<>()).add(span))));
        if (own != null && tables.contains(source) || group.filter(tables::contains).isPresent()) {
          tableScopes.add(c.id());
        }
      }
      if (found) {
        recorded.put(c.id(), mine);
      }
    }
  }

  /** Recorded coverage of the category itself, else of its exclusive parent; empty: by document. */
  private static Optional<UUID> coverageScope(CategorySystem system, Category c, Map<UUID, Map<UUID, List<int[]>>> recorded) {
    if (recorded.containsKey(c.id())) {
      return Optional.of(c.id());
    }
    return c.parent().filter(p -> system.get(p).exclusiveChildren() && recorded.containsKey(p));
  }

  /**
   * How many characters of each unit each coder's merged spans of each category cover: {@code [unit * width +
   * category * coders + coder]}, width being categories × coders. Walks the spans over the units (sorted, as every
   * unit kind gives them) instead of searching each unit's spans, since most units meet few spans.
   */
  private static int[] coveredCharacters(int[] starts, int[] ends, SpanSet[][] sets, int coders) {
    int n = starts.length;
    int width = sets.length * coders;
    boolean ordered = true;
    for (int q = 1; q < n && ordered; q++) {
      ordered = starts[q] >= ends[q - 1];
    }
    int[] out = new int[n * width];
    for (int i = 0; i < sets.length; i++) {
      for (int k = 0; k < coders; k++) {
        SpanSet set = sets[i][k];
        if (set != null) {
          cover(out, width, i * coders + k, set, starts, ends, ordered);
        }
      }
    }
    return out;
  }

  private static void cover(int[] out, int width, int slot, SpanSet set, int[] starts, int[] ends, boolean ordered) {
    int n = starts.length;
    if (!ordered) {
      for (int q = 0; q < n; q++) {
        out[q * width + slot] = set.covered(starts[q], ends[q]);
      }
      return;
    }
    for (int t = 0; t < set.size(); t++) {
      int start = set.start(t);
      int end = set.end(t);
      for (int q = SpanSet.firstEndingAfter(ends, start); q < n && starts[q] < end; q++) {
        out[q * width + slot] += Math.min(end, ends[q]) - Math.max(start, starts[q]);
      }
    }
  }

  private static List<Coder> coders(ProjectSession s, AgreementRequest request) {
    Map<String, Coder> byName = new LinkedHashMap<>();
    s.coders().list().forEach(c -> byName.put(c.name(), c));
    List<Coder> out = new ArrayList<>();
    for (String name : joinedAtCommas(request.coders(), n -> coderNamed(byName, n).isPresent())) {
      Coder c = coderNamed(byName, name).orElseThrow(() -> {
        List<String> anyCase = byName.keySet().stream().filter(x -> x.equalsIgnoreCase(name.strip())).toList();
        // two coders whose names differ only in case: which one was meant, the name typed does not say
        return new InputException(anyCase.size() > 1 ? "--coders: \"" + name + "\" fits " + String.join(" and ",
            anyCase) + ", whose names differ only in case; write the name as the project has it"
            : "--coders: no coder named \"" + name + "\"; " + (byName.isEmpty()
                ? "the project has no coders yet (codings import makes them)"
                : "the project has " + String.join(", ", byName.keySet())));
      });
      if (out.contains(c)) {
        throw new InputException("--coders names \"" + name + "\" twice");
      }
      out.add(c);
    }
    if (out.size() < 2) {
      // the consensus is built from two or more coders' layers, as agreement compares them
      throw new InputException("name at least two coders (--coders A,B)");
    }
    return out;
  }

  /**
   * Names as the command line gave them, split at commas, joined again where a longer run of pieces names something
   * ({@code names}): a coder imported as "Smith, J", a document "doc, one", a category "x, y" has a comma, and the
   * longest run of pieces that joins to a name is that one.
   */
  static List<String> joinedAtCommas(List<String> pieces, java.util.function.Predicate<String> names) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      int last = i;
      for (int j = pieces.size() - 1; j > i; j--) {
        if (names.test(String.join(",", pieces.subList(i, j + 1)))) {
          last = j;
          break;
        }
      }
      String name = String.join(",", pieces.subList(i, last + 1));
      // a name quoted to keep its comma ('"doc, one"'): the command line keeps the quotes
      String unquoted = name.strip();
      if (unquoted.length() >= 2 && unquoted.startsWith("\"") && unquoted.endsWith("\"") && !names.test(name)
          && names.test(unquoted.substring(1, unquoted.length() - 1))) {
        name = unquoted.substring(1, unquoted.length() - 1);
      }
      out.add(name);
      i = last;
    }
    return out;
  }

  /** The coder of that name; typed in another case, as in decisions (--take), the one coder of it in any case. */
  private static Optional<Coder> coderNamed(Map<String, Coder> byName, String name) {
    Coder exact = byName.get(name.strip());
    if (exact != null) {
      return Optional.of(exact);
    }
    List<Coder> anyCase = byName.values().stream().filter(x -> x.name().equalsIgnoreCase(name.strip())).toList();
    return anyCase.size() == 1 ? Optional.of(anyCase.get(0)) : Optional.empty();
  }

  /**
   * How the meaning units compared came about ("812 from sentences, 40 from turns, 3 merged by hand"): documents
   * segmented in different ways, or adjusted by hand, give figures a reader should know the units of.
   */
  private static String meaningUnitOrigins(ProjectSession s, List<DocumentSummary> documents, List<StudyUnit> units) {
    // the units compared, not every unit of the documents: --speaker leaves the other speakers' out
    Set<String> compared = new HashSet<>();
    units.forEach(u -> compared.add(u.document() + "|" + u.start() + "|" + u.end()));
    Map<MeaningUnit.Origin, Integer> counts = new java.util.EnumMap<>(MeaningUnit.Origin.class);
    documents.forEach(d -> s.units().byDocument(d.id()).stream()
        .filter(u -> compared.contains(d.id() + "|" + u.start() + "|" + u.end()))
        .forEach(u -> counts.merge(u.origin(), 1, Integer::sum)));
    return "meaning units of the documents compared: " + counts.entrySet().stream().map(e -> e.getValue() + switch (e.getKey()) {
      case TURN -> " from turns";
      case SENTENCE -> " from sentences";
      case PARAGRAPH -> " from paragraphs";
      case MERGED -> " merged by hand";
      case SPLIT -> " split by hand";
    }).collect(Collectors.joining(", "));
  }

  private static List<DocumentSummary> documents(ProjectSession s, AgreementRequest request) {
    List<DocumentSummary> all = s.documents().list();
    List<DocumentSummary> chosen = all;
    if (!request.documents().isEmpty()) {
      Set<UUID> named = new HashSet<>();
      java.util.function.Predicate<String> isDocument = n -> all.stream().anyMatch(x -> x.name().equals(n.strip()));
      for (String name : joinedAtCommas(request.documents(), isDocument)) {
        DocumentSummary d = all.stream().filter(x -> x.name().equals(name.strip())).findFirst()
            .orElseThrow(() -> new InputException("--documents: no document named \"" + name + "\""));
        if (!named.add(d.id())) {
          // counted twice, its units would weigh double and narrow every interval
          throw new InputException("--documents names \"" + name.strip() + "\" twice");
        }
      }
      // in the project's order, not as typed: the documents are concatenated into one continuum for the unitizing
      // alpha (where the gaps at their ends join), and the bootstrap draws them by position, so "a,c" and "c,a" would
      // give different figures for one study
      chosen = all.stream().filter(d -> named.contains(d.id())).toList();
    }
    Map<String, String> where = where(request.where(), all);
    List<DocumentSummary> out = chosen.stream().filter(d -> where.entrySet().stream()
        .allMatch(e -> d.variable(e.getKey()).equalsIgnoreCase(e.getValue()))).toList();
    if (out.isEmpty()) {
      // a report of nothing but "n/a", with a unit kind chosen for no document, would read as a result
      throw new InputException(all.isEmpty() ? "the project has no documents yet (lacrima import)"
          : "no document " + (request.documents().isEmpty() ? "" : "among --documents ") + "matches every --where "
              + "given (" + where.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")");
    }
    return out;
  }

  /**
   * --where as the variables were stored: names as import writes them (lower case, "_" for spaces), orientation by
   * any spelling import reads. A variable or value no document has is a typo, refused rather than counted as a
   * study of nothing.
   */
  private static Map<String, String> where(Map<String, String> asked, List<DocumentSummary> all) {
    Map<String, String> out = new LinkedHashMap<>();
    asked.forEach((name, value) -> {
      String variable = DocumentVariables.normalizeName(name);
      String v = DocumentVariables.asStored(variable, value);
      if (variable.equals(DocumentVariables.ORIENTATION)) {
        v = Orientation.parse(v).map(Orientation::code).orElseThrow(() -> new InputException("--where orientation="
            + value + ": say PDT, CBT, ST or other"));
      }
      Set<String> values = new TreeSet<>();
      all.forEach(d -> values.add(d.variable(variable)));
      values.remove("");
      if (values.isEmpty()) {
        Set<String> names = new TreeSet<>();
        all.forEach(d -> names.addAll(d.variables().keySet()));
        throw new InputException("--where " + name + ": no document has that variable"
            + (names.isEmpty() ? "" : " (variables: " + String.join(", ", names) + ")"));
      }
      String wanted = v;
      if (values.stream().noneMatch(x -> x.equalsIgnoreCase(wanted))) {
        throw new InputException("--where " + name + "=" + value + ": no document has that value (values: "
            + String.join(", ", values) + ")");
      }
      if (out.putIfAbsent(variable, v) != null) {
        // a document has one value of a variable: two would select nothing, or (as a map) silently one of them
        throw new InputException("--where names " + variable + " twice; a document has one value of it (compare "
            + "groups of documents with --documents, or in separate runs)");
      }
    });
    return out;
  }

  /**
   * A document some coders coded and others did not ("p2: no coding of ben"); coders whose coverage is recorded
   * (a table import's cells, the consensus layer's builds) judge by that record and are left out.
   */
  private static Optional<String> partlyCoded(DocumentSummary doc, boolean[] codedBy, CoverageScopes coverage,
      List<Coder> coders) {
    List<String> without = new ArrayList<>();
    boolean anyCoded = false;
    for (int k = 0; k < codedBy.length; k++) {
      if (coverage.recordedAnywhere(k)) {
        continue;
      }
      if (codedBy[k]) {
        anyCoded = true;
      } else {
        without.add(coders.get(k).name());
      }
    }
    return anyCoded && !without.isEmpty() ? Optional.of(doc.name() + ": no coding of " + String.join(", ", without))
        : Optional.empty();
  }

  private static void requireSpeaker(String asked, List<DocumentSummary> documents, Map<UUID, List<Turn>> turns) {
    Set<String> speakers = new TreeSet<>();
    for (DocumentSummary d : documents) {
      turns.getOrDefault(d.id(), List.of()).forEach(t -> speakers.add(t.speaker()));
    }
    if (speakers.stream().noneMatch(x -> x.equalsIgnoreCase(asked))) {
      throw new InputException("--speaker " + asked + ": no turn of the documents in scope has that speaker"
          + (speakers.isEmpty() ? " (they have no turns)" : " (speakers: " + String.join(", ", speakers) + ")"));
    }
  }

  private static List<Category> categories(ProjectSession s, CategorySystem system, AgreementRequest request,
      List<String> notes) {
    if (request.categories().isEmpty()) {
      return allCategories(s, system);
    }
    List<Category> out = new ArrayList<>();
    for (String name : joinedAtCommas(request.categories(), n -> {
      try {
        system.resolve(n);
        return true;
      } catch (org.lacrima.core.codebook.UnknownCategoryException e) {
        return false;
      }
    })) {
      Category named = system.resolve(name);
      // a category merged or split since it was named (a consensus study keeps its categories by id) stands for
      // those that took its codings over: compared as it was named, it would hold none, or only the review queue
      List<Category> followed = followed(s, system, named);
      if (!followed.equals(List.of(named))) {
        notes.add("--categories: \"" + named.label().english() + "\" was " + named.state().status().code() + " into "
            + named.state().successors().stream().map(id -> "\"" + system.get(id).label().english() + "\"")
                .collect(java.util.stream.Collectors.joining(" and ")) + " since; compared as "
            + followed.stream().map(c -> "\"" + c.label().english() + "\"")
                .collect(java.util.stream.Collectors.joining(", ")));
      }
      for (Category c : followed) {
        if (c.codable() && !out.contains(c)) {
          out.add(c);
        }
        // naming a group (or any parent) takes its categories, and of one merged or split since, those that took its
        // codings over (a child merged out of the group: its codings went with it)
        for (Category d : system.categories()) {
          if (d.codable() && system.isDescendant(d.id(), c.id())) {
            for (Category x : followed(s, system, d)) {
              if (x.codable() && !out.contains(x)) {
                out.add(x);
                if (!x.equals(d) && !system.isDescendant(x.id(), c.id())) {
                  // a category outside the group, with codings of its own that were never in the study
                  notes.add("--categories: \"" + d.label().english() + "\" of \"" + c.label().english() + "\" was "
                      + d.state().status().code() + " since, into \"" + x.label().english() + "\" outside it; compared "
                      + "as \"" + x.label().english() + "\", with all of its codings");
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The categories that hold what {@code c} held: itself, or where it was merged the category it went into, where
   * split its parts (and itself while its review queue holds codings), followed on through later merges and splits.
   */
  private static List<Category> followed(ProjectSession s, CategorySystem system, Category c) {
    return switch (c.state().status()) {
      case MERGED -> followed(s, system, system.get(c.state().successors().get(0)));
      case SPLIT -> {
        List<Category> out = new ArrayList<>();
        if (!s.codings().byCategory(c.id()).isEmpty()) {
          out.add(c);
        }
        for (UUID part : c.state().successors()) {
          followed(s, system, system.get(part)).stream().filter(x -> !out.contains(x)).forEach(out::add);
        }
        yield out;
      }
      default -> List.of(c);
    };
  }

  /**
   * The categories a study without --categories compares. A merged category handed its codings on, a split one
   * keeps only those still waiting for review: as rows they would be all "absent", figures about nothing (retired
   * ones keep their codings and count).
   */
  private static List<Category> allCategories(ProjectSession s, CategorySystem system) {
    return system.codable().stream().filter(c -> switch (c.state().status()) {
      case MERGED -> false;
      case SPLIT -> !s.codings().byCategory(c.id()).isEmpty();
      default -> true;
    }).toList();
  }

  private static UnitKind resolve(UnitKind asked, ProjectSession s, List<DocumentSummary> documents) {
    if (asked != UnitKind.AUTO) {
      return asked;
    }
    if (!documents.isEmpty() && documents.stream().allMatch(d -> d.turns() > 0)) {
      return UnitKind.TURN;
    }
    if (!documents.isEmpty() && documents.stream().allMatch(d -> !s.units().byDocument(d.id()).isEmpty())) {
      return UnitKind.MEANING_UNIT;
    }
    return UnitKind.SENTENCE;
  }

  /**
   * The unit ranges of a document, within the turns of the speaker asked for: {@code turnRanges} as {@link
   * org.lacrima.core.project.DocumentRepository#turnRanges} gives them (for turn units), {@code turnsOfDocument}
   * the turns with their speakers (where --speaker is given).
   */
  private static List<int[]> units(ProjectSession s, DocumentSummary d, int[] turnRanges, List<Turn> turnsOfDocument,
      UnitKind kind, AgreementRequest request, SentenceSplitter sentences) {
    List<int[]> out = new ArrayList<>();
    switch (kind) {
      case DOCUMENT -> out.add(new int[] {0, d.length()});
      case CHARACTER, MAXQDA -> out.add(new int[] {0, d.length()});
      case TURN -> {
        for (int t = 0; t < turnRanges.length; t += 2) {
          if (turnRanges[t + 1] > turnRanges[t]) {
            out.add(new int[] {turnRanges[t], turnRanges[t + 1]});
          }
        }
      }
      case MEANING_UNIT -> {
        for (MeaningUnit u : s.units().byDocument(d.id())) {
          out.add(new int[] {u.start(), u.end()});
        }
      }
      case SENTENCE, PARAGRAPH -> {
        Document doc = s.documents().get(d.id());
        Segmentation.By by = kind == UnitKind.SENTENCE ? Segmentation.By.SENTENCE : Segmentation.By.PARAGRAPH;
        for (MeaningUnit u : Segmentation.propose(doc, by, sentences)) {
          out.add(new int[] {u.start(), u.end()});
        }
      }
      default -> throw new IllegalStateException();
    }
    if (!request.speakers().isEmpty()) {
      if (kind == UnitKind.DOCUMENT || kind == UnitKind.CHARACTER || kind == UnitKind.MAXQDA) {
        // their unit is the whole document, which no single speaker's turns cover
        throw new InputException("--speaker works with turns, meaning units, sentences and paragraphs, not with --unit "
            + kind.code());
      }
      List<Turn> turns = turnsOfDocument.stream()
          .filter(t -> request.counts(t.speaker())).toList();
      out.removeIf(r -> turns.stream().noneMatch(t -> t.start() <= r[0] && r[1] <= t.end()));
    }
    return out;
  }
}
