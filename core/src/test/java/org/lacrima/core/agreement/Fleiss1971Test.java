package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Fleiss (1971): 30 patients, 6 psychiatrists, 5 diagnoses; kappa overall and per diagnosis. */
class Fleiss1971Test {

  private static final String CASE = "fleiss1971_diagnoses";

  @Test
  void reproducesKappaAndTheCategoryKappas() {
    ReferenceAssertions.assertCase(CASE);
  }

  /**
   * Fleiss (1971, eq. 13): the overall kappa is the mean of the category kappas weighted by p_j q_j, p_j the
   * share of assignments to category j. A relation of the paper, so it holds whatever the data.
   */
  @Test
  void overallKappaIsTheWeightedMeanOfTheCategoryKappas() {
    ReliabilityData data = ReferenceCases.load().byId(CASE).data();
    CategoryMeasure category = AgreementMeasures.categoryMeasure("fleiss_category_kappa").orElseThrow();
    double[] share = new double[data.domain().size()];
    double assignments = 0;
    for (int u = 0; u < data.units(); u++) {
      for (int c = 0; c < data.coders(); c++) {
        share[data.value(u, c)]++;
        assignments++;
      }
    }
    double weighted = 0;
    double weights = 0;
    for (int j = 0; j < share.length; j++) {
      double p = share[j] / assignments;
      weighted += p * (1 - p) * category.estimate(data, j).value().getAsDouble();
      weights += p * (1 - p);
    }
    assertThat(new FleissKappa().estimate(data).value().getAsDouble()).isCloseTo(weighted / weights, within(1e-12));
  }
}
