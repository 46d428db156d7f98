package org.lacrima.store;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same properties on PostgreSQL, with fewer sequences: the server is slower per transaction. */
class PostgresCategoryHistoryPropertyTest extends CategoryHistoryProperties {

  private static String schema;

  @BeforeAll
  static void schema() {
    TestPostgres.url();
    schema = TestPostgres.newSchema();
  }

  @AfterAll
  static void drop() {
    if (schema != null) {
      TestPostgres.dropSchema(schema);
    }
  }

  @Override
  int sequences() {
    return 8;
  }

  @Override
  ProjectLocation location(int seed) {
    return TestPostgres.location(schema, "p" + seed + "-" + UUID.randomUUID());
  }
}
