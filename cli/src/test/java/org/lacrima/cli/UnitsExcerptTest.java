package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A long unit is shown cut between characters, never inside an emoji. */
class UnitsExcerptTest {

  @Test
  void cutsBetweenCharacters() {
    String text = "a".repeat(86) + "\uD83D\uDE22" + " und noch viel mehr Text danach";
    String shown = UnitsCommand.excerpt(text);
    assertThat(shown).startsWith("a".repeat(86) + "\uD83D\uDE22").endsWith("…");
    assertThat(shown.codePointCount(0, shown.length())).isEqualTo(88);
    assertThat(UnitsCommand.excerpt("kurz\nund gut")).isEqualTo("kurz und gut");
  }
}
