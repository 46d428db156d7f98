package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Krippendorff (2004) Content Analysis, 2nd ed., pp. 224, 227 and 246 (S vs pi vs kappa on equal agreement, different marginals). */
class Krippendorff2004Test {

  @Test
  void reproducesKrippendorff2004P224Binary() {
    ReferenceAssertions.assertCase("krippendorff2004_p224_binary");
  }

  @Test
  void reproducesKrippendorff2004P2273cat() {
    ReferenceAssertions.assertCase("krippendorff2004_p227_3cat");
  }

  @Test
  void reproducesKrippendorff2004P246A() {
    ReferenceAssertions.assertCase("krippendorff2004_p246_a");
  }

  @Test
  void reproducesKrippendorff2004P246B() {
    ReferenceAssertions.assertCase("krippendorff2004_p246_b");
  }
}
