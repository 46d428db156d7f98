package org.lacrima.io.transcript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.lacrima.core.InputException;
import org.lacrima.core.text.DocumentText;

/**
 * Decides how the bytes of a text file are to be read: UTF-8 (with or without BOM), UTF-16 or
 * UTF-32 with a BOM, or Windows-1252 (the usual encoding of older Word and Excel exports). Files
 * that look binary, or whose encoding cannot be told, are refused with the reason rather than
 * guessed at: a transcript read with the wrong encoding would be coded wrongly for ever.
 */
public final class TextDecoding {

  /** Decoded text and the name of the encoding it came from. */
  public record Decoded(String text, String encoding) {
  }

  /** Decoded text with what it takes to point back into the bytes. */
  private record Reading(String text, String encoding, Charset charset, int byteOrderMark) {
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Letters Windows-1252 puts at 0x80–0x9F that no word of a language it serves has next to other
   * letters. Other code pages keep their accented letters there (Mac Roman: ü is 0x9F, à 0x88), so
   * read as Windows-1252 these turn up inside words.
   */
  private static final String CODE_PAGE_LETTERS = "ƒˆ˜Ÿ";

  /**
   * The capitals among them that begin real words ("Škoda", "Žižek", "Œuvre") but never stand
   * inside a word in lower case, as Mac Roman ä (0x8A) read as Windows-1252 does ("MŠdchen"). Their
   * small forms (š, ž, œ: Mac Roman ö, é, û) are real letters inside words ("Dušan", "cœur"): evidence
   * only in a text without the Latin-1 letters a real Windows-1252 text would have beside them.
   */
  private static final String CODE_PAGE_CAPITALS = "ŠŒŽ";

  private static final String SAVE_AS_UTF8 = "save it as UTF-8 and import it again";

  private TextDecoding() {
  }

  public static Decoded decode(byte[] bytes, String source) {
    Decoded d = decodeAsWritten(bytes, source);
    // a page break (form feed, as Word's plain-text export writes one) or a vertical tab (Word's line break within a
    // paragraph) ends a line, one character for another: a speaker label after it starts a turn, offsets stay
    return new Decoded(DocumentText.endingLines(d.text()), d.encoding());
  }

  /**
   * The text with its form feeds and vertical tabs as they are: a CSV file's, whose records end at line breaks only
   * (a vertical tab in an unquoted cell is a line break within the cell, {@link DocumentText#endingLines} once the
   * cell is read).
   */
  public static Decoded decodeAsWritten(byte[] bytes, String source) {
    Reading r = read(bytes, source);
    checkForControlCharacters(r, source);
    return new Decoded(r.text(), r.encoding());
  }

  private static Reading read(byte[] b, String source) {
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return strict(b, 4, Charset.forName("UTF-32BE"), source, "UTF-32BE");
    }
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return strict(b, 4, Charset.forName("UTF-32LE"), source, "UTF-32LE");
    }
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return strict(b, 3, StandardCharsets.UTF_8, source, "UTF-8");
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return strict(b, 2, StandardCharsets.UTF_16BE, source, "UTF-16BE");
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return strict(b, 2, StandardCharsets.UTF_16LE, source, "UTF-16LE");
    }
    String kind = binaryKind(b);
    if (kind != null) {
      throw new InputException(source, "", "is " + kind + ", not a text file");
    }
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        throw new InputException(source, "byte offset " + i + " (line " + lineAt(b, i) + ")", "holds a NUL byte: it "
            + "is binary, or UTF-16 without a byte-order mark; " + SAVE_AS_UTF8);
      }
    }
    try {
      String text = decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
      checkUtf8NotByChance(text, source);
      return new Reading(text, "UTF-8", StandardCharsets.UTF_8, 0);
    } catch (CharacterCodingException notUtf8) {
      refuseModifiedUtf8(b, 0, source);
      return readAsWindows1252(b, source);
    }
  }

  /**
   * Refuses a file written as CESU-8 or Java's modified UTF-8: a UTF-16 half encoded on its own (ED A0–BF xx; an
   * emoji is two of them, which read as Windows-1252 would be "í ½í¸‚") or a NUL as C0 80 ("À€"), bytes no
   * Windows-1252 text holds in that order.
   */
  private static void refuseModifiedUtf8(byte[] b, int from, String source) {
    for (int i = from; i + 1 < b.length; i++) {
      int lead = b[i] & 0xFF;
      boolean half = lead == 0xED && i + 2 < b.length && (b[i + 1] & 0xE0) == 0xA0 && (b[i + 2] & 0xC0) == 0x80;
      boolean nul = lead == 0xC0 && (b[i + 1] & 0xFF) == 0x80;
      if (half || nul) {
        throw new InputException(source, "byte offset " + i + " (line " + lineAt(b, i) + ")", "holds "
            + (half ? "half of a UTF-16 pair written on its own" : "a NUL written as two bytes") + " (CESU-8, or "
            + "Java's modified UTF-8), which is not UTF-8; " + SAVE_AS_UTF8);
      }
    }
  }

  /**
   * Windows-1252 text whose only non-ASCII bytes are a capital such as É before a quote mark or no-break space
   * ("CAFÉ Central") is valid UTF-8 by chance, and would read as "CAFɠCentral". Refused when that is all the
   * file holds beyond ASCII: a character of U+0180–U+07FF that {@link #isTellingUtf8} does not take as evidence,
   * glued to a Latin letter before it, and nothing that only UTF-8 would hold. (A Greek or Cyrillic text has its
   * letters beside each other, not beside Latin ones.)
   */
  private static void checkUtf8NotByChance(String text, String source) {
    int suspect = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      // two such letters in a row are a word of Cyrillic, Greek, Hebrew …: a code page's chance pair stands alone
      if (isTellingUtf8(c) || (i + 1 < text.length() && isChancePair(c) && isChancePair(text.charAt(i + 1)))) {
        return;
      }
      if (suspect < 0 && isChancePair(c) && i > 0 && text.charAt(i - 1) < 0x80
          && Character.isLetter(text.charAt(i - 1))) {
        suspect = i;
      }
    }
    if (suspect >= 0) {
      int offset = text.substring(0, suspect).getBytes(StandardCharsets.UTF_8).length;
      throw new InputException(source, "byte offset " + offset, "reads as UTF-8 only by chance (\""
          + text.substring(Math.max(0, suspect - 6), Math.min(text.length(), suspect + 6)).strip()
          + "\"): it is probably Windows-1252 with a capital letter before a quote mark or no-break space, so its "
          + "encoding cannot be told; " + SAVE_AS_UTF8);
    }
  }

  /** A character a Windows-1252 capital and the symbol after it would make as UTF-8 by chance. */
  private static boolean isChancePair(char c) {
    return c >= 0x180 && c <= 0x7FF && !isTellingUtf8(c);
  }

  private static Reading readAsWindows1252(byte[] b, String source) {
    Utf8Scan scan = scanAsUtf8(b);
    if (scan.hasUtf8Characters()) {
      // both places, so that the user can look: a Windows-1252 file whose own text holds a pair of bytes that is
      // also UTF-8 (mojibake such as "Ç¨" for "€") is refused for that pair, not for the byte named first
      int utf8 = firstTellingUtf8(b);
      int length = utf8Length(b[utf8] & 0xFF);
      StringBuilder hex = new StringBuilder();
      for (int i = utf8; i < utf8 + length; i++) {
        hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
      }
      throw new InputException(source, "byte offset " + scan.firstInvalid() + " (line " + lineAt(b, scan.firstInvalid())
          + ")", String.format("mixes UTF-8 with bytes that are not UTF-8 (0x%02X here), so its encoding cannot be "
              + "told: the bytes %s at byte offset %d (line %d) are UTF-8 for \"%s\" (in Windows-1252 they would be "
              + "\"%s\"); " + SAVE_AS_UTF8, b[scan.firstInvalid()] & 0xFF, hex, utf8, lineAt(b, utf8),
              new String(b, utf8, length, StandardCharsets.UTF_8), new String(b, utf8, length, WINDOWS_1252)));
    }
    // Windows-1252 leaves five byte values undefined; meeting one means the file is in some other
    // encoding, which we cannot tell apart from its bytes alone.
    for (int i = 0; i < b.length; i++) {
      int v = b[i] & 0xFF;
      if (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D) {
        throw new InputException(source, "byte offset " + i, String.format(
            "is neither UTF-8 nor Windows-1252 (byte 0x%02X); " + SAVE_AS_UTF8, v));
      }
    }
    String text = new String(b, WINDOWS_1252);
    checkPlausibleAsWindows1252(text, source);
    checkNoOtherCodePageFitsBetter(b, text, source);
    return new Reading(text, "Windows-1252", WINDOWS_1252, 0);
  }

  /**
   * The code pages of other languages that ICU's detector tells by their letter statistics. Their files decode as
   * Windows-1252 too, as mojibake ("kýþýn" for Turkish "kışın").
   */
  private static final java.util.Set<String> OTHER_CODE_PAGES = java.util.Set.of("windows-1250", "ISO-8859-2",
      "windows-1251", "ISO-8859-5", "KOI8-R", "windows-1253", "ISO-8859-7", "windows-1254", "ISO-8859-9",
      "windows-1255", "ISO-8859-8", "ISO-8859-8-I", "windows-1256", "ISO-8859-6");

  /**
   * Refuses a file that ICU's detector (n-gram statistics per language) finds likelier in the code page of another
   * language than in Windows-1252 or Latin-1, where that code page reads its bytes as other letters: a Czech,
   * Polish, Turkish, Greek or Russian transcript saved by an older Windows would otherwise be stored as mojibake. A
   * code page that reads every byte as Windows-1252 does (German umlauts are the same in Windows-1250) is no doubt,
   * whatever the statistics say of a short text, and neither is a tie.
   */
  private static void checkNoOtherCodePageFitsBetter(byte[] b, String text, String source) {
    com.ibm.icu.text.CharsetDetector detector = new com.ibm.icu.text.CharsetDetector();
    detector.setText(b);
    com.ibm.icu.text.CharsetMatch[] matches = detector.detectAll();
    int western = 0;
    for (com.ibm.icu.text.CharsetMatch m : matches) {
      if (m.getName().equals("windows-1252") || m.getName().equals("ISO-8859-1")) {
        western = Math.max(western, m.getConfidence());
      }
    }
    // the first byte a likelier page reads otherwise, and how each such page reads the word there
    int at = -1;
    java.util.List<String> readings = new java.util.ArrayList<>();
    for (com.ibm.icu.text.CharsetMatch m : matches) {
      if (!OTHER_CODE_PAGES.contains(m.getName()) || m.getConfidence() <= western) {
        continue;
      }
      // ICU names Hebrew in logical order ISO-8859-8-I: the same bytes, the same letters
      String other = new String(b, Charset.forName(m.getName().replace("-8-I", "-8")));
      if (at < 0) {
        for (int i = 0; i < text.length() && at < 0; i++) {
          char o = other.charAt(i);
          // an ISO-8859 page has C1 controls where Windows code pages have quotes and dashes: no letter to compare
          if (o != text.charAt(i) && !(o >= 0x80 && o <= 0x9F)) {
            at = i;
          }
        }
      }
      String word = at < 0 ? "" : wordAround(other, at);
      // the statistics of a short text may name a page with no letters for these bytes (Greek as Hebrew)
      if (at >= 0 && other.charAt(at) != text.charAt(at) && word.indexOf('\uFFFD') < 0) {
        readings.add("\"" + word + "\" in " + m.getName() + (m.getLanguage() == null ? "" : " (" + java.util.Locale
            .forLanguageTag(m.getLanguage()).getDisplayLanguage(java.util.Locale.ENGLISH) + ")"));
      }
    }
    if (at >= 0) {
      throw new InputException(source, "byte offset " + at, "reads more like the code page of another language than "
          + "like Windows-1252" + (readings.isEmpty() ? "" : ": the word \"" + wordAround(text, at) + "\" would be "
              + String.join(" or ", readings)) + ", so its encoding cannot be told for sure; " + SAVE_AS_UTF8);
    }
  }

  /** The 1-based line of a byte offset: the line feeds before it, plus one. */
  private static int lineAt(byte[] b, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** How long a UTF-8 sequence that begins with this lead byte is (1 for any other byte). */
  private static int utf8Length(int lead) {
    return lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? (lead <= 0xEF ? 3 : 1) : lead >= 0xC2 ? 2 : 1;
  }

  /**
   * The offset of the first well-formed UTF-8 sequence that {@link #isTellingUtf8} counts as evidence of UTF-8; the
   * caller knows there is one ({@link #scanAsUtf8}).
   */
  private static int firstTellingUtf8(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      int length = utf8Length(b[i] & 0xFF);
      if (length == 1 || i + length > b.length) {
        continue;
      }
      CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
      try {
        String c = utf8.decode(ByteBuffer.wrap(b, i, length)).toString();
        if (!c.isEmpty() && isTellingUtf8(c.charAt(0))) {
          return i;
        }
      } catch (CharacterCodingException notASequence) {
        // a lead byte without its continuation: not UTF-8 here
      }
    }
    throw new IllegalStateException("no UTF-8 character where the scan found one");
  }

  /** Where the bytes first fail as UTF-8, and whether elsewhere they hold characters only UTF-8 would. */
  private record Utf8Scan(int firstInvalid, boolean hasUtf8Characters) {
  }

  private static Utf8Scan scanAsUtf8(byte[] b) {
    CharsetDecoder utf8 = decoder(StandardCharsets.UTF_8);
    ByteBuffer in = ByteBuffer.wrap(b);
    CharBuffer out = CharBuffer.allocate(4096);
    int firstInvalid = -1;
    boolean utf8Characters = false;
    CoderResult result;
    do {
      result = utf8.decode(in, out, true);
      if (result.isError()) {
        firstInvalid = firstInvalid < 0 ? in.position() : firstInvalid;
        in.position(in.position() + result.length());
      }
      out.flip();
      while (out.hasRemaining() && !utf8Characters) {
        utf8Characters = isTellingUtf8(out.get());
      }
      out.clear();
    } while (!result.isUnderflow());
    return new Utf8Scan(firstInvalid, utf8Characters);
  }

  /**
   * Whether a character decoded from a multi-byte sequence shows the file to be UTF-8. Windows-1252
   * text forms two-byte sequences by chance where a capital letter or ß stands before a quote mark,
   * dash or ellipsis ("Fuß“" is 0xDF 0x93, "OLÉ“" 0xC9 0x93, "CAFÉ…" 0xC9 0x85); those decode to
   * U+0180–U+07FF (the rarer Latin letters, IPA, Greek, Cyrillic, Hebrew, Arabic …) or to C1 controls,
   * and are not taken as evidence. The letters and symbols of Latin-1 and Latin Extended-A, the Latin
   * Extended-B letters of living orthographies (Romanian ș and ț, Vietnamese ơ and ư, Pinyin's tones),
   * combining accents (as macOS writes "März": a, then U+0308), and everything from three-byte sequences
   * up (dashes, quotes, €) are.
   */
  private static boolean isTellingUtf8(char c) {
    return (c >= 0xA0 && c <= 0x17F) || (c >= 0x218 && c <= 0x21B) || c == 0x1A0 || c == 0x1A1 || c == 0x1AF
        || c == 0x1B0 || (c >= 0x1CD && c <= 0x1DC) || (c >= 0x300 && c <= 0x36F) || c >= 0x800;
  }

  /**
   * Refuses text that decodes as Windows-1252 but reads like another code page: a letter from
   * 0x80–0x9F next to a letter (for Š, Œ and Ž: inside a lower-case word), € or † before one (Mac
   * Roman Ä and Ü), § inside a word (Mac Roman ß), a double quotation mark inside a word or ™ before a
   * letter (the DOS code pages 437 and 850 have ä at 0x84, ö at 0x94 and Ö at 0x99: "M„dchen", "h”rt",
   * "™l"), ¤ beside a number (ISO-8859-15 has € at 0xA4), or inside a word a symbol that a Central European
   * code page has as a letter ("P³aka³a").
   */
  private static void checkPlausibleAsWindows1252(String text, String source) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean misplaced = switch (c) {
        case '€', '†' -> isLetterAt(text, i + 1);
        case '§', '„', '“', '”' -> isLetterAt(text, i - 1) && isLetterAt(text, i + 1);
        case '™' -> isLetterAt(text, i + 1);
        case '¤' -> isDigitNear(text, i);
        // Central European code pages keep letters where Windows-1252 has these symbols (Windows-1250: ł ³, ą ¹,
        // ż ¿, Ą ¥, Ł £, Ş ª, ş º, Ľ ¼, ľ ¾, Ż ¯): "P³aka³a" is Polish "Płakała"
        case '¹', '³', '¿', '¥', '£', 'ª', 'º', '¼', '¾', '¯' -> isLetterAt(text, i - 1) && isLetterAt(text, i + 1);
        default -> CODE_PAGE_LETTERS.indexOf(c) >= 0 && (isLetterAt(text, i - 1) || isLetterAt(text, i + 1))
            || CODE_PAGE_CAPITALS.indexOf(c) >= 0 && isLetterAt(text, i - 1) && isLowerCaseAt(text, i + 1);
      };
      if (misplaced) {
        throw undecidable(text, i, source);
      }
    }
    // š, ž and œ are real letters inside words (Dušan, cœur), but Mac Roman's ö (0x9A), é (0x8E) and û/ú read
    // as them too; a Windows-1252 text that uses them also has the Latin-1 letters its language writes (ä, é,
    // ü…), which a Mac Roman text read as Windows-1252 never shows
    int suspect = -1;
    boolean latin1Letters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == 'š' || c == 'ž' || c == 'œ') && isLetterAt(text, i - 1) && suspect < 0) {
        suspect = i;
      }
      latin1Letters |= c >= 'à' && c <= 'ÿ' && c != '÷';
    }
    if (suspect >= 0 && !latin1Letters) {
      throw undecidable(text, suspect, source);
    }
  }

  private static InputException undecidable(String text, int i, String source) {
    // Windows-1252 has one byte per character, so the character index is the byte offset
    return new InputException(source, "byte offset " + i, "cannot be told apart from other encodings: read as "
        + "Windows-1252 it has \"" + text.charAt(i) + "\" in the word \"" + wordAround(text, i) + "\", as text in "
        + "another encoding (such as Mac Roman, a DOS code page, ISO-8859-15 or Windows-1250) would; " + SAVE_AS_UTF8);
  }

  /** A digit within two characters before or after {@code i} ("5 ¤", "¤5"). */
  private static boolean isDigitNear(String text, int i) {
    for (int j = Math.max(0, i - 2); j <= Math.min(text.length() - 1, i + 2); j++) {
      if (Character.isDigit(text.charAt(j))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLowerCaseAt(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLowerCase(text.charAt(i));
  }

  private static boolean isLetterAt(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetter(text.charAt(i));
  }

  private static String wordAround(String text, int i) {
    int start = i;
    while (start > 0 && i - start < 20 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    int end = i + 1;
    while (end < text.length() && end - i < 20 && isLetterOrSection(text.charAt(end))) {
      end++;
    }
    return text.substring(start, end);
  }

  private static boolean isLetterOrSection(char c) {
    return Character.isLetter(c) || c == '§';
  }

  private static Reading strict(byte[] b, int skip, Charset cs, String source, String name) {
    try {
      String text = decoder(cs).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
      return new Reading(text, name + " (with BOM)", cs, skip);
    } catch (CharacterCodingException e) {
      if (cs.equals(StandardCharsets.UTF_8)) {
        refuseModifiedUtf8(b, skip, source);
      }
      throw new InputException(source, "byte offset " + firstInvalid(b, skip, cs), "starts with a " + name
          + " byte-order mark but is not valid " + name + " here (" + (cs.equals(StandardCharsets.UTF_8)
              ? "a byte of another encoding, such as Windows-1252, or a cut-off character" : "an unpaired surrogate or "
              + "a cut-off character") + ")");
    }
  }

  /** Where decoding first fails, in bytes from the start of the file. */
  private static int firstInvalid(byte[] b, int skip, Charset cs) {
    CharsetDecoder d = decoder(cs);
    ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = d.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        r = d.flush(out);
        return r.isError() ? in.position() : b.length;
      }
      out.clear();
    }
  }

  private static CharsetDecoder decoder(Charset cs) {
    return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static void checkForControlCharacters(Reading r, String source) {
    String text = r.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (DocumentText.foreignToText(c)) {
        // encoding the text before it again counts its bytes, whatever the encoding
        int offset = r.byteOrderMark() + text.substring(0, i).getBytes(r.charset()).length;
        // the line too, as a CSV's errors name lines: a spreadsheet shows no byte offsets
        long line = 1 + text.substring(0, i).chars().filter(ch -> ch == '\n').count();
        throw new InputException(source, "byte offset " + offset + " (line " + line + ")", String.format(
            "holds the control character U+%04X, which text does not contain: is it a binary file?", (int) c));
      }
    }
  }

  private static String binaryKind(byte[] b) {
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "a PDF file";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "a zip archive (a .docx, .odt or .xlsx under another name?)";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old Microsoft Office file (.doc); save it as .docx or .txt";
    }
    if (startsWith(b, '{', '\\', 'r', 't', 'f')) {
      return "an RTF file; save it as .docx or .txt";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
