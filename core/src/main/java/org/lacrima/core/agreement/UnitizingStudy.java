package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Spans coded on a continuum of integer positions [begin, begin + length) by two or more coders, the data
 * of Krippendorff's unitizing alpha. A coder's spans of one category must not overlap: merging them is a
 * decision about the coding (the caller's, said in the output), not something alpha should do silently.
 * Adjacent spans stay separate units here, as Krippendorff's examples need; a study from a project has
 * merged them beforehand (AgreementStudy), as the report says.
 */
public final class UnitizingStudy {

  private final long begin;
  private final long length;
  private final int coders;
  private final List<CodedSpan> spans;
  /** Per coder, each category's spans as a range [from, to) of {@link #spans}, which is sorted by both. */
  private final List<Map<String, int[]>> rangeOf;
  private final List<String> categories;

  /** The order of {@link #spans}: coder, category, begin, length. */
  private static final Comparator<CodedSpan> ORDER = (a, b) -> {
    int c = Integer.compare(a.coder(), b.coder());
    if (c == 0) {
      c = a.category().compareTo(b.category());
    }
    if (c == 0) {
      c = Long.compare(a.begin(), b.begin());
    }
    return c != 0 ? c : Long.compare(a.length(), b.length());
  };

  public UnitizingStudy(long begin, long length, int coders, List<CodedSpan> spans) {
    if (length <= 0) {
      throw new IllegalArgumentException("a continuum needs a positive length, not " + length);
    }
    if (coders < 2) {
      throw new IllegalArgumentException("unitizing agreement needs two or more coders, not " + coders);
    }
    List<CodedSpan> sorted = new ArrayList<>(spans);
    sorted.sort(ORDER);
    CodedSpan previous = null;
    for (CodedSpan span : sorted) {
      if (span.coder() >= coders) {
        throw new IllegalArgumentException("span " + span + " names coder " + span.coder() + " of " + coders);
      }
      if (span.begin() < begin || span.end() > begin + length) {
        throw new IllegalArgumentException("span " + span + " leaves the continuum [" + begin + ", " + (begin + length) + ")");
      }
      if (previous != null && previous.coder() == span.coder() && previous.category().equals(span.category())
          && span.begin() < previous.end()) {
        throw new IllegalArgumentException("spans " + previous + " and " + span
            + " of one coder and category overlap; merge them before comparing");
      }
      previous = span;
    }
    this.begin = begin;
    this.length = length;
    this.coders = coders;
    this.spans = List.copyOf(sorted);
    // alpha asks for every coder's sections of every category: a range each, not a pass over all spans each
    this.rangeOf = new ArrayList<>();
    for (int k = 0; k < coders; k++) {
      rangeOf.add(new HashMap<>());
    }
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < sorted.size(); ) {
      CodedSpan first = sorted.get(i);
      int j = i + 1;
      while (j < sorted.size() && sorted.get(j).coder() == first.coder()
          && sorted.get(j).category().equals(first.category())) {
        j++;
      }
      rangeOf.get(first.coder()).put(first.category(), new int[] {i, j});
      names.add(first.category());
      i = j;
    }
    this.categories = List.copyOf(names);
  }

  /**
   * Several documents as one continuum, each shifted to follow the previous one, as DKPro and INCEpTION pool
   * documents: a span never crosses into the next document, and chance disagreement is taken over all text.
   */
  public static UnitizingStudy concatenate(List<UnitizingStudy> documents) {
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("no documents to concatenate");
    }
    int coders = documents.get(0).coders;
    List<CodedSpan> all = new ArrayList<>();
    long offset = 0;
    for (UnitizingStudy document : documents) {
      if (document.coders != coders) {
        throw new IllegalArgumentException("documents with " + coders + " and " + document.coders + " coders");
      }
      long shift = offset - document.begin;
      for (CodedSpan s : document.spans) {
        all.add(new CodedSpan(s.coder(), s.begin() + shift, s.length(), s.category()));
      }
      offset += document.length;
    }
    return new UnitizingStudy(0, offset, coders, all);
  }

  public long begin() {
    return begin;
  }

  public long length() {
    return length;
  }

  public int coders() {
    return coders;
  }

  public List<CodedSpan> spans() {
    return spans;
  }

  /** The categories that occur, sorted. */
  public List<String> categories() {
    return categories;
  }

  /** One coder's partition of the continuum for a category: its spans and the gaps between them, in order. */
  public List<Section> sections(int coder, String category) {
    List<Section> sections = new ArrayList<>();
    long position = begin;
    int[] range = coder >= 0 && coder < coders ? rangeOf.get(coder).get(category) : null;
    int from = range == null ? 0 : range[0];
    int to = range == null ? 0 : range[1];
    for (int i = from; i < to; i++) {
      CodedSpan span = spans.get(i);
      if (span.begin() > position) {
        sections.add(new Section(position, span.begin() - position, false));
      }
      sections.add(new Section(span.begin(), span.length(), true));
      position = span.end();
    }
    if (position < begin + length) {
      sections.add(new Section(position, begin + length - position, false));
    }
    return sections;
  }
}
