package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An independent check of what a replicate draws. For a study of three units (or three documents) the
 * bootstrap has 3^3 = 27 equally likely ordered draws; enumerating them by hand gives the exact distribution
 * of a statistic over resamples, which the empirical distribution of 20,000 replicates must match.
 *
 * <p>Tolerance: an outcome of exact probability p turns up in a share of the replicates with standard error
 * sqrt(p(1 − p)/R), at most 0.0035 for R = 20,000. We allow 4 standard errors per outcome: a correct sampler
 * fails one outcome with probability about 6e-5, all ten or so together well under 1e-3 (and the seed is
 * fixed, so the run is reproducible anyway). A wrong scheme is far outside that: drawing two units instead of
 * three changes which values can occur at all, and drawing the documents below in proportion to their size
 * instead of equally moves one outcome's probability by 19/216 ≈ 0.09, some 25 standard errors.
 */
class JointBootstrapExactTest {

  private static final int R = 20_000;

  /** A resample's statistic computed from the cells by hand; NaN where it is undefined. */
  private interface Statistic {
    double of(List<int[]> units);
  }

  /** Share of the units the two coders gave the same value. */
  private static double agreement(List<int[]> units) {
    long agreeing = units.stream().filter(u -> u[0] == u[1]).count();
    return (double) agreeing / units.size();
  }

  /**
   * Nominal alpha for two coders without missing values, from the coincidence matrix: each unit (a, b) adds
   * o_ab and o_ba, so with N units there are n = 2N pairable values, the off-diagonal cells sum to 2·D for D
   * disagreeing units, Do = 2D/n and De = 2·n0·n1 / (n(n − 1)); alpha = 1 − Do/De = 1 − D(n − 1)/(n0·n1),
   * undefined when one value is all there is (n0·n1 = 0).
   */
  private static double alpha(List<int[]> units) {
    int n = 2 * units.size();
    int ones = 0;
    int disagreeing = 0;
    for (int[] u : units) {
      ones += u[0] + u[1];
      disagreeing += u[0] != u[1] ? 1 : 0;
    }
    int zeros = n - ones;
    if (zeros == 0 || ones == 0) {
      return Double.NaN;
    }
    return 1 - (double) disagreeing * (n - 1) / ((double) zeros * ones);
  }

  /**
   * The exact distribution over the 27 draws of three groups with replacement (a group is a unit, or a
   * document with its units): value → probability, with NaN standing for "undefined".
   */
  private static Map<Double, Double> exact(List<List<int[]>> groups, Statistic statistic) {
    Map<Double, Double> out = new TreeMap<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          List<int[]> resample = new java.util.ArrayList<>();
          resample.addAll(groups.get(i));
          resample.addAll(groups.get(j));
          resample.addAll(groups.get(k));
          double value = statistic.of(resample);
          out.merge(Double.isNaN(value) ? Double.NaN : round(value), 1.0 / 27, Double::sum);
        }
      }
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1e9) / 1e9;
  }

  private static void assertMatches(BootstrapDistribution d, Map<Double, Double> exact) {
    Map<Double, Double> empirical = new TreeMap<>();
    for (double v : d.values()) {
      empirical.merge(round(v), 1.0 / R, Double::sum);
    }
    empirical.put(Double.NaN, (double) (R - d.replicatesDefined()) / R);
    String name = d.estimate().coefficient();
    // no value outside the exact support
    for (Map.Entry<Double, Double> e : empirical.entrySet()) {
      if (e.getValue() > 0) {
        assertThat(exact).as(name + " produced " + e.getKey()).containsKey(e.getKey());
      }
    }
    for (Map.Entry<Double, Double> e : exact.entrySet()) {
      double p = e.getValue();
      double tolerance = 4 * Math.sqrt(p * (1 - p) / R);
      assertThat(empirical.getOrDefault(e.getKey(), 0.0)).as(name + " P(" + e.getKey() + ")")
          .isCloseTo(p, within(tolerance));
    }
  }

  @Test
  void resamplingThreeUnitsMatchesTheTwentySevenDraws() {
    // u0 = (0, 0) and u1 = (1, 1) agree, u2 = (0, 1) does not
    int[][] cells = {{0, 0}, {1, 1}, {0, 1}};
    List<List<int[]>> units = List.of(List.of(cells[0]), List.of(cells[1]), List.of(cells[2]));
    Map<Double, Double> agreement = exact(units, JointBootstrapExactTest::agreement);
    // by hand: the number of times u2 is drawn is binomial(3, 1/3), and agreement is (3 − that) / 3
    assertThat(agreement).containsOnlyKeys(0.0, round(1.0 / 3), round(2.0 / 3), 1.0);
    assertThat(agreement.get(1.0)).isCloseTo(8.0 / 27, within(1e-12));
    assertThat(agreement.get(round(2.0 / 3))).isCloseTo(12.0 / 27, within(1e-12));
    assertThat(agreement.get(round(1.0 / 3))).isCloseTo(6.0 / 27, within(1e-12));
    assertThat(agreement.get(0.0)).isCloseTo(1.0 / 27, within(1e-12));
    Map<Double, Double> alpha = exact(units, JointBootstrapExactTest::alpha);
    // undefined only for u0 u0 u0 and u1 u1 u1
    assertThat(alpha.get(Double.NaN)).isCloseTo(2.0 / 27, within(1e-12));

    ProfileStudy study = new ProfileStudy(2, List.of(ValueDomain.presence()), new int[] {0, 1, 2}, cells);
    List<BootstrapDistribution> d = new JointBootstrap(2024, R, false).run(study.profiles(),
        List.of(JointBootstrap.Target.of(0, List.of(new PercentageAgreement(), KrippendorffAlpha.nominal())))).get(0);
    assertMatches(d.get(0), agreement);
    assertMatches(d.get(1), alpha);
  }

  @Test
  void resamplingThreeDocumentsMatchesTheTwentySevenDraws() {
    // documents of different sizes and agreement, the resample 3 to 9 units; document 2 holds one unit twice,
    // so a drawn document must bring each of its profiles as often as it occurs there
    int[][] cells = {{0, 0}, {1, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 0}};
    int[] document = {0, 0, 1, 2, 2, 2};
    List<List<int[]>> documents = List.of(List.of(cells[0], cells[1]), List.of(cells[2]),
        List.of(cells[3], cells[4], cells[5]));
    Map<Double, Double> agreement = exact(documents, JointBootstrapExactTest::agreement);
    Map<Double, Double> alpha = exact(documents, JointBootstrapExactTest::alpha);
    // by hand: drawing document 1 three times gives agreement 0 (1/27); drawing 0 three times gives 1 (1/27)
    assertThat(agreement.get(0.0)).isCloseTo(1.0 / 27, within(1e-12));
    assertThat(agreement.get(1.0)).isCloseTo(1.0 / 27, within(1e-12));
    // every resample holds both values, so alpha is always defined
    assertThat(alpha).doesNotContainKey(Double.NaN);

    ProfileStudy study = new ProfileStudy(2, List.of(ValueDomain.presence()), document, cells);
    List<BootstrapDistribution> d = new JointBootstrap(77, R, true).run(study.profiles(),
        List.of(JointBootstrap.Target.of(0, List.of(new PercentageAgreement(), KrippendorffAlpha.nominal())))).get(0);
    assertMatches(d.get(0), agreement);
    assertMatches(d.get(1), alpha);
    assertThat(d.get(1).replicatesDefined()).isEqualTo(R);
  }

  /** Pooled targets see the same resample: two variables that are copies of each other pool to the same. */
  @Test
  void aPooledTargetIsResampledByUnitNotByJudgement() {
    // two identical variables: pooling doubles every unit, which changes no coefficient, on any resample;
    // a pool resampling (unit, variable) pairs independently would give different replicate values
    int[][] cells = {{0, 0, 0, 0}, {1, 1, 1, 1}, {0, 1, 0, 1}};
    ProfileStudy study = new ProfileStudy(2, List.of(ValueDomain.presence(), ValueDomain.presence()),
        new int[] {0, 1, 2}, cells);
    List<AgreementMeasure> measures = List.of(new PercentageAgreement(), KrippendorffAlpha.nominal());
    List<List<BootstrapDistribution>> d = new JointBootstrap(5, 2_000, false).run(study.profiles(),
        List.of(JointBootstrap.Target.of(0, measures), new JointBootstrap.Target(new int[] {0, 1}, measures)));
    assertThat(d.get(1).get(0).values()).containsExactly(d.get(0).get(0).values());
    assertThat(d.get(1).get(0).replicatesDefined()).isEqualTo(d.get(0).get(0).replicatesDefined());
    // alpha's small-sample factor (n − 1) differs between one and two copies, so compare definedness only
    assertThat(d.get(1).get(1).replicatesDefined()).isEqualTo(d.get(0).get(1).replicatesDefined());
  }
}
