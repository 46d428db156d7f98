package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every coefficient name of the reference file is either computed and asserted within its tolerance, or
 * excluded with a reason; a name that is neither fails this test.
 */
class ReferenceCoverageTest {

  @Test
  void everyValueOfTheReferenceFileIsAssertedOrExcludedWithAReason() {
    SoftAssertions softly = new SoftAssertions();
    int asserted = 0;
    int total = 0;
    List<ReferenceValue> unmapped = new ArrayList<>();
    Map<String, Integer> excludedByName = new TreeMap<>();
    for (ReferenceCase c : ReferenceCases.load().cases()) {
      ReferenceAssertions.Tally tally = ReferenceAssertions.assertValues(c, softly);
      asserted += tally.asserted();
      total += tally.total();
      unmapped.addAll(tally.unmapped());
      tally.excluded().forEach(v -> excludedByName.merge(v.coefficient(), 1, Integer::sum));
    }
    System.out.println("asserted " + asserted + " of " + total + " values of " + ReferenceCases.FILE);
    excludedByName.forEach((name, count) -> System.out.println("  excluded " + name + " (" + count + " values): "
        + ReferenceComputations.EXCLUDED.get(name)));
    softly.assertAll();
    assertThat(unmapped).as("values whose coefficient name is neither mapped nor excluded").isEmpty();
    assertThat(asserted + excludedByName.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
  }

  @Test
  void theExclusionsAreNamesTheFileStillUses() {
    List<String> used = new ArrayList<>();
    for (ReferenceCase c : ReferenceCases.load().cases()) {
      c.values().forEach(v -> used.add(v.coefficient()));
    }
    assertThat(used).containsAll(ReferenceComputations.EXCLUDED.keySet());
  }
}
