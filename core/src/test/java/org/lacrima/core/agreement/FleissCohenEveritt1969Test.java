package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Fleiss, Cohen and Everitt (1969) "Large sample standard errors of kappa and weighted kappa": Cohen's
 * kappa's standard error and its standard error under the null hypothesis, against statsmodels 0.13.5 from
 * Debian (python3-statsmodels), computed with
 *
 * <pre>
 * /usr/bin/python3 -c "
 * from statsmodels.stats.inter_rater import cohens_kappa
 * for t in ([[88,14,18],[10,40,10],[2,6,12]], [[50,20],[10,20]], [[30,2,0],[5,10,1],[0,3,4]]):
 *     r = cohens_kappa(t); print(repr(r.kappa), repr(r.std_kappa), repr(r.std_kappa0))"
 * </pre>
 */
class FleissCohenEveritt1969Test {

  private static ReliabilityData table(long[][] cells) {
    java.util.List<String> labels = new java.util.ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      labels.add("v" + i);
    }
    return ReliabilityData.fromContingency(ValueDomain.nominal(labels), cells);
  }

  private static void assertKappa(long[][] cells, double kappa, double se, double seNull) {
    Estimate e = new CohenKappa().estimate(table(cells));
    assertThat(e.value().getAsDouble()).isCloseTo(kappa, within(1e-12));
    assertThat(e.standardError().getAsDouble()).isCloseTo(se, within(1e-12));
    assertThat(e.parts().get("se_null")).isCloseTo(seNull, within(1e-12));
  }

  @Test
  void cohen1960Page45() {
    assertKappa(new long[][] {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}},
        0.49152542372881347, 0.05100181557607786, 0.051978936356595444);
  }

  @Test
  void artsteinPoesio2008Page558() {
    assertKappa(new long[][] {{50, 20}, {10, 20}}, 0.3478260869565216, 0.09500818051515363, 0.09760845356801592);
  }

  @Test
  void aSkewedThreeByThreeTable() {
    assertKappa(new long[][] {{30, 2, 0}, {5, 10, 1}, {0, 3, 4}}, 0.628834355828221, 0.0950680360446537,
        0.10484745631291566);
  }

  /**
   * Where the formula's variance is exactly 0, the standard errors are 0, not the 1e-7 that the square root of a
   * rounding residue would give. Perfect agreement: the numerator is (1 - pe)^2 (sum of p_ii - 1) = 0. One coder
   * who always said "absent" (a = (n-1)/n, b = 1/n): the three terms are a^3 b^2 + a^2 b^3 - a^2 b^2 =
   * a^2 b^2 (a + b - 1) = 0, and the null variance pe + pe^2 - sum p_i. p_.i (p_i. + p_.i) = a + a^2 - a(1 + a) = 0.
   */
  @Test
  void exactlyZeroWhereTheVarianceIsZero() {
    for (long[][] cells : new long[][][] {{{227, 1}, {0, 0}}, {{81, 0}, {2, 0}}, {{300, 0}, {0, 7}},
        {{12, 0, 0}, {0, 5, 0}, {0, 0, 9}}}) {
      Estimate e = new CohenKappa().estimate(table(cells));
      assertThat(e.standardError().getAsDouble()).as(java.util.Arrays.deepToString(cells)).isZero();
      if (cells[0][1] > 0 || cells[1][0] > 0) {
        assertThat(e.parts().get("se_null")).as(java.util.Arrays.deepToString(cells)).isZero();
      }
    }
  }

  /** The reference file records statsmodels' standard errors for every two-coder case; they must agree too. */
  @Test
  void everyStandardErrorStatsmodelsRecordedInTheReferenceFile() {
    int checked = 0;
    for (ReferenceCase c : ReferenceCases.load().cases()) {
      for (com.fasterxml.jackson.databind.JsonNode v : c.independentValues("cohen_kappa", "statsmodels")) {
        if (!v.has("se") || !v.get("se").isNumber() || !Double.isFinite(v.get("se").asDouble())) {
          continue;
        }
        Estimate e = new CohenKappa().estimate(c.data());
        assertThat(e.standardError().getAsDouble()).as(c.id()).isCloseTo(v.get("se").asDouble(), within(1e-9));
        assertThat(e.parts().get("se_null")).as(c.id()).isCloseTo(v.get("se_H0").asDouble(), within(1e-9));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }
}
