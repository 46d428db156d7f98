package org.lacrima.store;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.lacrima.core.testing.TestPostgresUrl;

/**
 * The PostgreSQL server the tests use, named by {@code LACRIMA_TEST_PG_URL}
 * (postgresql://user@host:port/database). Each test class works in a schema of its own, dropped
 * afterwards. Without the variable the tests fail under CI and are skipped elsewhere.
 */
final class TestPostgres {

  private TestPostgres() {
  }

  static String url() {
    return TestPostgresUrl.require();
  }

  static String newSchema() {
    return "lacrima_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  static ProjectLocation.PostgresProject location(String schema, String project) {
    String url = url();
    return ProjectLocation.postgres(url + (url.contains("?") ? "&" : "?") + "schema=" + schema, project);
  }

  static void dropSchema(String schema) {
    if (!TestPostgresUrl.isSet()) {
      return;
    }
    ProjectLocation.PostgresProject p = location(schema, "any");
    Jdbi.create(ProjectStores.postgres(p)).useHandle(h -> h.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
  }
}
