package org.lacrima.core.agreement.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One coder's spans of one category in one document, with overlapping and adjacent spans merged:
 * coding the same stretch twice, or in two touching pieces, is one decision for agreement.
 */
public final class SpanSet {

  private final int[] starts;
  private final int[] ends;

  private SpanSet(int[] starts, int[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  static final SpanSet EMPTY = new SpanSet(new int[0], new int[0]);

  /** Merges spans given as {start, end} pairs. */
  public static SpanSet merged(List<int[]> spans) {
    if (spans.isEmpty()) {
      return EMPTY;
    }
    List<int[]> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]));
    List<int[]> out = new ArrayList<>();
    int[] current = sorted.get(0).clone();
    for (int i = 1; i < sorted.size(); i++) {
      int[] s = sorted.get(i);
      if (s[0] <= current[1]) {
        current[1] = Math.max(current[1], s[1]);
      } else {
        out.add(current);
        current = s.clone();
      }
    }
    out.add(current);
    int[] starts = new int[out.size()];
    int[] ends = new int[out.size()];
    for (int i = 0; i < out.size(); i++) {
      starts[i] = out.get(i)[0];
      ends[i] = out.get(i)[1];
    }
    return new SpanSet(starts, ends);
  }

  public int size() {
    return starts.length;
  }

  public int start(int i) {
    return starts[i];
  }

  public int end(int i) {
    return ends[i];
  }

  /** How many positions of [start, end) the spans cover. */
  public int covered(int start, int end) {
    int total = 0;
    int i = firstEndingAfter(start);
    for (; i < starts.length && starts[i] < end; i++) {
      total += Math.min(end, ends[i]) - Math.max(start, starts[i]);
    }
    return total;
  }

  /** The merged spans as {start, end} pairs, in order. */
  public List<int[]> pieces() {
    List<int[]> out = new ArrayList<>(starts.length);
    for (int i = 0; i < starts.length; i++) {
      out.add(new int[] {starts[i], ends[i]});
    }
    return out;
  }

  private int firstEndingAfter(int position) {
    return firstEndingAfter(ends, position);
  }

  /** In ascending {@code ends}, the index of the first that lies after {@code position}. */
  static int firstEndingAfter(int[] ends, int position) {
    int lo = 0;
    int hi = ends.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= position) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
