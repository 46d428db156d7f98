package org.lacrima.bench;

import static org.lacrima.bench.CommandLines.concat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a lacrima command as a whole process, as a user would (the runnable jar on the class path,
 * one JVM per command), and measures its wall time and its peak heap: the largest heap occupancy
 * the JVM's GC log shows just before a collection, or the heap in use at the end if that is larger.
 */
final class MeasuredProcess {

  /** Wall time, peak heap in bytes, exit status and output of one run. */
  record Result(double seconds, long peakHeapBytes, int status, String output) {
    double peakHeapMb() {
      return peakHeapBytes / (1024.0 * 1024.0);
    }
  }

  /** The status of a run ended for taking too long. */
  static final int TIMED_OUT = -1;

  private static final Pattern BEFORE_GC = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");
  private final Path java;
  private final String classPath;
  private final Path work;

  MeasuredProcess(Path java, String classPath, Path work) {
    this.java = java;
    this.classPath = classPath;
    this.work = work;
  }

  Result run(List<String> args) throws IOException, InterruptedException {
    return run(List.of("--enable-native-access=ALL-UNNAMED"), classPath, MeasuredMain.class.getName(), args, 0);
  }

  /**
   * Runs {@code mainClass} with the given JVM options and class path. With a positive {@code timeoutSeconds}
   * a process still running then is ended and its result has status {@link #TIMED_OUT}.
   */
  Result run(List<String> jvmOptions, String classPath, String mainClass, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    // a name that does not exist yet: the JVM would rotate an existing file aside
    Path gcLog = work.resolve("gc-" + System.nanoTime() + ".log");
    Path heapAtEnd = Files.createTempFile(work, "heap-", ".txt");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xlog:gc:file=" + gcLog));
    command.addAll(jvmOptions);
    command.addAll(List.of("-Dlacrima.bench.heap=" + heapAtEnd, "-cp", classPath, mainClass));
    command.addAll(args);
    try {
      return measure(new ProcessBuilder(command), gcLog, heapAtEnd, timeoutSeconds);
    } finally {
      Files.delete(heapAtEnd);
    }
  }

  /**
   * Runs the {@code lacrima} launcher as a user does, the JVM options passed through {@code LACRIMA_JAVA_OPTIONS};
   * its peak heap is the largest the GC log shows before a collection (the launcher's JVM records no heap at its
   * end).
   */
  Result runLauncher(Path launcher, List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
    Path gcLog = work.resolve("gc-" + System.nanoTime() + ".log");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LACRIMA_JAVA_OPTIONS",
        String.join(" ", concat(List.of("-Xlog:gc:file=" + gcLog), jvmOptions)));
    builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
    return measure(builder, gcLog, null, 0);
  }

  private Result measure(ProcessBuilder builder, Path gcLog, Path heapAtEnd, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(work, "out-", ".txt");
    long start = System.nanoTime();
    Process p = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
    int status;
    if (timeoutSeconds > 0 && !p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
      status = TIMED_OUT;
    } else {
      status = p.waitFor();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String log = Files.exists(gcLog) ? Files.readString(gcLog, StandardCharsets.UTF_8) : "";
    String out = Files.readString(output, StandardCharsets.UTF_8);
    String atEnd = heapAtEnd == null ? "" : Files.readString(heapAtEnd, StandardCharsets.UTF_8).strip();
    Files.deleteIfExists(gcLog);
    Files.delete(output);
    return new Result(seconds, Math.max(peakBeforeCollections(log), atEnd.isEmpty() ? 0 : Long.parseLong(atEnd)),
        status, out);
  }

  static long peakBeforeCollections(String gcLog) {
    long peak = 0;
    Matcher m = BEFORE_GC.matcher(gcLog);
    while (m.find()) {
      long unit = switch (m.group(2)) {
        case "K" -> 1024L;
        case "M" -> 1024L * 1024;
        default -> 1024L * 1024 * 1024;
      };
      peak = Math.max(peak, Long.parseLong(m.group(1)) * unit);
    }
    return peak;
  }
}
