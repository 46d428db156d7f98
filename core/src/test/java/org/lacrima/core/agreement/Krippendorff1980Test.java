package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Krippendorff (1980) Content Analysis, pp. 133 and 139: two coders on binary data, three coders on four categories. */
class Krippendorff1980Test {

  @Test
  void reproducesKrippendorff1980P133Binary() {
    ReferenceAssertions.assertCase("krippendorff1980_p133_binary");
  }

  @Test
  void reproducesKrippendorff1980P1393coders() {
    ReferenceAssertions.assertCase("krippendorff1980_p139_3coders");
  }
}
