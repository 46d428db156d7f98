package org.lacrima.store;

import java.util.UUID;
import org.lacrima.core.project.ProjectStore;
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

  /** A command that opened a project replaced since (a demo rebuilt) writes nothing into the copy kept of it. */
  @org.junit.jupiter.api.Test
  void aCommandOpenedBeforeAReplacementWritesNothingIntoTheKeptCopy() {
    ProjectLocation.PostgresProject location = TestPostgres.location(schema, "demo-" + UUID.randomUUID());
    ProjectStores.create(location, StoreFixtures.newProject("demo"), StoreFixtures.seedBuiltIn()).close();
    try (ProjectStore opened = ProjectStores.open(location)) {
      ProjectStores.createReplacing(location, StoreFixtures.newProject("demo"), StoreFixtures.seedBuiltIn(),
          new ProjectStores.Replacement(s -> true, (earlier, built) -> true, n -> location.project() + ".kept-" + n))
          .store().close();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> opened.write(s -> {
        s.coders().add(new org.lacrima.core.coding.Coder(UUID.randomUUID(), "late"));
        return null;
      })).isInstanceOf(org.lacrima.core.project.ProjectAccessException.class)
          .hasMessageContaining("was replaced after this command opened it")
          .hasMessageContaining(location.project() + ".kept-1");
    }
    try (ProjectStore kept = ProjectStores.open(TestPostgres.location(schema, location.project() + ".kept-1"))) {
      java.util.List<org.lacrima.core.coding.Coder> coders = kept.read(s -> s.coders().list());
      org.assertj.core.api.Assertions.assertThat(coders).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void projectsInTwoSchemasNeverBlockEachOther() throws Exception {
    // both projects get key 1 in their own schema
    String other = TestPostgres.newSchema();
    ProjectLocation.PostgresProject a = TestPostgres.location(TestPostgres.newSchema(), "a");
    ProjectLocation.PostgresProject b = TestPostgres.location(other, "b");
    try {
      ProjectStores.create(a, StoreFixtures.newProject("a"), StoreFixtures.seedBuiltIn()).close();
      ProjectStores.create(b, StoreFixtures.newProject("b"), StoreFixtures.seedBuiltIn()).close();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
      try (ProjectStore first = ProjectStores.open(a); ProjectStore second = ProjectStores.open(b)) {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<?> writer = pool.submit(() -> first.write(s -> {
          s.coders().add(new org.lacrima.core.coding.Coder(UUID.randomUUID(), "first"));
          holding.countDown();
          try {
            release.await(30, java.util.concurrent.TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        }));
        holding.await();
        second.write(s -> {
          s.coders().add(new org.lacrima.core.coding.Coder(UUID.randomUUID(), "second"));
          return null;
        });
        release.countDown();
        writer.get();
        java.util.List<org.lacrima.core.coding.Coder> coders = second.read(s -> s.coders().list());
        org.assertj.core.api.Assertions.assertThat(coders)
            .extracting(org.lacrima.core.coding.Coder::name).containsExactly("second");
      } finally {
        pool.shutdownNow();
      }
    } finally {
      TestPostgres.dropSchema(a.schema());
      TestPostgres.dropSchema(other);
    }
  }

  /**
   * Several people starting on a new schema at once: while one sets its tables up, the others wait for it, rather than
   * read its half-made schema as another program's.
   */
  @org.junit.jupiter.api.Test
  void projectsCreatedAtOnceOnANewSchemaAreAllCreated() throws Exception {
    String fresh = TestPostgres.newSchema();
    // the classes loaded beforehand, so that the people below start as their delays say, not together after loading
    ProjectStores.create(freshLocation(), StoreFixtures.newProject("warm"), StoreFixtures.seedBuiltIn()).close();
    int people = 6;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(people);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.List<java.util.concurrent.Future<?>> creating = new java.util.ArrayList<>();
      for (int i = 0; i < people; i++) {
        ProjectLocation.PostgresProject at = TestPostgres.location(fresh, "team-" + i);
        long after = 25L * i;
        creating.add(pool.submit(() -> {
          start.await();
          // staggered, so that some start while the first is still setting the schema up
          Thread.sleep(after);
          ProjectStores.create(at, StoreFixtures.newProject(at.project()), StoreFixtures.seedBuiltIn()).close();
          return null;
        }));
      }
      start.countDown();
      for (java.util.concurrent.Future<?> f : creating) {
        f.get(120, java.util.concurrent.TimeUnit.SECONDS);
      }
      for (int i = 0; i < people; i++) {
        try (ProjectStore opened = ProjectStores.open(TestPostgres.location(fresh, "team-" + i))) {
          int categories = opened.read(s -> s.categories().current().categories().size());
          org.assertj.core.api.Assertions.assertThat(categories).isEqualTo(33);
        }
      }
    } finally {
      pool.shutdownNow();
      TestPostgres.dropSchema(fresh);
    }
  }

  @org.junit.jupiter.api.Test
  void aSchemaNameIsTakenLiterallyNotAsAPattern() {
    String base = TestPostgres.newSchema();
    ProjectLocation.PostgresProject near = TestPostgres.location(base + "x1", "p");
    ProjectLocation.PostgresProject underscore = TestPostgres.location(base + "_1", "p");
    try {
      ProjectStores.create(near, StoreFixtures.newProject("p"), StoreFixtures.seedBuiltIn()).close();
      // "_" in a metadata pattern matches any character: the new schema must not take the other's tables for its own
      ProjectStores.create(underscore, StoreFixtures.newProject("p"), StoreFixtures.seedBuiltIn()).close();
      try (ProjectStore store = ProjectStores.open(underscore)) {
        java.util.List<org.lacrima.core.transcript.DocumentSummary> documents = store.read(s -> s.documents().list());
        org.assertj.core.api.Assertions.assertThat(documents).isEmpty();
      }
    } finally {
      TestPostgres.dropSchema(near.schema());
      TestPostgres.dropSchema(underscore.schema());
    }
  }

  @org.junit.jupiter.api.Test
  void aNameTooLongForTheServersIndexIsAnInputError() {
    try (ProjectStore store = create()) {
      // random, so that the server cannot compress it below its index's limit
      java.util.Random random = new java.util.Random(1);
      StringBuilder name = new StringBuilder();
      while (name.length() < 3_000) {
        name.append((char) ('a' + random.nextInt(26)));
      }
      String longName = name.toString();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.write(s -> {
        s.coders().add(new org.lacrima.core.coding.Coder(UUID.randomUUID(), longName));
        return null;
      })).isInstanceOf(org.lacrima.core.InputException.class).hasMessageContaining("too long");
      java.util.List<org.lacrima.core.coding.Coder> coders = store.read(s -> s.coders().list());
      org.assertj.core.api.Assertions.assertThat(coders).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void aReadOnlyServerSaysSo() {
    ProjectLocation location = freshLocation();
    ProjectStores.create(location, StoreFixtures.newProject("ro"), StoreFixtures.seedBuiltIn()).close();
    ProjectLocation.PostgresProject p = (ProjectLocation.PostgresProject) location;
    String url = TestPostgres.url();
    ProjectLocation.PostgresProject readOnly = ProjectLocation.postgres(url + (url.contains("?") ? "&" : "?")
        + "schema=" + p.schema() + "&options=-c%20default_transaction_read_only%3Don", p.project());
    try (ProjectStore store = ProjectStores.open(readOnly)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.write(s -> {
        s.coders().add(new org.lacrima.core.coding.Coder(UUID.randomUUID(), "c"));
        return null;
      })).hasMessageContaining("accepts only reading").hasMessageNotContaining("file");
    }
  }

  @org.junit.jupiter.api.Test
  void documentsAreListedByCodePointWhateverTheDatabasesLocale() {
    // a database whose collation sorts "cbt-01" before "ST-01", as en_US and de_DE do; SQLite sorts by code point
    String database = "lacrima_test_icu_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    org.jdbi.v3.core.Jdbi server = database(freshLocation());
    server.useHandle(h -> h.execute("CREATE DATABASE " + database
        + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"));
    try {
      String url = TestPostgres.url();
      String other = url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
      ProjectLocation.PostgresProject here = ProjectLocation.postgres(other, "p");
      try (ProjectStore store = ProjectStores.create(here, StoreFixtures.newProject("p"), StoreFixtures.seedBuiltIn())) {
        store.write(s -> org.lacrima.core.transcript.TranscriptImport.run(s, java.util.List.of(
            new org.lacrima.core.transcript.Transcript("cbt-01", "cbt-01.txt", "text", "UTF-8", "sha-c", "I: one\nB: two\n"),
            new org.lacrima.core.transcript.Transcript("ST-01", "ST-01.txt", "text", "UTF-8", "sha-s", "I: three\nB: four\n")),
            StoreFixtures.options(java.util.List.of())));
        java.util.List<org.lacrima.core.transcript.DocumentSummary> listed = store.read(s -> s.documents().list());
        org.assertj.core.api.Assertions.assertThat(listed)
            .extracting(org.lacrima.core.transcript.DocumentSummary::name).containsExactly("ST-01", "cbt-01");
      }
    } finally {
      server.useHandle(h -> h.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
    }
  }

  @Override
  org.jdbi.v3.core.Jdbi database(ProjectLocation location) {
    return org.jdbi.v3.core.Jdbi.create(ProjectStores.postgres((ProjectLocation.PostgresProject) location));
  }
}
