package org.lacrima.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the heap in use to the file named by the system property {@code lacrima.bench.heap}, for
 * {@link MeasuredProcess}: the GC log alone misses the heap of a process that ends before a collection.
 * Kept apart from {@link MeasuredMain} so that a peer's process loads no Lacrima class.
 */
final class HeapAtEnd {

  private HeapAtEnd() {
  }

  static void record() throws IOException {
    String file = System.getProperty("lacrima.bench.heap");
    if (file != null) {
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      Files.writeString(Path.of(file), Long.toString(used));
    }
  }
}
