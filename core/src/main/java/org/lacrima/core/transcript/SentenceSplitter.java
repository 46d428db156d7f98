package org.lacrima.core.transcript;

import java.util.List;

/** Finds sentence boundaries in a stretch of text. Implemented in the io module (ICU4J). */
@FunctionalInterface
public interface SentenceSplitter {

  /**
   * The sentences of a text as UTF-16 ranges into it, in order, each without surrounding
   * whitespace; text that is only whitespace yields none.
   */
  List<Range> split(String text);

  /** A UTF-16 range of the text passed to {@link #split}, end exclusive. */
  record Range(int start, int end) {
  }
}
