package org.lacrima.core.agreement;

import java.util.Set;

/**
 * Passonneau's (2006) MASI distance between two sets of codes: 1 − J · M, J the Jaccard share
 * |A ∩ B| / |A ∪ B| and M the monotonicity weight, 1 for equal sets, {@code subsetWeight} when one set holds
 * the other, {@code overlapWeight} when they only overlap, 0 when disjoint. Two empty sets are equal (a
 * coder who found no code where another found none agrees), so their distance is 0.
 */
public record MasiDistance(double subsetWeight, double overlapWeight) {

  /** Passonneau's weights 2/3 and 1/3. */
  public static MasiDistance passonneau() {
    return new MasiDistance(2.0 / 3, 1.0 / 3);
  }

  /** NLTK's masi_distance rounds the weights to 0.67 and 0.33; for comparing figures with NLTK. */
  public static MasiDistance nltk() {
    return new MasiDistance(0.67, 0.33);
  }

  public double between(Set<Integer> a, Set<Integer> b) {
    int common = 0;
    for (Integer v : a) {
      if (b.contains(v)) {
        common++;
      }
    }
    return between(common, a.size(), b.size());
  }

  /**
   * The distance between a set of {@code sizeA} codes and one of {@code sizeB} that share {@code common}: all
   * MASI needs to know of two sets, which lets {@link CodeSetDistance} sum it over many sets at once.
   */
  public double between(int common, int sizeA, int sizeB) {
    // equal sets, without a second pass of lookups for Set.equals: alpha takes this for every pair of code sets
    if (common == sizeA && common == sizeB) {
      return 0.0;
    }
    int union = sizeA + sizeB - common;
    double monotonicity;
    if (common == Math.min(sizeA, sizeB)) {
      monotonicity = subsetWeight;
    } else if (common > 0) {
      monotonicity = overlapWeight;
    } else {
      monotonicity = 0;
    }
    return 1 - (double) common / union * monotonicity;
  }
}
