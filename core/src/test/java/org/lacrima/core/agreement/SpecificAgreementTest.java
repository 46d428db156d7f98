package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Positive and negative specific agreement on tables worked by hand. The tables are given as rows of the
 * first coder by columns of the second over (absent, present): {{d, c}, {b, a}}, with a = both present,
 * b = first only, c = second only, d = both absent.
 */
class SpecificAgreementTest {

  private static ReliabilityData table(long a, long b, long c, long d) {
    return ReliabilityData.fromContingency(ValueDomain.presence(), new long[][] {{d, c}, {b, a}});
  }

  /** a = 40, b = 10, c = 5, d = 45: positive 2·40/(80 + 15) = 80/95, negative 2·45/(90 + 15) = 90/105. */
  @Test
  void aBalancedTable() {
    ReliabilityData data = table(40, 10, 5, 45);
    assertThat(SpecificAgreement.positive().estimate(data).value().getAsDouble()).isCloseTo(80.0 / 95, within(1e-15));
    assertThat(SpecificAgreement.negative().estimate(data).value().getAsDouble()).isCloseTo(90.0 / 105, within(1e-15));
  }

  /**
   * A rare code: a = 3, b = 2, c = 1, d = 94. Positive 6/(6 + 3) = 2/3, negative 188/(188 + 3) = 188/191,
   * while percent agreement (97/100) hides that the coders agree on only a third of the code's occurrences.
   */
  @Test
  void aRareCode() {
    ReliabilityData data = table(3, 2, 1, 94);
    assertThat(SpecificAgreement.positive().estimate(data).value().getAsDouble()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(SpecificAgreement.negative().estimate(data).value().getAsDouble()).isCloseTo(188.0 / 191, within(1e-15));
    assertThat(new PercentageAgreement().estimate(data).value().getAsDouble()).isCloseTo(0.97, within(1e-15));
  }

  /** Units one coder left uncoded are dropped and counted: (present, missing) adds to units_dropped only. */
  @Test
  void unitsWithAMissingValueAreDropped() {
    int m = ReliabilityData.MISSING;
    ReliabilityData data = ReliabilityData.of(ValueDomain.presence(), 2,
        new int[][] {{1, 1}, {1, 0}, {0, 0}, {1, m}, {m, 0}});
    // a = 1, b = 1, c = 0, d = 1: positive 2/3, negative 2/3
    Estimate positive = SpecificAgreement.positive().estimate(data);
    assertThat(positive.value().getAsDouble()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(positive.parts()).containsEntry("units_used", 3.0).containsEntry("units_dropped", 2.0);
  }

  @Test
  void undefinedWhenNeitherCoderMarkedTheCategory() {
    Estimate positive = SpecificAgreement.positive().estimate(table(0, 0, 0, 20));
    assertThat(positive.defined()).isFalse();
    assertThat(positive.undefinedBecause().orElseThrow()).contains("present");
    assertThat(SpecificAgreement.negative().estimate(table(0, 0, 0, 20)).value().getAsDouble()).isEqualTo(1.0);
  }
}
