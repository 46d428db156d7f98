package org.lacrima.core.agreement;

/**
 * How far apart two values of a domain are, for the weighted coefficients (weighted kappa, alpha with a
 * custom metric). Values are indices into the domain; a distance is 0 between a value and itself.
 */
@FunctionalInterface
public interface Distance {

  double between(int value, int other);

  /** Every difference counts fully: the nominal metric. */
  static Distance nominal() {
    return (a, b) -> a == b ? 0.0 : 1.0;
  }

  /**
   * The distance between every two of {@code q} values computed once and then looked up: for a costly distance
   * (MASI between sets of codes) evaluated thousands of times, as a bootstrap does.
   */
  static Distance tabulated(Distance delta, int q) {
    double[] table = new double[q * q];
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        table[c * q + k] = delta.between(c, k);
      }
    }
    return (value, other) -> table[value * q + other];
  }
}
