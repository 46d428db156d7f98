package org.lacrima.core.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The form in which names (of documents, coders, categories) are stored and looked up: without
 * leading or trailing white space, in NFC. A name typed on a Mac, taken from a file name or read
 * from a CSV file may come decomposed ("Ju" + U+0308 + "rgen") or with a stray trailing space; they
 * still mean the same name, and a lookup that compared them as written would say it does not exist,
 * or make a second coder of the same person.
 */
public final class Names {

  private Names() {
  }

  /**
   * The name of a person recorded with a change (--as): one line of visible text, since logs print it as it is and a
   * line break or a direction override in it could make a forged entry look real.
   */
  public static String person(String name) {
    String n = normalize(name);
    if (saysNothing(n) || n.codePoints().anyMatch(Names::hidden)) {
      throw new org.lacrima.core.InputException("the name \"" + n.codePoints().map(c -> hidden(c) ? '?' : c)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
          + "\" (--as, or this computer's user name) must be one line of visible text: no line breaks, tabs, control "
          + "characters or direction overrides");
    }
    if (n.codePoints().anyMatch(Names::unseen)) {
      // "bo\u200bb" reads as "bob" in every log line: two people would pass for one
      throw new org.lacrima.core.InputException("the name \"" + shown(n) + "\" (--as, or this computer's user name) "
          + "holds a character that does not show (a zero-width space or mark); type the name plainly");
    }
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      throw new org.lacrima.core.InputException("the name given with --as has " + n.codePointCount(0, n.length())
          + " characters; a person's name, printed in every log line, has at most " + MAX_NAME);
    }
    return n;
  }

  /**
   * What is wrong with a coder's name read from a file, if anything: it is printed in every table and log line, so
   * it is one line of visible characters, and short.
   */
  public static java.util.Optional<String> coderProblem(String name) {
    // a name that long is most often a text column named as the coder's
    return lineProblem("the coder's name", name).map(problem -> name.codePointCount(0, name.length()) > MAX_NAME
        ? problem + " (is the coder column the right one?)" : problem);
  }

  private static final int MAX_NAME = 200;

  /**
   * The invisible characters a name may hold: the joiner of an emoji sequence, and the non-joiner Persian spelling
   * needs in many names.
   */
  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

  /**
   * What is wrong with a name or label printed in listings (a document's name, a category's label), if anything:
   * {@code what} says whose it is. One line of text that cannot act on the terminal or reorder the line around it.
   */
  public static java.util.Optional<String> lineProblem(String what, String text) {
    return invisibleProblem(what, text).or(() -> lengthProblem(what, text));
  }

  /**
   * What is wrong with a value printed on one line of a listing (a document variable), if anything: as for a name,
   * whatever its length.
   */
  public static java.util.Optional<String> invisibleProblem(String what, String text) {
    if (text.codePoints().anyMatch(Names::hidden)) {
      return java.util.Optional.of(what + " holds a line break, tab, control character or direction override (\""
          + shown(text) + "\"); it is printed in every listing, and is one line of text");
    }
    return java.util.Optional.empty();
  }

  /**
   * What is wrong with a name's length, if anything: a name is short, and on a team server a name of thousands of
   * characters cannot be indexed, so a project file must not take what a server would refuse.
   */
  public static java.util.Optional<String> lengthProblem(String what, String text) {
    int length = text.codePointCount(0, text.length());
    return length <= MAX_NAME ? java.util.Optional.empty() : java.util.Optional.of(what + " is " + length
        + " characters long (\"" + shown(text.substring(0, text.offsetByCodePoints(0, 40))) + "…\"); a name has at most "
        + MAX_NAME + " characters");
  }

  /**
   * Text as a terminal listing shows it: line breaks as spaces, and controls and direction overrides, which would act
   * on the terminal or reorder the line they stand in, as the visible "?".
   */
  public static String shown(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else {
        out.appendCodePoint(hidden(c) ? '?' : c);
      }
    });
    return out.toString();
  }

  /**
   * What may not stand in a name printed line by line: controls, line and paragraph separators, and the bidi
   * embeddings, overrides and isolates that reorder what follows. Other format characters belong to real names
   * (the zero-width non-joiner of a Persian name, a soft hyphen, a right-to-left mark).
   */
  private static boolean hidden(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * Whether a text given as a reason says nothing: blank also in the characters String.isBlank leaves out (a
   * no-break space, a zero-width space, a soft hyphen), which a log would show as an empty reason.
   */
  public static boolean saysNothing(String text) {
    return text == null
        || text.codePoints().allMatch(c -> blankOrInvisible(c) || Character.getType(c) == Character.CONTROL);
  }

  /** A blank (no-break spaces among them) or a character that shows nothing (a zero-width space, a direction mark). */
  public static boolean blankOrInvisible(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
  }

  public static String normalize(String name) {
    String stripped = name.strip();
    return Normalizer.isNormalized(stripped, Normalizer.Form.NFC) ? stripped
        : Normalizer.normalize(stripped, Normalizer.Form.NFC);
  }

  /**
   * The names among {@code others} a reader takes for {@code name}: the same but for case or for characters that do
   * not show (a zero-width space, a direction mark). Names are exact, so each is another coder: most often a slip.
   */
  public static java.util.List<String> lookAlikes(String name, java.util.Collection<String> others) {
    return others.stream().filter(o -> !o.equals(name) && lookAlike(o, name)).toList();
  }

  /**
   * Whether a reader takes two labels or names for the same: equal in NFC but for case and for characters that do not
   * show.
   */
  public static boolean lookAlike(String a, String b) {
    return visible(normalize(a)).equalsIgnoreCase(visible(normalize(b)));
  }

  /**
   * Whether a reader may take two names for one where a wrong pick reaches the wrong data (a project on a server):
   * as {@link #lookAlike}, also with spaces of other widths or doubled, in compatibility forms (the full-width "ｔｅａｍ"
   * a CJK input method types, the ligature "ﬁ"), and with letters of another script that look the same (a Cyrillic
   * "е" in "tеam"), by Unicode's confusables (UTS #39) as ICU4J implements them.
   */
  public static boolean confusable(String a, String b) {
    String x = spaced(a);
    String y = spaced(b);
    // letters of another script only: within one script the skeletons also join "rn" and "m", "1" and "l", and
    // "Stern" beside "Stem" is two words, not a slip
    return x.equalsIgnoreCase(y) || (Confusables.CHECKER.areConfusable(x.toLowerCase(java.util.Locale.ROOT),
        y.toLowerCase(java.util.Locale.ROOT)) & (com.ibm.icu.text.SpoofChecker.MIXED_SCRIPT_CONFUSABLE
            | com.ibm.icu.text.SpoofChecker.WHOLE_SCRIPT_CONFUSABLE)) != 0;
  }

  /**
   * What keeps a name from being typed as it looks, where everyone types it again (a project on a server): a space
   * other than the plain one, an invisible character, or a compatibility form (full-width letters); empty where it has
   * none of them.
   */
  public static Optional<String> typedProblem(String name) {
    return normalize(name).codePoints().mapToObj(c -> untyped(c).map(why -> String.format(java.util.Locale.ROOT,
        "holds U+%04X (%s), which %s", c, Optional.ofNullable(Character.getName(c)).orElse("unassigned"), why)))
        .flatMap(Optional::stream).findFirst();
  }

  /** Why one character is not typed as it looks, if it is not. */
  private static Optional<String> untyped(int c) {
    if (c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR) {
      return Optional.of("looks like a space but is typed otherwise");
    }
    if (unseen(c)) {
      return Optional.of("cannot be seen");
    }
    String alone = Character.toString(c);
    return Normalizer.normalize(alone, Normalizer.Form.NFKC).equals(alone) ? Optional.empty()
        : Optional.of("a keyboard types only with a special input method");
  }

  /** A character that does not show, but for the joiners emoji and some scripts are written with. */
  private static boolean unseen(int c) {
    return Character.getType(c) == Character.FORMAT && c != ZERO_WIDTH_JOINER && c != ZERO_WIDTH_NON_JOINER;
  }

  /** Loaded on first use: reading Unicode's confusables costs a command that never compares names nothing. */
  private static final class Confusables {
    static final com.ibm.icu.text.SpoofChecker CHECKER = new com.ibm.icu.text.SpoofChecker.Builder()
        .setChecks(com.ibm.icu.text.SpoofChecker.CONFUSABLE).build();
  }

  private static String spaced(String name) {
    return Normalizer.normalize(visible(normalize(name)), Normalizer.Form.NFKC).replaceAll("\\p{Zs}+", " ").strip();
  }

  /**
   * Refuses a reason typed with a change (--why) that holds a control character: the log, memos and exports print
   * it, and an escape in it would act on the terminal of whoever reads them, or keep a codings export from reading
   * back. {@code what} names it in the message.
   */
  public static void refuseControls(String what, String text) {
    text.codePoints().filter(DocumentText::foreignToText).findFirst().ifPresent(c -> {
      throw new org.lacrima.core.InputException(String.format(java.util.Locale.ROOT, "%s holds the control "
          + "character U+%04X, which no text holds", what, c));
    });
  }

  /** Whether two names differ only in characters that do not show. */
  public static boolean apartInvisibly(String a, String b) {
    return !a.equals(b) && visible(a).equals(visible(b));
  }

  private static String visible(String name) {
    return name.replaceAll("\\p{Cf}", "");
  }
}
