package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Hayes and Krippendorff (2007) "Answering the call for a standard reliability measure for coding data":
 * five observers, forty units, ordinal values 0 to 3, many missing. The paper's bootstrap (KALPHA, which
 * resamples pairable values, not units) serves only as a plausibility check of ours, as the case's notes say.
 */
class HayesKrippendorff2007Test {

  private static final String CASE = "hayes_krippendorff2007";

  @Test
  void reproducesOrdinalAlphaAndTheOtherCoefficients() {
    ReferenceAssertions.assertCase(CASE);
  }

  @Test
  void bootstrapOfOrdinalAlphaIsPlausible() {
    ReliabilityData data = ReferenceCases.load().byId(CASE).data();
    BootstrapDistribution d = new Bootstrap(2007).distribution(data, KrippendorffAlpha.ordinal(), Resampling.units());
    Interval interval = d.interval(0.95);
    double alpha = d.estimate().value().getAsDouble();
    assertThat(interval.lower().getAsDouble()).isLessThan(alpha);
    assertThat(interval.upper().getAsDouble()).isGreaterThan(alpha);
    assertThat(interval.replicatesDefined()).isEqualTo(Bootstrap.DEFAULT_REPLICATES);
    assertThat(d.probabilityBelow(Bootstrap.TENTATIVE).getAsDouble())
        .isLessThanOrEqualTo(d.probabilityBelow(Bootstrap.RELIABLE).getAsDouble());
  }
}
