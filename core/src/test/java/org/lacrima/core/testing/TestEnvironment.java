package org.lacrima.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs of the machine (Linux's /proc, a tmpfs, mkfifo): under CI, where the machine is known to have
 * it, a lack fails the test with the reason; elsewhere (a developer's macOS) the test is skipped with it.
 */
public final class TestEnvironment {

  private TestEnvironment() {
  }

  public static void require(boolean holds, String what) {
    if (holds) {
      return;
    }
    String message = "this test needs " + what + ", which this machine lacks";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }
}
