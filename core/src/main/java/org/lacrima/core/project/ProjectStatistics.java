package org.lacrima.core.project;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.DocumentVariables;

/**
 * The size of a project and how its codings spread: documents, words, turns, meaning units,
 * codings per category and coder, and per category and orientation. Computed from counts the
 * store aggregates, so it stays fast on a million codings.
 */
public record ProjectStatistics(
    long documents,
    long words,
    long turns,
    long units,
    long codings,
    Map<String, Long> documentsByOrientation,
    List<Coder> coders,
    List<String> orientations,
    List<CategoryRow> categories) {

  /** One category's counts: by coder (in the order of {@link #coders}) and by orientation. */
  public record CategoryRow(Category category, String path, int depth, Map<UUID, Long> byCoder,
      Map<String, Long> byOrientation, long total) {
  }

  /** Orientation value for documents that have none. */
  public static final String UNSET = "(none)";

  public static ProjectStatistics of(ProjectSession session) {
    List<DocumentSummary> docs = session.documents().list();
    long words = 0;
    long turns = 0;
    Map<String, Long> byOrientation = new TreeMap<>();
    Map<UUID, String> orientationOf = new HashMap<>();
    for (DocumentSummary d : docs) {
      words += d.words();
      turns += d.turns();
      String o = orientation(d.variable(DocumentVariables.ORIENTATION));
      orientationOf.put(d.id(), o);
      byOrientation.merge(o, 1L, Long::sum);
    }
    List<Coder> coders = new ArrayList<>(session.coders().list());
    coders.sort(Comparator.comparing(Coder::name));
    CategorySystem system = session.categories().current();
    Map<UUID, Map<UUID, Long>> byCoder = new HashMap<>();
    Map<UUID, Map<String, Long>> byOrient = new HashMap<>();
    TreeSet<String> orientations = new TreeSet<>(byOrientation.keySet());
    long codings = 0;
    for (CodingRepository.CodingCount c : session.codings().countByDocumentCoderAndCategory()) {
      byCoder.computeIfAbsent(c.category(), k -> new HashMap<>()).merge(c.coder(), c.count(), Long::sum);
      byOrient.computeIfAbsent(c.category(), k -> new HashMap<>()).merge(orientationOf.get(c.document()), c.count(),
          Long::sum);
      codings += c.count();
    }
    List<CategoryRow> rows = new ArrayList<>();
    for (Category cat : system.categories()) {
      Map<UUID, Long> perCoder = new LinkedHashMap<>();
      for (Coder coder : coders) {
        perCoder.put(coder.id(), byCoder.getOrDefault(cat.id(), Map.of()).getOrDefault(coder.id(), 0L));
      }
      Map<String, Long> perOrientation = new LinkedHashMap<>();
      for (String o : orientations) {
        perOrientation.put(o, byOrient.getOrDefault(cat.id(), Map.of()).getOrDefault(o, 0L));
      }
      long total = perCoder.values().stream().mapToLong(Long::longValue).sum();
      rows.add(new CategoryRow(cat, system.path(cat.id()), system.depth(cat.id()), perCoder, perOrientation, total));
    }
    return new ProjectStatistics(docs.size(), words, turns, session.units().count(), codings,
        byOrientation, List.copyOf(coders), List.copyOf(orientations), List.copyOf(rows));
  }

  private static String orientation(String value) {
    return value.isEmpty() ? UNSET : value;
  }
}
