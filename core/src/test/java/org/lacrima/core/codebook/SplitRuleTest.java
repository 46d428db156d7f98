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

  @Test
  void aPartNameOrAPatternHoldingAnArrowReadsAsMeant() {
    java.util.List<String> parts = java.util.List.of("Before->After", "C", "A");
    SplitRule named = SplitRule.parse("coder=jonas -> Before->After", file -> Set.of(), parts);
    assertThat(named.part()).isEqualTo("Before->After");
    assertThat(named.condition()).isEqualTo(new SplitRule.Coder("jonas"));
    SplitRule pattern = SplitRule.parse("text~(?i)a->b|crying \u2192 A", file -> Set.of(), parts);
    assertThat(pattern.part()).isEqualTo("A");
    assertThat(pattern.holds(new SplitRule.Candidate(new Coding(UUID.randomUUID(), UUID.randomUUID(), 0, 4,
        UUID.randomUUID(), UUID.randomUUID(), ""), "mira", "int-01", Map.of(), () -> "A->B"))).isTrue();
    // a part typed with a separate accent is the part of the same name in NFC
    assertThat(SplitRule.parse("coder=jonas -> Wu\u0308tend", file -> Set.of(), java.util.List.of("W\u00fctend", "C"))
        .part()).isEqualTo("W\u00fctend");
  }
}
