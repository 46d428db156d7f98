package org.lacrima.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentTextTest {

  private static final String TEAR = "\uD83D\uDE22"; // 😢, outside the BMP: two UTF-16 units, one code point

  @Test
  void countsCodePointsNotUtf16Units() {
    DocumentText t = DocumentText.normalize("I: " + TEAR + " ok");
    assertThat(t.text()).hasSize(8);
    assertThat(t.length()).isEqualTo(7);
    assertThat(t.slice(3, 4)).isEqualTo(TEAR);
    assertThat(t.slice(5, 7)).isEqualTo("ok");
  }

  @Test
  void convertsBetweenCodePointsAndUtf16AroundSeveralEmoji() {
    DocumentText t = DocumentText.normalize("a" + TEAR + "b" + TEAR + TEAR + "c");
    // code points: a=0 😢=1 b=2 😢=3 😢=4 c=5
    int[] utf16 = {0, 1, 3, 4, 6, 8, 9};
    for (int cp = 0; cp <= t.length(); cp++) {
      assertThat(t.toUtf16(cp)).as("code point %d", cp).isEqualTo(utf16[cp]);
      assertThat(t.toCodePoint(utf16[cp])).isEqualTo(cp);
    }
    assertThatThrownBy(() -> t.toCodePoint(2)).hasMessageContaining("splits a character");
    assertThatThrownBy(() -> t.toUtf16(7)).hasMessageContaining("outside the text");
  }

  @Test
  void composesCombiningMarksSoThatOffsetsDoNotDependOnHowAFileSpelledAnUmlaut() {
    String decomposed = "Tra\u0308nen und Tra\u0308nen"; // "Tränen" written as a + combining diaeresis
    DocumentText t = DocumentText.normalize(decomposed);
    assertThat(t.text()).isEqualTo("Tränen und Tränen");
    assertThat(t.length()).isEqualTo(17);
    assertThat(t.occurrences("Tra\u0308nen")).containsExactly(0, 11);
    assertThat(DocumentText.lengthOf("Tra\u0308nen")).isEqualTo(6);
  }

  @Test
  void keepsCombiningMarksThatHaveNoPrecomposedForm() {
    String s = "q\u0307\u0323x"; // no precomposed q with these marks: stays three code points
    DocumentText t = DocumentText.normalize(s);
    assertThat(t.length()).isEqualTo(4);
    assertThat(t.slice(3, 4)).isEqualTo("x");
  }

  @Test
  void turnsCrlfAndLoneCrIntoLfAndDropsTheByteOrderMark() {
    DocumentText t = DocumentText.normalize("\uFEFFI: eins\r\nB: zwei\rI: drei");
    assertThat(t.text()).isEqualTo("I: eins\nB: zwei\nI: drei");
    assertThat(DocumentText.isNormalized(t.text())).isTrue();
    assertThat(DocumentText.isNormalized("a\r\nb")).isFalse();
    assertThatThrownBy(() -> DocumentText.ofNormalized("a\r\nb")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapsRawPositionsOfACrlfFileOntoNormalizedOffsets() {
    // as NVivo counts: UTF-16 units of the file as written, CRLF as two
    String raw = "\uFEFFI: Tra\u0308nen\r\nB: " + TEAR + " ja\r\n";
    DocumentText.RawPositions map = DocumentText.rawPositions(raw);
    DocumentText t = map.normalized();
    assertThat(t.text()).isEqualTo("I: Tränen\nB: " + TEAR + " ja\n");
    int rawB = raw.indexOf("B:");
    assertThat(map.toCodePoint(rawB)).isEqualTo(t.text().indexOf("B:"));
    int rawJa = raw.indexOf("ja");
    assertThat(t.slice(map.toCodePoint(rawJa), map.toCodePoint(rawJa + 2))).isEqualTo("ja");
    // "Tra\u0308nen" composes: positions inside the composed pair map to its start
    int rawA = raw.indexOf("a\u0308");
    assertThat(map.toCodePoint(rawA)).isEqualTo(map.toCodePoint(rawA + 1));
    assertThat(map.toCodePoint(raw.length())).isEqualTo(t.length());
    // a position between CR and LF belongs to the line break
    int cr = raw.indexOf('\r');
    assertThat(map.toCodePoint(cr + 1)).isEqualTo(map.toCodePoint(cr));
  }

  @Test
  void mapsRawPositionsOfDecomposedTextCharacterByCharacter() {
    // Offsets counted by hand on the composed text; every raw position of a composed sequence maps
    // to where that sequence starts, every other one to its own character.
    // NFD Cyrillic: "й" written as "и" + combining breve
    assertRawPositions("B: Мои\u0306 дом", "B: Мой дом",
        new int[] {0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10});
    // Hangul written as conjoining jamo: three jamo make one syllable
    assertRawPositions("I: \u1112\u1161\u11AB\u1100\u1173\u11AF.", "I: 한글.",
        new int[] {0, 1, 2, 3, 3, 3, 4, 4, 4, 5, 6});
    // Latin with combining marks
    assertRawPositions("P: Cafe\u0301 tra\u0308nen", "P: Café tränen",
        new int[] {0, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 10, 11, 12, 13, 14});
    // an emoji (two UTF-16 units, one code point) before a decomposed Cyrillic letter
    assertRawPositions("T: " + TEAR + "и\u0306 да", "T: " + TEAR + "й да",
        new int[] {0, 1, 2, 3, 3, 4, 4, 5, 6, 7, 8});
  }

  private static void assertRawPositions(String raw, String normalized, int[] expected) {
    DocumentText.RawPositions map = DocumentText.rawPositions(raw);
    assertThat(map.normalized().text()).isEqualTo(normalized);
    int[] actual = new int[raw.length() + 1];
    for (int i = 0; i <= raw.length(); i++) {
      actual[i] = map.toCodePoint(i);
    }
    assertThat(actual).as(raw).containsExactly(expected);
  }

  @Test
  void findsEveryOccurrenceOfAQuote() {
    DocumentText t = DocumentText.normalize(TEAR + "ja, ja, ja");
    assertThat(t.occurrences("ja")).containsExactly(1, 5, 9);
    assertThat(t.occurrences("nein")).isEmpty();
    assertThat(t.occurrences("")).isEmpty();
  }

  @Test
  void aQuoteTakesWholeCharactersNotTheBaseOfAnAccentOrPartOfAnEmoji() {
    // x with a combining acute (no precomposed form), a ZWJ family, a thumbs-up with a skin tone
    String family = "\uD83D\uDC69\u200D\uD83D\uDC67";
    DocumentText t = DocumentText.normalize("x\u0301 x " + family + " \uD83D\uDC4D\uD83C\uDFFD \uD83D\uDC4D");
    assertThat(t.occurrences("x")).containsExactly(3);
    assertThat(t.occurrences("x\u0301")).containsExactly(0);
    assertThat(t.occurrences("\uD83D\uDC69")).isEmpty();
    assertThat(t.occurrences(family)).containsExactly(5);
    assertThat(t.occurrences("\uD83D\uDC4D")).containsExactly(12);
    assertThat(t.isCharacterBoundary(1)).isFalse();
    assertThat(t.isCharacterBoundary(2)).isTrue();
    assertThat(t.isCharacterBoundary(6)).isFalse();
    // two flags side by side (DE, FR): a boundary between them, none inside either; Scotland's flag has tags
    DocumentText flags = DocumentText.normalize("\uD83C\uDDE9\uD83C\uDDEA\uD83C\uDDEB\uD83C\uDDF7 \uD83C\uDFF4"
        + "\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F");
    assertThat(flags.isCharacterBoundary(1)).isFalse();
    assertThat(flags.isCharacterBoundary(2)).isTrue();
    assertThat(flags.isCharacterBoundary(3)).isFalse();
    assertThat(flags.occurrences("\uD83C\uDDEA\uD83C\uDDEB")).isEmpty();
    assertThat(flags.occurrences("\uD83C\uDDEB\uD83C\uDDF7")).containsExactly(2);
    assertThat(flags.occurrences("\uD83C\uDFF4")).isEmpty();
  }

  @Test
  void countsWordsWithApostrophesAndHyphensInside() {
    assertThat(DocumentText.normalize("I: Don't cry - it's the Hier-und-Jetzt. 14 Uhr.").wordCount()).isEqualTo(8);
    assertThat(DocumentText.normalize("  ").wordCount()).isZero();
    // typographic and non-breaking hyphens join as the ASCII one does
    assertThat(DocumentText.normalize("Ich\u2010weiß, Hier\u2011und\u2011Jetzt").wordCount()).isEqualTo(2);
    // "2,5" and "3.000" one word each; the full stop after "Stunden" and the comma after "ja" end words
    assertThat(DocumentText.normalize("Es waren 2,5 Stunden. Ja, 3.000 Euro, 4, 5.").wordCount()).isEqualTo(9);
  }

  @Test
  void countsEachChineseOrJapaneseCharacterAsAWordAndKoreanBySpaces() {
    // 她哭了 (she cried): three characters, no spaces; LibreOffice and Word count three words
    assertThat(DocumentText.normalize("T: \u5979\u54ED\u4E86\u3002").wordCount()).isEqualTo(4);
    // なみだ (tears, Hiragana) and カウンセラー (counsellor, Katakana; the long-vowel mark is no character of its own)
    assertThat(DocumentText.normalize("\u306A\u307F\u3060 \u30AB\u30A6\u30F3\u30BB\u30E9\u30FC")
        .wordCount()).isEqualTo(8);
    // 울었어요 그녀는 (Hangul writes spaces): two words
    assertThat(DocumentText.normalize("\uC6B8\uC5C8\uC5B4\uC694 \uADF8\uB140\uB294").wordCount()).isEqualTo(2);
  }
}
