package org.lacrima.core.project;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.lacrima.core.coding.Coding;

public interface CodingRepository {

  /**
   * Adds codings. A coding that repeats a decision already stored (same document, coder, category
   * and span) is not stored twice: its memo, if new, is appended to the stored one's.
   */
  void add(List<Coding> codings);

  long count();

  /** The stored codings among these ids. */
  Map<UUID, Coding> byIds(Collection<UUID> ids);

  /** A document's codings ordered by start, end, coder, category. */
  List<Coding> byDocument(UUID document);

  /** A category's codings, document by document. */
  List<Coding> byCategory(UUID category);

  /** A coder's codings, document by document. */
  List<Coding> byCoder(UUID coder);

  /** Moves codings to another category. */
  void setCategory(Collection<UUID> codings, UUID category);

  /** Replaces a coding's span, category and memo (its id, document and coder stay). */
  void update(Coding coding);

  void setMemo(UUID coding, String memo);

  void delete(Collection<UUID> codings);

  /** Every coding, document by document. */
  void forEach(Consumer<Coding> action);

  /**
   * Every coding's span without its id and memo, in one pass over the project and in no particular order (the
   * stores give a document's codings together, which makes a sink's lookups cheap): what agreement reads, a
   * million of them in a fraction of a second.
   */
  void forEachSpan(SpanSink sink);

  /** Takes spans one at a time; the ids of consecutive spans are the same objects where they are equal. */
  @FunctionalInterface
  interface SpanSink {
    void span(UUID document, UUID coder, UUID category, int start, int end);
  }

  /**
   * Number of codings per document, coder and category: few rows even for a million codings, from
   * which counts by any document variable follow.
   */
  List<CodingCount> countByDocumentCoderAndCategory();

  record CodingCount(UUID document, UUID coder, UUID category, long count) {
  }
}
