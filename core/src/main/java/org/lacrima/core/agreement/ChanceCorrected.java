package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The kappa form (Ao − Ae) / (1 − Ae) shared by the kappa family, with its one way of failing. */
final class ChanceCorrected {

  /** Ae this close to 1 is 1 up to rounding: the data hold a single value. */
  private static final double CERTAIN = 1e-12;

  private ChanceCorrected() {
  }

  static Estimate of(String name, double observed, double expected, Map<String, Double> extraParts) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("Ao", observed);
    parts.put("Ae", expected);
    parts.putAll(extraParts);
    if (expected > 1 - CERTAIN) {
      return undefined(name, "chance agreement is 1: every value is the same", parts);
    }
    return Estimate.of(name, (observed - expected) / (1 - expected), parts);
  }

  /** An undefined estimate that keeps what could be counted (units used, dropped), for the report. */
  static Estimate undefined(String name, String because, Map<String, Double> parts) {
    return new Estimate(name, OptionalDouble.empty(), Optional.of(because), parts, OptionalDouble.empty());
  }

  static Map<String, Double> units(double used, double dropped) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("units_used", used);
    parts.put("units_dropped", dropped);
    return parts;
  }
}
