package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The coincidence matrix, its value totals and alpha's Do and De, checked against alpha's definition worked
 * pair by pair (Krippendorff 2011: every ordered pair of values two different coders gave one unit, weighted
 * 1/(m_u − 1)), which needs no matrix at all: on a few values and on hundreds (sets of codes), with missing
 * values and with unit weights (as a bootstrap replicate gives them).
 */
class CoincidenceMatrixTest {

  @Test
  void nominalAlphaOnAFewValuesMatchesThePairByPairDefinition() {
    checkAgainstPairs(new CodingProcess(5, 3, 0.7, 0.15).sample(400, new Random(5)));
  }

  @Test
  void nominalAlphaOnHundredsOfValuesMatchesThePairByPairDefinition() {
    checkAgainstPairs(new CodingProcess(300, 4, 0.6, 0.2).sample(2_000, new Random(6)));
  }

  @Test
  void weightedUnitsCountAsOftenAsTheirWeight() {
    ReliabilityData data = new CodingProcess(120, 3, 0.6, 0.1).sample(300, new Random(7));
    double[] weights = new double[data.units()];
    Random random = new Random(8);
    for (int u = 0; u < weights.length; u++) {
      weights[u] = random.nextInt(4);
    }
    checkAgainstPairs(data.withWeights(weights));
  }

  private static void checkAgainstPairs(ReliabilityData data) {
    int q = data.domain().size();
    double disagreeing = 0;
    double[] totals = new double[q];
    for (int u = 0; u < data.units(); u++) {
      int m = 0;
      for (int c = 0; c < data.coders(); c++) {
        m += data.value(u, c) == ReliabilityData.MISSING ? 0 : 1;
      }
      if (m < 2) {
        continue;
      }
      for (int a = 0; a < data.coders(); a++) {
        int x = data.value(u, a);
        if (x == ReliabilityData.MISSING) {
          continue;
        }
        totals[x] += data.weight(u);
        for (int b = 0; b < data.coders(); b++) {
          int y = data.value(u, b);
          if (b != a && y != ReliabilityData.MISSING && y != x) {
            disagreeing += data.weight(u) / (m - 1);
          }
        }
      }
    }
    double n = 0;
    double equalPairs = 0;
    for (double t : totals) {
      n += t;
      equalPairs += t * t;
    }
    double observed = disagreeing / n;
    double expected = (n * n - equalPairs) / (n * (n - 1));

    CoincidenceMatrix matrix = CoincidenceMatrix.of(data);
    assertThat(matrix.pairableValues()).isCloseTo(n, within(1e-9));
    for (int v = 0; v < q; v++) {
      assertThat(matrix.total(v)).as("n_%d", v).isCloseTo(totals[v], within(1e-9));
    }
    assertThat(matrix.observedDisagreement(Distance.nominal())).isCloseTo(observed, within(1e-12));
    assertThat(matrix.expectedDisagreement(Distance.nominal())).isCloseTo(expected, within(1e-12));
    double alpha = KrippendorffAlpha.nominal().estimate(data).value().getAsDouble();
    assertThat(alpha).isCloseTo(1 - observed / expected, within(1e-12));
  }
}
