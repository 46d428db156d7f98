package org.lacrima.core.agreement.study;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lacrima.core.InputException;

/**
 * What a user asks agreement for: which coders, over which units (and how much of a unit a code
 * must cover to count as present), in which documents, for which categories; the bootstrap's seed
 * and replicates, and whether it resamples units or documents. Stored with every result.
 */
public record AgreementRequest(
    List<String> coders,
    UnitKind unit,
    int minCoverPercent,
    int overlapPercent,
    List<String> documents,
    Map<String, String> where,
    List<String> speakers,
    List<String> categories,
    int replicates,
    boolean resampleDocuments,
    long seed) {

  public static final int DEFAULT_REPLICATES = 2_000;
  /** The fewest replicates a percentile interval is drawn from. */
  public static final int MIN_REPLICATES = 100;
  public static final long DEFAULT_SEED = 20_260_101L;

  public AgreementRequest {
    coders = List.copyOf(coders);
    Objects.requireNonNull(unit, "unit");
    documents = List.copyOf(documents);
    // in the order given, as the provenance prints them (Map.copyOf's order changes from run to run)
    where = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(where));
    speakers = List.copyOf(speakers);
    categories = List.copyOf(categories);
    if (minCoverPercent < 0 || minCoverPercent > 100) {
      throw new InputException("--min-cover is a percentage, 0 to 100");
    }
    if (overlapPercent < 1 || overlapPercent > 100) {
      throw new InputException("--overlap is a percentage, 1 to 100");
    }
    if (replicates < 0) {
      throw new InputException("--bootstrap cannot be negative");
    }
    if (replicates > 0 && replicates < MIN_REPLICATES) {
      // the 2.5th and 97.5th percentiles of a handful of replicates are two of them, not an interval
      throw new InputException("--bootstrap " + replicates + ": a 95 % interval needs at least " + MIN_REPLICATES
          + " replicates (for figures to report, 1,000 or more; the default is " + DEFAULT_REPLICATES + "); "
          + "--bootstrap 0 computes none");
    }
  }

  /** All coders named, turns by default, any overlap, 90 % for MAXQDA matching, the default bootstrap. */
  public static AgreementRequest of(List<String> coders) {
    return new AgreementRequest(coders, UnitKind.AUTO, 0, 90, List.of(), Map.of(), List.of(), List.of(),
        DEFAULT_REPLICATES, false, DEFAULT_SEED);
  }

  /**
   * Whether a turn of this speaker is in the study: every speaker where none is named, else the speakers named, in
   * any case (transcripts of one study may label the same role B, T or Therapist).
   */
  public boolean counts(String speaker) {
    return speakers.isEmpty() || speakers.stream().anyMatch(speaker::equalsIgnoreCase);
  }
}
