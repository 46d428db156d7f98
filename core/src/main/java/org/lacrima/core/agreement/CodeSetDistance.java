package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

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
 * exactly t codes with A. The cost is some 2^|A| per set, instead of q. A set of more than
 * {@value #LARGEST_SET} codes is left out of the counting and summed pair by pair with every other set.
 *
 * <p>Distances between up to {@value #TABLE_LIMIT} sets are tabulated once, since a bootstrap looks each up
 * thousands of times; larger domains compute them when asked.
 */
public final class CodeSetDistance implements Distance {

  static final int TABLE_LIMIT = 1024;
  /** Sets of more codes are summed pair by pair: 2^16 subsets each is as far as the counting pays. */
  static final int LARGEST_SET = 16;
  /** Bound on the counting's table G, in doubles (64 MB), made afresh by every bootstrap replicate. */
  static final long LARGEST_COUNT_TABLE = 1L << 23;

  private final MasiDistance masi;
  /** Each set's codes in ascending order: counting shared codes by a merge is what a large domain repeats. */
  private final int[][] codes;
  private final double[] table;
  /** The sets of up to {@value #LARGEST_SET} codes, counted by their subsets; empty where the table grew too big. */
  private final Optional<SubsetCounts> counted;
  /** The sets summed pair by pair: the large ones, or all where the counting does not fit. */
  private final int[] pairwise;

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
    int[] small = IntStream.range(0, q).filter(c -> codes[c].length <= LARGEST_SET).toArray();
    counted = SubsetCounts.of(codes, small);
    pairwise = counted.isPresent() ? IntStream.range(0, q).filter(c -> codes[c].length > LARGEST_SET).toArray()
        : IntStream.range(0, q).toArray();
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
    double sum = counted.map(c -> c.pairSum(totals, masi)).orElse(0.0);
    if (pairwise.length == 0) {
      return sum;
    }
    // every pair with a set of the pairwise ones: both orders where the other is counted, once where both are
    boolean[] isPairwise = new boolean[codes.length];
    for (int c : pairwise) {
      isPairwise[c] = true;
    }
    for (int c : pairwise) {
      if (totals[c] == 0) {
        continue;
      }
      for (int k = 0; k < codes.length; k++) {
        if (totals[k] != 0 && k != c) {
          sum += (isPairwise[k] ? 1 : 2) * totals[c] * totals[k] * between(c, k);
        }
      }
    }
    return sum;
  }

  /**
   * The subsets of the counted sets, each numbered once, with which {@link #pairSum} counts shared codes.
   *
   * @param codes every set's codes, ascending (all sets, counted or not)
   * @param sets the counted sets, as indices into all sets
   * @param subsetsOf for each counted set, the number of each of its subsets, by bit mask over its codes
   * @param sizes the set sizes that occur among the counted sets, ascending
   */
  private record SubsetCounts(int[][] codes, int[] sets, int[][] subsetsOf, int subsetCount, int[] sizes,
      double[][] binomial) {

    static Optional<SubsetCounts> of(int[][] codes, int[] sets) {
      Map<List<Integer>, Integer> ids = new HashMap<>();
      int[][] subsetsOf = new int[sets.length][];
      long subsets = 0;
      for (int i = 0; i < sets.length; i++) {
        int[] own = codes[sets[i]];
        subsets += 1L << own.length;
        if (subsets > LARGEST_COUNT_TABLE) {
          return Optional.empty();
        }
        int[] of = new int[1 << own.length];
        for (int mask = 0; mask < of.length; mask++) {
          List<Integer> subset = new ArrayList<>(Integer.bitCount(mask));
          for (int b = 0; b < own.length; b++) {
            if ((mask & (1 << b)) != 0) {
              subset.add(own[b]);
            }
          }
          of[mask] = ids.computeIfAbsent(subset, x -> ids.size());
        }
        subsetsOf[i] = of;
      }
      int[] sizes = Arrays.stream(sets).map(c -> codes[c].length).distinct().sorted().toArray();
      if ((long) ids.size() * sizes.length > LARGEST_COUNT_TABLE) {
        return Optional.empty();
      }
      int largest = sizes.length == 0 ? 0 : sizes[sizes.length - 1];
      return Optional.of(new SubsetCounts(codes, sets, subsetsOf, ids.size(), sizes, binomials(largest)));
    }

    /** Σ n_A n_B δ(A, B) over every two counted sets. */
    double pairSum(double[] totals, MasiDistance masi) {
      if (sets.length == 0) {
        return 0;
      }
      int largest = sizes[sizes.length - 1];
      // the slot of each set size that occurs: the sizes between them need no room
      int[] slotOfSize = new int[largest + 1];
      for (int i = 0; i < sizes.length; i++) {
        slotOfSize[sizes[i]] = i;
      }
      int slots = sizes.length;
      // G(S, b): weight of the sets of size b that contain subset S
      double[] containing = new double[subsetCount * slots];
      for (int i = 0; i < sets.length; i++) {
        double n = totals[sets[i]];
        if (n != 0) {
          int slot = slotOfSize[codes[sets[i]].length];
          for (int id : subsetsOf[i]) {
            containing[id * slots + slot] += n;
          }
        }
      }
      double[][] moments = new double[largest + 1][slots];
      double sum = 0;
      for (int i = 0; i < sets.length; i++) {
        double n = totals[sets[i]];
        if (n == 0) {
          continue;
        }
        int[] of = subsetsOf[i];
        int a = codes[sets[i]].length;
        // M_s(b) = Σ over the subsets S of A of size s of G(S, b)
        for (int s = 0; s <= a; s++) {
          Arrays.fill(moments[s], 0);
        }
        for (int mask = 0; mask < of.length; mask++) {
          double[] row = moments[Integer.bitCount(mask)];
          int base = of[mask] * slots;
          for (int slot = 0; slot < slots; slot++) {
            row[slot] += containing[base + slot];
          }
        }
        // A itself, at distance 0, is taken out before the inversion: its C(a, s)-fold weight would otherwise
        // cancel against itself in the alternating sum and leave rounding where the answer is exactly 0
        int own = slotOfSize[a];
        for (int s = 0; s <= a; s++) {
          moments[s][own] -= n * binomial[a][s];
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
        sum += n * towardA;
      }
      return sum;
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
