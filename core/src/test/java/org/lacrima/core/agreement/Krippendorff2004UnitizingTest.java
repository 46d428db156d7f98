package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff (2004) Content Analysis, 2nd ed., pp. 251–254: unitizing alpha for two observers on the
 * continuum [150, 450) with categories c and k, and the distance δ² between sections.
 */
class Krippendorff2004UnitizingTest {

  private static final String CASE = "krippendorff2004_unitizing";

  @Test
  void reproducesTheExample() {
    ReferenceAssertions.assertCase(CASE);
  }

  @Test
  void reproducesTheSectionDistances() {
    ReferenceAssertions.assertCase("unitizing_distance_vectors");
  }

  /**
   * DKPro asserts the book's 0.8591 within 0.0005; DKPro 2.2.1 and the independent helper both compute
   * 0.858665 (known_issues), and so must we, to the last digits they print.
   */
  @Test
  void pooledAlphaAsDkproAndTheHelperCompute() {
    ReferenceCase c = ReferenceCases.load().byId(CASE);
    double dkpro = c.independentValues("unitizing_alpha", "DKPro").get(0).get("value").asDouble();
    double helper = c.independentValues("unitizing_alpha", "helper").get(0).get("value").asDouble();
    double ours = UnitizingAlpha.pooled(c.unitizing(1, Optional.empty())).value().getAsDouble();
    assertThat(ours).isCloseTo(dkpro, within(1e-12)).isCloseTo(helper, within(1e-12));
  }

  /** Category k is coded identically by both observers: no observed disagreement, alpha exactly 1. */
  @Test
  void identicalSpansGiveAlphaOne() {
    Estimate k = UnitizingAlpha.forCategory(ReferenceCases.load().byId(CASE).unitizing(1, Optional.empty()), "k");
    assertThat(k.parts().get("Do")).isZero();
    assertThat(k.value().getAsDouble()).isEqualTo(1.0);
  }

  /**
   * Pooling documents by concatenation, as DKPro and INCEpTION do: each document shifted behind the previous
   * one. For two copies of the example the squared shifts of the spans add up twice over a continuum twice as
   * long, so Do (Σ δ² / L²) halves.
   */
  @Test
  void concatenationShiftsEachDocumentBehindThePrevious() {
    UnitizingStudy one = ReferenceCases.load().byId(CASE).unitizing(1, Optional.empty());
    UnitizingStudy two = UnitizingStudy.concatenate(List.of(one, one));
    assertThat(two.length()).isEqualTo(600);
    assertThat(two.spans()).hasSize(2 * one.spans().size());
    List<Long> secondBegins = new ArrayList<>();
    for (CodedSpan s : two.spans()) {
      if (s.begin() >= 300) {
        secondBegins.add(s.begin() - 300);
      }
    }
    List<Long> firstBegins = new ArrayList<>();
    for (CodedSpan s : one.spans()) {
      firstBegins.add(s.begin() - 150);
    }
    assertThat(secondBegins).containsExactlyInAnyOrderElementsOf(firstBegins);
    // observed disagreement: twice the squared shifts over a continuum twice as long: Do halves
    double single = UnitizingAlpha.forCategory(one, "c").parts().get("Do");
    double doubled = UnitizingAlpha.forCategory(two, "c").parts().get("Do");
    assertThat(doubled).isCloseTo(single / 2, within(1e-15));
  }
}
