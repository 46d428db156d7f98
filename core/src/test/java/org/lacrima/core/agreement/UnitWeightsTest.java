package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every sum over units is weighted: a unit of weight 2 is the same unit observed twice. That is what the
 * bootstrap (weights = draw counts) and compact() (weights = multiplicities) rest on.
 */
class UnitWeightsTest {

  private static List<Estimate> everything(ReliabilityData data) {
    List<Estimate> estimates = new ArrayList<>();
    for (AgreementMeasure m : AgreementMeasures.all()) {
      if (m.accepts(data.coders())) {
        estimates.add(m.estimate(data));
      }
    }
    for (CategoryMeasure m : AgreementMeasures.perCategory()) {
      if (m.accepts(data.coders())) {
        for (int c = 0; c < data.domain().size(); c++) {
          estimates.add(m.estimate(data, c));
        }
      }
    }
    return estimates;
  }

  private static void assertSame(List<Estimate> expected, List<Estimate> actual) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Estimate e = expected.get(i);
      Estimate a = actual.get(i);
      assertThat(a.defined()).as(e.coefficient()).isEqualTo(e.defined());
      if (e.defined()) {
        assertThat(a.value().getAsDouble()).as(e.coefficient()).isCloseTo(e.value().getAsDouble(), within(1e-12));
      }
      assertThat(a.parts().keySet()).as(e.coefficient()).isEqualTo(e.parts().keySet());
      for (Map.Entry<String, Double> part : e.parts().entrySet()) {
        assertThat(a.parts().get(part.getKey())).as(e.coefficient() + " " + part.getKey())
            .isCloseTo(part.getValue(), within(1e-9));
      }
      assertThat(a.standardError().isPresent()).as(e.coefficient() + " se").isEqualTo(e.standardError().isPresent());
      if (e.standardError().isPresent()) {
        assertThat(a.standardError().getAsDouble()).as(e.coefficient() + " se")
            .isCloseTo(e.standardError().getAsDouble(), within(1e-12));
      }
    }
  }

  @Test
  void duplicatingUnitsEqualsDoublingTheirWeights() {
    Random random = new Random(9);
    for (int trial = 0; trial < 30; trial++) {
      int coders = 2 + random.nextInt(3);
      ReliabilityData data = new CodingProcess(2 + random.nextInt(3), coders, 0.7, 0.15).sample(25, random);
      List<int[]> duplicatedRows = new ArrayList<>();
      double[] weights = new double[data.units()];
      for (int u = 0; u < data.units(); u++) {
        int[] row = new int[coders];
        for (int c = 0; c < coders; c++) {
          row[c] = data.value(u, c);
        }
        duplicatedRows.add(row);
        weights[u] = 1;
        if (random.nextBoolean()) {
          duplicatedRows.add(row.clone());
          weights[u] = 2;
        }
      }
      ReliabilityData duplicated = ReliabilityData.of(data.domain(), coders, duplicatedRows.toArray(int[][]::new));
      assertSame(everything(duplicated), everything(data.withWeights(weights)));
    }
  }

  @Test
  void compactChangesNoCoefficient() {
    Random random = new Random(10);
    for (int trial = 0; trial < 30; trial++) {
      ReliabilityData data = new CodingProcess(2 + random.nextInt(2), 2 + random.nextInt(2), 0.8, 0.1)
          .sample(60, random);
      ReliabilityData compact = data.compact();
      assertThat(compact.units()).isLessThan(data.units());
      assertSame(everything(data), everything(compact));
    }
  }

  @Test
  void weightZeroIsAUnitNotObserved() {
    ReliabilityData data = new CodingProcess(3, 3, 0.7, 0.1).sample(40, new Random(12));
    double[] weights = new double[40];
    Arrays.fill(weights, 1);
    int[][] kept = new int[30][];
    for (int u = 0; u < 40; u++) {
      if (u < 30) {
        kept[u] = new int[] {data.value(u, 0), data.value(u, 1), data.value(u, 2)};
      } else {
        weights[u] = 0;
      }
    }
    assertSame(everything(ReliabilityData.of(data.domain(), 3, kept)), everything(data.withWeights(weights)));
  }
}
