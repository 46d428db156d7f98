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
 * The files that put a coding file into a project: one transcript per document whose speaker turns are the
 * file's units (alternating {@code I:} and {@code B:}, a few nonsense words each), and a codings CSV where each
 * code a coder gave a unit is a coding spanning that turn, category i of the file being the i-th codable
 * category of the built-in system, coder k named A, B, C, … With {@code --unit turn} the project's agreement
 * study then has the file's units and values.
 */
final class CodingProject {

  private static final String[] WORDS = ("and then she cried quietly for a while because the session was "
      + "almost over we stayed with it so the tears came again later I said nothing long silence").split(" ");

  /** Where the files are. */
  record Written(Path folder, List<Path> transcripts, Path codings, long codingRows) {
  }

  private CodingProject() {
  }

  /** Writes into {@code folder} (or reuses what a previous run wrote there from the same coding file). */
  static Written write(Path codingFile, Path folder) throws IOException {
    int coders = CodingFile.coders(codingFile);
    int categories = CodingFile.categories(codingFile);
    List<UUID> ids = BuiltInCategorySystem.get().codable().stream().map(c -> c.id()).toList();
    if (categories > ids.size()) {
      throw new IOException(categories + " categories, but the built-in system has " + ids.size() + " codable ones");
    }
    Path done = folder.resolve("COMPLETE");
    Path codings = folder.resolve("codings.csv");
    Path transcripts = folder.resolve("transcripts");
    String stamp = codingFile.toAbsolutePath() + " " + Files.size(codingFile) + " " + Files.getLastModifiedTime(codingFile);
    if (Files.exists(done) && Files.readString(done).startsWith(stamp + "\n")) {
      List<Path> files = new ArrayList<>();
      try (var list = Files.list(transcripts)) {
        list.sorted().forEach(files::add);
      }
      return new Written(folder, files, codings, Long.parseLong(Files.readString(done).lines().skip(1).findFirst().orElse("0")));
    }
    Files.createDirectories(transcripts);
    List<String> coderNames = LacrimaFileRun.coderNames(coders);
    List<Path> files = new ArrayList<>();
    long[] rows = new long[1];
    SplittableRandom random = new SplittableRandom(4);
    try (BufferedWriter csv = Files.newBufferedWriter(codings, StandardCharsets.UTF_8)) {
      csv.write("document,start,end,category,coder\n");
      StringBuilder text = new StringBuilder();
      int[] current = {-1};
      int[] turn = new int[1];
      CodingFile.read(codingFile, coders, (document, masks) -> {
        try {
          if (document != current[0]) {
            if (current[0] >= 0) {
              files.add(writeTranscript(transcripts, current[0], text));
            }
            current[0] = document;
            text.setLength(0);
            turn[0] = 0;
          }
          text.append(turn[0] % 2 == 0 ? "I: " : "B: ");
          int start = text.length();
          int words = 4 + random.nextInt(10);
          for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
          }
          text.append('.');
          int end = text.length();
          text.append("\n\n");
          turn[0]++;
          String name = documentName(document);
          for (int k = 0; k < coders; k++) {
            for (int c = 0; c < categories; c++) {
              if ((masks[k] >>> c & 1) != 0) {
                csv.write(name + "," + start + "," + end + "," + ids.get(c) + "," + coderNames.get(k) + "\n");
                rows[0]++;
              }
            }
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      if (current[0] >= 0) {
        files.add(writeTranscript(transcripts, current[0], text));
      }
    }
    Files.writeString(done, stamp + "\n" + rows[0] + "\n");
    return new Written(folder, files, codings, rows[0]);
  }

  private static Path writeTranscript(Path folder, int document, StringBuilder text) throws IOException {
    Path file = folder.resolve(documentName(document) + ".txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static String documentName(int document) {
    return String.format(Locale.ROOT, "doc-%05d", document);
  }
}
