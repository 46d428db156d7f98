package org.lacrima.core.agreement.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.ReliabilityData;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.agreement.ValueDomain;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSummary;
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
    List<Category> categories = categories(system, request);
    Map<UUID, Integer> coderIndex = new HashMap<>();
    for (int i = 0; i < coders.size(); i++) {
      coderIndex.put(coders.get(i).id(), i);
    }
    Set<UUID> inScope = new HashSet<>();
    categories.forEach(c -> inScope.add(c.id()));
    List<String> notes = new ArrayList<>();

    // each coder's spans per document and category, merged
    Map<UUID, Map<UUID, Map<UUID, List<int[]>>>> raw = new LinkedHashMap<>();
    Map<UUID, Set<UUID>> codedDocuments = new HashMap<>();
    int codingsSeen = 0;
    for (DocumentSummary d : documents) {
      for (Coding c : s.codings().byDocument(d.id())) {
        if (!coderIndex.containsKey(c.coder())) {
          continue;
        }
        codedDocuments.computeIfAbsent(c.coder(), k -> new HashSet<>()).add(d.id());
        if (inScope.contains(c.category())) {
          raw.computeIfAbsent(d.id(), k -> new HashMap<>()).computeIfAbsent(c.coder(), k -> new HashMap<>())
              .computeIfAbsent(c.category(), k -> new ArrayList<>()).add(new int[] {c.start(), c.end()});
          codingsSeen++;
        }
      }
    }
    Map<UUID, Map<UUID, Map<UUID, List<int[]>>>> merged = new LinkedHashMap<>();
    Map<UUID, Map<UUID, Map<UUID, SpanSet>>> spanSets = new HashMap<>();
    int mergedCount = 0;
    for (var byDoc : raw.entrySet()) {
      for (var byCoder : byDoc.getValue().entrySet()) {
        for (var byCat : byCoder.getValue().entrySet()) {
          SpanSet set = SpanSet.merged(byCat.getValue());
          mergedCount += byCat.getValue().size() - set.size();
          spanSets.computeIfAbsent(byDoc.getKey(), k -> new HashMap<>()).computeIfAbsent(byCoder.getKey(),
              k -> new HashMap<>()).put(byCat.getKey(), set);
          List<int[]> list = new ArrayList<>();
          for (int i = 0; i < set.size(); i++) {
            list.add(new int[] {set.start(i), set.end(i)});
          }
          merged.computeIfAbsent(byDoc.getKey(), k -> new HashMap<>()).computeIfAbsent(byCoder.getKey(),
              k -> new HashMap<>()).put(byCat.getKey(), list);
        }
      }
    }
    if (mergedCount > 0) {
      notes.add(mergedCount + " overlapping or adjacent spans of the same coder and category were merged before comparing");
    }

    UnitKind kind = resolve(request.unit(), s, documents);
    List<StudyUnit> units = new ArrayList<>();
    List<Integer> docOfUnit = new ArrayList<>();
    for (int d = 0; d < documents.size(); d++) {
      for (int[] range : units(s, documents.get(d), kind, request, sentences)) {
        units.add(new StudyUnit(units.size(), documents.get(d).id(), documents.get(d).name(), range[0], range[1]));
        docOfUnit.add(d);
      }
    }
    if (units.isEmpty()) {
      notes.add("no units in scope: check --documents, --where and --speaker");
    }

    // coverage: by document (a coder covers the documents it coded in), or as a table import recorded it
    Map<UUID, Map<UUID, List<int[]>>> recorded = new HashMap<>();
    for (Category c : system.categories()) {
      if (s.coverage().recordedFor(c.id())) {
        Map<UUID, List<int[]>> byKey = new HashMap<>();
        for (Coverage cov : s.coverage().byCategory(c.id())) {
          byKey.computeIfAbsent(cov.document(), k -> new ArrayList<>()).add(new int[] {cov.start(), cov.end(),
              coderIndex.getOrDefault(cov.coder(), -1)});
        }
        recorded.put(c.id(), byKey);
      }
    }

    List<Variable> variables = new ArrayList<>();
    for (Category c : categories) {
      Optional<UUID> scope = coverageScope(system, c, recorded);
      int[][] cells = new int[units.size()][coders.size()];
      for (StudyUnit u : units) {
        for (int k = 0; k < coders.size(); k++) {
          Coder coder = coders.get(k);
          if (!covers(coder.id(), k, u, scope, recorded, codedDocuments)) {
            cells[u.index()][k] = ReliabilityData.MISSING;
            continue;
          }
          cells[u.index()][k] = present(spanSets, u, coder.id(), c.id(), request.minCoverPercent()) ? 1 : 0;
        }
      }
      variables.add(new Variable(Variable.Kind.CATEGORY, c.id(), c.label().english(), system.path(c.id()),
          ReliabilityData.of(ValueDomain.presence(), coders.size(), cells), 0));
    }
    for (Category g : system.categories()) {
      if (!g.exclusiveChildren()) {
        continue;
      }
      List<Category> children = system.children(g.id()).stream().filter(ch -> inScope.contains(ch.id())).toList();
      if (children.size() < 2) {
        continue;
      }
      variables.add(group(system, g, children, units, coders, spanSets, recorded, codedDocuments, request));
    }
    int[] documentOfUnit = docOfUnit.stream().mapToInt(Integer::intValue).toArray();
    if (codingsSeen == 0) {
      notes.add("none of these coders coded any of these categories in these documents");
    }
    return new StudyData(request, kind, coders, documents, units, documentOfUnit, variables, merged, mergedCount, notes);
  }

  private static Variable group(CategorySystem system, Category g, List<Category> children, List<StudyUnit> units,
      List<Coder> coders, Map<UUID, Map<UUID, Map<UUID, SpanSet>>> spanSets, Map<UUID, Map<UUID, List<int[]>>> recorded,
      Map<UUID, Set<UUID>> codedDocuments, AgreementRequest request) {
    Optional<UUID> scope = recorded.containsKey(g.id()) ? Optional.of(g.id()) : Optional.empty();
    int[][] cells = new int[units.size()][coders.size()];
    int conflicts = 0;
    for (StudyUnit u : units) {
      for (int k = 0; k < coders.size(); k++) {
        UUID coder = coders.get(k).id();
        int value = ReliabilityData.MISSING;
        if (covers(coder, k, u, scope, recorded, codedDocuments)) {
          for (int v = 0; v < children.size(); v++) {
            if (present(spanSets, u, coder, children.get(v).id(), request.minCoverPercent())) {
              if (value != ReliabilityData.MISSING) {
                conflicts++;
                value = ReliabilityData.MISSING;
                break;
              }
              value = v;
            }
          }
        }
        cells[u.index()][k] = value;
      }
    }
    List<String> labels = children.stream().map(c -> c.label().english()).toList();
    ValueDomain domain = switch (g.scale()) {
      case NOMINAL -> ValueDomain.nominal(labels);
      case ORDINAL -> new ValueDomain(labels, Scale.ORDINAL, List.of());
      case INTERVAL, RATIO -> new ValueDomain(labels, g.scale(), labels.stream()
          .map(l -> parseNumber(l, g)).toList());
    };
    return new Variable(Variable.Kind.GROUP, g.id(), g.label().english(), system.path(g.id()),
        ReliabilityData.of(domain, coders.size(), cells), conflicts);
  }

  private static double parseNumber(String label, Category group) {
    try {
      return Double.parseDouble(label.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new InputException("the group \"" + group.label().english() + "\" is " + group.scale().name().toLowerCase()
          + ", but its value \"" + label + "\" is not a number");
    }
  }

  /** Recorded coverage of the category itself, else of its exclusive parent; empty: by document. */
  private static Optional<UUID> coverageScope(CategorySystem system, Category c, Map<UUID, Map<UUID, List<int[]>>> recorded) {
    if (recorded.containsKey(c.id())) {
      return Optional.of(c.id());
    }
    return c.parent().filter(p -> system.get(p).exclusiveChildren() && recorded.containsKey(p));
  }

  private static boolean covers(UUID coder, int coderIndex, StudyUnit u, Optional<UUID> scope,
      Map<UUID, Map<UUID, List<int[]>>> recorded, Map<UUID, Set<UUID>> codedDocuments) {
    if (scope.isEmpty()) {
      return codedDocuments.getOrDefault(coder, Set.of()).contains(u.document());
    }
    for (int[] span : recorded.get(scope.get()).getOrDefault(u.document(), List.of())) {
      if (span[2] == coderIndex && span[0] < u.end() && u.start() < span[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(Map<UUID, Map<UUID, Map<UUID, SpanSet>>> spanSets, StudyUnit u, UUID coder, UUID category,
      int minCoverPercent) {
    SpanSet set = spanSets.getOrDefault(u.document(), Map.of()).getOrDefault(coder, Map.of()).get(category);
    if (set == null || u.length() == 0) {
      return false;
    }
    int covered = set.covered(u.start(), u.end());
    return minCoverPercent == 0 ? covered > 0 : covered * 100L >= (long) minCoverPercent * u.length();
  }

  private static List<Coder> coders(ProjectSession s, AgreementRequest request) {
    Map<String, Coder> byName = new LinkedHashMap<>();
    s.coders().list().forEach(c -> byName.put(c.name(), c));
    List<Coder> out = new ArrayList<>();
    for (String name : request.coders()) {
      Coder c = byName.get(name.strip());
      if (c == null) {
        throw new InputException("--coders: no coder named \"" + name + "\"; the project has " + String.join(", ", byName.keySet()));
      }
      if (out.contains(c)) {
        throw new InputException("--coders names \"" + name + "\" twice");
      }
      out.add(c);
    }
    if (out.size() < 2) {
      throw new InputException("agreement needs at least two coders (--coders A,B)");
    }
    return out;
  }

  private static List<DocumentSummary> documents(ProjectSession s, AgreementRequest request) {
    List<DocumentSummary> all = s.documents().list();
    List<DocumentSummary> chosen = new ArrayList<>();
    if (request.documents().isEmpty()) {
      chosen.addAll(all);
    } else {
      for (String name : request.documents()) {
        chosen.add(all.stream().filter(d -> d.name().equals(name.strip())).findFirst()
            .orElseThrow(() -> new InputException("--documents: no document named \"" + name + "\"")));
      }
    }
    return chosen.stream().filter(d -> request.where().entrySet().stream()
        .allMatch(e -> d.variable(e.getKey()).equalsIgnoreCase(e.getValue()))).toList();
  }

  private static List<Category> categories(CategorySystem system, AgreementRequest request) {
    if (request.categories().isEmpty()) {
      return system.codable();
    }
    List<Category> out = new ArrayList<>();
    for (String name : request.categories()) {
      Category c = system.resolve(name);
      if (c.codable()) {
        out.add(c);
      }
      // naming a group (or any parent) takes its categories
      for (Category d : system.categories()) {
        if (d.codable() && system.isDescendant(d.id(), c.id()) && !out.contains(d)) {
          out.add(d);
        }
      }
    }
    return out;
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

  /** The unit ranges of a document, within the turns of the speaker asked for. */
  private static List<int[]> units(ProjectSession s, DocumentSummary d, UnitKind kind, AgreementRequest request,
      SentenceSplitter sentences) {
    List<int[]> out = new ArrayList<>();
    switch (kind) {
      case DOCUMENT -> out.add(new int[] {0, d.length()});
      case CHARACTER, MAXQDA -> out.add(new int[] {0, d.length()});
      case TURN -> {
        for (Turn t : s.documents().turns(d.id())) {
          if (t.end() > t.start()) {
            out.add(new int[] {t.start(), t.end()});
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
    if (request.speaker().isPresent() && kind != UnitKind.DOCUMENT) {
      List<Turn> turns = s.documents().turns(d.id()).stream()
          .filter(t -> t.speaker().equalsIgnoreCase(request.speaker().get())).toList();
      out.removeIf(r -> turns.stream().noneMatch(t -> t.start() <= r[0] && r[1] <= t.end()));
    }
    return out;
  }
}
