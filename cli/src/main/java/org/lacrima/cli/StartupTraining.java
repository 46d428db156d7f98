package org.lacrima.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.lacrima.store.SqliteNativeLibrary;

/**
 * The run the launcher records once after each build, so that the JVM can start later runs from what this one
 * loaded, linked and learnt (an AOT cache on Java 25 and newer, a class-data archive before): the commands most
 * used, on the demo study in a temporary folder, with their output discarded. Nothing of it is kept but the
 * JVM's record; it never touches a user's projects.
 */
public final class StartupTraining {

  private StartupTraining() {
  }

  /** With an argument: also writes SQLite's native library into that folder (see {@link SqliteNativeLibrary}). */
  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      SqliteNativeLibrary.extractTo(Path.of(args[0]));
    }
    Path dir = Files.createTempDirectory("lacrima-training");
    try {
      run(dir).forEach(failed -> System.err.println("lacrima: the startup training run " + failed));
    } finally {
      deleteTree(dir);
    }
  }

  /** Runs the commands on a demo study made in {@code dir}; returns those that did not end with status 0. */
  static List<String> run(Path dir) {
    String project = dir.resolve("demo.lacrima").toString();
    String out = dir.resolve("out").toString();
    List<List<String>> runs = List.of(
        List.of("demo", "--out", project),
        List.of("codebook", project),
        List.of("stats", project),
        List.of("agreement", project, "--coders", "jonas,mira"),
        List.of("agreement", project, "--coders", "jonas,mira", "--format", "json", "-o", out + ".json"),
        List.of("agreement", project, "--coders", "jonas,mira", "--unit", "character", "--format", "csv", "-o",
            out + ".csv"),
        List.of("consensus", project, "--coders", "jonas,mira"),
        List.of("consensus", "status", project),
        List.of("codings", "export", project, "-o", out + "-codings.csv"));
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    List<String> failed = new ArrayList<>();
    for (List<String> run : runs) {
      int status = Lacrima.execute(nowhere, nowhere, run.toArray(String[]::new));
      if (status != 0) {
        failed.add("\"" + String.join(" ", run) + "\" ended with status " + status);
      }
    }
    return failed;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
