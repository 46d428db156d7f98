package org.lacrima.core.transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lacrima.core.text.DocumentText;

/**
 * Finds speaker turns in a transcript as written. A turn begins at a line that starts with a
 * speaker label followed by a colon ("I:", "Therapeutin:", "**B:**"), optionally with a timestamp
 * before or after the label ("[00:12:31]", "#00:12:31-5#"), and runs to the next such line. A label
 * counts when it is one of the usual ones, or when it has one to three words and recurs at line
 * starts in the same document; given labels ({@code --speakers}) replace both rules.
 */
public final class TurnDetector {

  /** Labels that count even when they occur once. Compared without case. */
  public static final Set<String> USUAL_LABELS = Set.of(
      "i", "b", "t", "p", "k", "c", "ip", "i1", "i2", "b1", "b2", "int",
      "interviewer", "interviewerin", "interviewee", "befragter", "befragte", "befragte person",
      "therapeut", "therapeutin", "therapist", "patient", "patientin", "client", "klient", "klientin",
      "berater", "beraterin", "counsellor", "counselor", "moderator", "moderatorin", "sprecher",
      "sprecherin", "speaker");

  /** A timestamp as transcription tools write them: [00:12:31], [12:31], #00:12:31-5#. */
  static final String TIMESTAMP = "\\[\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d+)?\\]|#\\d{1,2}:\\d{2}:\\d{2}(?:[-.,]\\d+)?#";
  /** A speaker label: one to three words, the first beginning with a letter. */
  // a word may hold the gender star or colon of German ("Therapeut*in", "Therapeut:in"), not a Markdown "__"
  // a run of letters is taken whole (possessive): Java's regex engine recurses once per turn of a group's loop, and a
  // long line of letters without a blank (unpunctuated Chinese, say) would overflow the stack
  private static final String LABEL_WORD_REST = "(?:[\\p{L}\\p{N}.'’-]++|_(?!_)|\\*(?=\\p{L}))*(?::(?:in|innen)\\b)?";
  private static final String LABEL_WORDS = "\\p{L}" + LABEL_WORD_REST + "(?: [\\p{L}\\p{N}]" + LABEL_WORD_REST + "){0,2}";
  /** Blanks within a line: spaces, tabs, and the no-break spaces word processors put before a French colon. */
  private static final String BLANK = "[ \\t\\u00A0\\u202F]";
  private static final Pattern LABEL_LINE = Pattern.compile(
      // a label may be indented, as transcripts laid out with spaces or tabs have it
      "^" + BLANK + "*(?<lead>(?:" + TIMESTAMP + ")" + BLANK + "*)?"
          + "(?:\\*\\*|__)?(?<label>" + LABEL_WORDS + ")(?:\\*\\*|__)?"
          // the colon, or the full-width one of Chinese and Japanese transcripts
          + BLANK + "*[:\uFF1A](?!//)(?:\\*\\*|__)?" + BLANK + "*"
          + "(?<after>(?:" + TIMESTAMP + ")" + BLANK + "*)?");
  /**
   * A timestamp that ends a text, with the blanks around it. The match starts only where a run of blanks does, and
   * takes the run whole: tried at every blank of a long run, as a search does, it would cost the run's length squared.
   */
  static final Pattern TRAILING_TIMESTAMP = Pattern.compile("(?<![ \\t])[ \\t]*+(" + TIMESTAMP + ")\\s*$");

  private final Optional<Set<String>> givenLabels;

  private TurnDetector(Optional<Set<String>> givenLabels) {
    this.givenLabels = givenLabels;
  }

  /** Detects the usual labels and any recurring one. */
  public static TurnDetector automatic() {
    return new TurnDetector(Optional.empty());
  }

  /**
   * Accepts exactly these labels (compared without case): the speakers the user names ("--speakers I,B"); "I:" as
   * written in the transcript is "I". A name that no line could start with (empty, or not the one to three words a
   * label is) is refused: it would find no turn.
   */
  public static TurnDetector withLabels(List<String> labels) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String given : labels) {
      String l = given.strip();
      if (l.endsWith(":")) {
        l = l.substring(0, l.length() - 1).strip();
      }
      if (l.isEmpty()) {
        continue; // "I,B," from a shell loop
      }
      if (!LABEL.matcher(l).matches()) {
        throw new org.lacrima.core.InputException("--speakers \"" + given + "\" is no speaker label: one to three words "
            + "beginning with a letter, as they stand before the colon at the start of a line");
      }
      out.add(l.toLowerCase(Locale.ROOT));
    }
    if (out.isEmpty()) {
      throw new org.lacrima.core.InputException("--speakers names no speaker");
    }
    return new TurnDetector(Optional.of(out));
  }

  private static final Pattern LABEL = Pattern.compile(LABEL_WORDS);
  /** How far into a line a speaker label, its timestamps and indentation may reach. */
  private static final int LABEL_REACH = 300;

  private record Candidate(int lineStart, int contentStart, String label, Optional<String> timestamp) {
  }

  public List<Turn> detect(DocumentText document) {
    String text = document.text();
    List<Candidate> candidates = candidates(text);
    Map<String, Integer> recurrences = recurrences(candidates);
    List<Candidate> accepted = candidates.stream().filter(c -> accepts(c.label, recurrences)).toList();
    // one speaker however its label is cased ("I:" and a slip "i:"): named as first written in the document
    Map<String, String> spelling = new HashMap<>();
    accepted.forEach(c -> spelling.putIfAbsent(c.label.toLowerCase(Locale.ROOT), c.label));
    List<Turn> turns = new ArrayList<>(accepted.size());
    for (int i = 0; i < accepted.size(); i++) {
      Candidate c = accepted.get(i);
      int regionEnd = i + 1 < accepted.size() ? accepted.get(i + 1).lineStart : text.length();
      Optional<String> timestamp = c.timestamp;
      if (timestamp.isEmpty()) {
        Matcher trailing = TRAILING_TIMESTAMP.matcher(text).region(c.contentStart, regionEnd);
        if (trailing.find()) {
          timestamp = Optional.of(trailing.group(1));
        }
      }
      int[] spoken = spoken(text, c.contentStart, regionEnd);
      int start = spoken[0];
      int end = spoken[1];
      turns.add(new Turn(i, document.toCodePoint(c.lineStart), document.toCodePoint(start),
          document.toCodePoint(end), spelling.get(c.label.toLowerCase(Locale.ROOT)), timestamp));
    }
    return turns;
  }

  private static final Pattern LEADING = Pattern.compile("\\s*(?:" + TIMESTAMP + ")\\s*");

  /**
   * The UTF-16 range [from, to) of {@code s} without the whitespace and timestamps around what is said: a
   * timestamp on a line of its own, or several in a row, are attributes of the transcript, not words of a turn
   * or a unit. Empty (from == to) where nothing else is left.
   */
  static int[] spoken(String s, int from, int to) {
    int us = from;
    int ue = to;
    while (true) {
      while (us < ue && DocumentText.isBlank(s.charAt(us))) {
        us++;
      }
      while (ue > us && DocumentText.isBlank(s.charAt(ue - 1))) {
        ue--;
      }
      Matcher lead = LEADING.matcher(s).region(us, ue);
      Matcher trail = TRAILING_TIMESTAMP.matcher(s).region(us, ue);
      if (lead.lookingAt() && lead.end() > us) {
        us = lead.end();
      } else if (trail.find()) {
        ue = trail.start();
      } else {
        return new int[] {us, ue};
      }
    }
  }

  /**
   * Labels that stand once at a line start and are not taken for speakers (automatic detection only): a speaker
   * heard once ("Ehefrau:") as much as a sentence such as "Ich dachte: …". Their lines stay in the turn before;
   * the import names them, so that a real speaker is seen and can be named with --speakers.
   */
  public List<String> labelsSeenOnce(DocumentText document) {
    if (givenLabels.isPresent()) {
      return List.of();
    }
    List<Candidate> candidates = candidates(document.text());
    Map<String, Integer> recurrences = recurrences(candidates);
    Map<String, String> seen = new java.util.LinkedHashMap<>();
    candidates.forEach(c -> seen.putIfAbsent(c.label.toLowerCase(Locale.ROOT), c.label));
    return seen.values().stream().filter(l -> !accepts(l, recurrences)).toList();
  }

  /** The lines that start with something a label could be, in order. */
  private static List<Candidate> candidates(String text) {
    List<Candidate> candidates = new ArrayList<>();
    for (int lineStart = 0; lineStart <= text.length(); ) {
      int lineEnd = text.indexOf('\n', lineStart);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      // a label with its timestamps and indentation lies near the line's start; what lies further cannot be one
      Matcher m = LABEL_LINE.matcher(text).region(lineStart, Math.min(lineEnd, lineStart + LABEL_REACH))
          .useTransparentBounds(true);
      if (m.lookingAt()) {
        String ts = m.group("lead") != null ? m.group("lead") : m.group("after");
        candidates.add(new Candidate(lineStart, m.end(), m.group("label"), Optional.ofNullable(ts).map(String::strip)));
      }
      lineStart = lineEnd + 1;
    }
    return candidates;
  }

  /** How often each label (without case) starts a line. */
  private static Map<String, Integer> recurrences(List<Candidate> candidates) {
    Map<String, Integer> out = new HashMap<>();
    candidates.forEach(c -> out.merge(c.label.toLowerCase(Locale.ROOT), 1, Integer::sum));
    return out;
  }

  private boolean accepts(String label, Map<String, Integer> recurrences) {
    String key = label.toLowerCase(Locale.ROOT);
    if (givenLabels.isPresent()) {
      return givenLabels.get().contains(key);
    }
    return USUAL_LABELS.contains(key) || recurrences.getOrDefault(key, 0) >= 2;
  }
}
