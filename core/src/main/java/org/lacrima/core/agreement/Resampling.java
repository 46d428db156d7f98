package org.lacrima.core.agreement;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a bootstrap replicate draws with replacement: units, or groups of units such as documents (all units
 * of a drawn group come along, so agreement that varies between documents widens the interval as it should).
 * A replicate is a weights array: each unit's weight is how often it was drawn.
 */
public final class Resampling {

  private final int[] groupOfUnit;
  private final int groups;

  private Resampling(int[] groupOfUnit, int groups) {
    this.groupOfUnit = groupOfUnit;
    this.groups = groups;
  }

  /** Units drawn one by one; a unit of weight w stands for w observed units (compacted data). */
  public static Resampling units() {
    return new Resampling(new int[0], 0);
  }

  /** Groups drawn whole; {@code groupOfUnit[u]} names the group (any int) of unit u. */
  public static Resampling groups(int[] groupOfUnit) {
    Map<Integer, Integer> dense = new HashMap<>();
    int[] index = new int[groupOfUnit.length];
    for (int u = 0; u < groupOfUnit.length; u++) {
      index[u] = dense.computeIfAbsent(groupOfUnit[u], g -> dense.size());
    }
    if (dense.isEmpty()) {
      throw new IllegalArgumentException("no units to group");
    }
    return new Resampling(index, dense.size());
  }

  /**
   * A uniform draw from 0 to {@code bound - 1}: Lemire's multiply-and-shift with rejection (ACM TOMACS 2019),
   * unbiased like {@link SplittableRandom#nextInt(int)} but without its division, which was a third of a
   * bootstrap's time (a replicate draws one index per unit).
   */
  static int below(SplittableRandom random, int bound) {
    long product = Integer.toUnsignedLong(random.nextInt()) * bound;
    int low = (int) product;
    if (Integer.compareUnsigned(low, bound) < 0) {
      int threshold = Integer.remainderUnsigned(-bound, bound);
      while (Integer.compareUnsigned(low, threshold) < 0) {
        product = Integer.toUnsignedLong(random.nextInt()) * bound;
        low = (int) product;
      }
    }
    return (int) (product >>> 32);
  }

  boolean byGroups() {
    return groups > 0;
  }

  /** The weights of one replicate of {@code data}, drawn from {@code random}. */
  double[] draw(ReliabilityData data, SplittableRandom random) {
    return byGroups() ? drawGroups(data, random) : drawUnits(data, random);
  }

  private double[] drawGroups(ReliabilityData data, SplittableRandom random) {
    if (groupOfUnit.length != data.units()) {
      throw new IllegalArgumentException(groupOfUnit.length + " group labels for " + data.units() + " units");
    }
    int[] drawn = new int[groups];
    for (int i = 0; i < groups; i++) {
      drawn[below(random, groups)]++;
    }
    double[] weights = new double[data.units()];
    for (int u = 0; u < weights.length; u++) {
      weights[u] = drawn[groupOfUnit[u]] * data.weight(u);
    }
    return weights;
  }

  private static double[] drawUnits(ReliabilityData data, SplittableRandom random) {
    int n = data.units();
    double[] weights = new double[n];
    if (n == 0) {
      return weights;
    }
    boolean unweighted = true;
    for (int u = 0; u < n && unweighted; u++) {
      unweighted = data.weight(u) == 1.0;
    }
    if (unweighted) {
      for (int i = 0; i < n; i++) {
        weights[below(random, n)]++;
      }
      return weights;
    }
    // a weighted unit stands for that many observations: draw observations, as many as were observed
    double[] cumulative = new double[n];
    double total = 0;
    for (int u = 0; u < n; u++) {
      total += data.weight(u);
      cumulative[u] = total;
    }
    long draws = Math.round(total);
    for (long i = 0; i < draws; i++) {
      double point = random.nextDouble() * total;
      int u = Arrays.binarySearch(cumulative, point);
      u = u < 0 ? -u - 1 : u + 1;
      // skip units of weight 0 that share a cumulative value with the unit after them
      while (u < n - 1 && data.weight(u) == 0) {
        u++;
      }
      weights[Math.min(u, n - 1)]++;
    }
    return weights;
  }
}
