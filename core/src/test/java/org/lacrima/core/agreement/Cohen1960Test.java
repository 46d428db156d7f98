package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Cohen (1960), pp. 37 and 45: kappa, its parts and the maximum kappa the marginals allow. */
class Cohen1960Test {

  @Test
  void reproducesCohen1960P37() {
    ReferenceAssertions.assertCase("cohen1960_p37");
  }

  @Test
  void reproducesCohen1960P45() {
    ReferenceAssertions.assertCase("cohen1960_p45");
  }
}
