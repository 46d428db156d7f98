package org.lacrima.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lacrima.core.text.DocumentText;

class TurnDetectorTest {

  private static List<Turn> turns(String raw) {
    return TurnDetector.automatic().detect(DocumentText.normalize(raw));
  }

  private static String content(String raw, Turn t) {
    return DocumentText.normalize(raw).slice(t.start(), t.end());
  }

  @Test
  void findsTheUsualLabelsAndExcludesThemFromTheTurn() {
    String text = "Interview 3, PDT\n\nI: Können Sie sich erinnern?\n\nB: Ja. Das war 2019.\nSie weinte lange.\n";
    List<Turn> turns = turns(text);
    assertThat(turns).extracting(Turn::speaker).containsExactly("I", "B");
    assertThat(content(text, turns.get(0))).isEqualTo("Können Sie sich erinnern?");
    assertThat(content(text, turns.get(1))).isEqualTo("Ja. Das war 2019.\nSie weinte lange.");
    assertThat(turns.get(1).labelStart()).isEqualTo(text.indexOf("B:"));
  }

  @Test
  void acceptsAnyShortLabelThatRecursButNotAOneOffColon() {
    String text = "Note: recorded in Kassel.\nDr. Meier: Hello.\nFrau K: Hi.\nDr. Meier: So.\nFrau K: Well.\n";
    assertThat(turns(text)).extracting(Turn::speaker).containsExactly("Dr. Meier", "Frau K", "Dr. Meier", "Frau K");
  }

  @Test
  void keepsTimestampsBeforeOrAfterTheLabelOrAtTheEndAsAttributes() {
    String text = "[00:01:02] I: Erste Frage\nT: [00:01:10] Antwort\nI: Zweite Frage #00:02:31-5#\n";
    List<Turn> turns = turns(text);
    assertThat(turns).extracting(Turn::timestamp)
        .containsExactly(Optional.of("[00:01:02]"), Optional.of("[00:01:10]"), Optional.of("#00:02:31-5#"));
    assertThat(turns).extracting(t -> content(text, t)).containsExactly("Erste Frage", "Antwort", "Zweite Frage");
    assertThat(DocumentText.normalize(text).text()).contains("#00:02:31-5#"); // the text is kept as written
  }

  @Test
  void leavesOutTimestampsOnTheirOwnLineOrStackedFromTheTurn() {
    // a turn is what was said: a unit over it is covered by a coding of the words alone
    String text = "I: Hello there.\n[00:00:09]\nB: Yes. [00:00:05] [00:00:09]\nI: [00:00:10] [00:00:11] So.\n"
        + "B: [00:00:12] [00:00:13]\n";
    List<Turn> turns = turns(text);
    assertThat(turns).extracting(t -> content(text, t)).containsExactly("Hello there.", "Yes.", "So.", "");
    assertThat(turns).extracting(Turn::timestamp).containsExactly(Optional.of("[00:00:09]"),
        Optional.of("[00:00:09]"), Optional.of("[00:00:10]"), Optional.of("[00:00:12]"));
  }

  @Test
  void readsALabelWithANoBreakSpaceBeforeOrAfterItsColon() {
    // French typography, and word processors that keep "B :" together
    String text = "I:\u00A0Erste Antwort\nB\u00A0: Zweite\nI\u202F: dritte\nB: vierte\n";
    List<Turn> turns = turns(text);
    assertThat(turns).extracting(Turn::speaker).containsExactly("I", "B", "I", "B");
    assertThat(turns).extracting(t -> content(text, t)).containsExactly("Erste Antwort", "Zweite", "dritte", "vierte");
  }

  @Test
  void readsGenderInclusiveGermanLabelsAndMarkdownUnderscores() {
    for (String[] labels : new String[][] {{"Interviewer*in", "Therapeut*in"}, {"Interviewer:in", "Therapeut:in"},
        {"__I__", "__B__"}}) {
      String text = labels[0] + ": Wie reagieren Sie?\n" + labels[1] + ": Ich warte ab.\n" + labels[0] + ": Und dann?\n"
          + labels[1] + ": Dann frage ich.\n";
      List<Turn> turns = turns(text);
      assertThat(turns).as(labels[0]).extracting(t -> content(text, t))
          .containsExactly("Wie reagieren Sie?", "Ich warte ab.", "Und dann?", "Dann frage ich.");
    }
    assertThat(TurnDetector.withLabels(List.of("Interviewer*in", "Therapeut:in")).detect(DocumentText.normalize(
        "Interviewer*in: Frage\nTherapeut:in: Antwort\n"))).extracting(Turn::speaker)
        .containsExactly("Interviewer*in", "Therapeut:in");
  }

  @Test
  void readsMarkdownBoldLabels() {
    String text = "**I:** Hallo\n**B**: Guten Tag\n";
    List<Turn> turns = turns(text);
    assertThat(turns).extracting(Turn::speaker).containsExactly("I", "B");
    assertThat(turns).extracting(t -> content(text, t)).containsExactly("Hallo", "Guten Tag");
  }

  @Test
  void givenLabelsReplaceDetection() {
    String text = "I: Frage\nB: Antwort\nNotiz: nichts\nNotiz: wieder\n";
    List<Turn> turns = TurnDetector.withLabels(List.of("I", "B")).detect(DocumentText.normalize(text));
    assertThat(turns).extracting(Turn::speaker).containsExactly("I", "B");
    assertThat(content(text, turns.get(1))).isEqualTo("Antwort\nNotiz: nichts\nNotiz: wieder");
    // written as in the transcript, with the colon, they are the same labels
    assertThat(TurnDetector.withLabels(List.of("I:", " B: ")).detect(DocumentText.normalize(text)))
        .extracting(Turn::speaker).containsExactly("I", "B");
  }

  @Test
  void refusesSpeakerNamesNoLineCouldStartWith() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TurnDetector.withLabels(List.of(" ", ":")))
        .hasMessage("--speakers names no speaker");
    for (String bad : new String[] {"I(", "B*", "one two three four"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TurnDetector.withLabels(List.of("I", bad)))
          .as(bad).isInstanceOf(org.lacrima.core.InputException.class).hasMessageContaining("is no speaker label");
    }
  }

  @Test
  void ignoresUrlsAndLongSentencesWithAColon() {
    String text = "http://example.org\nhttp://example.org\nAnd then she said to me: no.\nAnd then she said to me: yes.\n";
    assertThat(turns(text)).isEmpty();
  }

  @Test
  void countsOffsetsInCodePointsAfterEmoji() {
    String text = "I: \uD83D\uDE22\uD83D\uDE22\nB: ok\n";
    List<Turn> turns = turns(text);
    assertThat(turns.get(1).start()).isEqualTo(9);
    assertThat(content(text, turns.get(1))).isEqualTo("ok");
  }

  /**
   * A long line of letters without a blank (unpunctuated Chinese from speech recognition, a row of dots) made the
   * label pattern recurse once per character until the stack overflowed; now it is read as the turn's text.
   */
  @Test
  void aLongLineWithoutBlanksIsTextNotAStackOverflow() {
    String chinese = "我觉得那个时候我哭了因为我真的很难过".repeat(1000);
    String text = "访谈者: 你能说说吗\n受访者:\n" + chinese + "\n访谈者: 谢谢\n受访者: 好\n";
    List<Turn> turns = turns(text);
    assertThat(turns).extracting(Turn::speaker).containsExactly("访谈者", "受访者", "访谈者", "受访者");
    assertThat(content(text, turns.get(1))).isEqualTo(chinese);
    String dots = "I: hallo\nJa" + ".".repeat(20_000) + "\nB: gut\nI: so\n";
    assertThat(turns(dots)).extracting(Turn::speaker).containsExactly("I", "B", "I");
    String underscores = "I: a\n" + "a_".repeat(20_000) + ": x\nB: b\n";
    assertThat(turns(underscores)).extracting(Turn::speaker).containsExactly("I", "B");
    // the full-width colon Chinese and Japanese transcripts write after a label
    String fullWidth = "治疗师：你能说说吗？\n来访者：" + chinese + "\n治疗师：谢谢\n来访者：好\n";
    List<Turn> wide = turns(fullWidth);
    assertThat(wide).extracting(Turn::speaker).containsExactly("治疗师", "来访者", "治疗师", "来访者");
    assertThat(content(fullWidth, wide.get(1))).isEqualTo(chinese);
  }
}
