package org.lacrima.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds runs of words shared with the paper, to keep the paper's sentences out of the project.
 * Words are lower-case letter runs; category labels are masked in both texts first (a label is a
 * name, not a copied sentence), and a run never crosses a masked label.
 */
public final class PaperOverlap {

  private static final Pattern WORD = Pattern.compile("[\\p{L}]+|\\u0000");

  private final int runLength;
  private final List<String> labels;
  private final Set<List<String>> paperRuns = new HashSet<>();

  public PaperOverlap(Path paper, Collection<String> labels, int runLength) {
    this.runLength = runLength;
    this.labels = labels.stream().map(l -> l.toLowerCase(Locale.ROOT))
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String text;
    try {
      text = Files.readString(paper, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (List<String> chunk : chunks(text)) {
      for (int i = 0; i + runLength <= chunk.size(); i++) {
        paperRuns.add(List.copyOf(chunk.subList(i, i + runLength)));
      }
    }
  }

  /** The runs of {@code text} that also occur in the paper, each as words joined by spaces. */
  public List<String> sharedRuns(String text) {
    List<String> found = new ArrayList<>();
    for (List<String> chunk : chunks(text)) {
      for (int i = 0; i + runLength <= chunk.size(); i++) {
        List<String> run = chunk.subList(i, i + runLength);
        if (paperRuns.contains(run)) {
          found.add(String.join(" ", run));
        }
      }
    }
    return found;
  }

  private List<List<String>> chunks(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    for (String label : labels) {
      t = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(label) + "(?![\\p{L}])").matcher(t).replaceAll("\u0000");
    }
    List<List<String>> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      if (m.group().equals("\u0000")) {
        chunks.add(current);
        current = new ArrayList<>();
      } else {
        current.add(m.group());
      }
    }
    chunks.add(current);
    return chunks;
  }
}
