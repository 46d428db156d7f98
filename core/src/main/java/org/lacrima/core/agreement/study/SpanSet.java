package org.lacrima.core.agreement.study;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Merges the spans in {@code packed[from, to)}, each packed as {@code start << 32 | end} (offsets are never
   * negative, so the longs sort as the spans do); sorts that range in place.
   */
  static SpanSet merged(long[] packed, int from, int to) {
    Arrays.sort(packed, from, to);
    int[] starts = new int[to - from];
    int[] ends = new int[to - from];
    int n = 0;
    for (int r = from; r < to; r++) {
      int start = (int) (packed[r] >>> 32);
      int end = (int) packed[r];
      if (n > 0 && start <= ends[n - 1]) {
        ends[n - 1] = Math.max(ends[n - 1], end);
      } else {
        starts[n] = start;
        ends[n] = end;
        n++;
      }
    }
    return new SpanSet(n == starts.length ? starts : Arrays.copyOf(starts, n), n == ends.length ? ends : Arrays.copyOf(ends, n));
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

  /** The merged spans as {start, end} pairs, in order: a view that makes each pair when asked for it. */
  public List<int[]> pieces() {
    return new AbstractList<>() {
      @Override
      public int[] get(int i) {
        return new int[] {starts[i], ends[i]};
      }

      @Override
      public int size() {
        return starts.length;
      }
    };
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
