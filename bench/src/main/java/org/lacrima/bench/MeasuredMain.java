package org.lacrima.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    HeapAtEnd.record();
    System.exit(status);
  }
}
