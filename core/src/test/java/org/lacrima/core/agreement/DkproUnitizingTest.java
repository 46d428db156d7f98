package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DKPro Agreement's synthetic unitizing cases (UnitizingAgreementTest, no publication): one long span
 * against three short ones, and the degenerate studies the case's notes list, where DKPro says NaN (we:
 * undefined with a reason) or 0.0.
 */
class DkproUnitizingTest {

  @Test
  void reproducesOneLongSpanAgainstThreeShortOnes() {
    ReferenceAssertions.assertCase("unitizing_synthetic_dkpro");
  }

  /** DKPro: NaN for a study without units. */
  @Test
  void noSpansAtAllIsUndefined() {
    Estimate e = UnitizingAlpha.pooled(new UnitizingStudy(0, 20, 3, List.of()));
    assertThat(e.defined()).isFalse();
    assertThat(e.undefinedBecause()).hasValue("no coder marked a span");
  }

  /**
   * DKPro 2.3: 0.0 for a study of zero-length units only, because its Do equals its De (both 0). Nothing was
   * coded, so we say undefined rather than report a figure no data support.
   */
  @Test
  void onlyZeroLengthSpansIsUndefinedNotZero() {
    UnitizingStudy study = new UnitizingStudy(0, 20, 2,
        List.of(new CodedSpan(0, 3, 0, "X"), new CodedSpan(1, 7, 0, "X")));
    Estimate category = UnitizingAlpha.forCategory(study, "X");
    assertThat(category.defined()).isFalse();
    assertThat(category.undefinedBecause().orElseThrow()).contains("length 0");
    assertThat(UnitizingAlpha.pooled(study).defined()).isFalse();
  }

  /**
   * DKPro: a single unit among three coders gives 0.0. Here that is no convention but the formula: the one
   * span lies in the others' gaps, Do = 2·2·1²/(3·2·20²) = 1/600 and De = (2/20)·1²·(19 + 20 + 20)/(60·59 − 0)
   * = 1/600, so alpha = 1 − Do/De = 0.
   */
  @Test
  void aSingleSpanAmongThreeCodersGivesZero() {
    UnitizingStudy study = new UnitizingStudy(0, 20, 3, List.of(new CodedSpan(0, 0, 1, "X")));
    Estimate e = UnitizingAlpha.pooled(study);
    assertThat(e.parts().get("Do")).isCloseTo(1.0 / 600, within(1e-15));
    assertThat(e.parts().get("De")).isCloseTo(1.0 / 600, within(1e-15));
    assertThat(e.value().getAsDouble()).isCloseTo(0.0, within(1e-12));
  }

  /**
   * DKPro's pooled Do and De are the means over the study's categories (calculateObservedDisagreement divides the
   * sum by getCategoryCount), and alpha is 1 − ΣDo/ΣDe either way. Worked by hand, three coders, L = 20: X is one
   * span of length 1 (Do = De = 1/600, as above); Y one span of length 2 at 0, Do = 2·2·2²/(3·2·20²) = 1/150, and
   * its gaps of length ≥ 2 give Σ (gap − 1) = 17 + 19 + 19 = 55, so De = (2/20)·2²·55/(60·59 − 2·1) = 22/3538.
   */
  @Test
  void pooledPartsAreMeansOverTheCategoriesAsDkproReportsThem() {
    UnitizingStudy study = new UnitizingStudy(0, 20, 3,
        List.of(new CodedSpan(0, 0, 1, "X"), new CodedSpan(0, 0, 2, "Y")));
    assertThat(UnitizingAlpha.forCategory(study, "Y").parts().get("Do")).isCloseTo(1.0 / 150, within(1e-15));
    assertThat(UnitizingAlpha.forCategory(study, "Y").parts().get("De")).isCloseTo(22.0 / 3538, within(1e-15));
    Estimate pooled = UnitizingAlpha.pooled(study);
    assertThat(pooled.parts().get("Do")).isCloseTo((1.0 / 600 + 1.0 / 150) / 2, within(1e-15));
    assertThat(pooled.parts().get("De")).isCloseTo((1.0 / 600 + 22.0 / 3538) / 2, within(1e-15));
    assertThat(pooled.value().getAsDouble())
        .isCloseTo(1 - (1.0 / 600 + 1.0 / 150) / (1.0 / 600 + 22.0 / 3538), within(1e-12));
  }

  @Test
  void overlappingSpansOfOneCoderAndCategoryMustBeMergedFirst() {
    assertThatThrownBy(() -> new UnitizingStudy(0, 20, 2,
        List.of(new CodedSpan(0, 2, 5, "X"), new CodedSpan(0, 4, 5, "X"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("merge");
  }

  /** Three coders: each pair compared, the sum over ordered pairs divided by m(m − 1). */
  @Test
  void threeCodersAverageThePairs() {
    List<CodedSpan> spans = List.of(new CodedSpan(0, 2, 4, "X"), new CodedSpan(1, 3, 4, "X"),
        new CodedSpan(2, 2, 4, "X"));
    UnitizingStudy three = new UnitizingStudy(0, 10, 3, spans);
    // pairs: (0,1) and (1,2) differ by shifts 1 and 1: δ² = 1 + 1 = 2 each; (0,2) agree: 0
    double expected = 2.0 * (2 + 2 + 0) / (3 * 2 * 100.0);
    assertThat(UnitizingAlpha.forCategory(three, "X").parts().get("Do")).isCloseTo(expected, within(1e-15));
  }
}
