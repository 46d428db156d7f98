package org.lacrima.core.agreement.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a result comes from, printed with every figure: which tool and version, which codebook version,
 * what counted as a unit and when a code counted as present, which coders, documents and filters, and the
 * bootstrap's seed and replicates (0: no bootstrap) and what it resampled.
 */
public record Provenance(
    String toolVersion,
    String project,
    String codebookVersion,
    long codebookChange,
    String unit,
    String unitAsked,
    int minCoverPercent,
    Optional<Integer> overlapPercent,
    List<String> coders,
    List<String> documents,
    Map<String, String> filters,
    long seed,
    int replicates,
    String resampling,
    String computedAt,
    List<String> notes) {

  public Provenance {
    coders = List.copyOf(coders);
    documents = List.copyOf(documents);
    filters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(filters));
    notes = List.copyOf(notes);
  }
}
