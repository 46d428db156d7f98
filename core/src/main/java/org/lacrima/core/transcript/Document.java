package org.lacrima.core.transcript;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.lacrima.core.text.DocumentText;

/**
 * A transcript: its normalized text as written (speaker labels, timestamps and Markdown included),
 * its speaker turns as ranges over that text, and its variables (orientation, experience_years,
 * interviewer, date, and whatever else a study records).
 */
public record Document(UUID id, String name, DocumentText text, List<Turn> turns,
    Map<String, String> variables, DocumentSource source) {

  /** The variable holding the therapeutic orientation (PDT, CBT, ST, other). */
  public static final String ORIENTATION = "orientation";

  private static final java.util.regex.Pattern TIMESTAMPS = java.util.regex.Pattern.compile(TurnDetector.TIMESTAMP);

  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    turns = List.copyOf(turns);
    variables = Collections.unmodifiableMap(new TreeMap<>(variables));
    Objects.requireNonNull(source, "source");
  }

  public DocumentSummary summary() {
    return new DocumentSummary(id, name, text.length(), words(), turns.size(), variables);
  }

  /**
   * The words of the turns: those of the turns' contents where the document has turns, so that speaker labels and
   * timestamps, which the text keeps as written, do not count; else every word of the text but its timestamps.
   */
  public int words() {
    if (turns.isEmpty()) {
      return wordsBesideTimestamps(text.text());
    }
    int words = 0;
    for (Turn t : turns) {
      words += wordsBesideTimestamps(text.slice(t.start(), t.end()));
    }
    return words;
  }

  /** A timestamp ("#00:01:30-0#" between two sentences) is no word of the transcript. */
  private static int wordsBesideTimestamps(String s) {
    return DocumentText.wordCount(TIMESTAMPS.matcher(s).replaceAll(" "));
  }
}
