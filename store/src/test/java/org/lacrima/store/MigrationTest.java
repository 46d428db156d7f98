package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lacrima.store.StoreFixtures.newProject;
import static org.lacrima.store.StoreFixtures.seedBuiltIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.project.ProjectAccessException;
import org.lacrima.core.project.ProjectStore;

class MigrationTest {

  @TempDir
  Path dir;

  /** A release after this one, whose migration adds a column. */
  private static Migrations later(Dialect d) {
    return new Migrations(d, List.of(d.migrations, "classpath:db/test-migration/" + d.name().toLowerCase()),
        Migrations.LATEST + 1);
  }

  /** A release after this one, whose migration fails halfway. */
  private static Migrations broken(Dialect d) {
    return new Migrations(d, List.of(d.migrations, "classpath:db/test-broken-migration/" + d.name().toLowerCase()),
        Migrations.LATEST + 1);
  }

  /** The first release's schema. */
  private static Migrations first(Dialect d) {
    return new Migrations(d, List.of(d.migrations), 1);
  }

  /** Another application's SQLite database that keeps its schema with Flyway under the same table name. */
  private Path otherProgramsDatabase(String version, String table) {
    Path app = dir.resolve("app.db");
    Jdbi.create("jdbc:sqlite:" + app).useHandle(h -> {
      h.execute("CREATE TABLE schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), "
          + "description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INT, "
          + "installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL DEFAULT '', execution_time INT NOT NULL, "
          + "success BOOLEAN NOT NULL)");
      h.execute("INSERT INTO schema_history VALUES (1, ?, 'init', 'SQL', 'V1__init.sql', 1, 'app', '', 0, 1)", version);
      h.execute("CREATE TABLE " + table);
    });
    return app;
  }

  private static String note(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT later_release_note FROM project").mapTo(String.class).one());
  }

  @Test
  void theNewestMigrationFileIsTheSchemaVersionThisReleaseKnows() throws IOException {
    for (String dialect : List.of("sqlite", "postgresql")) {
      Path folder = Path.of("src/main/resources/db/migration", dialect);
      int newest = 0;
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : files.toList()) {
          Matcher m = Pattern.compile("V(\\d+)__.*\\.sql").matcher(f.getFileName().toString());
          assertThat(m.matches()).as(f.toString()).isTrue();
          newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
      }
      assertThat(newest).as(dialect).isEqualTo(Migrations.LATEST);
    }
  }

  @Test
  void anOlderSqliteProjectIsCopiedThenMigrated() throws IOException {
    Path file = dir.resolve("study.lacrima");
    ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("study"), seedBuiltIn()).close();
    byte[] before = Files.readAllBytes(file);
    String said;
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file), later(Dialect.SQLITE))) {
      int size = store.read(s -> s.categories().current().size());
      assertThat(size).isEqualTo(33);
      said = store.openingNote().orElseThrow();
    }
    List<Path> copies;
    try (Stream<Path> files = Files.list(dir)) {
      copies = files.filter(f -> f.getFileName().toString().startsWith("study.lacrima.v" + Migrations.LATEST + "-")
          && f.getFileName().toString().endsWith(".bak")).toList();
    }
    assertThat(copies).singleElement().satisfies(copy -> assertThat(Files.readAllBytes(copy)).isEqualTo(before));
    // the copy was written under a name of its own and moved into place: nothing of that name is left
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
    // the user is told, since the file grew a copy and the older Lacrima can no longer open it
    assertThat(said).isEqualTo("brought " + file + " from schema version " + Migrations.LATEST + " (an older "
        + "Lacrima's) to " + (Migrations.LATEST + 1) + "; the file as it was is kept at " + copies.get(0) + "; the "
        + "older Lacrima can no longer open it");
    try (ProjectStore again = ProjectStores.open(new ProjectLocation.SqliteFile(file), later(Dialect.SQLITE))) {
      assertThat(again.openingNote()).as("opened when up to date").isEmpty();
    }
    assertThat(note(Jdbi.create(ProjectStores.sqlite(file, false)))).isEqualTo("migrated");
  }

  @Test
  void threeProcessesOpeningAnOlderProjectAtOnceLeaveOneCopy() throws Exception {
    Path file = dir.resolve("study.lacrima");
    ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("study"), seedBuiltIn()).close();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> opened = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        opened.add(pool.submit(() -> {
          start.await();
          try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file), later(Dialect.SQLITE))) {
            return store.read(s -> s.categories().current().size());
          }
        }));
      }
      start.countDown();
      for (var f : opened) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(33);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".bak"))).hasSize(1);
    }
  }

  @Test
  void anotherProgramsDatabaseWithATableNamedProjectIsNotAProjectEither() throws IOException {
    Path app = otherProgramsDatabase("1", "project (id INTEGER PRIMARY KEY, title TEXT)");
    byte[] before = Files.readAllBytes(app);
    assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(app)))
        .hasMessage(app + " is a SQLite database but not a Lacrima project");
    assertThat(Files.readAllBytes(app)).isEqualTo(before);
  }

  @Test
  void aProjectOfTheFirstReleaseIsCopiedThenBroughtUpToDate() throws IOException {
    Path file = dir.resolve("first.lacrima");
    ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("first"), seedBuiltIn(), first(Dialect.SQLITE))
        .close();
    byte[] before = Files.readAllBytes(file);
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file))) {
      int changes = store.read(s -> s.log().all().size());
      assertThat(changes).isEqualTo(1);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("first.lacrima.v1-")).toList())
          .singleElement().satisfies(copy -> assertThat(Files.readAllBytes(copy)).isEqualTo(before));
    }
    int version = Jdbi.create(ProjectStores.sqlite(file, false)).withHandle(h ->
        h.createQuery("SELECT MAX(CAST(version AS INTEGER)) FROM schema_history").mapTo(Integer.class).one());
    assertThat(version).isEqualTo(Migrations.LATEST);
  }

  /**
   * A file read-only for the user: refused before any copy. Root may write any file, so the test says the file is
   * read-only through the same question Lacrima asks (Files.isWritable for everyone else), and runs as any user.
   */
  @Test
  void anOlderProjectReadOnlyForTheUserIsRefusedWithoutACopy() throws IOException {
    Path file = dir.resolve("study.lacrima");
    ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("study"), seedBuiltIn()).close();
    Dialect d = Dialect.SQLITE;
    Migrations readOnly = new Migrations(d, List.of(d.migrations, "classpath:db/test-migration/sqlite"),
        Migrations.LATEST + 1, f -> false);
    byte[] before = Files.readAllBytes(file);
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(file), readOnly))
          .isInstanceOf(ProjectAccessException.class).hasMessageContaining("read-only for you")
          .hasMessageEndingWith("Nothing was changed.");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".bak"))).isEmpty();
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aProjectWrittenByANewerLacrimaIsRefusedUntouched() throws IOException {
    Path file = dir.resolve("newer.lacrima");
    ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("newer"), seedBuiltIn(), later(Dialect.SQLITE))
        .close();
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(file)))
        .isInstanceOf(ProjectAccessException.class)
        .hasMessageContaining("written by a newer Lacrima (schema version " + (Migrations.LATEST + 1)
            + "; this one knows up to " + Migrations.LATEST + ")");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotAProjectIsNamedAsSuch() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.lacrima"), "just notes");
    assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(text)))
        .hasMessageContaining("is not a Lacrima project");
    assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(dir.resolve("missing.lacrima"))))
        .hasMessageContaining("there is no project at").hasMessageContaining("lacrima init");
  }

  @Test
  void anotherProgramsDatabaseWithAFlywayHistoryIsNeitherCopiedNorMigrated() throws IOException {
    // an application of someone else's that keeps its schema with Flyway under the same table name
    Path app = otherProgramsDatabase("2", "users (id INTEGER PRIMARY KEY, name TEXT)");
    byte[] before = Files.readAllBytes(app);
    assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(app)))
        .hasMessage(app + " is a SQLite database but not a Lacrima project");
    assertThat(Files.readAllBytes(app)).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("app.db");
    }
  }

  @Test
  void onPostgresqlAFailingMigrationLeavesNothingBehind() {
    String schema = TestPostgres.newSchema();
    try {
      ProjectLocation.PostgresProject location = TestPostgres.location(schema, "p-" + UUID.randomUUID());
      ProjectStores.create(location, newProject("p"), seedBuiltIn()).close();
      assertThatThrownBy(() -> ProjectStores.open(location, broken(Dialect.POSTGRESQL)))
          .isInstanceOf(ProjectAccessException.class).hasMessageContaining("could not bring");
      Jdbi jdbi = Jdbi.create(ProjectStores.postgres(location));
      boolean halfDone = jdbi.withHandle(h -> h.createQuery(
              "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = :s AND table_name = 'half_done')")
          .bind("s", schema).mapTo(Boolean.class).one());
      assertThat(halfDone).isFalse();
      try (ProjectStore store = ProjectStores.open(location)) {
        int size = store.read(s -> s.categories().current().size());
        assertThat(size).isEqualTo(33);
      }
      try (ProjectStore store = ProjectStores.open(location, later(Dialect.POSTGRESQL))) {
        assertThat(store.info().name()).isEqualTo(location.project());
        assertThat(note(Jdbi.create(ProjectStores.postgres(location)))).isEqualTo("migrated");
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }
}
