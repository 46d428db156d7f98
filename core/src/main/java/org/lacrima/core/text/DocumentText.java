package org.lacrima.core.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one class that knows how Lacrima counts positions in a transcript.
 *
 * <p>Every offset stored anywhere in Lacrima is a Unicode code point index, 0-based, end exclusive,
 * into the document's normalized text: NFC, LF line endings, no byte-order mark. Java strings,
 * browsers and REFI-QDA files count UTF-16 units, and Windows files count CRLF as two; those
 * positions are converted here and nowhere else, so that an emoji or a decomposed umlaut can never
 * shift a coding by one.
 */
public final class DocumentText {

  private static final char BOM = '\uFEFF';
  private static final int[] NO_SUPPLEMENTARY = new int[0];
  /** Only for where NFC may compose; the normalizing itself stays with java.text.Normalizer. */
  private static final com.ibm.icu.text.Normalizer2 NFC = com.ibm.icu.text.Normalizer2.getNFCInstance();

  private final String text;
  private final int length;
  /** UTF-16 indices of the high surrogates of supplementary characters; empty for most texts. */
  private final int[] surrogatePairs;

  private DocumentText(String text) {
    this.text = text;
    this.surrogatePairs = surrogatePairsOf(text);
    this.length = text.length() - surrogatePairs.length;
  }

  /** Normalizes raw text (as decoded from a file) into the form Lacrima stores. */
  public static DocumentText normalize(String raw) {
    return new DocumentText(normalizeString(raw));
  }

  /** Wraps text that is already normalized, for example as read back from a project. */
  public static DocumentText ofNormalized(String normalized) {
    Objects.requireNonNull(normalized, "text");
    if (!isNormalized(normalized)) {
      throw new IllegalArgumentException("text is not in Lacrima's normal form (NFC, LF, no BOM)");
    }
    return new DocumentText(normalized);
  }

  /** The normal form: no leading BOM, CRLF and lone CR as LF, Unicode NFC. */
  public static String normalizeString(String raw) {
    String s = raw;
    if (!s.isEmpty() && s.charAt(0) == BOM) {
      s = s.substring(1);
    }
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  public static boolean isNormalized(String s) {
    return (s.isEmpty() || s.charAt(0) != BOM)
        && s.indexOf('\r') < 0
        && Normalizer.isNormalized(s, Normalizer.Form.NFC);
  }

  public String text() {
    return text;
  }

  /** Length in code points. */
  public int length() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** Converts a code point offset to the UTF-16 index of the same position in {@link #text()}. */
  public int toUtf16(int codePointOffset) {
    checkCodePointOffset(codePointOffset);
    if (surrogatePairs.length == 0) {
      return codePointOffset;
    }
    // each supplementary character before the position adds one UTF-16 unit; search by code point
    int lo = 0;
    int hi = surrogatePairs.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int pairCodePoint = surrogatePairs[mid] - mid; // code point offset of that supplementary char
      if (pairCodePoint < codePointOffset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return codePointOffset + lo;
  }

  /**
   * Converts a UTF-16 index into {@link #text()} to a code point offset.
   *
   * @throws IllegalArgumentException if the index is out of range or splits a surrogate pair
   */
  public int toCodePoint(int utf16Index) {
    if (utf16Index < 0 || utf16Index > text.length()) {
      throw new IllegalArgumentException(
          "UTF-16 index " + utf16Index + " is outside the text (0.." + text.length() + ")");
    }
    if (surrogatePairs.length == 0) {
      return utf16Index;
    }
    if (utf16Index > 0 && utf16Index < text.length()
        && Character.isHighSurrogate(text.charAt(utf16Index - 1))
        && Character.isLowSurrogate(text.charAt(utf16Index))) {
      throw new IllegalArgumentException("UTF-16 index " + utf16Index + " splits a character in two");
    }
    int before = Arrays.binarySearch(surrogatePairs, utf16Index);
    int pairsBefore = before >= 0 ? before : -before - 1;
    return utf16Index - pairsBefore;
  }

  /** The text between two code point offsets. */
  public String slice(int start, int end) {
    checkCodePointOffset(start);
    checkCodePointOffset(end);
    if (end < start) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    return text.substring(toUtf16(start), toUtf16(end));
  }

  /** Code point offset of the character at a code point offset. */
  public int codePointAt(int codePointOffset) {
    return text.codePointAt(toUtf16(codePointOffset));
  }

  /** Start offsets (code points) of every occurrence of a quote, after normalizing the quote. */
  public List<Integer> occurrences(String quote) {
    String q = normalizeString(quote);
    List<Integer> found = new ArrayList<>();
    if (q.isEmpty()) {
      return found;
    }
    int from = 0;
    while (true) {
      int at = text.indexOf(q, from);
      if (at < 0) {
        return found;
      }
      // "x" is not found in "x\u0301", nor the woman in a family emoji: a quote takes whole characters as read
      if (isBoundary(at) && isBoundary(at + q.length())) {
        found.add(toCodePoint(at));
      }
      from = at + 1;
    }
  }

  /** Whether a code point offset falls between two characters as a reader sees them, not inside one. */
  public boolean isCharacterBoundary(int codePointOffset) {
    checkCodePointOffset(codePointOffset);
    return isBoundary(toUtf16(codePointOffset));
  }

  /**
   * Between two user-perceived characters: not before a combining mark, a zero-width joiner, a variation selector
   * or a skin-tone modifier, and not after a joiner. (java.text.BreakIterator knows the full rules, but would walk
   * the whole document for every quote of an import of a million codings; these are the cases transcripts hold.)
   */
  private boolean isBoundary(int utf16) {
    if (utf16 <= 0 || utf16 >= text.length()) {
      return true;
    }
    int next = text.codePointAt(utf16);
    int type = Character.getType(next);
    boolean extends_ = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || next == 0x200D || (next >= 0xFE00 && next <= 0xFE0F)
        || (next >= 0xE0100 && next <= 0xE01EF) || (next >= 0x1F3FB && next <= 0x1F3FF)
        || (next >= 0xE0020 && next <= 0xE007F); // the tags of a flag such as Scotland's
    int before = text.codePointBefore(utf16);
    if (isRegionalIndicator(next) && isRegionalIndicator(before)) {
      // flags are pairs of regional indicators: inside a run, a boundary falls after an even number of them
      int run = 0;
      for (int i = utf16; i > 0 && isRegionalIndicator(text.codePointBefore(i)); i -= 2) {
        run++;
      }
      return run % 2 == 0;
    }
    return !extends_ && before != 0x200D;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  /**
   * A control character no text holds: C0 controls but the line and page breaks, vertical and horizontal tab; DEL;
   * and C1 controls (U+009B starts terminal escapes). What a file's reader refuses, and what a text typed on the
   * command line may not bring in either.
   */
  public static boolean foreignToText(int c) {
    return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\u000B') || (c >= 0x7F && c <= 0x9F);
  }

  /**
   * Form feeds and vertical tabs as the line breaks they stand for: Word's plain-text export writes a page break and a
   * line break within a paragraph so.
   */
  public static String endingLines(String text) {
    return text.replace('\f', '\n').replace('\u000B', '\n');
  }

  /** Whitespace, the no-break spaces included (which Java's whitespace leaves out): what trims a turn or unit. */
  public static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Length of a string in code points after normalization, as offsets count it. */
  public static int lengthOf(String s) {
    String n = normalizeString(s);
    return n.codePointCount(0, n.length());
  }

  /**
   * Words as Lacrima counts them: maximal runs of letters, digits and combining marks, with an
   * apostrophe or hyphen inside a word not ending it ("don't", "Hier-und-Jetzt" are one word), nor a
   * decimal comma or point between digits ("2,5"). A transcription note such as "(weint)" counts as the
   * word it is written with: this counts the words of the transcript, notes included. Chinese and Japanese
   * write no spaces between words, so each Han, Hiragana or Katakana character counts as one word, as word
   * processors count them; a dictionary segmentation would be closer but is not worth its cost for a statistic.
   */
  public int wordCount() {
    return wordCount(text);
  }

  /** Words between two positions (code points), counted as {@link #wordCount()} counts them. */
  public int wordCount(int start, int end) {
    return wordCount(slice(start, end));
  }

  /** Words in any text, counted as {@link #wordCount()} counts them. */
  public static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      boolean wordChar = Character.isLetterOrDigit(cp) || isMark(cp);
      if (cp == PROLONGED_SOUND_MARK) {
        // lengthens the kana before it: no character of its own
        inWord = false;
      } else if (wordChar && writtenWithoutSpaces(cp)) {
        words++;
        inWord = false;
      } else if (wordChar) {
        if (!inWord) {
          words++;
          inWord = true;
        }
      } else if (inWord && isJoiner(cp) && i + width < text.length()
          && Character.isLetterOrDigit(text.codePointAt(i + width))) {
        // stays in the word
      } else if (inWord && (cp == ',' || cp == '.') && i + width < text.length()
          && Character.isDigit(text.codePointBefore(i)) && Character.isDigit(text.codePointAt(i + width))) {
        // a number such as "2,5" or "3.000" is one word, as Unicode's word boundaries (UAX #29) have it
      } else {
        inWord = false;
      }
      i += width;
    }
    return words;
  }

  private static final int PROLONGED_SOUND_MARK = 0x30FC;

  private static boolean writtenWithoutSpaces(int cp) {
    if (cp < 0x2E80) {
      // below the CJK blocks: spares the script look-up for nearly every character of a European transcript
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  /**
   * Maps positions in raw text (UTF-16 indices, CRLF as two units, an optional BOM) onto code point
   * offsets in its normal form. This is how offsets from tools that count the file as written (NVivo
   * counts UTF-16 units and CRLF as two) become Lacrima offsets.
   */
  public static RawPositions rawPositions(String raw) {
    return RawPositions.of(raw);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /** An apostrophe or a hyphen: ASCII, typographic (U+2019, U+2010) or non-breaking (U+2011, as DOCX writes it). */
  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '-' || cp == '\u2010' || cp == '\u2011';
  }

  private void checkCodePointOffset(int offset) {
    if (offset < 0 || offset > length) {
      throw new IllegalArgumentException("offset " + offset + " is outside the text (0.." + length + ")");
    }
  }

  private static int[] surrogatePairsOf(String s) {
    int[] pairs = null;
    int n = 0;
    for (int i = 0; i < s.length() - 1; i++) {
      if (Character.isHighSurrogate(s.charAt(i)) && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (pairs == null) {
          pairs = new int[16];
        } else if (n == pairs.length) {
          pairs = Arrays.copyOf(pairs, n * 2);
        }
        pairs[n++] = i;
        i++;
      }
    }
    return pairs == null ? NO_SUPPLEMENTARY : Arrays.copyOf(pairs, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentText other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  /** Raw-to-normalized position map, built on demand by {@link #rawPositions(String)}. */
  public static final class RawPositions {
    private final DocumentText normalized;
    private final int[] codePointAtRaw;

    private RawPositions(DocumentText normalized, int[] codePointAtRaw) {
      this.normalized = normalized;
      this.codePointAtRaw = codePointAtRaw;
    }

    public DocumentText normalized() {
      return normalized;
    }

    /**
     * The code point offset in the normalized text that a raw UTF-16 index stands for. An index
     * between the CR and LF of a line break, or inside a character sequence that NFC composes,
     * maps to the start of that unit.
     */
    public int toCodePoint(int rawUtf16Index) {
      if (rawUtf16Index < 0 || rawUtf16Index >= codePointAtRaw.length) {
        throw new IllegalArgumentException("raw offset " + rawUtf16Index
            + " is outside the text (0.." + (codePointAtRaw.length - 1) + ")");
      }
      return codePointAtRaw[rawUtf16Index];
    }

    private static RawPositions of(String raw) {
      int[] map = new int[raw.length() + 1];
      StringBuilder out = new StringBuilder(raw.length());
      int outCodePoints = 0;
      int i = 0;
      if (!raw.isEmpty() && raw.charAt(0) == BOM) {
        map[0] = 0;
        i = 1;
      }
      // A chunk is one NFC segment: it ends before the next code point that NFC never composes with
      // what precedes it, so NFC of the whole equals the concatenated NFC of the chunks, and a
      // sequence that composes moves only its own raw positions. (Ending chunks merely before
      // characters below U+0300 made a space and a whole following Cyrillic or Hangul word one
      // chunk, which put every position in it at the space.)
      while (i < raw.length()) {
        int chunkStart = i;
        int j = i + Character.charCount(raw.codePointAt(i));
        if (raw.charAt(i) == '\r') {
          map[i] = outCodePoints;
          if (j < raw.length() && raw.charAt(j) == '\n') {
            map[j] = outCodePoints;
            j++;
          }
          out.append('\n');
          outCodePoints++;
          i = j;
          continue;
        }
        while (j < raw.length() && raw.charAt(j) != '\r' && !NFC.hasBoundaryBefore(raw.codePointAt(j))) {
          j += Character.charCount(raw.codePointAt(j));
        }
        String chunk = raw.substring(chunkStart, j);
        String norm = Normalizer.normalize(chunk, Normalizer.Form.NFC);
        if (norm.equals(chunk)) {
          for (int k = chunkStart; k < j; k++) {
            map[k] = outCodePoints;
            if (!Character.isHighSurrogate(raw.charAt(k)) || k + 1 >= j
                || !Character.isLowSurrogate(raw.charAt(k + 1))) {
              outCodePoints++;
            }
          }
        } else {
          for (int k = chunkStart; k < j; k++) {
            map[k] = outCodePoints;
          }
          outCodePoints += norm.codePointCount(0, norm.length());
        }
        out.append(norm);
        i = j;
      }
      map[raw.length()] = outCodePoints;
      String text = out.toString();
      if (!text.equals(normalizeString(raw))) {
        throw new IllegalStateException("position map disagrees with normalization; please report this text");
      }
      return new RawPositions(new DocumentText(text), map);
    }
  }
}
