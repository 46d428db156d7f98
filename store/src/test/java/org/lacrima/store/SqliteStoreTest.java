package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lacrima.store.StoreFixtures.newProject;
import static org.lacrima.store.StoreFixtures.seedBuiltIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectAccessException;
import org.lacrima.core.project.ProjectStore;

class SqliteStoreTest extends ProjectStoreContract {

  @TempDir
  Path dir;

  @Override
  ProjectLocation freshLocation() {
    return new ProjectLocation.SqliteFile(dir.resolve("study-" + UUID.randomUUID() + ".lacrima"));
  }

  @Override
  org.jdbi.v3.core.Jdbi database(ProjectLocation location) {
    return org.jdbi.v3.core.Jdbi.create(ProjectStores.sqlite(((ProjectLocation.SqliteFile) location).file(), false));
  }

  /**
   * Another process committing a large change holds the file exclusively for seconds: a command that only reads
   * waits it out rather than failing on its first look at the file.
   */
  @Test
  void aReaderWaitsOutAnotherProcesssCommit() throws Exception {
    ProjectLocation.SqliteFile location = (ProjectLocation.SqliteFile) freshLocation();
    ProjectStores.create(location, newProject("held"), seedBuiltIn()).close();
    try (var holder = java.sql.DriverManager.getConnection("jdbc:sqlite:" + location.file());
        var st = holder.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      ExecutorService later = Executors.newSingleThreadExecutor();
      try {
        Future<String> reader = later.submit(() -> {
          try (ProjectStore store = ProjectStores.open(location)) {
            return store.info().name();
          }
        });
        Thread.sleep(2_500); // longer than a writer would wait
        assertThat(reader.isDone()).as("the reader is still waiting").isFalse();
        st.execute("COMMIT");
        assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo("held");
      } finally {
        later.shutdownNow();
      }
    }
  }

  @Test
  void ofManyCreatingOneFileAtOnceOneWinsAndItsProjectStays() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 10; round++) {
        Path file = dir.resolve("race-" + round + ".lacrima");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> creators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          String name = "creator " + i;
          creators.add(pool.submit(() -> {
            go.await();
            try (ProjectStore store = ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject(name),
                seedBuiltIn())) {
              return store.info().name();
            } catch (ProjectAccessException e) {
              assertThat(e).hasMessageContaining("already exists");
              return null;
            }
          }));
        }
        go.countDown();
        List<String> winners = new ArrayList<>();
        for (Future<String> f : creators) {
          String won = f.get(60, TimeUnit.SECONDS);
          if (won != null) {
            winners.add(won);
          }
        }
        assertThat(winners).hasSize(1);
        try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file))) {
          assertThat(store.info().name()).isEqualTo(winners.get(0));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedCreationLeavesAFileThatTookItsPlace() throws IOException {
    Path file = dir.resolve("study.lacrima");
    Path other = Files.writeString(dir.resolve("other.txt"), "not ours");
    assertThatThrownBy(() -> ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("failing"), s -> {
      try {
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new InputException("stop here");
    })).hasMessage("stop here");
    assertThat(file).hasContent("not ours");
  }

  @Test
  void aCreationRemovesWhatAKilledOneLeftAnHourAgoButNotAFreshOne() throws IOException {
    Path file = dir.resolve("study.lacrima");
    Path old = Files.writeString(dir.resolve(".study.lacrima." + UUID.randomUUID() + ".creating"), "half");
    Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(7200)));
    Path fresh = Files.writeString(dir.resolve(".study.lacrima." + UUID.randomUUID() + ".creating"), "running");
    ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("p"), s -> null).close();
    assertThat(old).doesNotExist();
    assertThat(fresh).exists();
  }

  @Test
  void aCreationThatFailsLeavesNoFileBehindToStandInTheWayOfTheNext() throws IOException {
    Path file = dir.resolve("study.lacrima");
    assertThatThrownBy(() -> ProjectStores.create(new ProjectLocation.SqliteFile(file), newProject("failing"), s -> {
      throw new InputException("stop here");
    })).hasMessage("stop here");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    // the file an init killed halfway left in earlier releases: the schema, no project
    Files.createFile(file);
    new Migrations(Dialect.SQLITE).bringUpToDate(ProjectStores.sqlite(file, true), "main", java.util.Optional.empty(),
        file.toString());
    assertThatThrownBy(() -> ProjectStores.open(new ProjectLocation.SqliteFile(file)))
        .hasMessageContaining("holds no project: its creation was cut off").hasMessageContaining("delete it");
  }
}
