package org.lacrima.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lacrima.cli.Lacrima;

/**
 * Runs one lacrima command in this JVM, then writes the heap in use at its end to the file named by
 * the system property {@code lacrima.bench.heap}. Together with the GC log this gives the peak heap
 * of the whole process (the JVM does not log its heap at exit when a command ends with System.exit).
 */
public final class MeasuredMain {

  private MeasuredMain() {
  }

  public static void main(String[] args) throws Exception {
    int status = Lacrima.execute(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    Files.writeString(Path.of(System.getProperty("lacrima.bench.heap")), Long.toString(used));
    System.exit(status);
  }
}
