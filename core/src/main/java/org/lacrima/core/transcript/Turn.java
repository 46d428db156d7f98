package org.lacrima.core.transcript;

import java.util.Objects;
import java.util.Optional;

/**
 * A speaker turn: a range of the document text, excluding the speaker label (and a timestamp
 * written right after it), which starts at {@code labelStart}. Offsets are code points.
 */
public record Turn(int index, int labelStart, int start, int end, String speaker, Optional<String> timestamp) {

  public Turn {
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(timestamp, "timestamp");
    if (labelStart < 0 || labelStart > start || start > end) {
      throw new IllegalArgumentException("turn " + index + " has inconsistent offsets "
          + labelStart + "/" + start + "/" + end);
    }
  }

  public int length() {
    return end - start;
  }
}
