package org.lacrima.core.transcript;

import org.lacrima.core.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.text.DocumentText;

/**
 * Proposes meaning units for a document and adjusts them. Units lie inside speaker turns where the
 * document has turns (labels and the text before the first turn are not units), else they cover the
 * whole text. Proposals are only a start: a team merges and splits them until each unit carries one
 * meaning.
 */
public final class Segmentation {

  public enum By {
    TURN, SENTENCE, PARAGRAPH;

    public static By parse(String s) {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  private Segmentation() {
  }

  public static List<MeaningUnit> propose(Document document, By by, SentenceSplitter sentences) {
    DocumentText text = document.text();
    List<int[]> regions = new ArrayList<>();
    if (document.turns().isEmpty()) {
      if (by == By.TURN) {
        throw new InputException(document.name(), "", "has no speaker turns; segment it by sentence or paragraph");
      }
      regions.add(new int[] {0, text.length()});
    } else {
      for (Turn t : document.turns()) {
        if (t.end() > t.start()) {
          regions.add(new int[] {t.start(), t.end()});
        }
      }
    }
    List<MeaningUnit> units = new ArrayList<>();
    for (int[] region : regions) {
      switch (by) {
        case TURN -> add(units, document, region[0], region[1], MeaningUnit.Origin.TURN, text);
        case PARAGRAPH -> paragraphs(units, document, region[0], region[1]);
        case SENTENCE -> {
          List<int[]> blocks = document.turns().isEmpty() ? paragraphRanges(text, region[0], region[1])
              : sentenceBlocks(text, region[0], region[1]);
          for (int[] p : blocks) {
            // a line break inside a block continues the sentence; the splitter would end one at every line break
            String part = text.slice(p[0], p[1]).replace('\n', ' ');
            int base = text.toUtf16(p[0]);
            for (SentenceSplitter.Range r : sentences.split(part)) {
              add(units, document, text.toCodePoint(base + r.start()), text.toCodePoint(base + r.end()),
                  MeaningUnit.Origin.SENTENCE, text);
            }
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return units;
  }

  private static void paragraphs(List<MeaningUnit> units, Document document, int from, int to) {
    for (int[] p : paragraphRanges(document.text(), from, to)) {
      add(units, document, p[0], p[1], MeaningUnit.Origin.PARAGRAPH, document.text());
    }
  }

  /** Lines of a region (a paragraph is a line, as in most transcription tools), trimmed, non-empty. */
  private static List<int[]> paragraphRanges(DocumentText text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    String s = text.text();
    int u = text.toUtf16(from);
    int uEnd = text.toUtf16(to);
    while (u < uEnd) {
      int nl = s.indexOf('\n', u);
      int lineEnd = nl < 0 || nl > uEnd ? uEnd : nl;
      out.add(new int[] {text.toCodePoint(u), text.toCodePoint(lineEnd)});
      u = lineEnd + 1;
    }
    return out;
  }

  /**
   * The lines of a turn, a line that ends without closing its sentence joined with the one after it (a line
   * wrapped by hand, a line break within a Word paragraph): a sentence runs on across it. A blank line, or a line
   * ending in . ! ? … : ; (a closing quote, bracket or timestamp after it aside), ends the block.
   */
  private static List<int[]> sentenceBlocks(DocumentText text, int from, int to) {
    List<int[]> lines = paragraphRanges(text, from, to);
    List<int[]> out = new ArrayList<>();
    for (int[] line : lines) {
      if (text.slice(line[0], line[1]).isBlank()) {
        // a blank line ends the block before it; as a block of its own it yields no unit
        out.add(new int[] {line[0], line[1]});
        continue;
      }
      if (!out.isEmpty()) {
        int[] last = out.get(out.size() - 1);
        String before = TurnDetector.TRAILING_TIMESTAMP.matcher(text.slice(last[0], last[1])).replaceFirst("").stripTrailing();
        if (!before.isEmpty() && !CLOSED.matcher(before).find()) {
          last[1] = line[1];
          continue;
        }
      }
      out.add(new int[] {line[0], line[1]});
    }
    return out;
  }

  private static final java.util.regex.Pattern CLOSED = java.util.regex.Pattern.compile(
      "[.!?…:;][\"'“”„»«’)\\]]*$");

  private static void add(List<MeaningUnit> units, Document document, int start, int end,
      MeaningUnit.Origin origin, DocumentText text) {
    add(units, document.id(), start, end, origin, text);
  }

  /**
   * Adds a unit over the range without its surrounding whitespace and timestamps (a timestamp between two
   * sentences is an attribute of the transcript, not a thing said), unless nothing is left.
   */
  private static void add(List<MeaningUnit> units, UUID document, int start, int end,
      MeaningUnit.Origin origin, DocumentText text) {
    int[] spoken = TurnDetector.spoken(text.text(), text.toUtf16(start), text.toUtf16(end));
    int us = spoken[0];
    int ue = spoken[1];
    if (ue > us) {
      units.add(new MeaningUnit(Ids.next(), document, text.toCodePoint(us), text.toCodePoint(ue), origin));
    }
  }

  /**
   * Merges the units from index {@code first} to {@code last} (inclusive, 0-based) into one. Units
   * in different speaker turns are refused: the merged unit would run over the speaker label
   * between them, and a unit is one speaker's meaning.
   */
  public static List<MeaningUnit> merge(List<MeaningUnit> units, int first, int last, List<Turn> turns) {
    if (units.isEmpty()) {
      throw new InputException("the document has no meaning units yet; propose them first with: lacrima segment");
    }
    if (first < 0 || last >= units.size() || first >= last) {
      throw new InputException("cannot merge units " + (first + 1) + " to " + (last + 1) + ": " + (first > last
          && first < units.size() && last >= 0 ? "the first comes after the last; give them the other way round"
          : "give two different units between 1 and " + units.size() + ", the first before the last"));
    }
    List<MeaningUnit> out = new ArrayList<>(units.subList(0, first));
    MeaningUnit a = units.get(first);
    MeaningUnit b = units.get(last);
    if (!turns.isEmpty() && turns.stream().noneMatch(t -> t.start() <= a.start() && b.end() <= t.end())) {
      throw new InputException("cannot merge units " + (first + 1) + " to " + (last + 1)
          + ": they lie in different speaker turns" + speakers(turns, a.start(), b.end())
          + ", and a merged unit would take in the speaker label between them");
    }
    out.add(new MeaningUnit(Ids.next(), a.document(), a.start(), b.end(), MeaningUnit.Origin.MERGED));
    out.addAll(units.subList(last + 1, units.size()));
    return out;
  }

  /** Splits unit {@code index} (0-based) at a code point offset inside it. */
  public static List<MeaningUnit> split(List<MeaningUnit> units, int index, int at, DocumentText text) {
    if (index < 0 || index >= units.size()) {
      throw new InputException("there is no unit " + (index + 1) + " (the document has " + units.size() + ")");
    }
    MeaningUnit u = units.get(index);
    if (at <= u.start() || at >= u.end()) {
      throw new InputException("offset " + at + " is not inside unit " + (index + 1) + " (" + u.start() + ".." + u.end() + ")");
    }
    if (!text.isCharacterBoundary(at)) {
      throw new InputException("offset " + at + " falls inside a character (before an accent, a joiner or a modifier "
          + "that belongs to the one before it); split before or after the whole character");
    }
    List<MeaningUnit> out = new ArrayList<>(units.subList(0, index));
    List<MeaningUnit> parts = new ArrayList<>();
    add(parts, u.document(), u.start(), at, MeaningUnit.Origin.SPLIT, text);
    add(parts, u.document(), at, u.end(), MeaningUnit.Origin.SPLIT, text);
    if (parts.size() != 2) {
      throw new InputException("splitting unit " + (index + 1) + " at " + at + " would leave an empty part");
    }
    out.addAll(parts);
    out.addAll(units.subList(index + 1, units.size()));
    return out;
  }

  /** " (B, I)": the speakers of the turns a range touches, for the message. */
  private static String speakers(List<Turn> turns, int start, int end) {
    List<String> names = turns.stream().filter(t -> t.end() > start && t.start() < end).map(Turn::speaker)
        .filter(n -> !n.isEmpty()).distinct().toList();
    return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
  }
}
