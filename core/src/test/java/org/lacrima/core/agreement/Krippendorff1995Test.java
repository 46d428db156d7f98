package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Krippendorff (1995), p. 57, examples A to C digitised to 24 binary positions (the coding view of the unitizing example). */
class Krippendorff1995Test {

  @Test
  void reproducesKrippendorff1995DigitizedA() {
    ReferenceAssertions.assertCase("krippendorff1995_digitized_A");
  }

  @Test
  void reproducesKrippendorff1995DigitizedB() {
    ReferenceAssertions.assertCase("krippendorff1995_digitized_B");
  }

  @Test
  void reproducesKrippendorff1995DigitizedC() {
    ReferenceAssertions.assertCase("krippendorff1995_digitized_C");
  }
}
