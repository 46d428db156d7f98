package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Degenerate data give "undefined" with the reason, never NaN and never a silent 1.0: one category only,
 * fewer than two pairable values, nothing coded, a coder who coded nothing.
 */
class DegenerateDataTest {

  private static final int M = ReliabilityData.MISSING;
  private static final ValueDomain THREE = ValueDomain.nominal(List.of("a", "b", "c"));

  private static Estimate estimate(String name, ReliabilityData data) {
    return AgreementMeasures.byName(name).orElseThrow().estimate(data);
  }

  @Test
  void oneCategoryOnly() {
    ReliabilityData data = ReliabilityData.of(THREE, 2, new int[][] {{1, 1}, {1, 1}, {1, 1}});
    for (String name : List.of("cohen_kappa", "scott_pi", "fleiss_kappa", "conger_kappa", "cohen_kappa_max")) {
      assertThat(estimate(name, data).undefinedBecause()).as(name).hasValue("chance agreement is 1: every value is the same");
    }
    for (String name : List.of("krippendorff_alpha_nominal", "krippendorff_alpha_ordinal", "weighted_kappa_linear")) {
      assertThat(estimate(name, data).undefinedBecause().orElseThrow()).as(name).startsWith("expected disagreement is 0");
    }
    assertThat(estimate("light_kappa_mean_pairwise_cohen", data).defined()).isFalse();
  }

  /**
   * AC1 and the free-marginal kappa take chance from the domain, not from the values used, so one category
   * used is perfect agreement for them, not a degenerate case; a domain of one value is.
   */
  @Test
  void oneCategoryUsedIsAgreementForTheDomainBasedCoefficients() {
    ReliabilityData data = ReliabilityData.of(THREE, 2, new int[][] {{1, 1}, {1, 1}, {1, 1}});
    assertThat(estimate("gwet_ac1", data).value().getAsDouble()).isEqualTo(1.0);
    assertThat(estimate("bennett_s", data).value().getAsDouble()).isEqualTo(1.0);
    ValueDomain one = ValueDomain.nominal(List.of("only"));
    ReliabilityData single = ReliabilityData.of(one, 2, new int[][] {{0, 0}, {0, 0}});
    assertThat(estimate("gwet_ac1", single).defined()).isFalse();
    assertThat(estimate("bennett_s", single).defined()).isFalse();
    assertThat(estimate("weighted_kappa_quadratic", single).undefinedBecause().orElseThrow()).contains("single value");
  }

  /**
   * The audit's case: two units both coders gave "a", a third only one coder rated, "b". Chance agreement from
   * all values (Gwet, irrCAC) is (5/6)² + (1/6)² = 26/36 < 1 and observed agreement 1, so Fleiss' kappa would be
   * exactly 1 whatever the third unit held: a silent 1.0 resting on a value nobody else judged.
   */
  @Test
  void onePairableValueBesideValuesOnlyOneCoderGave() {
    ReliabilityData data = ReliabilityData.of(THREE, 2, new int[][] {{0, 0}, {0, 0}, {1, M}});
    for (String name : List.of("fleiss_kappa", "conger_kappa")) {
      Estimate e = estimate(name, data);
      assertThat(e.undefinedBecause().orElseThrow()).as(name).startsWith("every pairable value is the same");
      // the third unit is not dropped: its one value enters chance agreement
      assertThat(e.parts()).as(name).containsEntry("units_used", 2.0).containsEntry("units_in_chance_only", 1.0)
          .containsEntry("units_dropped", 0.0);
    }
    // the presence of "a" against the rest, as the per-category row computes it: the same
    Estimate category = AgreementMeasures.categoryMeasure("fleiss_category_kappa").orElseThrow().estimate(data, 0);
    assertThat(category.defined()).isFalse();
    // percent agreement has no chance term: the third unit is not read at all, as alpha and Brennan–Prediger say
    for (String name : List.of("percentage_agreement_pairwise", "brennan_prediger_kappa",
        "krippendorff_alpha_nominal")) {
      assertThat(estimate(name, data).parts()).as(name).containsEntry("units_used", 2.0)
          .containsEntry("units_dropped", 1.0).doesNotContainKey("units_in_chance_only");
    }
    // two values among the pairable units: defined again, with chance from all values as before
    ReliabilityData varied = ReliabilityData.of(THREE, 2, new int[][] {{0, 0}, {1, 1}, {1, M}});
    // shares: a = (1 + 0 + 0)/3, b = 2/3; Ae = 1/9 + 4/9 = 5/9; Ao = 1; kappa = 1
    assertThat(estimate("fleiss_kappa", varied).value().getAsDouble()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void fewerThanTwoPairableValues() {
    ReliabilityData data = ReliabilityData.of(THREE, 3, new int[][] {{0, M, M}, {M, 1, M}, {M, M, 2}});
    for (AgreementMeasure m : AgreementMeasures.all()) {
      if (!m.accepts(3)) {
        continue;
      }
      Estimate e = m.estimate(data);
      assertThat(e.defined()).as(m.name()).isFalse();
    }
    assertThat(estimate("krippendorff_alpha_nominal", data).undefinedBecause())
        .hasValue("no unit has two values: there is nothing to compare");
    assertThat(estimate("krippendorff_alpha_nominal", data).parts()).containsEntry("units_dropped", 3.0);
    // Brennan–Prediger takes chance from the number of values and reads no unit with a single value; Fleiss reads
    // them for chance agreement
    assertThat(estimate("brennan_prediger_kappa", data).parts()).containsEntry("units_dropped", 3.0)
        .doesNotContainKey("units_in_chance_only");
    assertThat(estimate("fleiss_kappa", data).parts()).containsEntry("units_in_chance_only", 3.0)
        .containsEntry("units_dropped", 0.0);
    ReliabilityData two = ReliabilityData.of(THREE, 2, new int[][] {{0, M}, {M, 1}});
    assertThat(estimate("cohen_kappa", two).undefinedBecause()).hasValue("no unit was coded by both coders");
  }

  @Test
  void nothingCodedAndNoUnits() {
    ReliabilityData blank = ReliabilityData.of(THREE, 2, new int[][] {{M, M}, {M, M}});
    ReliabilityData empty = ReliabilityData.of(THREE, 2, new int[0][]);
    for (AgreementMeasure m : AgreementMeasures.all()) {
      assertThat(m.estimate(blank).defined()).as(m.name()).isFalse();
      assertThat(m.estimate(empty).defined()).as(m.name()).isFalse();
    }
  }

  @Test
  void aCoderWhoCodedNothing() {
    ReliabilityData data = ReliabilityData.of(THREE, 3, new int[][] {{0, 0, M}, {1, 1, M}, {2, 1, M}, {0, 0, M}});
    assertThat(estimate("conger_kappa", data).undefinedBecause()).hasValue("coder 3 coded no unit");
    assertThat(estimate("light_kappa_mean_pairwise_cohen", data).undefinedBecause().orElseThrow())
        .contains("coders 1 and 3");
    // the pooled coefficients use what the others coded
    assertThat(estimate("fleiss_kappa", data).defined()).isTrue();
    assertThat(estimate("krippendorff_alpha_nominal", data).defined()).isTrue();
    assertThat(new CohenKappa().estimate(data.coders(0, 2)).undefinedBecause()).hasValue("no unit was coded by both coders");
  }

  /** Random small data, many missing: every measure either gives a finite value or says why not. */
  @Test
  void neverNaNOnRandomSmallData() {
    Random random = new Random(20261126);
    ValueDomain numbers = new ValueDomain(List.of("0", "1", "2", "3"), Scale.RATIO, List.of(0.0, 1.0, 2.0, 3.0));
    int checked = 0;
    for (int trial = 0; trial < 400; trial++) {
      int coders = 2 + random.nextInt(3);
      int units = random.nextInt(6);
      int used = 1 + random.nextInt(4);
      int[][] cells = new int[units][coders];
      for (int[] row : cells) {
        for (int c = 0; c < coders; c++) {
          row[c] = random.nextInt(3) == 0 ? M : random.nextInt(used);
        }
      }
      ReliabilityData data = ReliabilityData.of(numbers, coders, cells);
      List<Estimate> estimates = new ArrayList<>();
      for (AgreementMeasure m : AgreementMeasures.all()) {
        if (m.accepts(coders)) {
          estimates.add(m.estimate(data));
        }
      }
      for (CategoryMeasure m : AgreementMeasures.perCategory()) {
        if (m.accepts(coders)) {
          estimates.add(m.estimate(data, random.nextInt(4)));
        }
      }
      for (Estimate e : estimates) {
        if (e.defined()) {
          assertThat(e.value().getAsDouble()).as(e.coefficient()).isFinite();
        } else {
          assertThat(e.undefinedBecause().orElseThrow()).as(e.coefficient()).isNotBlank();
        }
        for (Map.Entry<String, Double> part : e.parts().entrySet()) {
          assertThat(part.getValue()).as(e.coefficient() + " " + part.getKey()).isFinite();
        }
        if (e.standardError().isPresent()) {
          assertThat(e.standardError().getAsDouble()).as(e.coefficient() + " se").isFinite();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(5000);
  }
}
