package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The MASI distance between the values of a code-set variable, each value one set of codes
 * ({@link SetReliabilityData}, the code-set row of a report).
 *
 * <p>Alpha's expected disagreement sums n_c n_k δ(c, k) over every two sets. Pair by pair that is q² MASI
 * evaluations, and q, the number of distinct sets, reaches tens of thousands where many codes are applied
 * freely: billions of evaluations, in every bootstrap replicate. MASI depends only on the sizes of the two
 * sets and on how many codes they share, so {@link #pairSum} counts instead, for each set A, how much weight
 * lies on sets of each size sharing each number of codes with A. From G(S, b), the weight of the sets of size
 * b containing the subset S, the sum over the subsets S of A of size s gives Σ_B n_B C(|A ∩ B|, s); the
 * binomial inversion N_t = Σ_{s ≥ t} (−1)^(s − t) C(s, t) M_s turns these into the weight of the sets sharing
 * exactly t codes with A. The cost is some 2^|A| per set, instead of q. Sets of more than {@value #LARGEST_SET}
 * codes, or more subsets in all than {@value #MOST_SUBSETS}, fall back on summing pair by pair.
 *
 * <p>Distances between up to {@value #TABLE_LIMIT} sets are tabulated once, since a bootstrap looks each up
 * thousands of times; larger domains compute them when asked.
 */
public final class CodeSetDistance implements Distance {

  static final int TABLE_LIMIT = 1024;
  static final int LARGEST_SET = 16;
  static final int MOST_SUBSETS = 1 << 22;

  private final MasiDistance masi;
  /** Each set's codes in ascending order: counting shared codes by a merge is what a large domain repeats. */
  private final int[][] codes;
  private final double[] table;
  private final SubsetSums subsets;

  private CodeSetDistance(MasiDistance masi, List<Set<Integer>> sets) {
    this.masi = Objects.requireNonNull(masi, "masi");
    int q = sets.size();
    this.codes = new int[q][];
    for (int c = 0; c < q; c++) {
      codes[c] = sets.get(c).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    if (q <= TABLE_LIMIT) {
      table = new double[q * q];
      for (int c = 0; c < q; c++) {
        for (int k = 0; k < q; k++) {
          table[c * q + k] = untabulated(c, k);
        }
      }
    } else {
      table = new double[0];
    }
    subsets = SubsetSums.of(codes);
  }

  /** The distance {@code masi} between the sets, value c standing for {@code sets.get(c)}. */
  public static CodeSetDistance of(MasiDistance masi, List<Set<Integer>> sets) {
    return new CodeSetDistance(masi, sets);
  }

  @Override
  public double between(int value, int other) {
    return table.length > 0 ? table[value * codes.length + other] : untabulated(value, other);
  }

  private double untabulated(int value, int other) {
    int[] a = codes[value];
    int[] b = codes[other];
    int common = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length;) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return masi.between(common, a.length, b.length);
  }

  @Override
  public double pairSum(double[] totals) {
    if (totals.length != codes.length) {
      throw new IllegalArgumentException(totals.length + " totals for " + codes.length + " code sets");
    }
    return subsets.usable() ? subsets.pairSum(totals, masi) : Distance.super.pairSum(totals);
  }

  /** The subsets of every set, numbered once, with which {@link #pairSum} counts shared codes. */
  private record SubsetSums(int[][] subsetsOf, int subsetCount, int[] sizes, double[][] binomial,
      boolean usable) {

    static SubsetSums of(int[][] sets) {
      int largest = 0;
      long all = 0;
      for (int[] s : sets) {
        largest = Math.max(largest, s.length);
        all += s.length <= LARGEST_SET ? 1L << s.length : Long.MAX_VALUE / 2;
      }
      if (largest > LARGEST_SET || all > MOST_SUBSETS) {
        return new SubsetSums(new int[0][], 0, new int[0], new double[0][], false);
      }
      Map<List<Integer>, Integer> ids = new HashMap<>();
      int[][] subsetsOf = new int[sets.length][];
      for (int c = 0; c < sets.length; c++) {
        int[] codes = sets[c];
        int[] of = new int[1 << codes.length];
        for (int mask = 0; mask < of.length; mask++) {
          List<Integer> subset = new ArrayList<>(Integer.bitCount(mask));
          for (int i = 0; i < codes.length; i++) {
            if ((mask & (1 << i)) != 0) {
              subset.add(codes[i]);
            }
          }
          of[mask] = ids.computeIfAbsent(subset, x -> ids.size());
        }
        subsetsOf[c] = of;
      }
      int[] sizes = Arrays.stream(sets).mapToInt(s -> s.length).distinct().sorted().toArray();
      return new SubsetSums(subsetsOf, ids.size(), sizes, binomials(largest), true);
    }

    double pairSum(double[] totals, MasiDistance masi) {
      int largest = sizes[sizes.length - 1];
      // the slot of each set size that occurs: the sizes between them need no room
      int[] slotOfSize = new int[largest + 1];
      for (int i = 0; i < sizes.length; i++) {
        slotOfSize[sizes[i]] = i;
      }
      int slots = sizes.length;
      // G(S, b): weight of the sets of size b that contain subset S
      double[] containing = new double[subsetCount * slots];
      for (int c = 0; c < totals.length; c++) {
        if (totals[c] != 0) {
          int slot = slotOfSize[sizeOf(c)];
          for (int id : subsetsOf[c]) {
            containing[id * slots + slot] += totals[c];
          }
        }
      }
      double sum = 0;
      for (int c = 0; c < totals.length; c++) {
        if (totals[c] == 0) {
          continue;
        }
        int[] of = subsetsOf[c];
        int a = sizeOf(c);
        // M_s(b) = Σ over the subsets S of A of size s of G(S, b)
        double[][] moments = new double[a + 1][slots];
        for (int mask = 0; mask < of.length; mask++) {
          double[] row = moments[Integer.bitCount(mask)];
          int base = of[mask] * slots;
          for (int slot = 0; slot < slots; slot++) {
            row[slot] += containing[base + slot];
          }
        }
        double towardA = 0;
        for (int slot = 0; slot < slots; slot++) {
          int b = sizes[slot];
          for (int t = 0; t <= Math.min(a, b); t++) {
            double sharing = 0;
            for (int s = t; s <= a; s++) {
              double term = binomial[s][t] * moments[s][slot];
              sharing += (s - t) % 2 == 0 ? term : -term;
            }
            if (sharing != 0) {
              towardA += sharing * masi.between(t, a, b);
            }
          }
        }
        sum += totals[c] * towardA;
      }
      return sum;
    }

    private int sizeOf(int set) {
      return Integer.numberOfTrailingZeros(subsetsOf[set].length);
    }

    private static double[][] binomials(int n) {
      double[][] c = new double[n + 1][n + 1];
      for (int i = 0; i <= n; i++) {
        c[i][0] = 1;
        for (int j = 1; j <= i; j++) {
          c[i][j] = c[i - 1][j - 1] + c[i - 1][j];
        }
      }
      return c;
    }
  }
}
