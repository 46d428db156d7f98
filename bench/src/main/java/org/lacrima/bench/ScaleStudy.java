package org.lacrima.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.lacrima.core.codebook.BuiltInCategorySystem;

/**
 * A seeded generator of study-sized data: interview transcripts with speaker turns and timestamps,
 * a variables file, and codings by several coders over the built-in categories. The same
 * parameters and seed give the same files, byte for byte, so benchmarks can be repeated and
 * compared. The text is nonsense built from a small bilingual word list; only its shape matters.
 */
public final class ScaleStudy {

  /** What to generate. */
  public record Parameters(int documents, int wordsPerDocument, int wordsPerTurn, int coders, int codings, long seed) {

    public static final Parameters FOUNDATION = new Parameters(1_000, 10_000, 60, 3, 1_000_000, 42);

    /** A folder name that differs whenever a parameter does. */
    public String folderName() {
      return String.format(Locale.ROOT, "study-d%d-w%d-t%d-c%d-k%d-s%d", documents, wordsPerDocument, wordsPerTurn,
          coders, codings, seed);
    }
  }

  /** Where the files are. */
  public record Generated(Path folder, List<Path> transcripts, Path variables, Path codings) {
  }

  private static final String[] WORDS = (
      "ich sie er wir und aber dann also weil wenn nicht noch schon sehr ganz eigentlich irgendwie vielleicht "
          + "weinen weinte tränen traurig wütend still leise lange stunde sitzung therapie patientin gefühl "
          + "moment damals heute mutter vater schwester arbeit angst trauer freude erleichterung beziehung "
          + "the she he we and but then so because when not still already very quite really somehow maybe "
          + "cry cried tears sad angry quiet softly long hour session therapy patient feeling moment back "
          + "mother father sister work fear grief joy relief relationship silence space question answer "
          + "über für später möglich natürlich schwierig während zurück größer außen Müller Köln ß").split(" ");

  private static final String[] ORIENTATIONS = {"PDT", "CBT", "ST", "other"};

  private final Parameters p;

  public ScaleStudy(Parameters p) {
    this.p = p;
  }

  /** Generates into {@code parent}/{@link Parameters#folderName()}, or reuses what a previous run wrote. */
  public Generated generate(Path parent) throws IOException {
    Path folder = parent.resolve(p.folderName());
    Path done = folder.resolve("COMPLETE");
    List<Path> transcripts = new ArrayList<>();
    for (int d = 0; d < p.documents(); d++) {
      transcripts.add(folder.resolve("transcripts").resolve(documentName(d) + ".txt"));
    }
    Generated files = new Generated(folder, transcripts, folder.resolve("variables.csv"), folder.resolve("codings.csv"));
    if (Files.exists(done)) {
      return files;
    }
    Files.createDirectories(folder.resolve("transcripts"));
    SplittableRandom random = new SplittableRandom(p.seed());
    List<int[][]> turnsPerDocument = new ArrayList<>();
    for (int d = 0; d < p.documents(); d++) {
      StringBuilder text = new StringBuilder(p.wordsPerDocument() * 8);
      text.append("Interview ").append(documentName(d)).append(" (generated for benchmarks)\n\n");
      List<int[]> turns = new ArrayList<>();
      int words = 0;
      int turn = 0;
      int seconds = 0;
      while (words < p.wordsPerDocument()) {
        String label = turn % 2 == 0 ? "I" : "B";
        seconds += 5 + random.nextInt(60);
        text.append(label).append(": ");
        if (turn % 5 == 0) {
          text.append(String.format(Locale.ROOT, "[%02d:%02d:%02d] ", seconds / 3600, seconds / 60 % 60, seconds % 60));
        }
        int start = text.length();
        int n = Math.min(p.wordsPerDocument() - words, Math.max(3, p.wordsPerTurn() / 2 + random.nextInt(p.wordsPerTurn())));
        for (int w = 0; w < n; w++) {
          if (w > 0) {
            text.append(w % 12 == 0 ? ". " : " ");
          }
          text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        text.append('.');
        turns.add(new int[] {start, text.length()});
        text.append("\n\n");
        words += n;
        turn++;
      }
      Files.writeString(transcripts.get(d), text, StandardCharsets.UTF_8);
      turnsPerDocument.add(turns.toArray(int[][]::new));
    }
    try (BufferedWriter w = Files.newBufferedWriter(files.variables(), StandardCharsets.UTF_8)) {
      w.write("document,orientation,experience_years,interviewer,date\n");
      for (int d = 0; d < p.documents(); d++) {
        w.write(documentName(d) + "," + ORIENTATIONS[d % ORIENTATIONS.length] + "," + (1 + random.nextInt(35))
            + ",interviewer-" + (d % 7) + "," + (2014 + d % 10) + "-0" + (1 + d % 9) + "-1" + (d % 9) + "\n");
      }
    }
    List<UUID> categories = BuiltInCategorySystem.get().codable().stream().map(c -> c.id()).toList();
    try (BufferedWriter w = Files.newBufferedWriter(files.codings(), StandardCharsets.UTF_8)) {
      w.write("document,start,end,category,coder,memo\n");
      for (int i = 0; i < p.codings(); i++) {
        int d = random.nextInt(p.documents());
        int[][] turns = turnsPerDocument.get(d);
        int[] t = turns[random.nextInt(turns.length)];
        int length = t[1] - t[0];
        int start = t[0] + random.nextInt(Math.max(1, length / 2));
        int end = Math.min(t[1], start + 1 + random.nextInt(Math.max(1, length - (start - t[0]))));
        w.write(documentName(d) + "," + start + "," + end + "," + categories.get(random.nextInt(categories.size()))
            + ",coder-" + (1 + random.nextInt(p.coders())) + "," + (i % 50 == 0 ? "\"memo, number " + i + "\"" : "")
            + "\n");
      }
    }
    Files.writeString(done, p.toString());
    return files;
  }

  static String documentName(int d) {
    return String.format(Locale.ROOT, "interview-%05d", d + 1);
  }
}
