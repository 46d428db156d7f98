package org.lacrima.cli;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.lacrima.store.ProjectLocation;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL server of {@code LACRIMA_TEST_PG_URL}; required under CI, skipped elsewhere. */
final class TestServer {

  private TestServer() {
  }

  static String url() {
    String url = System.getenv("LACRIMA_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      String message = "LACRIMA_TEST_PG_URL is not set: this test needs a PostgreSQL server "
          + "(e.g. postgresql://postgres@127.0.0.1:5432/test; .ci/run sets it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    return url;
  }

  static Jdbi jdbi() {
    ProjectLocation.PostgresProject p = ProjectLocation.postgres(url(), "any");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(p.jdbcUrl());
    p.properties().forEach((k, v) -> {
      try {
        ds.setProperty(k.toString(), v.toString());
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    ds.setApplicationName("lacrima-test");
    return Jdbi.create(ds);
  }

  static void dropSchema(String schema) {
    if (System.getenv("LACRIMA_TEST_PG_URL") != null) {
      jdbi().useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }
  }
}
