package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Randolph (2005), p. 17: the free-marginal multirater kappa against Fleiss' when prevalence is skewed. */
class Randolph2005Test {

  @Test
  void reproducesExampleOne() {
    ReferenceAssertions.assertCase("randolph2005_ex1");
  }

  @Test
  void reproducesExampleTwo() {
    ReferenceAssertions.assertCase("randolph2005_ex2");
  }

  /**
   * In example 2 the first two raters say "Yes" throughout, so their Cohen's kappa has chance agreement 1:
   * irr's kappam.light gives NaN and NLTK's kappa() divides by zero (reference file); we say why.
   */
  @Test
  void lightsKappaIsUndefinedWhereOnePairHasNoVariation() {
    Estimate light = new LightKappa().estimate(ReferenceCases.load().byId("randolph2005_ex2").data());
    assertThat(light.defined()).isFalse();
    assertThat(light.undefinedBecause()).hasValueSatisfying(reason ->
        assertThat(reason).contains("coders 1 and 2").contains("chance agreement is 1"));
  }
}
