package org.lacrima.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgreementJsonTest {

  @Test
  void cutsALongUnitsExcerptBetweenCharactersAndKeepsAShortOneWhole() {
    String turn = "B: Sie weinte. 😢";
    assertThat(AgreementJson.excerpt(turn)).isEqualTo(turn);
    // 998 letters, then emoji (one code point, two chars each): the cut falls after the first emoji, never inside one
    String transcript = "a".repeat(998) + "😢😢😢";
    String cut = AgreementJson.excerpt(transcript);
    assertThat(cut).isEqualTo("a".repeat(998) + "😢…");
    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(AgreementJson.EXCERPT);
    String exact = "b".repeat(AgreementJson.EXCERPT);
    assertThat(AgreementJson.excerpt(exact)).isEqualTo(exact);
  }
}
