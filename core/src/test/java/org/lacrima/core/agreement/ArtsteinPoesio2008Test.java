package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Artstein and Poesio (2008) "Inter-coder agreement for computational linguistics", pp. 558 and 568,
 * including the weighted coefficients with their distance in which a check ("Chck") is half a disagreement.
 */
class ArtsteinPoesio2008Test {

  @Test
  void reproducesTheTwoCategoryExample() {
    ReferenceAssertions.assertCase("artstein_poesio2008_p558");
  }

  @Test
  void reproducesTheThreeCategoryExampleWithItsCustomDistance() {
    ReferenceAssertions.assertCase("artstein_poesio2008_p568");
  }

  /** With the nominal distance the custom-distance coefficients are the ordinary ones (p. 568's point). */
  @Test
  void theNominalDistanceGivesBackKappaAndAlpha() {
    ReliabilityData data = ReferenceCases.load().byId("artstein_poesio2008_p568").data();
    assertThat(WeightedKappa.withDistance("k", Distance.nominal()).estimate(data).value().getAsDouble())
        .isCloseTo(new CohenKappa().estimate(data).value().getAsDouble(), within(1e-12));
    assertThat(KrippendorffAlpha.withDistance("a", Distance.nominal()).estimate(data).value().getAsDouble())
        .isCloseTo(KrippendorffAlpha.nominal().estimate(data).value().getAsDouble(), within(1e-12));
  }
}
