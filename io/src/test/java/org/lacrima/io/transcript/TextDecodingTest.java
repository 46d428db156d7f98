package org.lacrima.io.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lacrima.core.InputException;

class TextDecodingTest {

  private static final String GERMAN = "I: Weinen – Tränen, Grüße, 20 €\nB: ja";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsUtf8WithAndWithoutByteOrderMark() {
    assertThat(TextDecoding.decode(GERMAN.getBytes(StandardCharsets.UTF_8), "f")).isEqualTo(
        new TextDecoding.Decoded(GERMAN, "UTF-8"));
    byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, GERMAN.getBytes(StandardCharsets.UTF_8));
    assertThat(TextDecoding.decode(withBom, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "UTF-8 (with BOM)"));
  }

  @Test
  void aPageBreakOrAVerticalTabEndsALineOfTheSameLength() {
    byte[] plain = "I: Seite eins.\n\fB: Seite zwei.\u000BWeiter.".getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decode(plain, "f").text()).isEqualTo("I: Seite eins.\n\nB: Seite zwei.\nWeiter.");
  }

  @Test
  void readsUtf16WithByteOrderMark() {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, GERMAN.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, GERMAN.getBytes(StandardCharsets.UTF_16BE));
    assertThat(TextDecoding.decode(le, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "UTF-16LE (with BOM)"));
    assertThat(TextDecoding.decode(be, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "UTF-16BE (with BOM)"));
  }

  @Test
  void readsWindows1252WhenTheBytesAreNotUtf8() {
    byte[] cp1252 = GERMAN.getBytes(Charset.forName("windows-1252"));
    assertThat(TextDecoding.decode(cp1252, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "Windows-1252"));
  }

  @Test
  void refusesBinaryAndUndecidableFilesWithTheReason() {
    assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'I', ':', ' ', 0, 'x'}, "a.txt"))
        .isInstanceOf(InputException.class).hasMessageContaining("a.txt, byte offset 3 (line 1)").hasMessageContaining("NUL");
    assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'a', (byte) 0x81, 'b', (byte) 0xE4}, "b.txt"))
        .hasMessageContaining("b.txt, byte offset 1").hasMessageContaining("neither UTF-8 nor Windows-1252");
    assertThatThrownBy(() -> TextDecoding.decode("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), "c.txt"))
        .hasMessageContaining("c.txt: is a PDF file");
    assertThatThrownBy(() -> TextDecoding.decode("ok\u0007bell".getBytes(StandardCharsets.UTF_8), "d.txt"))
        .hasMessageContaining("d.txt, byte offset 2").hasMessageContaining("U+0007");
  }

  @Test
  void namesTheByteOffsetOfAControlCharacterAfterMultiByteCharacters() {
    assertThatThrownBy(() -> TextDecoding.decode("Grüße\u0007".getBytes(StandardCharsets.UTF_8), "d.txt"))
        .hasMessageStartingWith("d.txt, byte offset 7 (line 1): holds the control character U+0007");
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Grüße\u0007".getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> TextDecoding.decode(utf16, "e.txt")).hasMessageStartingWith("e.txt, byte offset 12 (line 1):");
    // and the line, as a spreadsheet shows no byte offsets
    assertThatThrownBy(() -> TextDecoding.decode("a,b\nc,d\ne\u001Bf,g\n".getBytes(StandardCharsets.UTF_8), "t.csv"))
        .hasMessageStartingWith("t.csv, byte offset 9 (line 3): holds the control character U+001B");
  }

  @Test
  void refusesUtf8WithAStrayByteRatherThanReadingItAsWindows1252() {
    byte[] utf8 = "Grüße aus Köln – bis bald".getBytes(StandardCharsets.UTF_8);
    byte[] stray = concat(concat(Arrays.copyOf(utf8, 16), new byte[] {(byte) 0x96}),
        Arrays.copyOfRange(utf8, 16, utf8.length));
    assertThatThrownBy(() -> TextDecoding.decode(stray, "k.txt")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("k.txt, byte offset 16 (line 1): mixes UTF-8 with bytes that are not UTF-8 (0x96 here)")
        .hasMessageContaining("the bytes C3 BC at byte offset 2 (line 1) are UTF-8 for \"ü\" (in Windows-1252 they "
            + "would be \"Ã¼\")").hasMessageContaining("save it as UTF-8");
  }

  /** An emoji written in CESU-8 (as Java's modified UTF-8 and some databases write it) read as Windows-1252 mojibake. */
  @Test
  void refusesAnEmojiWrittenHalfByHalf() {
    // U+1F602 is the pair D83D DE02; each half as three bytes: ED A0 BD, ED B8 82
    byte[] b = bytes("I: Das war gut", 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x82, ". Wirklich.\nB: Ja\n");
    assertThatThrownBy(() -> TextDecoding.decode(b, "c.txt")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("c.txt, byte offset 14 (line 1): holds half of a UTF-16 pair written on its own "
            + "(CESU-8");
    // after a byte-order mark, and a lone half, and a NUL as C0 80, the same
    byte[] bom = bytes(0xEF, 0xBB, 0xBF, "I: gut", 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x82, "\n");
    assertThatThrownBy(() -> TextDecoding.decode(bom, "b.txt")).hasMessageStartingWith("b.txt, byte offset 9 (line 1): "
        + "holds half of a UTF-16 pair");
    byte[] lone = bytes("I: gut", 0xED, 0xA0, 0xBD, ".\n");
    assertThatThrownBy(() -> TextDecoding.decode(lone, "l.txt")).hasMessageStartingWith("l.txt, byte offset 6");
    byte[] nul = bytes("I: gut", 0xC0, 0x80, ".\n");
    assertThatThrownBy(() -> TextDecoding.decode(nul, "n.txt")).hasMessageStartingWith("n.txt, byte offset 6 (line 1): "
        + "holds a NUL written as two bytes");
  }

  /**
   * A Windows-1252 file whose own text holds mojibake ("Ç¨", bytes C7 A8, for "€") has a pair of bytes that is UTF-8
   * too: refused, and the message names that pair, on its line, besides the first byte that is not UTF-8.
   */
  @Test
  void namesTheUtf8LookingBytesOfAWindows1252FileItRefuses() {
    byte[] b = bytes("Das w", 0xE4, "re gut\nPreis 202 M", 0xC3, 0xBC, "nzen\n");
    assertThatThrownBy(() -> TextDecoding.decode(b, "m.csv"))
        .hasMessageStartingWith("m.csv, byte offset 5 (line 1): mixes UTF-8 with bytes that are not UTF-8 (0xE4 here)")
        .hasMessageContaining("the bytes C3 BC at byte offset 24 (line 2) are UTF-8 for \"ü\" (in Windows-1252 they "
            + "would be \"Ã¼\")");
  }

  @Test
  void refusesMacRomanGermanThatWouldReadAsWindows1252() {
    // "Das Mädchen war schön, Grüße" in Mac Roman: ä 0x8A, ö 0x9A, ü 0x9F, ß 0xA7
    byte[] macRoman = bytes("Das M", 0x8A, "dchen war sch", 0x9A, "n, Gr", 0x9F, 0xA7, "e");
    assertThatThrownBy(() -> TextDecoding.decode(macRoman, "m.txt")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("m.txt, byte offset 5: ")
        .hasMessageContaining("\"MŠdchen\"").hasMessageContaining("save it as UTF-8");
    // one umlaut is enough: ß 0xA7 reads as §, ü 0x9F as Ÿ, Ä 0x80 as €, Ü 0x86 as †
    assertThatThrownBy(() -> TextDecoding.decode(bytes("Die Stra", 0xA7, "e"), "s.txt"))
        .hasMessageStartingWith("s.txt, byte offset 8: ").hasMessageContaining("\"Stra§e\"");
    assertThatThrownBy(() -> TextDecoding.decode(bytes("f", 0x9F, "r dich"), "u.txt"))
        .hasMessageStartingWith("u.txt, byte offset 1: ");
    assertThatThrownBy(() -> TextDecoding.decode(bytes("die ", 0x80, "rzte"), "a.txt"))
        .hasMessageStartingWith("a.txt, byte offset 4: ");
    assertThatThrownBy(() -> TextDecoding.decode(bytes("eine ", 0x86, "bung"), "b.txt"))
        .hasMessageStartingWith("b.txt, byte offset 5: ");
  }

  @Test
  void acceptsWindows1252GermanWithItsPunctuation() {
    // ß before “ or … forms a valid two-byte UTF-8 sequence (0xDF 0x93): that alone must not make it "mixed"
    String german = "B: „Ich weiß…“, sagte sie – und dann: „Fuß“. Das geht’s 20 € wert. Grüße, Ärger, Öl, Übung";
    byte[] cp1252 = german.getBytes(Charset.forName("windows-1252"));
    assertThat(TextDecoding.decode(cp1252, "f")).isEqualTo(new TextDecoding.Decoded(german, "Windows-1252"));
  }

  @Test
  void tellsWindows1252CapitalsBeforeQuotesAndNoBreakSpacesFromUtf8() {
    Charset cp1252 = Charset.forName("windows-1252");
    // "É“" is 0xC9 0x93, valid UTF-8 for U+0253: with a stray „ elsewhere it is still Windows-1252, not "mixed"
    String shouted = "I: Er rief „OLÉ“ und dann: Größe!\nB: ja\n";
    assertThat(TextDecoding.decode(shouted.getBytes(cp1252), "r.txt").text()).isEqualTo(shouted);
    // "É" and a no-break space alone are valid UTF-8 (U+0260): refused, not read as "CAFɠCentral"
    byte[] cafe = "I: Wir trafen uns im CAFÉ\u00a0Central.\nB: ja\n".getBytes(cp1252);
    assertThatThrownBy(() -> TextDecoding.decode(cafe, "s.txt")).hasMessageStartingWith("s.txt, byte offset 24: reads "
        + "as UTF-8 only by chance");
    // combining accents after Latin letters, as macOS decomposes "März", are UTF-8
    String decomposed = "I: Ma\u0308rz\nB: ja\n";
    assertThat(TextDecoding.decode(decomposed.getBytes(StandardCharsets.UTF_8), "m.txt").text()).isEqualTo(decomposed);
    // Cyrillic glued to a Latin word ("SMSку") is a Cyrillic word, not a chance pair
    String russian = "I: Я отправил SMSку вчера.\nB: Да.\n";
    assertThat(TextDecoding.decode(russian.getBytes(StandardCharsets.UTF_8), "ru.txt").text()).isEqualTo(russian);
    // a Greek UTF-8 text, its letters beside each other, is UTF-8
    String greek = "I: Η θεραπεύτρια είπε ναι.\nB: ναι\n";
    assertThat(TextDecoding.decode(greek.getBytes(StandardCharsets.UTF_8), "g.txt").text()).isEqualTo(greek);
  }

  @Test
  void namesTheByteOffsetWhereUtf16GoesWrong() {
    // BOM, "I: hi " in UTF-16LE (12 bytes), then a high surrogate without its low half
    byte[] text = concat(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "I: hi ".getBytes(StandardCharsets.UTF_16LE)),
        concat(new byte[] {0x00, (byte) 0xD8}, " x\n".getBytes(StandardCharsets.UTF_16LE)));
    assertThatThrownBy(() -> TextDecoding.decode(text, "u16.txt"))
        .hasMessageStartingWith("u16.txt, byte offset 14: starts with a UTF-16LE byte-order mark but is not valid");
  }

  @Test
  void refusesDeleteAndC1ControlCharacters() {
    assertThatThrownBy(() -> TextDecoding.decode("I: a\u009bc\n".getBytes(StandardCharsets.UTF_8), "c1.txt"))
        .hasMessage("c1.txt, byte offset 4 (line 1): holds the control character U+009B, which text does not contain: is it a "
            + "binary file?");
    assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'I', ':', ' ', 'a', 0x7F, '\n'}, "del.txt"))
        .hasMessageContaining("U+007F");
  }

  @Test
  void acceptsWindows1252NamesAndWordsWithTheLettersItAddsToLatin1() {
    // Š š Ž ž Œ œ are letters of Windows-1252 (0x8A 0x9A 0x8E 0x9E 0x8C 0x9C) in names and loanwords
    String text = "B: Dušan kam mit dem Škoda, er las Žižek. Das Œuvre, ihr cœur, seine sœur. DUŠAN? Nein, für "
        + "ŠKODA wäre es zu spät.";
    byte[] cp1252 = text.getBytes(Charset.forName("windows-1252"));
    assertThat(TextDecoding.decode(cp1252, "n")).isEqualTo(new TextDecoding.Decoded(text, "Windows-1252"));
  }

  @Test
  void refusesMacRomanGermanWhoseUmlautsReadAsWindows1252Letters() {
    // Mac Roman ö is 0x9A, Windows-1252 š: "höre" would read "hšre"; no real ä, ö or ü is left to vouch for it
    byte[] macRoman = "B: Ich höre es noch, es war schön in Köln.".getBytes(Charset.forName("x-MacRoman"));
    assertThatThrownBy(() -> TextDecoding.decode(macRoman, "mac.txt")).isInstanceOf(InputException.class)
        .hasMessageContaining("mac.txt").hasMessageContaining("\"hšre\"").hasMessageContaining("save it as UTF-8");
  }

  @Test
  void refusesDosCodePageAndLatin9TextThatWouldReadAsWindows1252() {
    // code page 850 (and 437): ä 0x84 reads as „, ö 0x94 as ”, Ö 0x99 as ™, ß 0xE1 as á
    byte[] cp850 = "I: Das Mädchen hört schön zu, Straße\nB: Ja.\n".getBytes(Charset.forName("IBM850"));
    assertThatThrownBy(() -> TextDecoding.decode(cp850, "dos.txt")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("dos.txt, byte offset 8: ").hasMessageContaining("\"M„dchen\"")
        .hasMessageContaining("a DOS code page").hasMessageContaining("save it as UTF-8");
    byte[] oel = "B: Öl und Wasser\n".getBytes(Charset.forName("IBM437"));
    assertThatThrownBy(() -> TextDecoding.decode(oel, "oel.txt")).hasMessageStartingWith("oel.txt, byte offset 3: ");
    // ISO-8859-15 has € where Windows-1252 has ¤
    byte[] latin9 = "B: Das kostet 5 € im Monat.\n".getBytes(Charset.forName("ISO-8859-15"));
    assertThatThrownBy(() -> TextDecoding.decode(latin9, "l9.txt")).hasMessageStartingWith("l9.txt, byte offset 16: ");
  }

  /** Transcripts written by us in the languages whose older Windows code pages read as Windows-1252 mojibake. */
  @Test
  void refusesTheCodePagesOfOtherLanguagesRatherThanStoringMojibake() {
    String[][] cases = {
        {"windows-1250", "T: Děkuji, že jste přišla. Minulý týden jste při sezení plakala. Jak se teď cítíte?\nP: Je mi "
            + "to trochu líto. Nevěděla jsem, co se se mnou děje, bylo to pro mě těžké.\nT: Můžete mi říct, na co jste v "
            + "té chvíli myslela?\nP: Na mámu. Často na ni myslím, hlavně večer, když jsem sama doma.\n"},
        {"windows-1254", "T: Geçen kışın seans sırasında ağladı. Şimdi daha iyi hissediyor, değil mi?\nP: Evet.\n"},
        {"windows-1250", "T: Płakała pani podczas sesji, czy to było trudne? Dziękuję, że pani przyszła.\n"},
        {"windows-1251", "Т: Она плакала во время сеанса, и мне было трудно.\nП: Да, это правда.\n"},
        {"KOI8-R", "Т: Она плакала во время сеанса, и мне было трудно.\nП: Да, это правда.\n"},
        {"windows-1253", "Θ: Έκλαψε κατά τη διάρκεια της συνεδρίας και ήταν δύσκολο για μένα.\n"}};
    for (String[] c : cases) {
      byte[] bytes = c[1].getBytes(Charset.forName(c[0]));
      assertThatThrownBy(() -> TextDecoding.decode(bytes, "x.txt")).as(c[0] + ": " + c[1])
          .isInstanceOf(InputException.class).hasMessageStartingWith("x.txt, byte offset ")
          .hasMessageContaining("save it as UTF-8");
    }
    byte[] turkish = cases[1][1].getBytes(Charset.forName("windows-1254"));
    assertThatThrownBy(() -> TextDecoding.decode(turkish, "tr.txt")).hasMessageContaining("Turkish")
        .hasMessageContaining("\"kýþýn\" would be \"kışın\"");
    // a short Greek text that the statistics also find Hebrew (a page with no letters for it) or Russian: the user
    // sees each reading that is one
    byte[] greek = "Πώς είσαι;\n".getBytes(Charset.forName("windows-1253"));
    assertThatThrownBy(() -> TextDecoding.decode(greek, "el.txt")).hasMessageContaining("\"Πώς\" in ISO-8859-7")
        .hasMessageNotContaining("\uFFFD");
  }

  /**
   * Short Windows-1252 texts of the languages it serves, the hardest for a detector counting letter pairs: none may be
   * refused because another code page's statistics come out ahead (in "don’t" Windows-1250 ties with Windows-1252).
   */
  @Test
  void acceptsShortWindows1252TextsOfTheLanguagesItServes() {
    String[] texts = {
        "I: Wie ging es Ihnen danach?\nB: Ich weiß es nicht genau, ehrlich gesagt.\n", "Patientin: Entschuldigung – es tut mir leid.\n",
        "Therapeut: Mögen Sie erzählen, was Sie gerade spüren?\n", "I: Größe, Maß, Fuß – „Gänsefüßchen“.\n",
        "Ärger über die Ämter\n", "B: Müller\n", "Zürich, 12. März\n", "P: I don’t know.\n",
        "T: It was a café near the station – naïve of me.\n", "I: She said “I can’t” and started crying.\n",
        "I: Elle a pleuré pendant la séance, c'était très émouvant.\n", "T: La paciente lloró; fue difícil.\n",
        "T: Perché piangeva? Non lo so, è difficile.\n", "I: Ze huilde; dat was moeilijk – ik wist het niet.\n",
        "T: Hon grät under hela sessionen.\n", "T: Hun græd, og jeg følte mig magtesløs.\n",
        "T: Hän itki koko istunnon ajan. Ymmärrätkö?\n", "T: Ela chorou durante a sessão; não sabia.\n",
        "T: Hún grét allan tímann og ég vissi ekki hvað ég ætti að gera.\n"};
    for (String text : texts) {
      assertThat(TextDecoding.decode(text.getBytes(Charset.forName("windows-1252")), "w.txt"))
          .as(text).isEqualTo(new TextDecoding.Decoded(text, "Windows-1252"));
    }
  }

  @Test
  void aCapitalBeforeAnEllipsisIsNoEvidenceOfUtf8ButRomanianLettersAre() {
    // "É…" is 0xC9 0x85 in Windows-1252: valid UTF-8 for U+0245, a letter of no living orthography
    byte[] cafe = "I: Im CAFÉ… war es.\n".getBytes(Charset.forName("windows-1252"));
    assertThatThrownBy(() -> TextDecoding.decode(cafe, "c.txt")).hasMessageContaining("reads as UTF-8 only by chance");
    String romanian = "T: Pacienta a plâns în ședință, și a fost greu.\n";
    assertThat(TextDecoding.decode(romanian.getBytes(StandardCharsets.UTF_8), "ro.txt").text()).isEqualTo(romanian);
    String pinyin = "T: Lǎoshī shuō: nǐ hǎo.\n";
    assertThat(TextDecoding.decode(pinyin.getBytes(StandardCharsets.UTF_8), "zh.txt").text()).isEqualTo(pinyin);
  }

  @Test
  void aUtf8ByteOrderMarkBeforeWindows1252BytesIsBlamedOnThem() {
    byte[] b = bytes(0xEF, 0xBB, 0xBF, "I: Gr", 0xFC, 0xDF, "e\n");
    assertThatThrownBy(() -> TextDecoding.decode(b, "bom.txt")).hasMessage("bom.txt, byte offset 8: starts with a UTF-8 "
        + "byte-order mark but is not valid UTF-8 here (a byte of another encoding, such as Windows-1252, or a cut-off "
        + "character)");
  }

  /** Text pieces as ASCII, numbers as single bytes. */
  private static byte[] bytes(Object... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : pieces) {
      if (p instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write((Integer) p);
      }
    }
    return out.toByteArray();
  }
}
