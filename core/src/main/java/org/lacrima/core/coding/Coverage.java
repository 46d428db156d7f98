package org.lacrima.core.coding;

import java.util.Objects;
import java.util.UUID;

/**
 * A span a coder judged for a category (or for a group of exclusive categories): whatever the coder
 * decided there — present, absent, one value of the group — counts for agreement; elsewhere in a
 * table import the coder's silence is "not judged", which is missing, not absent.
 */
public record Coverage(UUID document, UUID coder, UUID category, int start, int end) {
  public Coverage {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(coder, "coder");
    Objects.requireNonNull(category, "category");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("coverage needs 0 <= start < end, got " + start + ".." + end);
    }
  }
}
