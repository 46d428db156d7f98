package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgreementTextTest {

  @Test
  void aLongPathLosesWholeLevelsBeforeTheCategorysOwnLabel() {
    String path = "Assumptions > The therapeutic process > Crying promotes the process (potential for change)";
    assertThat(AgreementText.cut(path, 44)).isEqualTo("Crying promotes the process (potential for…");
    assertThat(AgreementText.cut("Interventions > Giving space > Pause", 30)).isEqualTo("… > Giving space > Pause");
    assertThat(AgreementText.cut("Interventions > Giving space > Pause", 20)).isEqualTo("… > Pause");
    assertThat(AgreementText.cut("Interventions > Giving space > Pause", 44))
        .isEqualTo("Interventions > Giving space > Pause");
    String emotional = "Assumptions > The therapeutic process > Crying promotes the process (potential for change) "
        + "> Emotional deepening";
    assertThat(AgreementText.cut(emotional, 44)).isEqualTo("… > Emotional deepening");
    // a coder's name has no levels: cut from the left as before
    assertThat(AgreementText.cut("a very long coder name", 12)).isEqualTo("… coder name").hasSize(12);
  }

  /** East Asian wide letters take two columns of a terminal each (Unicode's East Asian Width W), marks none. */
  @Test
  void wideLettersAreCountedInTheColumnsTheyTake() {
    assertThat(AgreementText.columns("泣く")).isEqualTo(4);
    assertThat(AgreementText.columns("Pause")).isEqualTo(5);
    assertThat(AgreementText.columns("Me\u0301lanie")).isEqualTo(7);
    // cut to the columns, not the characters: "泣き声のカテゴリー" is 18 columns
    String cut = AgreementText.cut("泣き声のカテゴリー", 10);
    assertThat(AgreementText.columns(cut)).isLessThanOrEqualTo(10);
    assertThat(cut).startsWith("…").endsWith("リー");
  }

  /** Conger's kappa of p_a = p_e = .5 comes out of its subtraction as -1.1e-16: shown, it is zero, not "-0.000". */
  @Test
  void aZeroLeftByRoundingIsShownWithoutASign() {
    assertThat(AgreementText.fixed(-1.1102230246251565e-16)).isEqualTo("0.000");
    assertThat(AgreementText.fixed(-0.0004)).isEqualTo("0.000");
    assertThat(AgreementText.fixed(-0.0006)).isEqualTo("-0.001");
    assertThat(AgreementText.fixed(0.6789)).isEqualTo("0.679");
  }
}
