package org.lacrima.cli;

import org.jdbi.v3.core.Jdbi;
import org.lacrima.core.testing.TestPostgresUrl;
import org.lacrima.store.ProjectLocation;
import org.postgresql.ds.PGSimpleDataSource;

/** The PostgreSQL server of {@code LACRIMA_TEST_PG_URL}; required under CI, skipped elsewhere. */
final class TestServer {

  private TestServer() {
  }

  static String url() {
    return TestPostgresUrl.require();
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
    if (TestPostgresUrl.isSet()) {
      jdbi().useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }
  }
}
