package org.lacrima.core.transcript;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The smallest stretch of text that still carries a meaning of its own. Proposed from turns,
 * sentences or paragraphs and adjusted by hand; agreement and co-occurrence count over them,
 * while codings stay free spans.
 */
public record MeaningUnit(UUID id, UUID document, int start, int end, Origin origin) {

  public MeaningUnit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(origin, "origin");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a meaning unit needs 0 <= start < end, got " + start + ".." + end);
    }
  }

  /** How a unit came about. */
  public enum Origin {
    TURN, SENTENCE, PARAGRAPH, MERGED, SPLIT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Origin parse(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
