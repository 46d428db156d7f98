package org.lacrima.core.agreement.study;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lacrima.core.project.CodingRepository;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * The codings of a study's coders in one document, as compact rows of (coder, category, start, end) indices
 * rather than objects: a study reads every coding of the project once, and on a large project that is a million
 * rows.
 */
final class DocumentCodings {

  private final boolean[] codedBy;
  private int[] rows = new int[0];
  private int size;
  private int collapsed;

  private DocumentCodings(int coders) {
    this.codedBy = new boolean[coders];
  }

  /**
   * The codings of each document in {@code documents} (in that order) by the coders in {@code coderIndex}; only
   * those of the categories in {@code categoryIndex} are kept, but any coding marks its coder as having coded in
   * the document, except a table coder's coding of a table's column ({@code tableColumns}, {@code tableCoders} by
   * coder index), which judged that column only: a table's cell says nothing of the other categories.
   */
  static DocumentCodings[] read(ProjectSession s, List<DocumentSummary> documents, Map<UUID, Integer> coderIndex,
      Map<UUID, Integer> categoryIndex, java.util.Set<UUID> tableColumns, boolean[] tableCoders) {
    Map<UUID, DocumentCodings> byId = new HashMap<>();
    DocumentCodings[] out = new DocumentCodings[documents.size()];
    for (int d = 0; d < out.length; d++) {
      out[d] = byId.computeIfAbsent(documents.get(d).id(), x -> new DocumentCodings(coderIndex.size()));
    }
    s.codings().forEachSpan(new Sorter(byId, coderIndex, categoryIndex, tableColumns, tableCoders));
    return out;
  }

  /**
   * Puts each coding into its document. Rows come grouped (a store reads its coding index), so each looks its
   * document, coder and category up only where they differ from the row before, by identity.
   */
  private static final class Sorter implements CodingRepository.SpanSink {
    private final Map<UUID, DocumentCodings> byId;
    private final Map<UUID, Integer> coderIndex;
    private final Map<UUID, Integer> categoryIndex;
    private final java.util.Set<UUID> tableColumns;
    private final boolean[] tableCoders;
    private UUID document;
    private UUID coder;
    private UUID category;
    private DocumentCodings in;
    private Integer k;
    private Integer i;
    private boolean column;

    Sorter(Map<UUID, DocumentCodings> byId, Map<UUID, Integer> coderIndex, Map<UUID, Integer> categoryIndex,
        java.util.Set<UUID> tableColumns, boolean[] tableCoders) {
      this.byId = byId;
      this.coderIndex = coderIndex;
      this.categoryIndex = categoryIndex;
      this.tableColumns = tableColumns;
      this.tableCoders = tableCoders;
    }

    @Override
    public void span(UUID document, UUID coder, UUID category, int start, int end) {
      if (document != this.document) {
        this.document = document;
        in = byId.get(document);
      }
      if (coder != this.coder) {
        this.coder = coder;
        k = coderIndex.get(coder);
      }
      if (category != this.category) {
        this.category = category;
        i = categoryIndex.get(category);
        column = tableColumns.contains(category);
      }
      if (in != null && k != null) {
        in.codedBy[k] |= !(column && tableCoders[k]);
        if (i != null) {
          in.add(k, i, start, end);
        }
      }
    }
  }

  private void add(int coder, int category, int start, int end) {
    if (4 * size + 4 > rows.length) {
      rows = Arrays.copyOf(rows, Math.max(256, rows.length * 2));
    }
    rows[4 * size] = coder;
    rows[4 * size + 1] = category;
    rows[4 * size + 2] = start;
    rows[4 * size + 3] = end;
    size++;
  }

  /** Which coders coded anything in the document. */
  boolean[] codedBy() {
    return codedBy;
  }

  /** How many codings of the study's categories the document holds. */
  int size() {
    return size;
  }

  /** How many spans {@link #merged} merged into others (overlapping or adjacent, same coder and category). */
  int collapsed() {
    return collapsed;
  }

  /** Each coder's merged spans of each category, {@code [category][coder]}, null where there are none. */
  SpanSet[][] merged(int categories, int coders) {
    // a counting sort by (category, coder) slot, each span packed as start and end in one long
    int[] from = new int[categories * coders + 1];
    for (int r = 0; r < size; r++) {
      from[rows[4 * r + 1] * coders + rows[4 * r] + 1]++;
    }
    for (int slot = 0; slot < categories * coders; slot++) {
      from[slot + 1] += from[slot];
    }
    int[] next = Arrays.copyOf(from, from.length);
    long[] packed = new long[size];
    for (int r = 0; r < size; r++) {
      packed[next[rows[4 * r + 1] * coders + rows[4 * r]]++] = ((long) rows[4 * r + 2] << 32) | rows[4 * r + 3];
    }
    SpanSet[][] sets = new SpanSet[categories][coders];
    collapsed = 0;
    for (int slot = 0; slot < categories * coders; slot++) {
      if (from[slot + 1] > from[slot]) {
        SpanSet set = SpanSet.merged(packed, from[slot], from[slot + 1]);
        collapsed += from[slot + 1] - from[slot] - set.size();
        sets[slot / coders][slot % coders] = set;
      }
    }
    return sets;
  }
}
