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

  @org.junit.jupiter.api.Test
  void openingAProjectOnASchemaWithoutLacrimaCreatesNothing() {
    String typo = TestPostgres.newSchema();
    ProjectLocation.PostgresProject location = TestPostgres.location(typo, "study");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProjectStores.open(location))
        .isInstanceOf(org.lacrima.core.project.ProjectAccessException.class)
        .hasMessageContaining("holds no Lacrima projects");
    boolean created = database(location).withHandle(h -> h.createQuery(
        "SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = :s)").bind("s", typo)
        .mapTo(Boolean.class).one());
    org.assertj.core.api.Assertions.assertThat(created).isFalse();
  }

  @Override
  org.jdbi.v3.core.Jdbi database(ProjectLocation location) {
    return org.jdbi.v3.core.Jdbi.create(ProjectStores.postgres((ProjectLocation.PostgresProject) location));
  }
}
