package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Brennan and Prediger (1981), pp. 689 and 691: the free-marginal kappa against Cohen's. */
class BrennanPrediger1981Test {

  @Test
  void reproducesBrennanPrediger1981P689() {
    ReferenceAssertions.assertCase("brennan_prediger1981_p689");
  }

  @Test
  void reproducesBrennanPrediger1981P691() {
    ReferenceAssertions.assertCase("brennan_prediger1981_p691");
  }
}
