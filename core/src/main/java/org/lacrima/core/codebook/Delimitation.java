package org.lacrima.core.codebook;

import java.util.Objects;
import java.util.UUID;

/** How a category differs from one of its nearest neighbours. */
public record Delimitation(UUID neighbour, LocalizedText text) {
  public Delimitation {
    Objects.requireNonNull(neighbour, "neighbour");
    Objects.requireNonNull(text, "text");
  }
}
