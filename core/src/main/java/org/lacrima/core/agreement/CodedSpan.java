package org.lacrima.core.agreement;

import java.util.Objects;

/** One coder's span of a category on a continuum (characters of a text): [begin, begin + length). */
public record CodedSpan(int coder, long begin, long length, String category) {

  public CodedSpan {
    Objects.requireNonNull(category, "category");
    if (coder < 0) {
      throw new IllegalArgumentException("coder " + coder + " is not a coder");
    }
    if (length < 0) {
      throw new IllegalArgumentException("a span cannot have length " + length);
    }
  }

  public long end() {
    return begin + length;
  }
}
