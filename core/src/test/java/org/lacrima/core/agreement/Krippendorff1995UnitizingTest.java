package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff (1995) "On the reliability of unitizing continuous data", p. 57: four two-coder examples A to
 * D on 24 positions. The published expected disagreements are those of a continuum, so the published alphas
 * hold only approximately and only after stretching the positions ×50000 (case notes and known_issues); the
 * mapping in {@link ReferenceComputations} stretches for De and alpha, and Do is the same at any stretch.
 */
class Krippendorff1995UnitizingTest {

  private static final String CASE = "krippendorff1995_unitizing";

  @Test
  void reproducesThePublishedFiguresTowardsTheContinuum() {
    ReferenceAssertions.assertCase(CASE);
  }

  /**
   * At the printed resolution DKPro Agreement 2.2.1 and the independent helper give A 0.5153, B −1.0811,
   * C 0.6033, D −0.2068 (reference file, independent_values, "per category, positions as given").
   */
  @Test
  void atThePrintedResolutionAsDkproAndTheHelper() {
    ReferenceCase c = ReferenceCases.load().byId(CASE);
    UnitizingStudy study = c.unitizing(1, Optional.empty());
    int checked = 0;
    for (String category : List.of("A", "B", "C", "D")) {
      List<JsonNode> helper = c.independentValues("unitizing_alpha_category[" + category + "]", "helper");
      assertThat(helper).hasSize(1);
      Estimate e = UnitizingAlpha.forCategory(study, category);
      assertThat(e.value().getAsDouble()).as(category).isCloseTo(helper.get(0).get("value").asDouble(), within(1e-12));
      assertThat(e.parts().get("Do")).isCloseTo(helper.get(0).get("Do").asDouble(), within(1e-12));
      assertThat(e.parts().get("De")).isCloseTo(helper.get(0).get("De").asDouble(), within(1e-12));
      checked++;
    }
    double pooled = c.independentValues("unitizing_alpha", "DKPro").get(0).get("value").asDouble();
    assertThat(UnitizingAlpha.pooled(study).value().getAsDouble()).isCloseTo(pooled, within(1e-12));
    assertThat(checked).isEqualTo(4);
  }

  /** Observed disagreement is a ratio of squared lengths and does not depend on the resolution. */
  @Test
  void observedDisagreementDoesNotDependOnTheStretch() {
    ReferenceCase c = ReferenceCases.load().byId(CASE);
    for (String category : List.of("A", "B", "C", "D")) {
      double printed = UnitizingAlpha.forCategory(c.unitizing(1, Optional.empty()), category).parts().get("Do");
      double stretched = UnitizingAlpha.forCategory(c.unitizing(1000, Optional.empty()), category).parts().get("Do");
      assertThat(stretched).as(category).isCloseTo(printed, within(1e-12));
    }
  }
}
