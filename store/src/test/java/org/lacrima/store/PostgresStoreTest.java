package org.lacrima.store;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresStoreTest extends ProjectStoreContract {

  private static String schema;

  @BeforeAll
  static void schema() {
    TestPostgres.url();
    schema = TestPostgres.newSchema();
  }

  @AfterAll
  static void dropSchema() {
    if (schema != null) {
      TestPostgres.dropSchema(schema);
    }
  }

  @Override
  ProjectLocation freshLocation() {
    return TestPostgres.location(schema, "study-" + UUID.randomUUID());
  }

  @Override
  org.jdbi.v3.core.Jdbi database(ProjectLocation location) {
    return org.jdbi.v3.core.Jdbi.create(ProjectStores.postgres((ProjectLocation.PostgresProject) location));
  }
}
