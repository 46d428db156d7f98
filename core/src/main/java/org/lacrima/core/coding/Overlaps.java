package org.lacrima.core.coding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where one coder's codings of different categories overlap in a document: among the children of an exclusive group,
 * each such place gives the coder two values of one variable, which agreement counts as missing for that coder.
 */
public final class Overlaps {

  private Overlaps() {
  }

  /** The pairs among {@code codings} of one coder and document that overlap with different categories. */
  public static long between(Collection<Coding> codings) {
    Map<String, List<Coding>> byCoderAndDocument = new HashMap<>();
    for (Coding coding : codings) {
      byCoderAndDocument.computeIfAbsent(coding.document() + "/" + coding.coder(), k -> new ArrayList<>()).add(coding);
    }
    long overlaps = 0;
    for (List<Coding> list : byCoderAndDocument.values()) {
      list.sort(Comparator.comparingInt(Coding::start));
      for (int i = 0; i < list.size(); i++) {
        Coding a = list.get(i);
        for (int j = i + 1; j < list.size() && list.get(j).start() < a.end(); j++) {
          if (!list.get(j).category().equals(a.category())) {
            overlaps++;
          }
        }
      }
    }
    return overlaps;
  }

  /** The same among the codings of one document whose category is one of {@code categories}. */
  public static long between(Collection<Coding> document, Collection<UUID> categories) {
    return between(document.stream().filter(c -> categories.contains(c.category())).toList());
  }
}
