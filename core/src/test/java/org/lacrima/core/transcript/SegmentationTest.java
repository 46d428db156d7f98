package org.lacrima.core.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lacrima.core.text.DocumentText;

class SegmentationTest {

  /** Splits after every ". " — enough to see where units go; real boundaries are the io module's. */
  private static final SentenceSplitter AT_PERIODS = text -> {
    List<SentenceSplitter.Range> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        out.add(new SentenceSplitter.Range(start, i + 1));
        start = i + 2;
      }
    }
    if (start < text.length()) {
      out.add(new SentenceSplitter.Range(start, text.length()));
    }
    return out;
  };

  @Test
  void aDocumentCountsTheWordsSpokenNotItsLabelsAndTimestamps() {
    // 3 + 3 spoken words: the labels and the timestamps (three runs of digits each) do not count; a document
    // without turns counts every word
    Document d = document("I: [00:12:31] Wie war das?\nB: Ich musste weinen. #00:12:40-5#\n");
    assertThat(d.turns()).hasSize(2);
    assertThat(d.words()).isEqualTo(6);
    assertThat(d.text().wordCount()).isGreaterThan(6);
    assertThat(document("Notizen ohne Sprecher, fünf Wörter.").words()).isEqualTo(5);
    // without turns as well: 4 + 1 words, the two timestamps aside
    assertThat(document("[00:00:05] Also ich habe geweint.\n#00:01:23-4# Ja.\n").words()).isEqualTo(5);
  }

  @Test
  void aSentenceRunsOnAcrossALineBreakInsideATurn() {
    Document d = document("I: Wie war die erste Sitzung, als Sie\ngeweint haben. Danach nicht.\n"
        + "B: Schwer. #00:00:10-4#\nDann ging sie.\n\nNeuer Absatz ohne Punkt\nI: Ich weiß nicht\n\nDas war es\n"
        + "  \nGut.\n");
    // a blank line, also one of spaces, ends a sentence a line left open
    assertThat(texts(d, Segmentation.propose(d, Segmentation.By.SENTENCE, AT_PERIODS))).containsExactly(
        "Wie war die erste Sitzung, als Sie\ngeweint haben.", "Danach nicht.", "Schwer.", "Dann ging sie.",
        "Neuer Absatz ohne Punkt", "Ich weiß nicht", "Das war es", "Gut.");
    // paragraphs stay lines
    assertThat(texts(d, Segmentation.propose(d, Segmentation.By.PARAGRAPH, AT_PERIODS))).startsWith(
        "Wie war die erste Sitzung, als Sie", "geweint haben. Danach nicht.");
  }

  @Test
  void indentedLabelsStartTurnsAndALabelSeenOnceIsNamed() {
    Document d = document("  I: eins\n  B: zwei\n\ti: drei\nEhefrau: Er hat geweint.\n  B: Ja.\n");
    // "i:" is the speaker I, as first written
    assertThat(d.turns()).extracting(Turn::speaker).containsExactly("I", "B", "I", "B");
    // "Ehefrau:" stays in the turn of I before it, and is named for the researcher to decide
    assertThat(d.text().slice(d.turns().get(2).start(), d.turns().get(2).end())).isEqualTo("drei\nEhefrau: Er hat geweint.");
    assertThat(TurnDetector.automatic().labelsSeenOnce(d.text())).containsExactly("Ehefrau");
    assertThat(TurnDetector.withLabels(java.util.List.of("I", "B")).labelsSeenOnce(d.text())).isEmpty();
  }

  @Test
  void timestampsInsideATurnAreNeitherUnitsNorWords() {
    Document d = document("I: Erzählen Sie. #00:00:03-1#\n\nB: Ich weiß nicht. Es war schwer. #00:00:10-4#\n\n"
        + "Dann kam die Pause. Sie weinte. #00:00:25-0#\n[00:00:30] Und danach ging es weiter.\nI: Danke. #00:00:40-2#\n");
    assertThat(texts(d, Segmentation.propose(d, Segmentation.By.SENTENCE, AT_PERIODS))).containsExactly(
        "Erzählen Sie.", "Ich weiß nicht.", "Es war schwer.", "Dann kam die Pause.", "Sie weinte.",
        "Und danach ging es weiter.", "Danke.");
    assertThat(texts(d, Segmentation.propose(d, Segmentation.By.PARAGRAPH, AT_PERIODS))).containsExactly(
        "Erzählen Sie.", "Ich weiß nicht. Es war schwer.", "Dann kam die Pause. Sie weinte.",
        "Und danach ging es weiter.", "Danke.");
    // 2 + 17 + 1 words spoken, the four timestamps aside
    assertThat(d.words()).isEqualTo(20);
  }

  private static Document document(String raw) {
    DocumentText text = DocumentText.normalize(raw);
    return new Document(UUID.randomUUID(), "d", text, TurnDetector.automatic().detect(text), Map.of(),
        new DocumentSource("d.txt", "text", "UTF-8", "", Instant.EPOCH, "test"));
  }

  private static List<String> texts(Document d, List<MeaningUnit> units) {
    return units.stream().map(u -> d.text().slice(u.start(), u.end())).toList();
  }

  private static final String INTERVIEW = "Header line.\n\nI: Erste Frage. Noch was.\nB: \uD83D\uDE22 Ja. Nein.\nZweite Zeile.\n";

  @Test
  void byTurnGivesOneUnitPerTurnWithoutLabels() {
    Document d = document(INTERVIEW);
    List<MeaningUnit> units = Segmentation.propose(d, Segmentation.By.TURN, AT_PERIODS);
    assertThat(texts(d, units)).containsExactly("Erste Frage. Noch was.", "\uD83D\uDE22 Ja. Nein.\nZweite Zeile.");
    assertThat(units).allMatch(u -> u.origin() == MeaningUnit.Origin.TURN);
  }

  @Test
  void bySentenceStaysInsideTurnsAndCountsCodePoints() {
    Document d = document(INTERVIEW);
    List<MeaningUnit> units = Segmentation.propose(d, Segmentation.By.SENTENCE, AT_PERIODS);
    assertThat(texts(d, units)).containsExactly("Erste Frage.", "Noch was.", "\uD83D\uDE22 Ja.", "Nein.", "Zweite Zeile.");
  }

  @Test
  void byParagraphTakesLinesOfTurns() {
    Document d = document(INTERVIEW);
    assertThat(texts(d, Segmentation.propose(d, Segmentation.By.PARAGRAPH, AT_PERIODS)))
        .containsExactly("Erste Frage. Noch was.", "\uD83D\uDE22 Ja. Nein.", "Zweite Zeile.");
  }

  @Test
  void withoutTurnsCoversTheWholeTextButRefusesByTurn() {
    Document d = document("Ein Absatz. Noch einer.\n\nZweiter Absatz.");
    assertThat(texts(d, Segmentation.propose(d, Segmentation.By.PARAGRAPH, AT_PERIODS)))
        .containsExactly("Ein Absatz. Noch einer.", "Zweiter Absatz.");
    assertThatThrownBy(() -> Segmentation.propose(d, Segmentation.By.TURN, AT_PERIODS))
        .hasMessageContaining("has no speaker turns");
  }

  @Test
  void mergesAndSplitsUnits() {
    Document d = document(INTERVIEW);
    List<MeaningUnit> units = Segmentation.propose(d, Segmentation.By.SENTENCE, AT_PERIODS);
    List<MeaningUnit> merged = Segmentation.merge(units, 2, 3, d.turns());
    assertThat(texts(d, merged)).containsExactly("Erste Frage.", "Noch was.", "\uD83D\uDE22 Ja. Nein.", "Zweite Zeile.");
    assertThat(merged.get(2).origin()).isEqualTo(MeaningUnit.Origin.MERGED);
    int at = d.text().occurrences("Nein").get(0);
    List<MeaningUnit> split = Segmentation.split(merged, 2, at, d.text());
    assertThat(texts(d, split)).containsExactly("Erste Frage.", "Noch was.", "\uD83D\uDE22 Ja.", "Nein.", "Zweite Zeile.");
    assertThatThrownBy(() -> Segmentation.merge(units, 3, 3, d.turns())).hasMessageContaining("two different units");
    assertThatThrownBy(() -> Segmentation.merge(units, 3, 2, d.turns())).hasMessageContaining("the first comes after");
    assertThatThrownBy(() -> Segmentation.split(units, 0, units.get(0).end(), d.text())).hasMessageContaining("not inside");
  }

  @Test
  void refusesToMergeUnitsOfDifferentTurns() {
    Document d = document(INTERVIEW);
    List<MeaningUnit> units = Segmentation.propose(d, Segmentation.By.SENTENCE, AT_PERIODS);
    // "Noch was." ends I's turn, "\uD83D\uDE22 Ja." starts B's: merged, they would hold "\nB: "
    assertThat(texts(d, units).subList(1, 3)).containsExactly("Noch was.", "\uD83D\uDE22 Ja.");
    assertThatThrownBy(() -> Segmentation.merge(units, 1, 2, d.turns()))
        .hasMessage("cannot merge units 2 to 3: they lie in different speaker turns (I, B), and a merged unit "
            + "would take in the speaker label between them");
    // without speaker turns, any neighbours may be merged
    Document plain = document("Ein Satz. Noch einer.");
    List<MeaningUnit> sentences = Segmentation.propose(plain, Segmentation.By.SENTENCE, AT_PERIODS);
    assertThat(texts(plain, Segmentation.merge(sentences, 0, 1, plain.turns()))).containsExactly("Ein Satz. Noch einer.");
  }
}
