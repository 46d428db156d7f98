package org.lacrima.core.agreement;

import java.util.Optional;

/**
 * The normalised distances behind Cohen's (1968) weighted kappa and Gwet's AC2: 1 − weight, where the
 * weight is 1 − |x − y| / range (linear) or 1 − (x − y)² / range² (quadratic). The positions x are the
 * domain's numbers where it has them (as irrCAC does for numeric categories) and otherwise the values' ranks
 * (as irr::kappa2 and scikit-learn do); the range is taken over the whole domain, so a value nobody used
 * still stretches the scale.
 */
public enum ScaleDistance {
  LINEAR, QUADRATIC;

  /** The distance on this domain; empty when the domain has fewer than two distinct positions. */
  public Optional<Distance> on(ValueDomain domain) {
    int q = domain.size();
    double[] x = new double[q];
    boolean numbered = domain.numbers().size() == q;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < q; v++) {
      x[v] = numbered ? domain.number(v) : v;
      low = Math.min(low, x[v]);
      high = Math.max(high, x[v]);
    }
    double range = high - low;
    if (!(range > 0)) {
      return Optional.empty();
    }
    return Optional.of(this == LINEAR
        ? (a, b) -> Math.abs(x[a] - x[b]) / range
        : (a, b) -> (x[a] - x[b]) * (x[a] - x[b]) / (range * range));
  }

  /** The weights 1 − distance as a matrix, the form Gwet's formulas use. */
  static double[][] weights(Distance distance, int size) {
    double[][] w = new double[size][size];
    for (int a = 0; a < size; a++) {
      for (int b = 0; b < size; b++) {
        w[a][b] = 1.0 - distance.between(a, b);
      }
    }
    return w;
  }
}
