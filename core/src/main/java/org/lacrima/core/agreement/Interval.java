package org.lacrima.core.agreement;

import java.util.OptionalDouble;

/** A bootstrap confidence interval: the estimate, its bounds, and how many replicates were drawn and defined. */
public record Interval(Estimate estimate, double level, OptionalDouble lower, OptionalDouble upper, int replicates,
    int replicatesDefined) {

  public boolean defined() {
    return lower.isPresent() && upper.isPresent();
  }

  public OptionalDouble width() {
    return defined() ? OptionalDouble.of(upper.getAsDouble() - lower.getAsDouble()) : OptionalDouble.empty();
  }
}
