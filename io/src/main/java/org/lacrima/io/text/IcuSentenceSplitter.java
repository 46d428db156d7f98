package org.lacrima.io.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.transcript.SentenceSplitter;

/**
 * Sentence boundaries for German and English transcripts: ICU4J's rules, then our own list of
 * abbreviations and ordinal dates after which a boundary is dropped. We keep our own list because
 * ICU's built-in suppressions (and the JDK's BreakIterator) get transcripts wrong both ways: they
 * merge "um 14 Uhr. Und dann" and split after "z. B.", "Dr." and "am 3. März".
 */
public final class IcuSentenceSplitter implements SentenceSplitter {

  /**
   * Abbreviations that do not end a sentence. Those that often do ("usw.", "etc.") are left out:
   * ICU already keeps a sentence together when a lower-case word follows them.
   */
  static final List<String> ABBREVIATIONS = List.of(
      // German
      "z. B.", "z.B.", "d. h.", "d.h.", "u. a.", "u.a.", "o. ä.", "o.ä.", "s. o.", "s. u.", "i. d. R.", "u. U.",
      "v. a.", "bzw.", "ca.", "vgl.", "ggf.", "evtl.", "inkl.", "sog.", "Nr.", "Abs.", "Bsp.", "Hr.", "Fr.",
      "Dipl.-Psych.", "Dipl.", "med.", "phil.", "rer. nat.", "Prof.", "Dr.", "St.", "Str.", "Tel.", "Std.", "Min.",
      "Jh.", "bspw.", "insb.", "allg.", "zzgl.",
      // English
      "e.g.", "i.e.", "e. g.", "i. e.", "cf.", "vs.", "approx.", "Mr.", "Mrs.", "Ms.", "Fig.", "Jr.", "Sr.",
      "M.Sc.", "B.Sc.", "Ph.D.", "M.D.");

  /**
   * "No." is the word "no" ending a sentence ("No. I did not cry.") far more often in an interview
   * than it is "number"; it is taken as the abbreviation only before a number ("No. 5").
   */
  private static final Pattern NUMBER_SIGN = Pattern.compile("\\s*\\d.*", Pattern.DOTALL);

  /** Longest first; each also with a capital, as it is written at the start of a sentence ("Z. B. wenn …"). */
  private static final List<String> BY_LENGTH = ABBREVIATIONS.stream()
      .flatMap(a -> java.util.stream.Stream.of(a, a.substring(0, 1).toUpperCase(Locale.ROOT) + a.substring(1)))
      .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();

  /**
   * Words after which "3." is an ordinal, not the end of a sentence ("am 3. Termin"). Not "eine": "eine 2." is a
   * school grade as often as not ("Ich bekam eine 2. Danach …").
   */
  private static final Set<String> ORDINAL_CONTEXT = Set.of("am", "im", "zum", "zur", "beim", "vom", "der", "die",
      "das", "den", "dem", "des", "jeden", "jede", "jeder", "jedes", "jedem", "ihrem", "seinem", "ihrer", "seiner",
      "unserem", "unserer", "meinem", "meiner", "meine", "meinen", "mein", "deine", "deinen", "deinem", "deiner",
      "seine", "seinen", "ihre", "ihren", "unsere", "unseren", "eure", "euren", "eurem", "eurer", "ein",
      "einen", "einem", "einer", "eines", "diese", "dieser", "diesem", "diesen", "dieses", "the");

  /**
   * Prepositions that come before counts as often as before ordinals ("bis 10. Danach" counts to ten,
   * "bis 10. März" is a date): after them "10." is an ordinal only where a month or a lower-case
   * word follows, since a capital may begin the next sentence.
   */
  private static final Set<String> COUNT_OR_ORDINAL_CONTEXT = Set.of("bis", "ab", "seit", "nach", "vor");

  private static final Pattern LOWER_CASE_WORD = Pattern.compile("\\s*\\p{Ll}.*", Pattern.DOTALL);

  private static final Pattern MONTH = Pattern.compile("(?i)\\s*(jan(uar|uary)?|feb(ruar|ruary)?|m[äa]r(z|ch)?|apr(il)?|"
      + "mai|may|jun[ie]?|jul[iy]?|aug(ust)?|sep(t|tember)?|o[kc]t(ober)?|nov(ember)?|de[zc](ember)?)\\b.*", Pattern.DOTALL);
  private static final Pattern ORDINAL_END = Pattern.compile("(?:^|\\s)(\\p{L}+)?\\s*\\d{1,2}\\.$");

  /**
   * Transcription notes after the end of a sentence and before the next one ("… Absatz. (lacht) Das war …",
   * or several in a row, "… Absatz. (lacht) (weint) Das war …"):
   * ICU reads the bracket as closing punctuation and, with a lower-case word inside, keeps both sentences as one.
   * The break goes after the note, which belongs to what was said before it (as one ICU splits off does too).
   */
  private static final Pattern NOTE_BETWEEN_SENTENCES = Pattern.compile(
      "[.!?…][\"“”»«'’]?(?:\\s+[(\\[][^()\\[\\]\n]{1,40}[)\\]])+(?=\\s+[\"„“«»]?\\p{Lu})");

  @Override
  public List<Range> split(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(ULocale.ROOT);
    it.setText(text);
    java.util.TreeSet<Integer> breaks = new java.util.TreeSet<>();
    for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
      if (b >= text.length() || !suppressed(text, b)) {
        breaks.add(b);
      }
    }
    for (var m = NOTE_BETWEEN_SENTENCES.matcher(text); m.find(); ) {
      // where ICU broke before a capitalised note ("(Pause)"), the note still goes with the sentence before it
      breaks.subSet(m.start() + 1, m.end()).clear();
      breaks.add(m.end());
    }
    List<Range> out = new ArrayList<>();
    int start = 0;
    for (int b : breaks) {
      add(out, text, start, b);
      start = b;
    }
    add(out, text, start, text.length());
    return out;
  }

  private static boolean endsWithWord(String text, String word) {
    if (!text.endsWith(word)) {
      return false;
    }
    int at = text.length() - word.length();
    return at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
  }

  private static String spaces(String s) {
    return s.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ');
  }

  private static void add(List<Range> out, String text, int start, int end) {
    while (start < end && DocumentText.isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && DocumentText.isBlank(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Range(start, end));
    }
  }

  /**
   * A pause or note in brackets inside a sentence, its own full stop included ("Ich hatte (.) Angst", "(..)",
   * "(unv.) Therapeutin"): after a word or comma, its point ends nothing.
   */
  private static final Pattern NOTE_WITH_POINT = Pattern.compile("[\\p{L}\\p{N},]\\s*\\([^()\\n]{0,20}\\.\\)$");

  static boolean suppressed(String text, int boundary) {
    // a no-break space between the parts of an abbreviation ("z.\u00A0B.", "Dr.\u00A0Müller") is a space
    String before = spaces(text.substring(Math.max(0, boundary - 48), boundary)).stripTrailing();
    String after = spaces(text.substring(boundary, Math.min(text.length(), boundary + 48)));
    if (NOTE_WITH_POINT.matcher(before).find()) {
      return true;
    }
    for (String abbreviation : BY_LENGTH) {
      if (endsWithWord(before, abbreviation)) {
        return true;
      }
      // ICU may break inside a spaced abbreviation ("z. | B."): the first part before, the rest after
      for (int dot = abbreviation.indexOf(". "); dot >= 0; dot = abbreviation.indexOf(". ", dot + 1)) {
        String head = abbreviation.substring(0, dot + 1);
        String tail = abbreviation.substring(dot + 2);
        if (endsWithWord(before, head) && after.startsWith(tail)) {
          return true;
        }
      }
    }
    if (endsWithWord(before, "No.") && NUMBER_SIGN.matcher(after).matches()) {
      return true;
    }
    var ordinal = ORDINAL_END.matcher(before);
    if (ordinal.find()) {
      String word = ordinal.group(1) == null ? "" : ordinal.group(1).toLowerCase(Locale.ROOT);
      if (ORDINAL_CONTEXT.contains(word)) {
        return true;
      }
      boolean month = MONTH.matcher(text.substring(boundary, Math.min(text.length(), boundary + 16))).matches();
      return month || COUNT_OR_ORDINAL_CONTEXT.contains(word) && LOWER_CASE_WORD.matcher(after).matches();
    }
    return false;
  }
}
