package org.lacrima.core.agreement;

import java.util.stream.IntStream;

/**
 * How far apart two values of a domain are, for the weighted coefficients (weighted kappa, alpha with a
 * custom metric). Values are indices into the domain; a distance is 0 between a value and itself.
 */
@FunctionalInterface
public interface Distance {

  double between(int value, int other);

  /**
   * Σ_c Σ_k n_c n_k δ(c, k) over every two values, given how often each occurs ({@code totals}): the sum behind
   * alpha's expected disagreement. Pair by pair over the values that occur; a distance with structure (nominal,
   * MASI between code sets) overrides it, since a domain of tens of thousands of values makes billions of pairs.
   */
  default double pairSum(double[] totals) {
    int[] occurring = IntStream.range(0, totals.length).filter(v -> totals[v] != 0).toArray();
    double sum = 0;
    for (int c : occurring) {
      for (int k : occurring) {
        sum += totals[c] * totals[k] * between(c, k);
      }
    }
    return sum;
  }

  /** Every difference counts fully: the nominal metric. */
  static Distance nominal() {
    return new Distance() {
      @Override
      public double between(int value, int other) {
        return value == other ? 0.0 : 1.0;
      }

      @Override
      public double pairSum(double[] totals) {
        double n = 0;
        double same = 0;
        for (double t : totals) {
          n += t;
          same += t * t;
        }
        return n * n - same;
      }
    };
  }
}
