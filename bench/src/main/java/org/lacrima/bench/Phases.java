package org.lacrima.bench;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dlacrima.bench.phases=true}, prints to standard error how long each phase of a run took since
 * the JVM started: the cheap profile that says where a whole-process time goes.
 */
final class Phases {

  private static final boolean ON = Boolean.getBoolean("lacrima.bench.phases");
  private static long last = -1;

  private Phases() {
  }

  static void mark(String phase) {
    if (!ON) {
      return;
    }
    long now = System.nanoTime();
    if (last < 0) {
      long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
      System.err.printf("%-24s %6d ms (since JVM start)%n", phase, sinceStart);
    } else {
      System.err.printf("%-24s %6.0f ms%n", phase, (now - last) / 1e6);
    }
    last = now;
  }
}
