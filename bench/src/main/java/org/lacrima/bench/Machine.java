package org.lacrima.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of the machine a benchmark ran on. */
final class Machine {

  private Machine() {
  }

  static String describe() {
    String cpu = "unknown CPU";
    long memoryKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memoryKb = Long.parseLong(line.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the JVM's own view below still says enough
    }
    return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB RAM, %s %s, Java %s", cpu,
        Runtime.getRuntime().availableProcessors(), memoryKb / 1024.0 / 1024.0, System.getProperty("os.name"),
        System.getProperty("os.version"), Runtime.version());
  }
}
