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
}
