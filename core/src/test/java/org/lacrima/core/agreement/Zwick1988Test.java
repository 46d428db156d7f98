package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Zwick (1988), table 1 to 3: kappa, pi and S as the marginals grow unequal. */
class Zwick1988Test {

  @Test
  void reproducesZwick1988Ex1() {
    ReferenceAssertions.assertCase("zwick1988_ex1");
  }

  @Test
  void reproducesZwick1988Ex2() {
    ReferenceAssertions.assertCase("zwick1988_ex2");
  }

  @Test
  void reproducesZwick1988Ex3() {
    ReferenceAssertions.assertCase("zwick1988_ex3");
  }
}
