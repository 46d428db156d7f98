package org.lacrima.core.agreement;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One coefficient computed on some data: its value, or "undefined" with the reason (never NaN,
 * never a silent 1.0); its parts (observed and expected agreement "Ao", "Ae", or disagreement
 * "Do", "De"), and its standard error where the coefficient has one.
 */
public record Estimate(String coefficient, OptionalDouble value, Optional<String> undefinedBecause,
    Map<String, Double> parts, OptionalDouble standardError) {

  public Estimate {
    Objects.requireNonNull(coefficient, "coefficient");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(undefinedBecause, "undefinedBecause");
    parts = Map.copyOf(parts);
    Objects.requireNonNull(standardError, "standardError");
    if (value.isPresent() == undefinedBecause.isPresent()) {
      throw new IllegalArgumentException("an estimate is either a value or undefined with a reason");
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException(coefficient + " came out as " + value.getAsDouble() + "; say why it is undefined");
    }
  }

  public static Estimate of(String coefficient, double value, Map<String, Double> parts) {
    return new Estimate(coefficient, OptionalDouble.of(value), Optional.empty(), parts, OptionalDouble.empty());
  }

  public static Estimate undefined(String coefficient, String because) {
    return new Estimate(coefficient, OptionalDouble.empty(), Optional.of(because), Map.of(), OptionalDouble.empty());
  }

  public Estimate withStandardError(double se) {
    return new Estimate(coefficient, value, undefinedBecause, parts, OptionalDouble.of(se));
  }

  /** The same estimate under another name (a coefficient that is another's special case). */
  public Estimate renamed(String name) {
    return new Estimate(name, value, undefinedBecause, parts, standardError);
  }

  public boolean defined() {
    return value.isPresent();
  }
}
