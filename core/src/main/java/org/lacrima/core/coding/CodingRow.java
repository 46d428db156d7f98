package org.lacrima.core.coding;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * One row of a codings file, as read: a document by name; a span by offsets (code points) or by an
 * exact quote with an optional 1-based occurrence; a category by id, label or path, and a second
 * name of the same category to fall back on ("" if none: files Lacrima wrote give id and path, and
 * an id made in another project is unknown here while its path may name the same category); a
 * coder by name; a memo; and, in files Lacrima wrote, the coding's id.
 */
public record CodingRow(String source, long line, String document, OptionalInt start, OptionalInt end,
    String quote, OptionalInt occurrence, String category, String categoryFallback, String coder, String memo,
    Optional<UUID> id) {

  /** A row that names its category one way only. */
  public CodingRow(String source, long line, String document, OptionalInt start, OptionalInt end,
      String quote, OptionalInt occurrence, String category, String coder, String memo, Optional<UUID> id) {
    this(source, line, document, start, end, quote, occurrence, category, "", coder, memo, id);
  }

  /** The row's line in its file; none for a row stated on the command line (line 0), such as an edit's. */
  public String place() {
    return line > 0 ? "line " + line : "";
  }
}
