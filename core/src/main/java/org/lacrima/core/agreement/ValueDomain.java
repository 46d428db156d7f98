package org.lacrima.core.agreement;

import java.util.List;
import java.util.Objects;

/**
 * The values coders can give for one variable: their labels in order (the order is the ranking for
 * an ordinal scale), the scale, and for interval and ratio scales the number each label stands for.
 * Cells of {@link ReliabilityData} are indices into {@link #labels()}.
 */
public record ValueDomain(List<String> labels, Scale scale, List<Double> numbers) {

  public ValueDomain {
    labels = List.copyOf(labels);
    Objects.requireNonNull(scale, "scale");
    numbers = List.copyOf(numbers);
    if ((scale == Scale.INTERVAL || scale == Scale.RATIO) && numbers.size() != labels.size()) {
      throw new IllegalArgumentException("an " + scale + " variable needs a number for every value");
    }
  }

  public static ValueDomain nominal(List<String> labels) {
    return new ValueDomain(labels, Scale.NOMINAL, List.of());
  }

  /** Present or absent, the domain of one category in one unit: index 0 absent, 1 present. */
  public static ValueDomain presence() {
    return nominal(List.of("absent", "present"));
  }

  public int size() {
    return labels.size();
  }

  public double number(int value) {
    return numbers.get(value);
  }
}
