package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Gwet (2008) "Computing inter-rater reliability and its variance in the presence of high agreement": the
 * skewed 2×2 example where kappa and pi collapse and AC1 does not, and AC1's standard error.
 */
class Gwet2008Test {

  private static final String CASE = "gwet2008_hand_example";

  @Test
  void reproducesTheParadoxExample() {
    ReferenceAssertions.assertCase(CASE);
  }

  /**
   * The standard error worked by hand (exact fractions) from the linearisation of Gwet's Handbook, for the
   * table rater 1 × rater 2 = [[1, 0], [1, 8]] over (n, y): units (n,n) ×1, (y,n) ×1, (y,y) ×8, n = 10.
   *
   * <pre>
   * π_n = (1 + 1/2 + 0·8)/10 = 3/20, π_y = 17/20; pe = Σ π(1 − π) · T_w/(q(q − 1)) = 2·(3/20)(17/20) · 1 = 51/200
   * pa = 9/10; AC1 = (9/10 − 51/200)/(149/200) = 129/149
   * per unit: ac_i = (pa_i − pe)/(1 − pe); pe_i = Σ_k r_ik (1 − π_k)/r_i; ac*_i = ac_i − 2(1 − AC1)(pe_i − pe)/(1 − pe)
   *   (n,n): ac_i = 1,       pe_i = 17/20, ac* = 17441/22201
   *   (y,n): ac_i = −51/149, pe_i = 1/2,   ac* = −9559/22201
   *   (y,y): ac_i = 1,       pe_i = 3/20,  ac* = 23041/22201   (×8)
   * Σ (ac* − AC1)² = 948196000/492884401; var = that / (10·9) = 94819600/4435959609; se = 0.14620265787619
   * </pre>
   */
  @Test
  void standardErrorOfAc1WorkedByHand() {
    Estimate ac1 = GwetAc.ac1().estimate(ReferenceCases.load().byId(CASE).data());
    assertThat(ac1.value().getAsDouble()).isCloseTo(129.0 / 149, within(1e-12));
    assertThat(ac1.standardError()).isPresent();
    assertThat(ac1.standardError().getAsDouble()).isCloseTo(Math.sqrt(94819600.0 / 4435959609.0), within(1e-12));
  }

  /**
   * With missing values the linearisation still centres on AC1 (the mean of ac*_i is AC1 by construction), so
   * the standard error must not move when a unit nobody coded is added, and must grow when the data shrink.
   */
  @Test
  void standardErrorIgnoresUncodedUnitsAndShrinksWithMoreUnits() {
    ReliabilityData data = ReferenceCases.load().byId("krippendorff2011_reliability_data").data();
    double se = GwetAc.ac1().estimate(data).standardError().getAsDouble();
    int[][] cells = new int[data.units() + 1][data.coders()];
    for (int u = 0; u < data.units(); u++) {
      for (int c = 0; c < data.coders(); c++) {
        cells[u][c] = data.value(u, c);
      }
    }
    java.util.Arrays.fill(cells[data.units()], ReliabilityData.MISSING);
    ReliabilityData withEmpty = ReliabilityData.of(data.domain(), data.coders(), cells);
    assertThat(GwetAc.ac1().estimate(withEmpty).standardError().getAsDouble()).isCloseTo(se, within(1e-12));
    double[] doubled = new double[data.units()];
    java.util.Arrays.fill(doubled, 2);
    assertThat(GwetAc.ac1().estimate(data.withWeights(doubled)).standardError().getAsDouble()).isLessThan(se);
    assertThat(GwetAc.ac2Quadratic().estimate(data).standardError()).isPresent();
  }
}
