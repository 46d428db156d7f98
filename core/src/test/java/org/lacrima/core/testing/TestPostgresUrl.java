package org.lacrima.core.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests run against, named by {@code LACRIMA_TEST_PG_URL}
 * (postgresql://user@host:port/database). Without it a test fails under CI ({@code CI=true}) and is
 * skipped elsewhere.
 */
public final class TestPostgresUrl {

  public static final String VARIABLE = "LACRIMA_TEST_PG_URL";

  private TestPostgresUrl() {
  }

  public static boolean isSet() {
    String url = System.getenv(VARIABLE);
    return url != null && !url.isBlank();
  }

  public static String require() {
    if (!isSet()) {
      String message = VARIABLE + " is not set: this test needs a PostgreSQL server "
          + "(e.g. postgresql://postgres@127.0.0.1:5432/test; .ci/run sets it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    return System.getenv(VARIABLE);
  }
}
