package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Krippendorff (2011) "Computing Krippendorff's alpha-reliability": four observers, twelve units, values 1 to
 * 5 and missing values; the same data as Krippendorff (2004) p. 230.
 */
class Krippendorff2011Test {

  @Test
  void reproducesTheWorkedExample() {
    ReferenceAssertions.assertCase("krippendorff2011_reliability_data");
  }

  /**
   * The case's notes give DKPro's check of the ordinal metric: with an empty fifth category inserted (six
   * values, the old 5 becoming 6), √δ between the values is the table below. An unused value widens the gap
   * between its neighbours by nothing, which is what makes the metric frequency-based.
   */
  @Test
  void ordinalMetricOfTheNotesWithAnEmptyCategory() {
    ReliabilityData data = ReferenceCases.load().byId("krippendorff2011_reliability_data").data();
    int[][] cells = new int[data.units()][data.coders()];
    for (int u = 0; u < data.units(); u++) {
      for (int c = 0; c < data.coders(); c++) {
        int v = data.value(u, c);
        cells[u][c] = v == 4 ? 5 : v;
      }
    }
    ValueDomain six = ValueDomain.nominal(java.util.List.of("1", "2", "3", "4", "empty", "5"));
    ReliabilityData widened = ReliabilityData.of(six, data.coders(), cells);
    Distance ordinal = AlphaMetric.ORDINAL.on(six, CoincidenceMatrix.of(widened)).distance().orElseThrow();
    double[][] rootDelta = {
        {0, 11, 22.5, 30, 32.5, 34},
        {11, 0, 11.5, 19, 21.5, 23},
        {22.5, 11.5, 0, 7.5, 10, 11.5},
        {30, 19, 7.5, 0, 2.5, 4},
        {32.5, 21.5, 10, 2.5, 0, 1.5},
        {34, 23, 11.5, 4, 1.5, 0}};
    for (int a = 0; a < 6; a++) {
      for (int b = 0; b < 6; b++) {
        assertThat(Math.sqrt(ordinal.between(a, b))).as("√δ(%d, %d)", a, b).isCloseTo(rootDelta[a][b], within(1e-9));
      }
    }
    assertThat(KrippendorffAlpha.ordinal().estimate(widened).value().getAsDouble())
        .as("an empty category changes no alpha").isCloseTo(0.815388, within(1e-4));
  }
}
