package org.lacrima.core.agreement;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The replicate values of one coefficient (those that were defined, sorted) beside its estimate on the data
 * as observed. Replicates where the coefficient is undefined (a resample with a single value) are counted,
 * not imputed.
 */
public final class BootstrapDistribution {

  private final Estimate estimate;
  private final double[] values;
  private final int replicates;

  BootstrapDistribution(Estimate estimate, double[] definedValues, int replicates) {
    this.estimate = estimate;
    this.values = definedValues.clone();
    Arrays.sort(this.values);
    this.replicates = replicates;
  }

  public Estimate estimate() {
    return estimate;
  }

  public int replicates() {
    return replicates;
  }

  public int replicatesDefined() {
    return values.length;
  }

  public double[] values() {
    return values.clone();
  }

  /**
   * The percentile interval at {@code level} (0.95 for 95 %), quantiles interpolated between order statistics
   * (R's type 7); no bounds when the estimate or every replicate is undefined.
   */
  public Interval interval(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("a confidence level lies between 0 and 1, not " + level);
    }
    if (!estimate.defined() || values.length == 0) {
      return new Interval(estimate, level, OptionalDouble.empty(), OptionalDouble.empty(), replicates, values.length);
    }
    double tail = (1 - level) / 2;
    return new Interval(estimate, level, OptionalDouble.of(quantile(tail)), OptionalDouble.of(quantile(1 - tail)),
        replicates, values.length);
  }

  /** Share of the defined replicates below {@code threshold}, e.g. P(alpha < .667). */
  public OptionalDouble probabilityBelow(double threshold) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    int below = 0;
    while (below < values.length && values[below] < threshold) {
      below++;
    }
    return OptionalDouble.of((double) below / values.length);
  }

  private double quantile(double p) {
    double h = (values.length - 1) * p;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, values.length - 1);
    return values[low] + (h - low) * (values[high] - values[low]);
  }
}
