package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;

/** Asserts every mapped value of reference cases within its tolerance and says how many it asserted. */
final class ReferenceAssertions {

  private ReferenceAssertions() {
  }

  /** Outcome of asserting values: how many were asserted, which were excluded (with reason), which unmapped. */
  record Tally(int asserted, List<ReferenceValue> excluded, List<ReferenceValue> unmapped) {

    int total() {
      return asserted + excluded.size() + unmapped.size();
    }
  }

  /** Asserts the case's values and fails unless at least one was asserted and none is unmapped. */
  static Tally assertCase(String id) {
    ReferenceCase c = ReferenceCases.load().byId(id);
    SoftAssertions softly = new SoftAssertions();
    Tally tally = assertValues(c, softly);
    softly.assertAll();
    assertThat(tally.unmapped()).as("coefficients of " + id + " that no computation maps").isEmpty();
    assertThat(tally.asserted()).as("values asserted for " + id).isPositive();
    return tally;
  }

  static Tally assertValues(ReferenceCase c, SoftAssertions softly) {
    int asserted = 0;
    List<ReferenceValue> excluded = new ArrayList<>();
    List<ReferenceValue> unmapped = new ArrayList<>();
    for (ReferenceValue v : c.values()) {
      if (ReferenceComputations.excluded(v.coefficient())) {
        excluded.add(v);
        continue;
      }
      Optional<ReferenceComputations.Computed> computed = ReferenceComputations.compute(c, v);
      if (computed.isEmpty()) {
        unmapped.add(v);
        continue;
      }
      ReferenceComputations.Computed result = computed.get();
      softly.assertThat(result.value()).as(v + " (undefined because: " + result.undefinedBecause() + ")").isPresent();
      if (result.value().isPresent()) {
        // a tolerance of 0 (the integer distances) still allows the rounding of a double
        double tolerance = Math.max(v.tolerance(), 1e-9);
        softly.assertThat(result.value().getAsDouble()).as(v.toString()).isCloseTo(v.expected(),
            org.assertj.core.data.Offset.offset(tolerance));
      }
      asserted++;
    }
    return new Tally(asserted, excluded, unmapped);
  }
}
