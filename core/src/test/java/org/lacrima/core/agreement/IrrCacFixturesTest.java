package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Fixtures of R irrCAC (Gwet): generated tables DKPro ships, the cac.raw4raters data (missing values) and the cont3x3abstractors table with irrCAC's *.table functions. */
class IrrCacFixturesTest {

  @Test
  void reproducesIrrcacFixtureParadox2x2() {
    ReferenceAssertions.assertCase("irrcac_fixture_paradox_2x2");
  }

  @Test
  void reproducesIrrcacFixtureLikert4x4() {
    ReferenceAssertions.assertCase("irrcac_fixture_likert_4x4");
  }

  @Test
  void reproducesIrrcacFixtureLikert5x5() {
    ReferenceAssertions.assertCase("irrcac_fixture_likert_5x5");
  }

  @Test
  void reproducesIrrcacCacRaw4raters() {
    ReferenceAssertions.assertCase("irrcac_cac.raw4raters");
  }

  @Test
  void reproducesIrrcacCont3x3abstractors() {
    ReferenceAssertions.assertCase("irrcac_cont3x3abstractors");
  }
}
