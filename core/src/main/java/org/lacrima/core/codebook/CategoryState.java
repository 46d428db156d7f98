package org.lacrima.core.codebook;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a category stands in the history of a project's category system. Only active categories
 * take new codings. A retired category keeps its codings, which still count in analysis. A merged
 * category has handed everything to the category it was merged into; a split one keeps the codings
 * no rule could place (the review queue) until a person places them.
 */
public record CategoryState(Status status, List<UUID> successors) {

  public enum Status {
    ACTIVE, RETIRED, MERGED, SPLIT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final CategoryState ACTIVE = new CategoryState(Status.ACTIVE, List.of());
  public static final CategoryState RETIRED = new CategoryState(Status.RETIRED, List.of());

  public CategoryState {
    Objects.requireNonNull(status, "status");
    successors = List.copyOf(successors);
    if ((status == Status.MERGED && successors.size() != 1) || (status == Status.SPLIT && successors.size() < 2)
        || ((status == Status.ACTIVE || status == Status.RETIRED) && !successors.isEmpty())) {
      throw new IllegalArgumentException("a " + status.code() + " category cannot have " + successors.size()
          + " successors");
    }
  }

  public static CategoryState mergedInto(UUID into) {
    return new CategoryState(Status.MERGED, List.of(into));
  }

  public static CategoryState splitInto(List<UUID> parts) {
    return new CategoryState(Status.SPLIT, parts);
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  /**
   * Whether its codings still count where they lie: an active category's and a retired one's do; a merged or split
   * one lives on only in the history, its codings gone to its successors.
   */
  public boolean holdsItsCodings() {
    return status == Status.ACTIVE || status == Status.RETIRED;
  }
}
