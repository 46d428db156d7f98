package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lacrima.core.coding.Coding;

/** Split rules on German text: case and accents as a reader sees them, not as ASCII and code points do. */
class SplitRuleTest {

  private static boolean holds(String rule, String codedText) {
    return holds(rule, "mira", codedText);
  }

  private static boolean holds(String rule, String coder, String codedText) {
    Coding coding = new Coding(UUID.randomUUID(), UUID.randomUUID(), 0, codedText.length(), UUID.randomUUID(),
        UUID.randomUUID(), "");
    return SplitRule.parse(rule, file -> Set.of())
        .holds(new SplitRule.Candidate(coding, coder, "int-01", Map.of(), () -> codedText));
  }

  @Test
  void ignoringCaseIgnoresItForUmlautsToo() {
    assertThat(holds("text~(?i)ÜBERWÄLTIGT -> Overwhelm", "Sie war völlig überwältigt.")).isTrue();
    assertThat(holds("text~(?i)CAFÉ -> Other", "im café")).isTrue();
    assertThat(holds("text~ÜBERWÄLTIGT -> Overwhelm", "Sie war völlig überwältigt.")).isFalse();
  }

  @Test
  void aRuleTypedWithASeparateAccentMatchesTheComposedText() {
    // "cafe" + U+0301 COMBINING ACUTE ACCENT against the NFC text a document holds
    assertThat(holds("text~cafe\u0301 -> Other", "im caf\u00e9")).isTrue();
    assertThat(holds("coder=Jo\u0308rg -> Other", "J\u00f6rg", "x")).isTrue();
  }
}
