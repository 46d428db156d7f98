package org.lacrima.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentVariablesTest {

  private static Map<String, String> normalize(String... namesAndValues) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      raw.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return DocumentVariables.normalize(raw, "vars.csv", "line 2");
  }

  @Test
  void takesYearsOfExperienceAsPlainDecimalsOnly() {
    assertThat(normalize("experience_years", "12")).containsEntry("experience_years", "12");
    assertThat(normalize("experience_years", "2,5")).containsEntry("experience_years", "2.5");
    assertThat(normalize("experience_years", "0.5")).containsEntry("experience_years", "0.5");
    // what Double.parseDouble would take but nobody means as years
    for (String odd : new String[] {"10d", "10f", "0x10p0", "1e1", "Infinity", "NaN", "-3", "+3", ".5", "81"}) {
      assertThatThrownBy(() -> normalize("experience_years", odd)).as(odd)
          .hasMessage("vars.csv, line 2: experience_years \"" + odd + "\" is not a number of years");
    }
  }

  /** A value is shown on one line beside its document: nothing in it may act on the terminal or forge a line. */
  @Test
  void refusesAValueThatWouldActOnTheTerminalOrBreakItsLine() {
    for (String value : new String[] {"\u001b[31mRed", "Anna\nBen", "\u202eanna", "a\u2028b"}) {
      assertThatThrownBy(() -> normalize("interviewer", value)).as(value)
          .hasMessageStartingWith("vars.csv, line 2: the value of interviewer holds a line break, tab, control "
              + "character or direction override");
    }
    // a right-to-left mark and a zero-width non-joiner belong to real names
    assertThat(normalize("interviewer", "\u200fمریم\u200c")).containsEntry("interviewer", "\u200fمریم\u200c");
  }

  @Test
  void refusesTwoColumnsThatNameTheSameVariable() {
    assertThatThrownBy(() -> normalize("Experience Years", "10", "experience_years", "12"))
        .hasMessage("vars.csv, line 2: \"Experience Years\" and \"experience_years\" both name the variable "
            + "experience_years; keep one of them");
    // even where one of them is empty in this row
    assertThatThrownBy(() -> normalize("Interviewer", "", "interviewer", "HR"))
        .hasMessageContaining("both name the variable interviewer");
  }
}
