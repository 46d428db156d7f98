package org.lacrima.core.agreement;

import java.math.BigDecimal;
import java.util.Optional;

/** The level of measurement of a variable: what a difference between two of its values means. */
public enum Scale {
  NOMINAL, ORDINAL, INTERVAL, RATIO;

  /**
   * The number a value of an interval or ratio scale stands for, read from its label with a decimal point or comma
   * ("2,5" as German tables write it), exactly and without trailing zeros: "1", "1.0" and "1,00" are one value.
   */
  public static Optional<BigDecimal> value(String label) {
    try {
      return Optional.of(new BigDecimal(label.strip().replace(',', '.')).stripTrailingZeros());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
