package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Agresti (1992) p. 202, on Landis and Koch's (1977) multiple sclerosis data: kappa and the per-category
 * kappa. Agresti's (and DKPro's) category kappa pools the marginals; the file calls it category_cohen_kappa,
 * which we map to fleiss_category_kappa (known_issues). Cohen's kappa on the binarised table, with each
 * neurologist's own marginals, is a different figure, checked here against irr.
 */
class Agresti1992Test {

  private static final String CASE = "agresti1992_landis_koch";

  @Test
  void reproducesKappaAndTheCategoryKappas() {
    ReferenceAssertions.assertCase(CASE);
  }

  /** irr 0.84.1: sapply(cats, function(c) irr::kappa2((M == c) * 1)$value), recorded in the reference file. */
  @Test
  void ownMarginalsCategoryKappaIsIrrsKappaOnTheBinarisedTable() {
    ReferenceCase c = ReferenceCases.load().byId(CASE);
    List<JsonNode> irr = c.independentValues("category_cohen_kappa", "irr");
    assertThat(irr).hasSize(1);
    JsonNode values = irr.get(0).get("value");
    ReliabilityData data = c.data();
    CategoryMeasure own = AgreementMeasures.categoryMeasure("category_cohen_kappa_own_marginals").orElseThrow();
    CategoryMeasure pooled = AgreementMeasures.categoryMeasure("fleiss_category_kappa").orElseThrow();
    assertThat(values.size()).isEqualTo(data.domain().size());
    for (int k = 0; k < data.domain().size(); k++) {
      double ownKappa = own.estimate(data, k).value().getAsDouble();
      // irr prints six decimals
      assertThat(ownKappa).as("category %s", data.domain().labels().get(k)).isCloseTo(values.get(k).asDouble(), within(1e-6));
    }
    // the two differ where the neurologists' marginals do: category 2 (0.266 own vs 0.247 pooled)
    assertThat(own.estimate(data, 1).value().getAsDouble() - pooled.estimate(data, 1).value().getAsDouble())
        .isGreaterThan(0.01);
  }
}
