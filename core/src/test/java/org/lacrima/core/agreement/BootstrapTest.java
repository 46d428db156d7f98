package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the seeded percentile bootstrap, on data from a seeded generating process. */
class BootstrapTest {

  private static final List<AgreementMeasure> MEASURES = List.of(KrippendorffAlpha.nominal(), new FleissKappa(),
      GwetAc.ac1(), new PairwisePercentageAgreement());

  @Test
  void theSameSeedGivesTheSameInterval() {
    Random random = new Random(1);
    for (int trial = 0; trial < 5; trial++) {
      ReliabilityData data = new CodingProcess(3, 2 + trial % 2, 0.75, 0.1).sample(80, random);
      long seed = random.nextLong();
      for (AgreementMeasure m : MEASURES) {
        Interval first = new Bootstrap(seed, 300).interval(data, m, Resampling.units());
        Interval second = new Bootstrap(seed, 300).interval(data, m, Resampling.units());
        assertThat(second).as(m.name()).isEqualTo(first);
      }
      Interval other = new Bootstrap(seed + 1, 300).interval(data, KrippendorffAlpha.nominal(), Resampling.units());
      assertThat(other.lower()).isNotEqualTo(new Bootstrap(seed, 300)
          .interval(data, KrippendorffAlpha.nominal(), Resampling.units()).lower());
    }
  }

  @Test
  void theIntervalContainsTheEstimate() {
    Random random = new Random(2);
    for (int trial = 0; trial < 20; trial++) {
      CodingProcess process = new CodingProcess(2 + random.nextInt(4), 2 + random.nextInt(3),
          0.5 + 0.4 * random.nextDouble(), 0.2 * random.nextDouble());
      ReliabilityData data = process.sample(100 + random.nextInt(200), random);
      Bootstrap bootstrap = new Bootstrap(random.nextLong(), 500);
      for (BootstrapDistribution d : bootstrap.distributions(data, MEASURES, Resampling.units())) {
        Interval interval = d.interval(0.95);
        double estimate = d.estimate().value().getAsDouble();
        assertThat(interval.lower().getAsDouble()).as(process + " " + d.estimate().coefficient())
            .isLessThanOrEqualTo(estimate);
        assertThat(interval.upper().getAsDouble()).as(process + " " + d.estimate().coefficient())
            .isGreaterThanOrEqualTo(estimate);
      }
    }
  }

  @Test
  void itNarrowsAsUnitsGrow() {
    Random random = new Random(3);
    CodingProcess process = new CodingProcess(4, 3, 0.7, 0.1);
    double previous = Double.POSITIVE_INFINITY;
    for (int units : new int[] {50, 500, 5_000}) {
      ReliabilityData data = process.sample(units, random);
      Interval interval = new Bootstrap(42).interval(data, KrippendorffAlpha.nominal(), Resampling.units());
      double width = interval.width().getAsDouble();
      assertThat(width).as(units + " units").isLessThan(previous);
      previous = width;
    }
  }

  /** Replicate r has the same weights for every data set over the same units: the per-category data. */
  @Test
  void aReplicateHasTheSameWeightsWhoeverAsks() {
    ReliabilityData data = new CodingProcess(3, 2, 0.8, 0.1).sample(60, new Random(4));
    Bootstrap bootstrap = new Bootstrap(7, 50);
    for (int r = 0; r < 50; r++) {
      double[] whole = bootstrap.weights(data, Resampling.units(), r);
      assertThat(bootstrap.weights(data.presenceOf(2), Resampling.units(), r)).containsExactly(whole);
      assertThat(new Bootstrap(7, 9).weights(data, Resampling.units(), r)).containsExactly(whole);
      assertThat(Arrays.stream(whole).sum()).isEqualTo(60.0);
    }
    assertThat(bootstrap.weights(data, Resampling.units(), 0)).isNotEqualTo(bootstrap.weights(data, Resampling.units(), 1));
  }

  /** Groups come whole: the units of a group share its count, and as many groups are drawn as exist. */
  @Test
  void groupsAreDrawnWhole() {
    ReliabilityData data = new CodingProcess(3, 2, 0.8, 0.0).sample(30, new Random(5));
    int[] document = new int[30];
    for (int u = 0; u < 30; u++) {
      document[u] = 100 + u / 10;
    }
    Bootstrap bootstrap = new Bootstrap(11, 100);
    for (int r = 0; r < 100; r++) {
      double[] w = bootstrap.weights(data, Resampling.groups(document), r);
      double drawnGroups = 0;
      for (int g = 0; g < 3; g++) {
        for (int u = g * 10; u < g * 10 + 10; u++) {
          assertThat(w[u]).isEqualTo(w[g * 10]);
        }
        drawnGroups += w[g * 10];
      }
      assertThat(drawnGroups).isEqualTo(3.0);
    }
  }

  /** Compacted data resample observations: a unit of weight w is drawn about w times as often. */
  @Test
  void compactedUnitsAreResampledAsTheObservationsTheyStandFor() {
    ReliabilityData data = new CodingProcess(2, 2, 0.9, 0.0).sample(400, new Random(6));
    ReliabilityData compact = data.compact();
    assertThat(compact.units()).isLessThan(data.units());
    Bootstrap bootstrap = new Bootstrap(13, 200);
    double[] meanWeight = new double[compact.units()];
    for (int r = 0; r < 200; r++) {
      double[] w = bootstrap.weights(compact, Resampling.units(), r);
      assertThat(Arrays.stream(w).sum()).isEqualTo(400.0);
      for (int u = 0; u < w.length; u++) {
        meanWeight[u] += w[u] / 200;
      }
    }
    for (int u = 0; u < compact.units(); u++) {
      // mean of a binomial(400, w/400) over 200 replicates: within 5 standard errors of w
      double w = compact.weight(u);
      double tolerance = 5 * Math.sqrt(w * (1 - w / 400) / 200) + 1e-9;
      assertThat(meanWeight[u]).as("unit of weight " + w).isCloseTo(w, org.assertj.core.data.Offset.offset(tolerance));
    }
  }

  /** P(alpha below a threshold) comes from the same replicates as the interval. */
  @Test
  void probabilitiesBelowTheThresholdsComeFromTheReplicates() {
    ReliabilityData data = new CodingProcess(3, 3, 0.75, 0.05).sample(60, new Random(8));
    BootstrapDistribution d = new Bootstrap(99).distribution(data, KrippendorffAlpha.nominal(), Resampling.units());
    double[] values = d.values();
    long below = Arrays.stream(values).filter(v -> v < Bootstrap.TENTATIVE).count();
    assertThat(d.probabilityBelow(Bootstrap.TENTATIVE).getAsDouble()).isEqualTo((double) below / values.length);
    assertThat(d.probabilityBelow(Bootstrap.TENTATIVE).getAsDouble())
        .isLessThanOrEqualTo(d.probabilityBelow(Bootstrap.RELIABLE).getAsDouble());
    assertThat(d.probabilityBelow(Double.NEGATIVE_INFINITY).getAsDouble()).isZero();
    assertThat(d.probabilityBelow(Double.POSITIVE_INFINITY).getAsDouble()).isEqualTo(1.0);
  }

  /** An undefined estimate gives no interval; replicates that are undefined are counted, not imputed. */
  @Test
  void undefinedEstimatesGiveNoBounds() {
    ReliabilityData same = ReliabilityData.of(ValueDomain.presence(), 2, new int[][] {{1, 1}, {1, 1}, {1, 1}});
    Interval interval = new Bootstrap(5, 100).interval(same, new CohenKappa(), Resampling.units());
    assertThat(interval.defined()).isFalse();
    assertThat(interval.replicatesDefined()).isZero();
    assertThat(interval.replicates()).isEqualTo(100);
  }
}
