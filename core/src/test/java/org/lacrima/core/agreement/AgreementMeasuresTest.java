package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementMeasuresTest {

  @Test
  void namesAreUniqueSnakeCaseAndFoundByName() {
    List<String> names = new ArrayList<>();
    AgreementMeasures.all().forEach(m -> names.add(m.name()));
    AgreementMeasures.perCategory().forEach(m -> names.add(m.name()));
    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
    for (AgreementMeasure m : AgreementMeasures.all()) {
      assertThat(AgreementMeasures.byName(m.name())).containsSame(m);
    }
    assertThat(AgreementMeasures.byName("icc")).isEmpty();
    assertThat(AgreementMeasures.categoryMeasure("fleiss_category_kappa")).isPresent();
  }

  @Test
  void theIssuesCoefficientsAreRegistered() {
    assertThat(AgreementMeasures.all()).extracting(AgreementMeasure::name).contains(
        "percentage_agreement", "percentage_agreement_pairwise", "percentage_agreement_all_raters",
        "observed_agreement_coincidence", "cohen_kappa", "cohen_kappa_max", "scott_pi", "fleiss_kappa",
        "conger_kappa", "hubert_kappa", "light_kappa_mean_pairwise_cohen", "bennett_s", "randolph_kappa",
        "gwet_ac1", "gwet_ac2_linear", "gwet_ac2_quadratic", "weighted_kappa_linear", "weighted_kappa_quadratic",
        "krippendorff_alpha_nominal", "krippendorff_alpha_ordinal", "krippendorff_alpha_interval",
        "krippendorff_alpha_ratio", "positive_specific_agreement", "negative_specific_agreement");
    assertThat(AgreementMeasures.perCategory()).extracting(CategoryMeasure::name).contains(
        "category_cohen_kappa_own_marginals", "fleiss_category_kappa", "category_krippendorff_alpha_nominal",
        "category_percentage_agreement");
  }

  @Test
  void twoCoderCoefficientsRefuseThree() {
    for (String name : List.of("cohen_kappa", "scott_pi", "percentage_agreement", "bennett_s", "weighted_kappa_linear",
        "cohen_kappa_max", "positive_specific_agreement")) {
      AgreementMeasure m = AgreementMeasures.byName(name).orElseThrow();
      assertThat(m.accepts(2)).as(name).isTrue();
      assertThat(m.accepts(3)).as(name).isFalse();
    }
    assertThat(new FleissKappa().accepts(5)).isTrue();
  }
}
